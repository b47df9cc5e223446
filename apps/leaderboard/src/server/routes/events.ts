import type { FastifyPluginAsync } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { ApiOperation } from '../openapi.js';
import { snapshotEventSchema } from '../schemas.js';

/**
 * Server-sent events: `event: snapshot` when a snapshot is published, retracted or finalised,
 * and a comment line every `heartbeatMs` so proxies keep the connection open.
 */
export const eventOperations: ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/events',
    summary: 'Sự kiện trực tiếp — server-sent events (`event: snapshot`)',
    description:
      'text/event-stream. Each event is `event: snapshot` with `data: SnapshotEvent` (JSON). Comment lines (`: heartbeat`) keep the stream alive.',
    tags: ['public'],
    responses: { 200: { description: 'An endless event stream', schema: snapshotEventSchema, contentType: 'text/event-stream' } },
  },
];

export interface EventsOptions {
  heartbeatMs: number;
}

export const eventRoutes: FastifyPluginAsync<EventsOptions> = async (app, opts) => {
  const clients = new Set<ServerResponse>();

  // Close every stream before the server waits for its connections, so app.close() is prompt.
  app.addHook('preClose', async () => {
    for (const res of clients) res.end();
    clients.clear();
  });

  app.get('/api/events', { exposeHeadRoute: false }, async (request, reply) => {
    const res = reply.raw;
    // Headers set by hooks (helmet's) are on the reply; carry them over to the hijacked response.
    const headers: Record<string, string | number | string[]> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
    reply.hijack();
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    clients.add(res);

    const unsubscribe = app.campaign.onSnapshotEvent((e) => {
      res.write(`event: snapshot\ndata: ${JSON.stringify(e)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), opts.heartbeatMs);
    heartbeat.unref();
    const done = () => {
      clearInterval(heartbeat);
      unsubscribe();
      clients.delete(res);
    };
    request.raw.on('close', done);
    res.on('close', done);
  });
};
