import { Readable } from 'node:stream';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { defaultReadLimits, parseRosterFile, parseStatsFile, statisticsCsv, type ReadLimits } from '../src/index.js';
import { keyHeader, roster, ruleSet, units, xlsxBytes } from './fixtures.js';

/** A ZIP archive made by yazl, the writer that goes with yauzl (the reader the check uses). */
function zipOf(add: (zip: yazl.ZipFile) => void): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  add(zip);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** `bytes` zero bytes, produced in 1 MB chunks so that no test holds them in memory at once. */
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

/** Rewrites the uncompressed size every central-directory record declares: a ZIP that lies. */
function declareSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 <= out.length; i++) if (out.readUInt32LE(i) === 0x02014b50) out.writeUInt32LE(size, i + 24);
  return out;
}

const small = (over: Partial<ReadLimits>): Partial<ReadLimits> => ({ ...over });
const csv = (text: string) => new TextEncoder().encode(text);
const header = `${keyHeader.join(',')}\r\n`;

interface Case {
  name: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
  limits: Partial<ReadLimits>;
  code: string;
  row: number | null;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'a CSV with more rows than allowed',
    bytes: () => csv(header + 'a,b,communes,1,1,1,0\r\n'.repeat(20)),
    limits: small({ maxRows: 10 }),
    code: 'too_many_rows',
    row: 11,
    message: /hơn 10 dòng.*more than 10 rows/s,
  },
  {
    name: 'a CSV of nothing but commas (the 4.9 MB file of the issue, shortened)',
    bytes: () => csv(',,,,'.repeat(250_000)),
    limits: {},
    code: 'too_many_columns',
    row: 1,
    message: /hơn 500 cột.*more than 500 columns/s,
  },
  {
    name: 'a row wider than allowed further down, with ";" separators',
    bytes: () => csv(header + 'a;b;c\r\n' + ';'.repeat(50) + '\r\n'),
    limits: small({ maxColumns: 20 }),
    code: 'too_many_columns',
    row: 3,
    message: /hơn 20 cột/,
  },
  {
    name: 'a cell longer than allowed (characters, not bytes: "ệ" is three bytes)',
    bytes: () => csv(header + `a,"${'ệ'.repeat(101)}",communes,1,1,1,0\r\n`),
    limits: small({ maxCellLength: 100 }),
    code: 'cell_too_long',
    row: 2,
    message: /dài hơn 100 ký tự.*longer than 100 characters/s,
  },
  {
    name: 'an unclosed quote that swallows the rest of the file',
    bytes: () => csv(header + 'a,"b,communes,1,1,1,0\r\n' + 'x,y,communes,1,1,1,0\r\n'.repeat(200)),
    limits: small({ maxCellLength: 1000 }),
    code: 'cell_too_long',
    row: 2,
    message: /thiếu dấu ngoặc kép đóng/,
  },
  {
    name: 'an XLSX with more parts than allowed',
    bytes: () => zipOf((z) => Array.from({ length: 1001 }, (_, i) => z.addBuffer(Buffer.from('x'), `xl/part${i}.xml`))),
    limits: {},
    code: 'xlsx_too_many_entries',
    row: null,
    message: /1\.001 tệp con.*1,001 parts/s,
  },
  {
    name: 'an XLSX of 1 MB that unzips to 1 GB (its size declared honestly)',
    bytes: () => zipOf((z) => z.addReadStream(zeros(1024 * 1024 * 1024), 'xl/worksheets/sheet1.xml')),
    limits: {},
    code: 'xlsx_too_large',
    row: null,
    message: /lớn hơn 50 MB \(ít nhất 1\.024 MB\).*more than 50 MB \(at least 1,024 MB\)/s,
  },
  {
    name: 'an XLSX that unzips to more than allowed while declaring less',
    bytes: async () => declareSize(await zipOf((z) => z.addReadStream(zeros(20 * 1024 * 1024), 'xl/worksheets/sheet1.xml')), 1000),
    limits: {},
    code: 'unreadable_file',
    row: null,
    message: /too many bytes/,
  },
  {
    name: 'an XLSX within the unzipped limit but with too many rows',
    bytes: () => xlsxBytes([header.trim().split(','), ...Array.from({ length: 30 }, (_, i) => [`u${i}`, 'U', 'communes', 1, 1, 1, 0])]),
    limits: small({ maxRows: 20 }),
    code: 'too_many_rows',
    row: 21,
    message: /hơn 20 dòng/,
  },
  {
    name: 'an XLSX with a cell longer than allowed',
    bytes: () => xlsxBytes([header.trim().split(','), ['a', 'x'.repeat(300), 'communes', 1, 1, 1, 0]]),
    limits: small({ maxCellLength: 200 }),
    code: 'cell_too_long',
    row: 2,
    message: /dài hơn 200 ký tự/,
  },
];

describe('size limits, checked before parsing', () => {
  it.each(cases)('refuses $name with $code at row $row', async ({ bytes, limits, code, row, message }) => {
    const before = process.memoryUsage().rss;
    const result = await parseStatsFile(await bytes(), { ruleSet, limits });
    expect(result.units).toEqual([]);
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({ code, row, column: null });
    expect(`${issue?.message.vi} ${issue?.message.en}`).toMatch(message);
    // A refused bomb is never inflated into memory.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  }, 30_000);

  it('counts quoted separators and line breaks as part of the cell, and "\\r\\n" as one break', async () => {
    const text = header + units.map((u) => `${u.id},"${u.name}, (a ""quoted"" note;\r\non two lines)",${u.group},${u.resolvedTotal},${u.resolvedOnline},${u.resolvedOnlineOnTime},${u.resolvedLate}`).join('\r\n');
    const result = await parseStatsFile(csv(text), { ruleSet, limits: { maxColumns: 7, maxRows: units.length + 1 } });
    expect(result.issues.filter((i) => i.code !== 'name_mismatch')).toEqual([]);
    expect(result.units).toHaveLength(units.length);
  });

  it('accepts a file exactly at each limit', async () => {
    const bytes = statisticsCsv(units, ruleSet);
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n').length;
    const longest = Math.max(...units.map((u) => u.name.length));
    const result = await parseStatsFile(bytes, { ruleSet, roster, limits: { maxRows: lines, maxColumns: 7, maxCellLength: Math.max(longest, 40) } });
    expect(result.issues).toEqual([]);
    const xlsx = await xlsxBytes([header.trim().split(',')]);
    const archive = await parseStatsFile(xlsx, { ruleSet, limits: { maxEntries: 20 } });
    expect(archive.issues.map((i) => i.code)).toEqual(['no_data_rows']);
  });

  it('holds roster sheets to the same limits', async () => {
    const result = await parseRosterFile(csv('Mã đơn vị,Tên đơn vị,Nhóm\r\n' + ','.repeat(600)), { ruleSet });
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([[2, 'too_many_columns']]);
  });

  it('has defaults that hold a national roster with room to spare', () => {
    expect(defaultReadLimits).toEqual({ maxRows: 100_000, maxColumns: 500, maxCellLength: 2_000, maxUncompressedBytes: 50 * 1024 * 1024, maxEntries: 1_000 });
    expect(Object.isFrozen(defaultReadLimits)).toBe(true);
  });
});
