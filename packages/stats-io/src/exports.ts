import { publishedFigures, type Evaluation, type GroupResult, type RuleSet, type UnitInput, type UnitResult } from '@thidua/scoring';
import type ExcelJS from 'exceljs';
import { newWorkbook, put, styleHeaderRow, toCsvBytes, toXlsxBytes, vndFormat, cellBorder, type CsvDialect, type OutCell } from './sheet-writing.js';
import { formatDateTimeVi, formatDateVi } from './text.js';

/** What an export says about where its figures come from. */
export interface ExportMeta {
  ruleSet: RuleSet;
  status: 'provisional' | 'final';
  /** YYYY-MM-DD: the date the statistics are cumulative to. */
  asOf: string;
  /** SHA-256 of the uploaded statistics file the evaluation was computed from. */
  inputSha256: string;
  /** Demo data ("dữ liệu minh họa"): said at the top of every export. */
  sample: boolean;
  /** ISO timestamp. */
  generatedAt: string;
  /** The statistics evaluated: when given, the ranking lists each unit's inputs beside its figures. */
  units?: readonly UnitInput[];
  /** When final: the award decision the result rests on (it heads the award list and its signature block). */
  decision?: { number: string; date: string; signerName: string; signerTitle: string; kind?: string | undefined } | null;
}

export interface CsvOptions {
  /** `excel-vn`: ";" between cells and decimal commas, for Excel in Vietnamese. Default `standard`. */
  dialect?: CsvDialect;
}

export const sampleMarker = 'DỮ LIỆU MINH HỌA — sample data';
export const statusLabel = {
  provisional: 'Tạm tính (provisional)',
  final: 'Chính thức (final)',
} as const;

/** One kind of row in an export table; `money`/`score`/`percent` decide the XLSX number format. */
export type ColumnKind = 'text' | 'integer' | 'money' | 'score' | 'percent' | 'decimal';
export interface TableColumn {
  title: string;
  kind: ColumnKind;
  width: number;
}
/**
 * A table row; `emphasis` marks subtotal and total rows. In XLSX a `subtotal` row's money cells are
 * a SUM of the rows since the previous subtotal, and the `total` row's a SUM of the subtotals — the
 * same figures as the library's, written so that a reader who edits the sheet sees them move.
 */
export interface TableRow {
  cells: OutCell[];
  emphasis?: boolean;
  sum?: 'subtotal' | 'total';
}

export interface Document {
  sheetName: string;
  heading: string;
  meta: ExportMeta;
  libraryVersion: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Lines after the table (notes, signatures). */
  footer: OutCell[][];
}

/** The status, said so that nobody takes a provisional list for the final one. */
export function statusBanner(meta: Pick<ExportMeta, 'status' | 'decision'>): string {
  if (meta.status === 'provisional') return 'KẾT QUẢ TẠM TÍNH — CHƯA PHẢI KẾT QUẢ CHÍNH THỨC (provisional: not the final result)';
  const d = meta.decision;
  return d
    ? `KẾT QUẢ CHÍNH THỨC theo ${d.kind ?? 'Quyết định'} số ${d.number} ngày ${formatDateVi(d.date)} (final, ${d.kind ? `${d.kind} (document)` : 'decision'} ${d.number} of ${d.date})`
    : 'KẾT QUẢ CHÍNH THỨC (final)';
}

/** The lines above the table: campaign, what this is, its status, period, provenance. */
function titleLines(doc: Document): [string, string][] {
  const { meta } = doc;
  const lines: [string, string][] = [];
  lines.push([meta.ruleSet.title.vi, '']);
  if (meta.sample) lines.push([sampleMarker, '']);
  lines.push([statusBanner(meta), '']);
  lines.push([doc.heading, '']);
  lines.push(['Kỳ thi đua / Period', `${formatDateVi(meta.ruleSet.period.start)} – ${formatDateVi(meta.ruleSet.period.end)}`]);
  lines.push(['Trạng thái / Status', statusLabel[meta.status]]);
  lines.push(['Số liệu đến ngày / Data as of', formatDateVi(meta.asOf)]);
  lines.push(['Bộ quy tắc / Rule set', `${meta.ruleSet.id} (@thidua/scoring ${doc.libraryVersion})`]);
  lines.push(['SHA-256 tệp số liệu / Input SHA-256', meta.inputSha256]);
  lines.push(['Lập lúc / Generated at', formatDateTimeVi(meta.generatedAt, meta.ruleSet.period.timeZone)]);
  return lines;
}

/** A decimal of the library ("95.25") as Excel in Vietnamese reads a number: "95,25". */
const decimalComma = (value: OutCell): OutCell => (typeof value === 'string' && /^-?\d+\.\d+$/.test(value) ? value.replace('.', ',') : value);

export function documentCsv(doc: Document, options: CsvOptions = {}): Uint8Array {
  const dialect = options.dialect ?? 'standard';
  const numeric = doc.columns.map((c) => c.kind === 'score' || c.kind === 'percent' || c.kind === 'decimal');
  const cells = (r: OutCell[]) => (dialect === 'excel-vn' ? r.map((v, i) => (numeric[i] ? decimalComma(v) : v)) : r);
  const rows: OutCell[][] = [];
  for (const [label, value] of titleLines(doc)) rows.push(value === '' ? [label] : [label, value]);
  rows.push([]);
  rows.push(doc.columns.map((c) => c.title));
  for (const r of doc.rows) rows.push(cells(r.cells));
  if (doc.footer.length > 0) rows.push([], ...doc.footer);
  return toCsvBytes(rows, dialect);
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
function letter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function numberFormat(kind: ColumnKind, decimals: number): string | undefined {
  switch (kind) {
    case 'money':
      return vndFormat;
    case 'integer':
      return '#,##0';
    case 'score':
      return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
    case 'percent':
      return '0.00';
    default:
      return undefined;
  }
}

/** Decimal strings from the library become numbers in XLSX; the format shows their decimals. */
function xlsxValue(kind: ColumnKind, value: OutCell): OutCell {
  if (typeof value === 'string' && (kind === 'score' || kind === 'percent' || kind === 'decimal') && /^\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  return value;
}

/** One document as a workbook of its own. */
async function documentXlsx(doc: Document): Promise<Uint8Array> {
  return documentsXlsx([doc]);
}

/** Several documents, one sheet each (the first names the workbook). */
export async function documentsXlsx(docs: readonly Document[]): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const first = docs[0];
  if (first) workbook.title = `${first.heading} — ${first.meta.ruleSet.title.vi}`;
  for (const doc of docs) addDocumentSheet(workbook, doc);
  return toXlsxBytes(workbook);
}

function addDocumentSheet(workbook: ExcelJS.Workbook, doc: Document): void {
  const sheet = workbook.addWorksheet(doc.sheetName);
  const width = doc.columns.length;
  const lines = titleLines(doc);
  const banner = statusBanner(doc.meta);
  lines.forEach(([label, value], i) => {
    const row = sheet.getRow(i + 1);
    put(row.getCell(1), value === '' ? label : `${label}: ${value}`);
    sheet.mergeCells(i + 1, 1, i + 1, width);
    if (i === 0) {
      row.getCell(1).font = { bold: true, size: 14 };
      row.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
      row.height = 36;
    } else if (label === banner) {
      // The banner: red on pink while provisional, dark green on green once final.
      const final = doc.meta.status === 'final';
      row.getCell(1).font = { bold: true, size: 13, color: { argb: final ? 'FF0B5A1E' : 'FFC00000' } };
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: final ? 'FFE2F0D9' : 'FFFCE4E4' } };
      row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      row.height = 28;
    } else if (label === sampleMarker || label === doc.heading) {
      row.getCell(1).font = { bold: true, size: 12, color: { argb: label === sampleMarker ? 'FFC00000' : 'FF000000' } };
    }
  });
  const headerRowNumber = lines.length + 2;
  const header = sheet.getRow(headerRowNumber);
  doc.columns.forEach((c, i) => put(header.getCell(i + 1), c.title));
  styleHeaderRow(header, width);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber }];
  // Printed for signature: A4 landscape, one page wide, the header repeated on every page.
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRowNumber}:${headerRowNumber}`,
  };
  doc.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  const decimals = doc.meta.ruleSet.score?.rounding.decimals ?? 2;
  let sectionStart = headerRowNumber + 1;
  const subtotalRows: number[] = [];
  doc.rows.forEach((r, ri) => {
    const rowNumber = headerRowNumber + 1 + ri;
    const row = sheet.getRow(rowNumber);
    doc.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = xlsxValue(c.kind, r.cells[i] ?? null);
      if (r.sum && c.kind === 'money' && typeof value === 'number') {
        const col = letter(i + 1);
        const formula =
          r.sum === 'subtotal'
            ? `SUM(${col}${sectionStart}:${col}${rowNumber - 1})`
            : subtotalRows.length > 0
              ? subtotalRows.map((n) => `${col}${n}`).join('+')
              : '0';
        // The library's figure is the cached result: readers that do not calculate still show it.
        cell.value = { formula, result: value };
      } else {
        put(cell, value);
      }
      const fmt = numberFormat(c.kind, decimals);
      if (fmt && (typeof value === 'number')) cell.numFmt = fmt;
      cell.border = cellBorder;
      cell.alignment = { vertical: 'top', wrapText: c.kind === 'text' };
      if (r.emphasis) cell.font = { bold: true };
    });
    if (r.sum === 'subtotal') {
      subtotalRows.push(rowNumber);
      sectionStart = rowNumber + 1;
    }
  });
  let next = headerRowNumber + doc.rows.length + 2;
  for (const line of doc.footer) {
    const row = sheet.getRow(next++);
    line.forEach((v, i) => put(row.getCell(i + 1), v));
  }
}

/** Labels come from meta.ruleSet: an evaluation made under other rules would be mislabelled. */
export function assertSameRuleSet(evaluation: Evaluation, meta: ExportMeta): void {
  if (evaluation.ruleSetId !== meta.ruleSet.id) {
    throw new Error(`export: the evaluation was made with rule set "${evaluation.ruleSetId}", not "${meta.ruleSet.id}"`);
  }
}

// ---------------------------------------------------------------------------------------------
// Awards

export function groupLabel(group: GroupResult, ruleSet: RuleSet): string {
  return ruleSet.groups.find((g) => g.id === group.id)?.shortName.vi ?? group.name.vi;
}

function prizeLabel(groupId: string, prizeId: string, ruleSet: RuleSet): { vi: string; en: string } {
  const prize = ruleSet.groups.find((g) => g.id === groupId)?.prizes?.find((p) => p.id === prizeId);
  return prize?.label ?? { vi: prizeId, en: prizeId };
}

const awardColumns: TableColumn[] = [
  { title: 'Nhóm', kind: 'text', width: 12 },
  { title: 'Giải', kind: 'text', width: 24 },
  { title: 'Hạng', kind: 'integer', width: 8 },
  { title: 'Mã đơn vị', kind: 'text', width: 16 },
  { title: 'Tên đơn vị', kind: 'text', width: 38 },
  { title: 'Điểm', kind: 'score', width: 10 },
  { title: 'Số tiền (đồng)', kind: 'money', width: 18 },
];

/**
 * The award list the committee signs: every awarded prize by group (prize order), a subtotal per
 * group and the grand total — the library's own sums — then, in words, every prize left vacant or
 * undecided by a tie.
 */
function awardsDocument(evaluation: Evaluation, meta: ExportMeta): Document {
  assertSameRuleSet(evaluation, meta);
  const scoreOf = new Map(evaluation.units.map((u) => [u.unitId, u.score]));
  const rows: TableRow[] = [];
  const notes: OutCell[][] = [];
  for (const group of evaluation.groups) {
    const label = groupLabel(group, meta.ruleSet);
    for (const p of group.prizes) {
      rows.push({ cells: [label, p.label.vi, p.rank, p.unitId, p.unitName, scoreOf.get(p.unitId) ?? null, p.amount] });
    }
    if (group.prizes.length === 0) {
      rows.push({ cells: [label, 'Không có đơn vị đạt giải / No prize awarded', null, null, null, null, 0] });
    }
    rows.push({ cells: [label, `Cộng ${label} / Subtotal`, null, null, null, null, group.totalAwarded], emphasis: true, sum: 'subtotal' });

    const vacantCounts = new Map<string, number>();
    for (const id of group.vacantPrizes) vacantCounts.set(id, (vacantCounts.get(id) ?? 0) + 1);
    for (const [prizeId, count] of vacantCounts) {
      const prize = prizeLabel(group.id, prizeId, meta.ruleSet);
      notes.push([
        label,
        `${count} suất ${prize.vi.toLowerCase()} để trống: không có đơn vị đủ điều kiện. — ${count} ${prize.en.toLowerCase()} slot(s) vacant: no qualifying unit.`,
      ]);
    }
    for (const u of group.undecided) {
      notes.push([
        label,
        `Chưa quyết định / Undecided: ${u.message.vi} — ${u.message.en} (${u.amount.toLocaleString('vi-VN')} đồng chưa tính vào tổng / not in the totals)`,
      ]);
    }
  }
  rows.push({ cells: ['Tổng cộng / Grand total', null, null, null, null, null, evaluation.totalAwarded], emphasis: true, sum: 'total' });

  const footer: OutCell[][] = [['Ghi chú / Notes']];
  if (notes.length === 0) footer.push(['', 'Không có giải để trống hay chưa quyết định. — No prize is vacant or undecided.']);
  else footer.push(...notes);
  const d = meta.status === 'final' ? meta.decision : null;
  footer.push(
    [],
    d
      ? ['Người lập biểu / Prepared by', null, null, null, `${d.signerTitle} / Signed by`]
      : ['Người lập biểu / Prepared by', null, null, null, 'Chủ tịch Hội đồng Thi đua - Khen thưởng / Committee chair'],
  );
  if (d) footer.push([], [], [], [null, null, null, null, d.signerName]);
  return {
    sheetName: 'Khen thưởng',
    heading: 'DANH SÁCH ĐƠN VỊ ĐẠT GIẢI — Award list',
    meta,
    libraryVersion: evaluation.libraryVersion,
    columns: awardColumns,
    rows,
    footer,
  };
}

export function awardsCsv(evaluation: Evaluation, meta: ExportMeta, options: CsvOptions = {}): Uint8Array {
  return documentCsv(awardsDocument(evaluation, meta), options);
}

export function awardsXlsx(evaluation: Evaluation, meta: ExportMeta): Promise<Uint8Array> {
  return documentXlsx(awardsDocument(evaluation, meta));
}

// ---------------------------------------------------------------------------------------------
// Ranking

/** What a figure the rule set publishes is called, and how a spreadsheet writes it. */
function shownColumns(ruleSet: RuleSet): { id: string; title: string; kind: ColumnKind }[] {
  return publishedFigures(ruleSet).map((f) => ({
    id: f.id,
    title: f.kind === 'criterion' ? `${f.number ? `${f.number}. ` : ''}${f.label.vi} (tối đa ${f.max})` : f.label.vi,
    kind: f.percent ? 'percent' : 'decimal',
  }));
}

function rankingNote(unit: UnitResult, group: GroupResult | undefined, ruleSet: RuleSet): string {
  const notes: string[] = [];
  if (!unit.eligible) notes.push(...(unit.reasons ?? []).map((r) => r.message.vi));
  const undecided = group?.undecided.find((u) => u.unitIds.includes(unit.unitId));
  if (undecided) notes.push(`Giải chưa quyết định: ${undecided.message.vi}`);
  const moves = new Map((ruleSet.moves ?? []).map((m) => [m.id, m.label.vi]));
  for (const t of ruleSet.targets ?? []) {
    const needed = unit.gaps?.targets?.[t.id];
    if (needed === undefined) continue;
    const move = moves.get(t.move ?? ruleSet.moves?.[0]?.id ?? '') ?? 'lần';
    notes.push(needed === null ? `${t.label.vi}: chưa thể đạt` : `${t.label.vi}: cần thêm ${needed} ${move}`);
  }
  return notes.join('; ');
}

/** Every unit, eligible or not, in the library's order, with the figures the rule set publishes. */
function rankingDocument(evaluation: Evaluation, meta: ExportMeta): Document {
  assertSameRuleSet(evaluation, meta);
  const rs = meta.ruleSet;
  const groups = new Map(evaluation.groups.map((g) => [g.id, g]));
  const inputs = new Map((meta.units ?? []).map((u) => [u.id, u]));
  const scored = rs.score !== undefined;
  const prized = rs.groups.some((g) => (g.prizes ?? []).length > 0);
  const classes = new Map((rs.classes?.levels ?? []).map((l) => [l.id, l.label.vi]));
  const shown = shownColumns(rs);
  const inputColumns = meta.units ? rs.inputs.filter((i) => i.kind !== 'text') : [];

  const columns: TableColumn[] = [{ title: 'Nhóm', kind: 'text', width: 10 }];
  if (scored) columns.push({ title: 'Hạng', kind: 'integer', width: 7 });
  columns.push({ title: 'Mã đơn vị', kind: 'text', width: 16 }, { title: 'Tên đơn vị', kind: 'text', width: 34 });
  if (scored) columns.push({ title: prized ? 'Đủ điều kiện xét giải' : 'Đủ điều kiện xếp hạng', kind: 'text', width: 12 }, { title: 'Điểm', kind: 'score', width: 9 });
  if (prized) columns.push({ title: 'Giải', kind: 'text', width: 18 });
  if (rs.classes) columns.push({ title: 'Xếp loại', kind: 'text', width: 12 });
  for (const t of rs.targets ?? []) columns.push({ title: t.label.vi, kind: 'text', width: 14 });
  for (const c of shown) columns.push({ title: c.title, kind: c.kind, width: 12 });
  for (const i of inputColumns) columns.push({ title: i.label.vi, kind: i.kind === 'count' ? 'integer' : 'decimal', width: 13 });
  columns.push({ title: 'Lý do / Ghi chú', kind: 'text', width: 60 });

  const rows: TableRow[] = evaluation.units.map((u) => {
    const group = groups.get(u.groupId);
    const cells: OutCell[] = [group ? groupLabel(group, rs) : u.groupId];
    if (scored) cells.push(u.rank);
    cells.push(u.unitId, u.unitName);
    if (scored) cells.push(u.eligible ? 'Có' : 'Không', u.score);
    if (prized) cells.push(u.prize?.label.vi ?? null);
    if (rs.classes) cells.push(u.class ? (classes.get(u.class) ?? u.class) : null);
    for (const t of rs.targets ?? []) cells.push(u.targets?.[t.id] ? 'Đạt' : 'Không đạt');
    for (const c of shown) cells.push(u.metrics[c.id] ?? null);
    const input = inputs.get(u.unitId);
    for (const i of inputColumns) {
      const v = input?.[i.id];
      cells.push(typeof v === 'number' ? v : typeof v === 'string' && v !== 'x' ? Number(v) : (v ?? null));
    }
    cells.push(rankingNote(u, group, rs));
    return { cells };
  });
  return {
    sheetName: scored ? 'Xếp hạng' : 'Kết quả',
    heading: scored ? 'BẢNG XẾP HẠNG — Ranking' : 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU — Targets',
    meta,
    libraryVersion: evaluation.libraryVersion,
    columns,
    rows,
    footer: [],
  };
}

export function rankingCsv(evaluation: Evaluation, meta: ExportMeta, options: CsvOptions = {}): Uint8Array {
  return documentCsv(rankingDocument(evaluation, meta), options);
}

export function rankingXlsx(evaluation: Evaluation, meta: ExportMeta): Promise<Uint8Array> {
  return documentXlsx(rankingDocument(evaluation, meta));
}
