import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = resolve(cliDir, '../..');
export const cliPath = join(cliDir, 'dist/cli.js');
export const examplesDir = join(repoDir, 'docs/examples');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in a child process, as a user would. */
export function thidua(args: string[], opts: { cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: opts.cwd ?? cliDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, THIDUA_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `thidua-${prefix}-`));
}

/** A statistics CSV as an official would save it from Excel: BOM, CRLF, the Vietnamese titles. */
export function statsCsv(rows: (string | number)[][], header = defaultHeader): string {
  const cell = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export const defaultHeader = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Nhóm',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)',
  'Số hồ sơ trực tuyến đúng hạn, trước hạn',
  'Số hồ sơ trễ hạn',
];

/** Columns a string takes in a terminal (NFC code points without combining marks). */
export function width(text: string): number {
  return [...text.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}
