import type { FastifyPluginAsync } from 'fastify';

/**
 * The HTML pages (/, /units/:id, /embed, /admin) and the bundled assets under /assets/.
 * Owned by the web front end; registered by buildApp().
 */
export const pagesRoutes: FastifyPluginAsync = async () => {};
