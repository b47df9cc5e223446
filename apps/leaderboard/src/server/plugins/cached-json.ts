import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { splicedGzip, type PrecompressedPart } from './spliced-gzip.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * A JSON body made of a prefix, optionally a large stored part (a snapshot's evaluation, with its
 * compressed form and hash made when it was stored), and a suffix.
 */
export interface JsonBody {
  prefix: Uint8Array;
  part: (PrecompressedPart & { sha256: string }) | null;
  suffix: Uint8Array;
}

const empty = new Uint8Array(0);

/** A body that is one JSON text (made at read: small, or compressed off the event loop). */
export const jsonText = (text: string): JsonBody => ({ prefix: Buffer.from(text), part: null, suffix: empty });

/**
 * A JSON body kept with its ETag and its compressed forms. With a stored part, the gzip form is
 * spliced around the part's compressed blocks (plugins/spliced-gzip.ts): nothing megabytes long is
 * compressed at read, and the ETag hashes the small prefix and suffix with the part's stored hash.
 * Otherwise the forms are made on first demand in libuv's thread pool (node:zlib's asynchronous
 * calls), never on the event loop.
 */
class CachedJson {
  readonly etag: string;
  private identity: Buffer | undefined;
  private gz: Promise<Buffer> | Buffer | undefined;
  private br: Promise<Buffer> | undefined;

  constructor(private readonly body: JsonBody) {
    const hash = createHash('sha256').update(body.prefix);
    if (body.part) hash.update(`\u0000${body.part.sha256}\u0000`);
    this.etag = `W/"${hash.update(body.suffix).digest('base64url').slice(0, 27)}"`;
  }

  json(): Buffer {
    const { prefix, part, suffix } = this.body;
    return (this.identity ??= part ? Buffer.concat([prefix, part.bytes, suffix]) : Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength));
  }

  gzip(): Promise<Buffer> | Buffer {
    const { prefix, part, suffix } = this.body;
    return (this.gz ??= part ? splicedGzip(prefix, part, suffix) : gzipAsync(this.json(), { level: 9 }));
  }

  /** Brotli for bodies made at read only: a stored part is sent gzip (every client that takes br takes gzip). */
  brotli(): Promise<Buffer> | null {
    if (this.body.part) return null;
    const json = this.json();
    return (this.br ??= brotliAsync(json, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length },
    }));
  }

  /** What it holds: the text, and room for its compressed forms. */
  get bytes(): number {
    const { prefix, part, suffix } = this.body;
    const length = prefix.byteLength + (part?.bytes.byteLength ?? 0) + suffix.byteLength;
    return Math.ceil(length * 1.25 + (part?.deflated.byteLength ?? 0));
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

  async send(request: FastifyRequest, reply: FastifyReply, key: string, make: () => JsonBody) {
    let body = this.bodies.get(key);
    if (!body) {
      body = new CachedJson(make());
      // A body larger than the whole budget is sent, not kept.
      if (body.bytes <= this.bodies.maxSize) this.bodies.set(key, body);
    }
    reply.header('etag', body.etag).header('vary', 'Accept-Encoding').header('cache-control', 'no-cache');
    if (etagMatches(request, body.etag)) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    const accept = request.headers['accept-encoding'];
    const br = acceptsEncoding(accept, 'br') ? body.brotli() : null;
    if (br) return reply.header('content-encoding', 'br').send(await br);
    if (acceptsEncoding(accept, 'gzip')) return reply.header('content-encoding', 'gzip').send(await body.gzip());
    return reply.send(body.json());
  }
}
