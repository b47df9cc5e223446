import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignParamsSchema, snapshotEventSchema, type SnapshotEvent } from '../../contract.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import { errorResponses } from './responses.js';

export interface EventsOptions {
  heartbeatMs: number;
  /** Open streams at most, in all (default 500): well below the open files a process is given. */
  maxStreams: number;
  /** Open streams at most from one client address (default 50: an office's colleagues behind one address). */
  maxStreamsPerAddress: number;
}

export const defaultStreamLimits = { maxStreams: 500, maxStreamsPerAddress: 50 } as const;

/** Seconds a refused client is asked to wait before it opens a stream again. */
const retryAfterSeconds = 30;

/**
 * Server-sent events: `event: snapshot` when a snapshot is published, retracted or finalised — of
 * every campaign (/api/events) or of one (/api/campaigns/:id/events) — and a comment line every
 * `heartbeatMs` so proxies keep the connection open.
 */
export const eventRoutes: FastifyPluginAsyncZod<EventsOptions> = async (app, opts) => {
  const clients = new Set<ServerResponse>();
  const perAddress = new Map<string, number>();

  // Close every stream before the server waits for its connections, so app.close() is prompt.
  app.addHook('preClose', async () => {
    for (const res of clients) res.end();
    clients.clear();
  });

  /**
   * Streams are capped in all and per address, so that idle streams can never take the open files
   * that /healthz, the pages and uploads need: past a cap, 503 with Retry-After, before anything is
   * held for the request.
   */
  const admit = (request: FastifyRequest, reply: FastifyReply): (() => void) => {
    const address = request.ip;
    const mine = perAddress.get(address) ?? 0;
    if (clients.size >= opts.maxStreams || mine >= opts.maxStreamsPerAddress) {
      reply.header('retry-after', String(retryAfterSeconds));
      throw new HttpError('too_many_streams', {
        detail:
          mine >= opts.maxStreamsPerAddress
            ? { vi: `tối đa ${opts.maxStreamsPerAddress} luồng từ một địa chỉ`, en: `at most ${opts.maxStreamsPerAddress} streams from one address` }
            : { vi: `tối đa ${opts.maxStreams} luồng`, en: `at most ${opts.maxStreams} streams` },
      });
    }
    perAddress.set(address, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    };
  };

  const stream = (request: FastifyRequest, reply: FastifyReply, campaignId: string | undefined) => {
    const release = admit(request, reply);
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
      release();
    };
    request.raw.on('close', done);
    res.on('close', done);
  };

  const description =
    'text/event-stream. Each event is `event: snapshot` with `data: SnapshotEvent` (JSON). Comment lines (`: heartbeat`) keep the stream alive.';
  const response = {
    200: { description: 'An endless event stream', content: { 'text/event-stream': { schema: snapshotEventSchema } } },
    ...errorResponses('too_many_streams'),
  };

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
        response: { ...response, ...errorResponses('campaign_not_found', 'too_many_streams') },
      },
    },
    async (request, reply) => {
      app.campaigns.requirePublic(request.params.campaignId);
      return stream(request, reply, request.params.campaignId);
    },
  );
};
