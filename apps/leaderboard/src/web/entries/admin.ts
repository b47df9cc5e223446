/** Script of the admin page: hydration support first (it must precede lit), then the elements. */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../admin/lb-admin.js';
