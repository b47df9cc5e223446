import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignParamsSchema, snapshotEventSchema, type SnapshotEvent } from '../../contract.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponses } from './responses.js';

export interface EventsOptions {
  heartbeatMs: number;
}

/**
 * Server-sent events: `event: snapshot` when a snapshot is published, retracted or finalised — of
 * every campaign (/api/events) or of one (/api/campaigns/:id/events) — and a comment line every
 * `heartbeatMs` so proxies keep the connection open.
 */
export const eventRoutes: FastifyPluginAsyncZod<EventsOptions> = async (app, opts) => {
  const clients = new Set<ServerResponse>();

  // Close every stream before the server waits for its connections, so app.close() is prompt.
  app.addHook('preClose', async () => {
    for (const res of clients) res.end();
    clients.clear();
  });

  const stream = (request: FastifyRequest, reply: FastifyReply, campaignId: string | undefined) => {
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
    const unsubscribe = app.campaigns.onSnapshotEvent((e: SnapshotEvent) => {
      res.write(`event: snapshot\ndata: ${JSON.stringify(e)}\n\n`);
    }, campaignId);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), opts.heartbeatMs);
    heartbeat.unref();
    const done = () => {
      clearInterval(heartbeat);
      unsubscribe();
      clients.delete(res);
    };
    request.raw.on('close', done);
    res.on('close', done);
  };

  const description =
    'text/event-stream. Each event is `event: snapshot` with `data: SnapshotEvent` (JSON). Comment lines (`: heartbeat`) keep the stream alive.';
  const response = { 200: { description: 'An endless event stream', content: { 'text/event-stream': { schema: snapshotEventSchema } } } };

  app.get(
    '/api/events',
    { exposeHeadRoute: false, schema: { summary: 'Sự kiện trực tiếp — every campaign\u2019s server-sent events', description, tags: ['public'], response } },
    async (request, reply) => stream(request, reply, undefined),
  );

  app.get(
    '/api/campaigns/:campaignId/events',
    {
      exposeHeadRoute: false,
      schema: {
        summary: 'Sự kiện trực tiếp — one campaign\u2019s server-sent events',
        description,
        tags: ['public'],
        params: campaignParamsSchema,
        response: { ...response, ...errorResponses('campaign_not_found') },
      },
    },
    async (request, reply) => {
      app.campaigns.require(request.params.campaignId);
      return stream(request, reply, request.params.campaignId);
    },
  );
};
