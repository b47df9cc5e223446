import yauzl from 'yauzl';
import type { LocalizedText } from '@thidua/scoring';
import { sheetMessages, type SheetCode } from './messages.js';

/**
 * How large a sheet may be. Each is checked before the file is parsed, so that a hostile or
 * mistaken file — a row of a million commas, a 1 MB workbook that unzips to a gigabyte — is refused
 * in milliseconds and memory stays flat. The defaults hold a national roster (≈ 11,000 units) with
 * room to spare.
 */
export interface ReadLimits {
  /** Rows of the sheet (blank ones included). */
  maxRows: number;
  /** Cells of one row. */
  maxColumns: number;
  /** Characters of one cell. */
  maxCellLength: number;
  /** XLSX: the sum of its parts' unzipped sizes, bytes — as declared, and as actually inflated. */
  maxUncompressedBytes: number;
  /** XLSX: files inside the ZIP archive. */
  maxEntries: number;
}

export const defaultReadLimits: Readonly<ReadLimits> = Object.freeze({
  maxRows: 100_000,
  maxColumns: 500,
  maxCellLength: 2_000,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 1_000,
});

export type LimitRefusal = { code: SheetCode; row: number | null; message: LocalizedText };

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const LF = 0x0a;
const CR = 0x0d;

/**
 * One pass over a CSV file's bytes: its rows, the cells of its widest row and its longest cell, each
 * against the limits. Quotes are followed the way every CSV reader does (a doubled quote toggles
 * twice), so separators and line breaks inside quoted cells do not count. Either "," or ";" may be
 * the separator (the parser picks one later); both split cells here, which can only make a cell
 * look shorter, and the wider count is the row's width. Characters, not bytes: UTF-8 continuation
 * bytes are skipped.
 */
export function checkCsvShape(bytes: Uint8Array, limits: ReadLimits): LimitRefusal | null {
  let row = 1;
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  let cellLength = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === QUOTE) {
      inQuotes = !inQuotes;
      continue;
    }
    if (!inQuotes) {
      if (b === COMMA || b === SEMICOLON) {
        if (b === COMMA) commas++;
        else semicolons++;
        if (Math.max(commas, semicolons) + 1 > limits.maxColumns) return refusal('too_many_columns', row, limits.maxColumns);
        cellLength = 0;
        continue;
      }
      if (b === LF || b === CR) {
        // "\r\n" is one break: the "\n" after a "\r" starts no new row.
        if (!(b === LF && i > 0 && bytes[i - 1] === CR)) row++;
        commas = 0;
        semicolons = 0;
        cellLength = 0;
        continue;
      }
    }
    // A row counts once something is written in it: breaks at the end of the file start no row.
    if (row > limits.maxRows) return refusal('too_many_rows', row, limits.maxRows);
    if ((b & 0xc0) !== 0x80 && ++cellLength > limits.maxCellLength) return refusal('cell_too_long', row, limits.maxCellLength);
  }
  return null;
}

/** The rows and widest row of a sheet already loaded (XLSX, whose unzipped size is bounded first). */
export function checkSheetShape(rowCount: number, widest: { row: number; cells: number } | null, limits: ReadLimits): LimitRefusal | null {
  if (rowCount > limits.maxRows) return refusal('too_many_rows', limits.maxRows + 1, limits.maxRows);
  if (widest && widest.cells > limits.maxColumns) return refusal('too_many_columns', widest.row, limits.maxColumns);
  return null;
}

/**
 * An XLSX file's ZIP archive, read through yauzl before any XML is parsed: the number of entries
 * and their declared unzipped sizes first (from the central directory, without inflating), then
 * every entry inflated and counted, stopping at the limit — a size that lies is caught too. Asks
 * nothing of the event loop for long: yauzl inflates in chunks, between which other requests run.
 */
export async function checkZipArchive(bytes: Uint8Array, limits: ReadLimits): Promise<LimitRefusal | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, z) =>
        err || !z ? reject(err ?? new Error('no archive')) : resolve(z),
      ),
    );
  } catch (err) {
    return { code: 'unreadable_file', row: null, message: sheetMessages.unreadable_file(err instanceof Error ? err.message : String(err)) };
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return refusal('xlsx_too_many_entries', null, limits.maxEntries, zip.entryCount);
  }
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  const listed = await new Promise<Error | null>((resolve) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      declared += entry.uncompressedSize;
      zip.readEntry();
    });
    zip.on('end', () => resolve(null));
    zip.on('error', (err: Error) => resolve(err));
    zip.readEntry();
  });
  if (listed) return { code: 'unreadable_file', row: null, message: sheetMessages.unreadable_file(listed.message) };
  if (declared > limits.maxUncompressedBytes) return refusal('xlsx_too_large', null, limits.maxUncompressedBytes, declared);

  let inflated = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const outcome = await new Promise<LimitRefusal | Error | null>((resolve) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return resolve(err ?? new Error('unreadable entry'));
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limits.maxUncompressedBytes) {
            stream.destroy();
            resolve(refusal('xlsx_too_large', null, limits.maxUncompressedBytes, inflated));
          }
        });
        stream.on('end', () => resolve(null));
        stream.on('error', (e: Error) => resolve(e));
      });
    });
    if (outcome instanceof Error) return { code: 'unreadable_file', row: null, message: sheetMessages.unreadable_file(outcome.message) };
    if (outcome) return outcome;
  }
  return null;
}

function refusal(code: 'too_many_rows' | 'too_many_columns' | 'cell_too_long' | 'xlsx_too_large' | 'xlsx_too_many_entries', row: number | null, limit: number, found?: number): LimitRefusal {
  return { code, row, message: sheetMessages[code](limit, found ?? 0) };
}
