import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LocalizedText } from '@thidua/scoring';
import { checkCsvShape, checkSheetShape, checkZipArchive, defaultReadLimits, type LimitRefusal, type ReadLimits } from './limits.js';
import { sheetMessages, type SheetCode } from './messages.js';

/** A cell as read: text from CSV (and text cells of XLSX), numbers from numeric XLSX cells. */
export type RawCell = string | number | null;

export interface RawRow {
  /** The row number a spreadsheet shows for this row (1-based, blank rows counted). */
  rowNumber: number;
  cells: RawCell[];
}

export interface RawTable {
  format: 'csv' | 'xlsx';
  /** Every non-blank row, in file order. */
  rows: RawRow[];
}

export type ReadResult =
  | { ok: true; table: RawTable }
  | { ok: false; format: 'csv' | 'xlsx'; code: SheetCode; message: LocalizedText; row?: number | null };

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const refused = (format: 'csv' | 'xlsx', r: LimitRefusal): ReadResult => ({ ok: false, format, code: r.code, message: r.message, row: r.row });

/**
 * Reads the first worksheet of an XLSX file (detected by its ZIP signature) or a CSV file.
 * `isHeader` tells a column title of the sheet (it decides a CSV file's delimiter). The file's size
 * and shape are held to `limits` before it is parsed (limits.ts).
 */
export async function readTable(
  bytes: Uint8Array,
  fileName: string | undefined,
  isHeader: (text: string) => boolean,
  limits: ReadLimits = defaultReadLimits,
): Promise<ReadResult> {
  if (startsWith(bytes, zipMagic)) {
    const archive = await checkZipArchive(bytes, limits);
    if (archive) return refused('xlsx', archive);
    return readXlsx(bytes, limits);
  }
  if (startsWith(bytes, oleMagic)) {
    return { ok: false, format: 'xlsx', code: 'unsupported_format', message: sheetMessages.unsupported_format() };
  }
  if (/\.xlsx$/i.test(fileName ?? '') && bytes.length > 0) {
    return {
      ok: false,
      format: 'xlsx',
      code: 'unreadable_file',
      message: sheetMessages.unreadable_file('not a ZIP archive / không phải tệp nén ZIP'),
    };
  }
  const shape = checkCsvShape(bytes, limits);
  if (shape) return refused('csv', shape);
  return readCsv(bytes, isHeader);
}

function isBlank(cells: RawCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

// ---------------------------------------------------------------------------------------------
// CSV

function readCsv(bytes: Uint8Array, isHeader: (text: string) => boolean): ReadResult {
  let text: string;
  try {
    // ignoreBOM: false (the default) drops a UTF-8 BOM.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, format: 'csv', code: 'not_utf8', message: sheetMessages.not_utf8() };
  }
  if (text.trim() === '') return { ok: true, table: { format: 'csv', rows: [] } };

  // The delimiter is whichever of ";" and "," makes a header row with more known columns (Excel in
  // Vietnamese or European locales saves with ";"), judged on the first lines. A tie — e.g. no
  // header found — means ",".
  const options = { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: false };
  const toRows = (records: string[][]): RawRow[] =>
    // A record is one spreadsheet row, even when a quoted cell spans several lines.
    records.map((cells, i) => ({ rowNumber: i + 1, cells: cells as RawCell[] })).filter((r) => !isBlank(r.cells));
  let delimiter = ',';
  let bestScore = -1;
  for (const candidate of [',', ';']) {
    try {
      const head = parseCsv(text, { ...options, delimiter: candidate, to_line: headerSearchDepth + 5 }) as string[][];
      const score = headerScore(toRows(head), isHeader);
      if (score > bestScore) [delimiter, bestScore] = [candidate, score];
    } catch {
      // An unclosed quote in the first lines: the full parse below reports it.
    }
  }
  let rows: RawRow[];
  try {
    rows = toRows(parseCsv(text, { ...options, delimiter }) as string[][]);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, format: 'csv', code: 'csv_syntax', message: sheetMessages.csv_syntax(detail) };
  }
  return { ok: true, table: { format: 'csv', rows } };
}

/** How many known columns the best candidate header row (within the first rows) names. */
function headerScore(rows: RawRow[], isHeader: (text: string) => boolean): number {
  let best = 0;
  for (const row of rows.slice(0, headerSearchDepth)) {
    const known = row.cells.filter((c) => typeof c === 'string' && isHeader(c)).length;
    best = Math.max(best, known);
  }
  return best;
}

/** Title rows above the header are allowed; the header is looked for in the first rows only. */
export const headerSearchDepth = 20;

// ---------------------------------------------------------------------------------------------
// XLSX

async function readXlsx(bytes: Uint8Array, limits: ReadLimits): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never, {
      // Only values matter here (merged cells kept: a group name merged down its rows applies to each).
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture', 'tableParts', 'extLst', 'headerFooter', 'pageSetup', 'printOptions', 'pageMargins', 'rowBreaks'],
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, format: 'xlsx', code: 'unreadable_file', message: sheetMessages.unreadable_file(detail) };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, table: { format: 'xlsx', rows: [] } };
  // The unzipped size is bounded already; rows and columns are counted before any cell is read.
  let widest: { row: number; cells: number } | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (!widest || row.cellCount > widest.cells) widest = { row: rowNumber, cells: row.cellCount };
  });
  const shape = checkSheetShape(sheet.rowCount, widest, limits);
  if (shape) return refused('xlsx', shape);
  const rows: RawRow[] = [];
  let tooLong: number | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = xlsxCellValue(row.getCell(c).value);
      if (typeof value === 'string' && value.length > limits.maxCellLength) tooLong ??= rowNumber;
      cells.push(value);
    }
    if (!isBlank(cells)) rows.push({ rowNumber, cells });
  });
  if (tooLong !== null) return { ok: false, format: 'xlsx', code: 'cell_too_long', row: tooLong, message: sheetMessages.cell_too_long(limits.maxCellLength) };
  return { ok: true, table: { format: 'xlsx', rows } };
}

/** Flattens exceljs's cell value kinds (rich text, formula results, hyperlinks…) to text or number. */
function xlsxCellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && 'error' in result) return String(result.error);
    return xlsxCellValue(result as ExcelJS.CellValue);
  }
  if ('text' in value && 'hyperlink' in value) return xlsxCellValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return String(value);
}
