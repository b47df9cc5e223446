import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

/** A JSON body serialised once, with its ETag and its compressed forms made on first demand. */
class CachedJson {
  readonly etag: string;
  private gz: Buffer | undefined;
  private br: Buffer | undefined;

  constructor(readonly json: Buffer) {
    this.etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  }

  gzip(): Buffer {
    return (this.gz ??= gzipSync(this.json, { level: 9 }));
  }

  brotli(): Buffer {
    return (this.br ??= brotliCompressSync(this.json, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: this.json.length },
    }));
  }
}

/** Whether an Accept-Encoding header accepts `coding` (present, and not with q=0). */
export function acceptsEncoding(header: string | undefined, coding: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.split(';');
    if (name?.trim().toLowerCase() !== coding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function etagMatches(request: FastifyRequest, etag: string): boolean {
  const inm = request.headers['if-none-match'];
  if (typeof inm !== 'string') return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return inm.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}

/**
 * Large JSON bodies that stay the same until the data changes (a leaderboard of 10,000 units is
 * megabytes): kept serialised and compressed under a key that changes with the content, answered
 * 304 to a matching If-None-Match, sent br or gzip when the client takes it. The route's handler
 * never serialises again on a hit.
 */
export class CachedJsonBodies {
  private readonly bodies: LRUCache<string, CachedJson>;

  constructor(max = 16) {
    this.bodies = new LRUCache({ max });
  }

  send(request: FastifyRequest, reply: FastifyReply, key: string, make: () => string) {
    let body = this.bodies.get(key);
    if (!body) {
      body = new CachedJson(Buffer.from(make()));
      this.bodies.set(key, body);
    }
    reply.header('etag', body.etag).header('vary', 'Accept-Encoding').header('cache-control', 'no-cache');
    if (etagMatches(request, body.etag)) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    const accept = request.headers['accept-encoding'];
    if (acceptsEncoding(accept, 'br')) return reply.header('content-encoding', 'br').send(body.brotli());
    if (acceptsEncoding(accept, 'gzip')) return reply.header('content-encoding', 'gzip').send(body.gzip());
    return reply.send(body.json);
  }
}
