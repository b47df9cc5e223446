import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { api, auditLines, auth, csvHeaders, dumpContent, nuiThanhCampaignFile, testCampaignId, startApp, statisticsCsv, statsFor, tempDb } from './helpers.js';

const T = (path: string) => api(testCampaignId, path);

/**
 * Every kind of bad upload is refused with a clear error and leaves the stored content exactly as
 * it was — only the audit log gains one line saying what was refused.
 */
const good = statsFor(nuiThanhRoster, 4);
const goodCsv = () => new TextDecoder().decode(statisticsCsv(good));
const lines = () => goodCsv().replace(/^\uFEFF/, '').trimEnd().split('\r\n');
const upload = (csv: string | Buffer, query = 'asOf=2023-09-30', headers: Record<string, string> = { ...auth, ...csvHeaders }): InjectOptions => ({
  method: 'POST',
  url: T(`admin/snapshots?${query}`),
  headers,
  payload: typeof csv === 'string' ? Buffer.from(csv) : csv,
});

/** Replaces one cell of the data row of `unitId` (columns as in statisticsCsv). */
function withCell(unitId: string, column: number, value: string): string {
  return lines()
    .map((l) => {
      if (!l.startsWith(`${unitId},`)) return l;
      const cells = l.split(',');
      cells[column] = value;
      return cells.join(',');
    })
    .join('\r\n');
}

interface Case {
  name: string;
  request: () => InjectOptions;
  status: number;
  error: string;
  issue?: { code: string; row?: number; column?: string };
  /** Words the message must hold. */
  says?: string;
}

const tamHaiRow = lines().findIndex((l) => l.startsWith('tam-hai,')) + 1;

const cases: Case[] = [
  {
    name: 'a unit outside the roster',
    request: () => upload(`${lines().join('\r\n')}\r\n"xa-moi","Xã Mới","communes",10,8,8,0\r\n`),
    status: 422,
    error: 'invalid_stats_file',
    issue: { code: 'unknown_unit', row: lines().length + 1 },
  },
  {
    name: 'a roster unit left out',
    request: () => upload(lines().filter((l) => !l.startsWith('tam-tra,')).join('\r\n')),
    status: 422,
    error: 'invalid_stats_file',
    issue: { code: 'missing_unit' },
  },
  {
    name: 'on-time online cases above online cases (T > O)',
    request: () => upload(withCell('tam-hai', 5, '999999')),
    status: 422,
    error: 'invalid_stats_file',
    issue: { code: 'on_time_exceeds_online', row: tamHaiRow },
  },
  {
    name: 'a non-numeric count',
    request: () => upload(withCell('tam-hai', 3, 'nhiều')),
    status: 422,
    error: 'invalid_stats_file',
    issue: { code: 'not_a_count', row: tamHaiRow, column: 'resolved_total' },
  },
  { name: 'a malformed asOf', request: () => upload(goodCsv(), 'asOf=2023-09-31'), status: 400, error: 'invalid_as_of' },
  { name: 'no asOf at all', request: () => upload(goodCsv(), ''), status: 400, error: 'invalid_as_of' },
  {
    name: 'an asOf outside the campaign period (dates said DD/MM/YYYY)',
    request: () => upload(goodCsv(), 'asOf=2024-01-31'),
    status: 422,
    error: 'as_of_outside_period',
    says: 'ngày 31/01/2024 không thuộc thời gian thi đua 01/06/2023 – 31/12/2023',
  },
  { name: 'a body over the 5 MB limit', request: () => upload(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41)), status: 413, error: 'body_too_large' },
  {
    name: 'a multipart file over the limit',
    request: () => {
      const boundary = 'xBOUNDARYx';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        Buffer.alloc(5 * 1024 * 1024 + 10, 0x41),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return upload(payload, 'asOf=2023-09-30', { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` });
    },
    status: 413,
    error: 'body_too_large',
  },
  {
    name: 'a multipart upload without the "file" field',
    request: () => {
      const boundary = 'yBOUNDARYy';
      const payload = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${goodCsv()}\r\n--${boundary}--\r\n`,
      );
      return upload(payload, 'asOf=2023-09-30', { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` });
    },
    status: 400,
    error: 'missing_file',
  },
  { name: 'a JSON body', request: () => upload('[]', 'asOf=2023-09-30', { ...auth, 'content-type': 'application/json' }), status: 415, error: 'unsupported_media_type' },
  { name: 'a plain-text body', request: () => upload('x', 'asOf=2023-09-30', { ...auth, 'content-type': 'text/plain' }), status: 415, error: 'unsupported_media_type' },
  { name: 'an empty body', request: () => upload('', 'asOf=2023-09-30'), status: 400, error: 'missing_file' },
  { name: 'a wrong admin token', request: () => upload(goodCsv(), 'asOf=2023-09-30', { ...csvHeaders, authorization: 'Bearer wrong' }), status: 401, error: 'unauthorized' },
  { name: 'no admin token', request: () => upload(goodCsv(), 'asOf=2023-09-30', csvHeaders), status: 401, error: 'unauthorized' },
];

describe('bad uploads change nothing but the audit log', () => {
  const db = tempDb();
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile(), maxFailedAttempts: 100 });
    const first = await app.inject(upload(Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 3))), 'asOf=2023-08-31'));
    expect(first.statusCode).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it.each(cases)('$name → $status $error', async (c) => {
    const before = dumpContent(db.dbPath);
    const auditBefore = auditLines(db.dbPath).length;
    const boardBefore = (await app.inject(T('leaderboard'))).body;

    const res = await app.inject(c.request());

    expect(res.statusCode).toBe(c.status);
    const body = res.json();
    expect(body.error).toBe(c.error);
    expect(body.message).toMatch(/ — /);
    if (c.says) expect(body.message).toContain(c.says);
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    if (c.issue) {
      const issue = (body.issues as { code: string; row: number | null; column: string | null; message: { vi: string; en: string } }[]).find(
        (i) => i.code === c.issue?.code,
      );
      expect(issue, JSON.stringify(body.issues)).toBeDefined();
      if (c.issue.row !== undefined) expect(issue?.row).toBe(c.issue.row);
      if (c.issue.column !== undefined) expect(issue?.column).toBe(c.issue.column);
      expect(issue?.message.vi.length).toBeGreaterThan(0);
      expect(issue?.message.en.length).toBeGreaterThan(0);
    }

    expect(dumpContent(db.dbPath)).toEqual(before);
    const audit = auditLines(db.dbPath);
    expect(audit.length).toBe(auditBefore + 1);
    expect(audit.at(-1)?.outcome).toBe('refused');
    expect((await app.inject(T('leaderboard'))).body).toBe(boardBefore);
  });

  it('the good file still goes through afterwards, and the dump sees that change', async () => {
    const before = dumpContent(db.dbPath);
    const res = await app.inject(upload(goodCsv()));
    expect(res.statusCode).toBe(201);
    expect(dumpContent(db.dbPath)).not.toEqual(before);
  });
});
