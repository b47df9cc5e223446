/** Script of the public page and the embed: hydration support first (it must precede lit), then the elements. */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../lb-leaderboard.js';
