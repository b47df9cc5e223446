import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * A JSON body serialised once, with its ETag and its compressed forms made on first demand — in
 * libuv's thread pool (node:zlib's asynchronous calls), never on the event loop: a national board is
 * megabytes, and compressing it takes a fair part of a second.
 */
class CachedJson {
  readonly etag: string;
  private gz: Promise<Buffer> | undefined;
  private br: Promise<Buffer> | undefined;

  constructor(readonly json: Buffer) {
    this.etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  }

  gzip(): Promise<Buffer> {
    return (this.gz ??= gzipAsync(this.json, { level: 9 }));
  }

  brotli(): Promise<Buffer> {
    return (this.br ??= brotliAsync(this.json, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: this.json.length },
    }));
  }

  /** What it holds: the text, and room for its two compressed forms (about a tenth of it each). */
  get bytes(): number {
    return Math.ceil(this.json.length * 1.25);
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

/** The default budget of kept JSON bodies, bytes. */
export const defaultCachedJsonBytes = 64 * 1024 * 1024;

/**
 * Large JSON bodies that stay the same until the data changes (a leaderboard of 10,000 units is
 * megabytes): kept serialised and compressed under a key that changes with the content, answered
 * 304 to a matching If-None-Match, sent br or gzip when the client takes it. The route's handler
 * never serialises again on a hit. Bounded by bytes, not by count.
 */
export class CachedJsonBodies {
  private readonly bodies: LRUCache<string, CachedJson>;

  /** `maxBytes`: what the kept bodies may hold in all (default 64 MB: a dozen boards of a 10,000-unit race). */
  constructor(maxBytes = defaultCachedJsonBytes) {
    this.bodies = new LRUCache({ maxSize: maxBytes, sizeCalculation: (body) => body.bytes });
  }

  async send(request: FastifyRequest, reply: FastifyReply, key: string, make: () => string) {
    let body = this.bodies.get(key);
    if (!body) {
      body = new CachedJson(Buffer.from(make()));
      // A body larger than the whole budget is sent, not kept.
      if (body.bytes <= this.bodies.maxSize) this.bodies.set(key, body);
    }
    reply.header('etag', body.etag).header('vary', 'Accept-Encoding').header('cache-control', 'no-cache');
    if (etagMatches(request, body.etag)) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    const accept = request.headers['accept-encoding'];
    if (acceptsEncoding(accept, 'br')) return reply.header('content-encoding', 'br').send(await body.brotli());
    if (acceptsEncoding(accept, 'gzip')) return reply.header('content-encoding', 'gzip').send(await body.gzip());
    return reply.send(body.json);
  }
}
