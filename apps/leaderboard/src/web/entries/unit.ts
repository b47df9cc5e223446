/** Script of a unit's page: hydration support first (it must precede lit), then the elements. */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../public/lb-unit-detail.js';
