import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseCell } from './text.js';

/** A cell to write: text (neutralised on the way out), a number, or nothing. */
export type OutCell = string | number | null;

/**
 * How a CSV is written. `standard`: "," between cells and "." in decimals (RFC 4180; what scripts and
 * English-locale Excel read). `excel-vn`: ";" between cells and "," in decimals — what Excel set to
 * Vietnamese (or most European locales) expects, so that scores open as numbers, not text.
 */
export type CsvDialect = 'standard' | 'excel-vn';

/**
 * CSV as Excel opens it with Vietnamese intact: UTF-8 with BOM, CRLF, text cells neutralised (each
 * line of a cell, text.ts). A cell holding a CR or LF of its own — not only the CRLF that ends a
 * record — is quoted, as are cells with the delimiter or a quote.
 */
export function toCsvBytes(rows: OutCell[][], dialect: CsvDialect = 'standard'): Uint8Array {
  const delimiter = dialect === 'excel-vn' ? ';' : ',';
  // After a break inside a cell, a spreadsheet that splits rows there reads the rest as unquoted CSV,
  // where a delimiter or a quote may start a cell too.
  const safeText = (c: string) => neutraliseCell(c, /[\r\n]/.test(c) ? `${delimiter}"` : '');
  const safe = rows.map((r) => r.map((c) => (typeof c === 'string' ? safeText(c) : c)));
  const text = stringify(safe, { bom: true, record_delimiter: '\r\n', delimiter, quoted_match: /[\r\n]/ });
  return new TextEncoder().encode(text);
}

export async function toXlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '@thidua/stats-io';
  // A fixed date keeps the bytes of a workbook stable for the same input.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return workbook;
}

/** Writes a value into a cell: text neutralised, numbers as numbers. */
export function put(cell: ExcelJS.Cell, value: OutCell): void {
  cell.value = typeof value === 'string' ? neutraliseCell(value) : value;
}

/** Money in đồng: integer, thousands grouped, the đồng sign. */
export const vndFormat = '#,##0 "₫"';

export const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9C1' } };
export const cellBorder: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function styleHeaderRow(row: ExcelJS.Row, columnCount: number): void {
  row.height = 36;
  for (let c = 1; c <= columnCount; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = cellBorder;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
}
