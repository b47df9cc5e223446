import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressPart, splicedGzip } from '../src/server/plugins/spliced-gzip.js';
import { api, startApp, tempDb } from './helpers.js';

/**
 * A stored evaluation is compressed once, when it is stored; a gzip answer is spliced around it
 * (a head made at read, the stored blocks, a tail). Any gzip reader must get back exactly the
 * concatenated bytes.
 */
describe('splicedGzip', () => {
  const text = fc.string({ unit: fc.constantFrom('{', '}', '"', 'a', 'ă', 'Đ', '1', ',', ':', ' ', '\n', '€'), maxLength: 3000 });

  it('inflates to prefix + part + suffix, for any texts (repeats across the joins included)', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const [prefix, bytes, suffix] = [a, b, c].map((t) => Buffer.from(t));
        const gz = splicedGzip(prefix!, { bytes: bytes!, deflated: compressPart(bytes!) }, suffix!);
        expect(gunzipSync(gz).equals(Buffer.concat([prefix!, bytes!, suffix!]))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for a part of megabytes whose text repeats the prefix (back-references never cross the join)', () => {
    const row = '{"unitId":"unit-00001","unitName":"Đơn vị 1","groupId":"districts","score":"87.50","rank":3},';
    const prefix = Buffer.from(`{"head":${JSON.stringify(row.repeat(50))},"evaluation":`);
    const bytes = Buffer.from(`[${row.repeat(40_000)}null]`);
    const gz = splicedGzip(prefix, { bytes, deflated: compressPart(bytes) }, Buffer.from('}'));
    expect(gunzipSync(gz).equals(Buffer.concat([prefix, bytes, Buffer.from('}')]))).toBe(true);
    expect(gz.length).toBeLessThan(bytes.length / 10);
  });

  it('is what the leaderboard sends to a client taking gzip, equal to its identity answer', async () => {
    const db = tempDb();
    const app = await startApp({ dbPath: db.dbPath });
    try {
      for (const asOf of ['', '?asOf=2023-09-30']) {
        const url = api('nui-thanh-2023-demo', `leaderboard${asOf}`);
        const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
        const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
        expect(gz.headers['content-encoding']).toBe('gzip');
        expect(gz.headers.etag).toBe(plain.headers.etag);
        expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
        expect(JSON.parse(plain.body).evaluation.units.length).toBeGreaterThan(20);
      }
    } finally {
      await app.close();
      db.cleanup();
    }
  });
});
