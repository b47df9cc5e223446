/** Script of the home page (the list of campaigns): hydration support first, then the element. */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../public/lb-campaign-list.js';
