import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterUnit } from '../src/contract.js';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { seededRandom } from '../src/demo/statistics.js';
import { api, auditLines, auth, csvHeaders, dumpContent, startApp, statisticsCsv, statsFor, tempDb } from './helpers.js';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const boundary = '----thidua-form-7f3a';
function validForm(file: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="so-lieu.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/** One malformed variant of a valid form: cut short, bytes flipped, headers or boundaries broken. */
function malformed(form: Buffer, next: () => number): { body: Buffer; contentType: string } {
  const at = (n: number) => Math.floor(next() * n);
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const text = form.toString('latin1');
  switch (at(8)) {
    case 0: // cut short anywhere before the closing boundary
      return { body: form.subarray(0, at(form.length - boundary.length - 8)), contentType };
    case 1: {
      // random bytes in the part's headers
      const b = Buffer.from(form);
      const end = text.indexOf('\r\n\r\n');
      for (let i = 0; i < 1 + at(6); i++) b[at(end)] = at(256);
      return { body: b, contentType };
    }
    case 2: // the closing boundary missing
      return { body: Buffer.from(text.replace(`\r\n--${boundary}--\r\n`, '\r\n'), 'latin1'), contentType };
    case 3: // the header block never ends
      return { body: Buffer.from(text.replace('\r\n\r\n', '\r\n'), 'latin1').subarray(0, 200 + at(200)), contentType };
    case 4: // a boundary in the header that the body never uses
      return { body: form, contentType: `multipart/form-data; boundary=other${at(1e6)}` };
    case 5: // no boundary parameter at all, or an empty one
      return { body: form, contentType: at(2) === 0 ? 'multipart/form-data' : 'multipart/form-data; boundary=' };
    case 6: // garbage instead of a form
      return { body: Buffer.from(Array.from({ length: 1 + at(400) }, () => at(256))), contentType };
    default: {
      // a broken Content-Disposition
      const broken = ['Content-Disposition: form-data; name=', 'Content-Disposition: ;;;', 'Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'%E0%A4%A'][at(3)] ?? '';
      return { body: Buffer.from(text.replace(/Content-Disposition: [^\r]*/, broken), 'latin1'), contentType };
    }
  }
}

/** A roster of `n` communes and departments, for a campaign big enough to fill a small disk. */
function bigRoster(n: number): RosterUnit[] {
  return Array.from({ length: n }, (_, i) => ({ id: `don-vi-${i + 1}`, name: `Đơn vị số ${i + 1}`, group: i % 5 === 0 ? 'departments' : 'communes' }));
}

function postRaw(url: string, path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, url), { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hostile and broken requests', () => {
  const db = tempDb();
  let app: FastifyInstance;
  const campaignId = 'nui-thanh-2023-demo';
  const T = (path: string) => api(campaignId, path);

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it.each([
    ['0x1', 'hexadecimal'],
    ['1e0', 'exponent'],
    ['01', 'a leading zero'],
    ['1.0', 'a decimal point'],
    ['%201', 'a space'],
    ['-1', 'a sign'],
    ['99999999999999999999', 'beyond a safe whole number'],
  ])('parses ids in paths strictly: %s (%s) is 400, not snapshot 1', async (id) => {
    const before = dumpContent(db.dbPath);
    const res = await app.inject({ method: 'DELETE', url: T(`admin/snapshots/${id}`), headers: auth });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request' });
    expect(res.json().message).toContain('snapshotId');
    expect(dumpContent(db.dbPath)).toEqual(before);
  });

  it.each(['0x10', '1e2', '010'])('parses the audit paging numbers strictly: limit=%s is 400', async (n) => {
    const res = await app.inject({ url: `/api/admin/audit?limit=${n}`, headers: auth });
    expect(res.statusCode).toBe(400);
  });

  it('answers 2,000 malformed multipart uploads with 400 and a bilingual message, never 500, storing nothing', async () => {
    const before = dumpContent(db.dbPath);
    const form = validForm(Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 4))));
    // The demo's seeded generator: the same malformed forms on every run.
    const next = seededRandom(20231231);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const { body, contentType } = malformed(form, next);
      const res = await app.inject({ method: 'POST', url: T('admin/snapshots?asOf=2023-09-30&dryRun=1'), headers: { ...auth, 'content-type': contentType }, payload: body });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) throw new Error(`case ${i}: ${res.statusCode} ${res.body}`);
      if (res.statusCode === 400) {
        const err = res.json() as { error: string; message: string };
        expect(['invalid_multipart', 'missing_file', 'invalid_request']).toContain(err.error);
        expect(err.message).toContain(' — ');
      } else {
        // A variant whose damage the parser tolerates is read as a file and judged as one.
        expect([200, 422]).toContain(res.statusCode);
      }
    }
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
    expect(dumpContent(db.dbPath)).toEqual(before);
  });

  it('answers malformed forms over a real socket with 400 invalid_multipart', async () => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const form = validForm(Buffer.from('Mã đơn vị\r\n'));
    const cut = form.subarray(0, form.length - 20);
    const res = await postRaw(url, T('admin/snapshots?asOf=2023-09-30'), cut, { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.status, res.body).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'invalid_multipart' });
    expect(JSON.parse(res.body).message).toMatch(/Biểu mẫu tải lên .* — The upload form/);
  });
});

/** `bytes` zero bytes in 1 MB chunks, for a ZIP bomb that is never whole in memory. */
function zeros(bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

function zipBomb(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addReadStream(zeros(1024 * 1024 * 1024), 'xl/worksheets/sheet1.xml');
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * A hostile file is refused before it is parsed, and the server answers everyone else meanwhile:
 * a probe asks /healthz every 10 ms while the file is sent, and the event loop's longest stall is
 * measured. (Before the limits, the comma file blocked every request for 8–36 s.)
 */
describe('hostile files, over a real socket', () => {
  const db = tempDb();
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  async function whileProbing<T>(work: () => Promise<T>): Promise<{ result: T; probes: number[]; longestStallMs: number }> {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const probes: number[] = [];
    let running = true;
    const probing = (async () => {
      while (running) {
        const res = await fetch(`${url}/healthz`);
        probes.push(res.status);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const result = await work();
    running = false;
    await probing;
    delay.disable();
    return { result, probes, longestStallMs: delay.max / 1e6 };
  }

  it.each([
    ['a 4.9 MB CSV of commas', () => Buffer.from(','.repeat(4.9 * 1024 * 1024)), csvHeaders, 'too_many_columns'],
    ['a 1 MB XLSX that unzips to 1 GB', zipBomb, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, 'xlsx_too_large'],
  ] as const)('refuses %s with 422 and keeps answering other requests', async (_name, make, headers, code) => {
    const body = await make();
    const before = dumpContent(db.dbPath);
    const rssBefore = process.memoryUsage().rss;
    const { result, probes, longestStallMs } = await whileProbing(() =>
      postRaw(url, api('nui-thanh-2023-demo', 'admin/snapshots?asOf=2023-09-30'), body, { ...auth, ...headers }),
    );
    expect(result.status, result.body).toBe(422);
    expect(JSON.parse(result.body).issues.map((i: { code: string }) => i.code)).toEqual([code]);
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.every((s) => s === 200)).toBe(true);
    // Generous: a stall of a second would already be felt; before the limits it was 8–36 s.
    expect(longestStallMs).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(dumpContent(db.dbPath)).toEqual(before);
  }, 60_000);
});

describe('a full disk', () => {
  const db = tempDb();
  const campaignId = 'tinh-lon-2023';
  const roster = bigRoster(2000);
  afterAll(() => db.cleanup());

  it('refuses the upload with 507 storage_full, in both languages, and loses nothing', async () => {
    // First start: make the campaign and publish one snapshot, with room to spare.
    let app = await startApp({ dbPath: db.dbPath });
    const json = { ...auth, 'content-type': 'application/json' };
    const created = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: campaignId, preset: 'nui-thanh-2023', roster } });
    expect(created.statusCode, created.body).toBe(201);
    const first = await app.inject({ method: 'POST', url: api(campaignId, 'admin/snapshots?asOf=2023-08-31'), headers: { ...auth, ...csvHeaders }, payload: Buffer.from(statisticsCsv(statsFor(roster, 3))) });
    expect(first.statusCode, first.body).toBe(201);
    await app.close();

    // Second start: the database may grow by only a few pages — a disk that is all but full.
    const pages = (() => {
      const raw = new Database(db.dbPath);
      raw.pragma('wal_checkpoint(TRUNCATE)');
      const n = raw.pragma('page_count', { simple: true }) as number;
      raw.close();
      return n;
    })();
    app = await startApp({ dbPath: db.dbPath, store: { maxPageCount: pages + 4 } });
    const before = dumpContent(db.dbPath);
    const auditBefore = auditLines(db.dbPath).length;
    const res = await app.inject({ method: 'POST', url: api(campaignId, 'admin/snapshots?asOf=2023-09-30'), headers: { ...auth, ...csvHeaders }, payload: Buffer.from(statisticsCsv(statsFor(roster, 4))) });
    expect(res.statusCode, res.body).toBe(507);
    const body = res.json() as { error: string; message: string };
    expect(body.error).toBe('storage_full');
    expect(body.message).toContain('Ổ đĩa của máy chủ đã đầy');
    expect(body.message).toContain('disk is full');
    expect(dumpContent(db.dbPath)).toEqual(before);
    // The board still answers from what was stored.
    const board = await app.inject(api(campaignId, 'leaderboard'));
    expect(board.statusCode).toBe(200);
    expect(board.json().snapshot.asOf).toBe('2023-08-31');
    await app.close();

    // With room again, the same upload goes through: nothing was left half-written.
    app = await startApp({ dbPath: db.dbPath });
    const again = await app.inject({ method: 'POST', url: api(campaignId, 'admin/snapshots?asOf=2023-09-30'), headers: { ...auth, ...csvHeaders }, payload: Buffer.from(statisticsCsv(statsFor(roster, 4))) });
    expect(again.statusCode, again.body).toBe(201);
    expect(auditLines(db.dbPath).length).toBeGreaterThan(auditBefore);
    await app.close();
  }, 60_000);
});

/**
 * The server must refuse to start on a database it cannot write. Root writes any file whatever
 * its mode, so when the tests run as root the server runs as the unprivileged user "nobody".
 */
describe('a read-only database', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());
  const asRoot = process.getuid?.() === 0;
  const nobody = 65534;

  function run(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['dist/server.js'], {
        cwd: appDir,
        env: { PATH: process.env.PATH ?? '', HOME: '/tmp', HOST: '127.0.0.1', PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(asRoot ? { uid: nobody, gid: nobody } : {}),
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out });
      });
    });
  }

  it('refuses to start, saying which file and why, in both languages', async () => {
    if (asRoot) {
      // The unprivileged user must be able to read the built server, or the test proves nothing.
      const probe = spawnSync(process.execPath, ['-e', 'require("fs").readFileSync(process.argv[1])', join(appDir, 'dist/server.js')], { uid: nobody, gid: nobody });
      expect(probe.status, `user nobody cannot read ${appDir}: ${probe.stderr}`).toBe(0);
    }
    // A database made by a normal start, then its file and folder made read-only.
    const app = await startApp({ dbPath: db.dbPath });
    await app.close();
    const raw = new Database(db.dbPath);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = dumpContent(db.dbPath);
    mkdirSync(dirname(db.dbPath), { recursive: true });
    if (asRoot) {
      chownSync(db.dbPath, nobody, nobody);
      chownSync(db.dir, nobody, nobody);
    }
    chmodSync(db.dbPath, 0o444);
    chmodSync(db.dir, 0o555);
    try {
      const { code, out } = await run({ LEADERBOARD_DB: db.dbPath, ADMIN_TOKEN: 'x'.repeat(24) });
      expect(code, out).toBe(1);
      expect(out).toContain(db.dbPath);
      expect(out).toMatch(/Không ghi được cơ sở dữ liệu .*: tệp chỉ cho phép đọc/);
      expect(out).toMatch(/cannot be written: the file is read-only/);
      expect(out).not.toMatch(/running at/);
    } finally {
      chmodSync(db.dir, 0o755);
      chmodSync(db.dbPath, 0o644);
    }
    expect(dumpContent(db.dbPath)).toEqual(before);
  }, 60_000);
});
