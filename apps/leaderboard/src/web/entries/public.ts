/**
 * Script of the public page and the embed. Hydration support first (it must precede lit). The
 * server's HTML is already complete, so the browser paints it before the elements load and
 * hydrate: one frame first, then the elements (preloaded by the page, so no extra round trip).
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
await import('../public/lb-leaderboard.js');
