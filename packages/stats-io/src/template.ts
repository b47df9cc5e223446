import type { RuleSet, UnitInput } from '@thidua/scoring';
import { columnsFor, groupLabelForTemplate, type StatsColumn } from './columns.js';
import type { RosterEntry } from './parse.js';
import { cellBorder, newWorkbook, put, styleHeaderRow, toCsvBytes, toXlsxBytes, type OutCell } from './sheet-writing.js';
import { formatDateVi } from './text.js';

export interface TemplateOptions {
  ruleSet: RuleSet;
  /** When given, one row per unit with its id, name and group filled in. */
  roster?: RosterEntry[];
}

/** The data sheet's name in the XLSX template. */
export const dataSheetName = 'Số liệu';
export const guideSheetName = 'Hướng dẫn';

/** Rows of the blank statistics sheet: the Vietnamese titles, then the roster's units if any. */
function templateRows(opts: TemplateOptions): OutCell[][] {
  const columns = columnsFor(opts.ruleSet);
  const header = columns.map((c) => c.titleVi);
  const units = (opts.roster ?? []).map((u) =>
    columns.map((c): OutCell => {
      if (c.field === 'id') return u.id;
      if (c.field === 'name') return u.name;
      if (c.field === 'group') return groupLabelForTemplate(u.group, opts.ruleSet);
      return null;
    }),
  );
  return [header, ...units];
}

/**
 * Units' statistics as a sheet the upload reads back unchanged: one column per input the rule set
 * declares (optional ones only when some unit has them), headed by the machine keys or the
 * Vietnamese titles. Points marked not applicable are written "x".
 */
export function statisticsCsv(units: readonly UnitInput[], ruleSet: RuleSet, opts: { headers?: 'keys' | 'titles' } = {}): Uint8Array {
  const columns = columnsFor(ruleSet).filter((c) => c.required || c.kind === 'text' || c.kind === 'group' || units.some((u) => u[c.field] !== undefined));
  const header = columns.map((c) => (opts.headers === 'titles' ? c.titleVi : c.key));
  const rows = units.map((u) =>
    columns.map((c): OutCell => {
      const v = u[c.field];
      if (v === undefined) return null;
      if (v === null) return 'x';
      return c.field === 'group' && opts.headers === 'titles' ? groupLabelForTemplate(String(v), ruleSet) : v;
    }),
  );
  return toCsvBytes([header, ...rows]);
}

/** The blank statistics sheet as CSV (UTF-8 with BOM, comma-separated, Vietnamese titles). */
export function templateCsv(opts: TemplateOptions): Uint8Array {
  return toCsvBytes(templateRows(opts));
}

/**
 * The blank statistics sheet as XLSX: a "Số liệu" sheet (header row 1, styled and frozen, whole-
 * number validation on the counts, a list of groups) and a "Hướng dẫn" sheet explaining each
 * column in Vietnamese and English.
 */
export async function templateXlsx(opts: TemplateOptions): Promise<Uint8Array> {
  const { ruleSet } = opts;
  const columns = columnsFor(ruleSet);
  const workbook = newWorkbook();
  workbook.title = ruleSet.title.vi;
  const sheet = workbook.addWorksheet(dataSheetName, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  const rows = templateRows(opts);
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((v, c) => put(row.getCell(c + 1), v));
  });
  styleHeaderRow(sheet.getRow(1), columns.length);
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.kind === 'count' || c.kind === 'points' ? 22 : c.kind === 'comment' ? 40 : c.field === 'name' ? 34 : 16;
    // Ids stay text, so that "01" keeps its zero.
    if (c.field === 'id') column.numFmt = '@';
  });

  const lastRow = Math.max(rows.length, 201);
  const groupLabels = ruleSet.groups.map((g) => groupLabelForTemplate(g.id, ruleSet));
  const groupList = groupLabels.join(',');
  // A list validation is written as "a,b": labels holding a comma or a quote cannot be listed.
  const listable = groupLabels.every((l) => !/[",]/.test(l)) && groupList.length <= 250;
  for (let r = 2; r <= lastRow; r++) {
    columns.forEach((c, i) => {
      const cell = sheet.getCell(r, i + 1);
      if (c.kind === 'points' && !c.notApplicable) {
        cell.dataValidation = {
          type: 'decimal',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          errorTitle: 'Số điểm không hợp lệ',
          error: 'Nhập số điểm (số thập phân, không âm). / Enter the points (a decimal, not negative).',
        };
      } else if (c.kind === 'count') {
        cell.dataValidation = {
          type: 'whole',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          errorTitle: 'Số liệu không hợp lệ',
          error: 'Nhập số nguyên không âm (số hồ sơ). / Enter a whole number of cases, not negative.',
        };
      } else if (c.kind === 'group' && listable) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${groupList}"`],
          showErrorMessage: true,
          errorTitle: 'Nhóm không hợp lệ',
          error: `Chọn một nhóm: ${groupList}. / Choose a group.`,
        };
      }
    });
  }

  addGuideSheet(workbook, ruleSet, columns);
  return toXlsxBytes(workbook);
}

function addGuideSheet(workbook: ReturnType<typeof newWorkbook>, ruleSet: RuleSet, columns: readonly StatsColumn[]): void {
  const guide = workbook.addWorksheet(guideSheetName);
  guide.columns = [{ width: 44 }, { width: 26 }, { width: 14 }, { width: 70 }, { width: 60 }];
  const line = (values: OutCell[], bold = false) => {
    const row = guide.addRow([]);
    values.forEach((v, i) => put(row.getCell(i + 1), v));
    row.eachCell((cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
      if (bold) cell.font = { bold: true };
    });
    return row;
  };
  line([ruleSet.title.vi], true).getCell(1).font = { bold: true, size: 14 };
  line([ruleSet.title.en]);
  line([`Kỳ thi đua / Period: ${formatDateVi(ruleSet.period.start)} – ${formatDateVi(ruleSet.period.end)}`]);
  line([]);
  line(['Cách điền / How to fill in'], true);
  const notes: [string, string][] = [
    [
      'Mỗi đơn vị một dòng, trên trang "Số liệu". Giữ nguyên dòng tiêu đề; có thể thêm dòng tên biểu mẫu phía trên dòng tiêu đề.',
      'One row per unit, on the "Số liệu" sheet. Keep the header row; title rows may be added above it.',
    ],
    [
      'Số liệu lũy kế từ ngày bắt đầu kỳ đến ngày báo cáo; số hồ sơ ghi số nguyên (1234 hoặc 1.234), số điểm ghi số thập phân (0,75 hoặc 0.75).',
      'Cumulative figures from the start of the period to the reporting date; cases as whole numbers (1234 or 1.234), points as decimals (0.75).',
    ],
    [
      'Có thể gửi tệp .xlsx này (trang đầu tiên được đọc) hoặc tệp CSV UTF-8 có cùng tiêu đề cột.',
      'Upload this .xlsx file (its first sheet is read) or a UTF-8 CSV file with the same column titles.',
    ],
    [
      'Nếu có lỗi, cả tệp bị từ chối và mỗi lỗi được báo theo dòng, cột: sửa rồi gửi lại cả tệp.',
      'If anything is wrong the whole file is refused and each problem is listed by row and column: fix and upload the whole file again.',
    ],
  ];
  for (const [vi, en] of notes) {
    const row = line([vi, null, null, null, en]);
    guide.mergeCells(row.number, 1, row.number, 4);
    row.height = 32;
  }
  line([]);
  styleHeaderRow(line(['Cột (tiêu đề) / Column', 'Mã cột / Key', 'Bắt buộc / Required', 'Hướng dẫn', 'Guidance']), 5);
  for (const c of columns) {
    line([`${c.titleVi}\n${c.titleEn}`, c.key, c.required ? 'Có / Yes' : 'Không / No', c.help.vi, c.help.en]).eachCell((cell) => {
      cell.border = cellBorder;
    });
  }
  line([]);
  styleHeaderRow(line(['Nhóm / Group', 'Mã nhóm / Group id', null, 'Tên nhóm', 'Group name']), 5);
  for (const g of ruleSet.groups) {
    line([`${g.shortName.vi} / ${g.shortName.en}`, g.id, null, g.name.vi, g.name.en]);
  }
}
