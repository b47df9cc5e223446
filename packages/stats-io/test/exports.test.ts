import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { evaluate, type Evaluation, type UnitInput } from '@thidua/scoring';
import { describe, expect, it } from 'vitest';
import {
  awardsCsv,
  awardsXlsx,
  neutraliseCell,
  rankingCsv,
  rankingXlsx,
  sampleMarker,
  type ExportMeta,
} from '../src/index.js';
import { loadWorkbook, ruleSet, units } from './fixtures.js';

const evaluation = evaluate(units, ruleSet);
const meta: ExportMeta = {
  ruleSet,
  status: 'provisional',
  asOf: '2023-09-30',
  inputSha256: 'ab'.repeat(32),
  sample: true,
  generatedAt: '2023-10-02T03:04:05.000Z',
  units,
};

function csvRows(bytes: Uint8Array): string[][] {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder().decode(bytes), { bom: true, relax_column_count: true }) as string[][];
}

/** Cells of an XLSX sheet as plain values, rows from 1. */
function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).value);
    rows[n] = cells;
  });
  return rows;
}

function groupLabel(groupId: string): string {
  return ruleSet.groups.find((g) => g.id === groupId)!.shortName.vi;
}

describe('the fixture evaluation', () => {
  it('has what the exports must show: awards, a vacant prize, an undecided tie, ineligible units', () => {
    expect(evaluation.totalAwarded).toBeGreaterThan(0);
    expect(evaluation.groups.some((g) => g.vacantPrizes.length > 0)).toBe(true);
    expect(evaluation.groups.some((g) => g.undecided.length > 0)).toBe(true);
    expect(evaluation.units.some((u) => !u.eligible)).toBe(true);
  });
});

describe('awardsCsv', () => {
  const rows = csvRows(awardsCsv(evaluation, meta));
  const headerAt = rows.findIndex((r) => r[0] === 'Nhóm' && r[1] === 'Giải');
  const table = rows.slice(headerAt + 1, rows.findIndex((r) => r[0]?.startsWith('Tổng cộng')) + 1);

  it('says what it is: campaign, sample marker, status, as-of date, rule set, input SHA-256', () => {
    const top = rows.slice(0, headerAt).map((r) => r.join(' | ')).join('\n');
    expect(top).toContain(ruleSet.title.vi);
    expect(top).toContain(sampleMarker);
    expect(top).toContain('Tạm tính');
    expect(top).toContain('30/09/2023');
    expect(top).toContain('01/06/2023 – 31/12/2023');
    expect(top).toContain(ruleSet.id);
    expect(top).toContain(meta.inputSha256);
    expect(rows[headerAt]).toEqual(['Nhóm', 'Giải', 'Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Điểm', 'Số tiền (đồng)']);
  });

  it("lists exactly the evaluation's prizes, with per-group subtotals and the grand total", () => {
    for (const group of evaluation.groups) {
      const label = groupLabel(group.id);
      const prizeRows = table.filter((r) => r[0] === label && r[3] !== '' && r[3] !== undefined);
      expect(prizeRows.map((r) => [r[1], r[3], r[4], Number(r[6])])).toEqual(
        group.prizes.map((p) => [p.label.vi, p.unitId, p.unitName, p.amount]),
      );
      for (const r of prizeRows) {
        expect(r[5]).toBe(evaluation.units.find((u) => u.unitId === r[3])!.score);
        expect(r[6]).toMatch(/^\d+$/);
      }
      const subtotal = table.find((r) => r[0] === label && r[1]?.startsWith('Cộng'))!;
      expect(Number(subtotal[6])).toBe(group.totalAwarded);
      expect(prizeRows.reduce((s, r) => s + Number(r[6]), 0)).toBe(group.totalAwarded);
    }
    const total = table.at(-1)!;
    expect(Number(total[6])).toBe(evaluation.totalAwarded);
  });

  it('lists vacant and undecided prizes in words', () => {
    const notes = rows.slice(rows.findIndex((r) => r[0] === 'Ghi chú / Notes')).map((r) => r.join(' ')).join('\n');
    for (const group of evaluation.groups) {
      for (const u of group.undecided) expect(notes).toContain(u.message.vi);
      for (const id of group.vacantPrizes) {
        const label = ruleSet.groups.find((g) => g.id === group.id)!.prizes!.find((p) => p.id === id)!.label.vi;
        expect(notes).toContain(`${label.toLowerCase()} để trống`);
      }
    }
  });

  it('says "Chính thức" and drops the sample marker for final, real data', () => {
    const text = new TextDecoder().decode(awardsCsv(evaluation, { ...meta, status: 'final', sample: false }));
    expect(text).toContain('Chính thức');
    expect(text).not.toContain('Tạm tính');
    expect(text).not.toContain('MINH HỌA');
  });
});

describe('awardsXlsx', async () => {
  const workbook = await loadWorkbook(await awardsXlsx(evaluation, meta));
  const sheet = workbook.worksheets[0]!;
  const rows = sheetRows(sheet);
  const headerAt = rows.findIndex((r) => r?.[0] === 'Nhóm' && r?.[1] === 'Giải');

  it('has title rows with the campaign, period and status, and a frozen header', () => {
    const top = rows.slice(1, headerAt).map((r) => String(r?.[0] ?? '')).join('\n');
    expect(top).toContain(ruleSet.title.vi);
    expect(top).toContain(sampleMarker);
    expect(top).toContain('01/06/2023 – 31/12/2023');
    expect(top).toContain('Tạm tính');
    expect(top).toContain('30/09/2023');
    expect(top).toContain(meta.inputSha256);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerAt });
  });

  it('writes amounts as numbers in đồng format, and totals equal to the evaluation', () => {
    const groupsSeen = new Set<string>();
    let prizeSum = 0;
    for (let n = headerAt + 1; n < rows.length; n++) {
      const r = rows[n];
      if (!r) continue;
      const amountCell = sheet.getCell(n, 7);
      if (typeof r[1] === 'string' && r[1].startsWith('Cộng')) {
        const group = evaluation.groups.find((g) => groupLabel(g.id) === r[0])!;
        expect((r[6] as ExcelJS.CellFormulaValue).result).toBe(group.totalAwarded);
        groupsSeen.add(group.id);
      } else if (typeof r[0] === 'string' && r[0].startsWith('Tổng cộng')) {
        expect((r[6] as ExcelJS.CellFormulaValue).result).toBe(evaluation.totalAwarded);
        expect(prizeSum).toBe(evaluation.totalAwarded);
        break;
      } else {
        expect(typeof r[6]).toBe('number');
        expect(typeof r[5]).toBe('number'); // the score
        prizeSum += r[6] as number;
      }
      expect(amountCell.numFmt).toBe('#,##0 "₫"');
    }
    expect([...groupsSeen].sort()).toEqual(evaluation.groups.map((g) => g.id).sort());
  });

  it('writes the totals as formulas — each subtotal the SUM of its group\u2019s rows, the total the sum of the subtotals — that give the library\u2019s figures', () => {
    const value = (n: number): number => {
      const v = sheet.getCell(n, 7).value;
      return typeof v === 'number' ? v : ((v as ExcelJS.CellFormulaValue | null)?.result as number) ?? 0;
    };
    const subtotals: number[] = [];
    let groupStart = headerAt + 1;
    let checked = 0;
    for (let n = headerAt + 1; n < rows.length; n++) {
      const cell = sheet.getCell(n, 7);
      if (cell.type !== ExcelJS.ValueType.Formula) continue;
      const formula = (cell.value as ExcelJS.CellFormulaValue).formula;
      if (String(rows[n]?.[1] ?? '').startsWith('Cộng')) {
        expect(formula).toBe(`SUM(G${groupStart}:G${n - 1})`);
        let sum = 0;
        for (let k = groupStart; k < n; k++) sum += value(k);
        expect(sum).toBe(value(n));
        subtotals.push(n);
        groupStart = n + 1;
      } else {
        expect(formula).toBe(subtotals.map((k) => `G${k}`).join('+'));
        expect(subtotals.reduce((t, k) => t + value(k), 0)).toBe(evaluation.totalAwarded);
      }
      checked++;
    }
    expect(checked).toBe(evaluation.groups.length + 1);
  });

  it('states provisional in a red banner above the table', () => {
    const bannerRow = rows.findIndex((r) => String(r?.[0] ?? '').startsWith('KẾT QUẢ TẠM TÍNH'));
    expect(bannerRow).toBeGreaterThan(0);
    expect(bannerRow).toBeLessThan(headerAt);
    expect(String(rows[bannerRow]?.[0])).toBe('KẾT QUẢ TẠM TÍNH — CHƯA PHẢI KẾT QUẢ CHÍNH THỨC (provisional: not the final result)');
    expect(sheet.getCell(bannerRow, 1).font?.color?.argb).toBe('FFC00000');
  });

  it('states final in a green banner, with the decision it rests on and its signer', async () => {
    const decision = { number: '125/QĐ-UBND', date: '2024-01-15', signerName: 'Nguyễn Văn Bình', signerTitle: 'CHỦ TỊCH UBND HUYỆN' };
    const final = await loadWorkbook(await awardsXlsx(evaluation, { ...meta, status: 'final', sample: false, decision }));
    const finalRows = sheetRows(final.worksheets[0]!);
    const banner = finalRows.findIndex((r) => String(r?.[0] ?? '').startsWith('KẾT QUẢ CHÍNH THỨC'));
    expect(String(finalRows[banner]?.[0])).toBe('KẾT QUẢ CHÍNH THỨC theo Quyết định số 125/QĐ-UBND ngày 15/01/2024 (final, decision 125/QĐ-UBND of 2024-01-15)');
    expect(final.worksheets[0]!.getCell(banner, 1).font?.color?.argb).toBe('FF0B5A1E');
    const footer = finalRows.flat().map((c) => String(c ?? ''));
    expect(footer).toContain('CHỦ TỊCH UBND HUYỆN / Signed by');
    expect(footer).toContain('Nguyễn Văn Bình');
  });
});

describe('CSV for Excel in Vietnamese (dialect excel-vn)', () => {
  const rowsOf = (bytes: Uint8Array) => parseCsv(new TextDecoder().decode(bytes), { bom: true, relax_column_count: true, delimiter: ';' }) as string[][];

  it('separates cells with ";" and writes decimals with a comma, so Excel in Vietnamese reads numbers', () => {
    const standard = csvRows(rankingCsv(evaluation, meta));
    const vn = rowsOf(rankingCsv(evaluation, meta, { dialect: 'excel-vn' }));
    expect(vn.length).toBe(standard.length);
    const header = standard.findIndex((r) => r[0] === 'Nhóm');
    const scoreColumn = standard[header]!.indexOf('Điểm');
    let decimals = 0;
    for (let n = header + 1; n < standard.length; n++) {
      const a = standard[n]![scoreColumn] ?? '';
      const b = vn[n]![scoreColumn] ?? '';
      if (/^\d+\.\d+$/.test(a)) {
        expect(b).toBe(a.replace('.', ','));
        decimals++;
      } else expect(b).toBe(a);
      // Every other cell is the same text; names with commas stay whole.
      expect(vn[n]!.filter((_, i) => i !== scoreColumn && !/^\d+,\d+$/.test(vn[n]![i] ?? ''))).toEqual(standard[n]!.filter((_, i) => i !== scoreColumn && !/^\d+\.\d+$/.test(standard[n]![i] ?? '')));
    }
    expect(decimals).toBeGreaterThan(3);
    expect(new TextDecoder().decode(rankingCsv(evaluation, meta, { dialect: 'excel-vn' }))).toContain(';');
  });

  it('keeps amounts in đồng as whole numbers', () => {
    const vn = rowsOf(awardsCsv(evaluation, meta, { dialect: 'excel-vn' }));
    const total = vn.find((r) => r[0]?.startsWith('Tổng cộng'));
    expect(total?.[6]).toBe(String(evaluation.totalAwarded));
  });
});

describe('ranking exports', () => {
  it('CSV: every unit once, eligible or not, with rank, score, the figures the rule set publishes, its inputs and reasons', () => {
    const rows = csvRows(rankingCsv(evaluation, meta));
    const headerAt = rows.findIndex((r) => r[0] === 'Nhóm' && r[1] === 'Hạng');
    const header = rows[headerAt]!;
    const table = rows.slice(headerAt + 1).filter((r) => r.length > 1);
    expect(table.map((r) => r[2])).toEqual(evaluation.units.map((u) => u.unitId));
    const col = (title: string) => header.indexOf(title);
    for (const u of evaluation.units) {
      const r = table.find((x) => x[2] === u.unitId)!;
      expect(r[col('Hạng')]).toBe(u.rank === null ? '' : String(u.rank));
      expect(r[col('Điểm')]).toBe(u.score ?? '');
      expect(r[col('Đủ điều kiện xét giải')]).toBe(u.eligible ? 'Có' : 'Không');
      expect(r[col('Tỷ lệ hồ sơ giải quyết trực tuyến (%)')]).toBe(u.metrics.onlineShare ?? '');
      expect(r[col('Tỷ lệ hồ sơ trực tuyến đúng hạn, trước hạn (%)')]).toBe(u.metrics.onTimeShare ?? '');
      expect(r[col('Tỷ lệ hồ sơ trễ hạn (%)')]).toBe(u.metrics.lateShare ?? '');
      expect(r[col('Điểm trừ trễ hạn')]).toBe(u.metrics.deduction ?? '');
      expect(r[col('Hệ số phát sinh hồ sơ (theo số hồ sơ trực tuyến)')]).toBe(u.metrics.coefficient);
      const input = units.find((x) => x.id === u.unitId)!;
      expect(r[col('Tổng số hồ sơ đã giải quyết')]).toBe(String(input.resolvedTotal));
      for (const reason of u.reasons ?? []) expect(r[col('Lý do / Ghi chú')]).toContain(reason.message.vi);
      if ((u.undecidedPrizeIds ?? []).length > 0) expect(r[col('Lý do / Ghi chú')]).toContain('chưa quyết định');
    }
  });

  it('XLSX: numbers as numbers, frozen header, every unit', async () => {
    const workbook = await loadWorkbook(await rankingXlsx(evaluation, { ...meta, status: 'final' }));
    const sheet = workbook.worksheets[0]!;
    const rows = sheetRows(sheet);
    const headerAt = rows.findIndex((r) => r?.[0] === 'Nhóm' && r?.[1] === 'Hạng');
    expect(rows.slice(1, 10).map((r) => String(r?.[0] ?? '')).join('\n')).toContain('Chính thức');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerAt });
    const table = rows.slice(headerAt + 1).filter(Boolean);
    expect(table.map((r) => r[2])).toEqual(evaluation.units.map((u) => u.unitId));
    for (const u of evaluation.units) {
      const r = table.find((x) => x[2] === u.unitId)!;
      expect(r[1]).toBe(u.rank);
      expect(r[5]).toBe(u.score === null ? null : Number(u.score));
      expect(r[12]).toBe(units.find((x) => x.id === u.unitId)!.resolvedTotal);
      expect(r[7]).toBe(u.metrics.onlineShare === null ? null : Number(u.metrics.onlineShare));
      expect(r[11]).toBe(Number(u.metrics.coefficient));
    }
  });
});

describe('formula injection', () => {
  const hostileNames = ['=1+2', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
  const hostile: UnitInput[] = hostileNames.map((name, i) => ({
    id: `x${i}`,
    name,
    group: 'communes',
    resolvedTotal: 1000 - i,
    resolvedOnline: 900,
    resolvedOnlineOnTime: 880,
    resolvedLate: 20,
  }));
  const hostileEvaluation: Evaluation = evaluate(hostile, ruleSet);

  it('neutraliseCell prefixes exactly the dangerous first characters', () => {
    for (const name of hostileNames) expect(neutraliseCell(name)).toBe(`'${name}`);
    for (const safe of ['Xã Tam Hiệp', '3500000', '', "'=already", ' =x']) expect(neutraliseCell(safe)).toBe(safe);
  });

  const awardedNames = hostileEvaluation.groups.flatMap((g) => g.prizes.map((p) => p.unitName));

  it('CSV: every hostile name is written with a leading apostrophe; amounts stay numbers', () => {
    expect(awardedNames.length).toBeGreaterThan(0);
    const cases: [Uint8Array, string[]][] = [
      [awardsCsv(hostileEvaluation, meta), awardedNames],
      [rankingCsv(hostileEvaluation, meta), hostileNames],
    ];
    for (const [bytes, names] of cases) {
      const cells = csvRows(bytes).flat();
      for (const name of names) {
        expect(cells).not.toContain(name);
        expect(cells).toContain(`'${name}`);
      }
      for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    }
    const awardRows = csvRows(awardsCsv(hostileEvaluation, meta));
    const total = awardRows.find((r) => r[0]?.startsWith('Tổng cộng'))!;
    expect(total[6]).toBe(String(hostileEvaluation.totalAwarded));
  });

  it('XLSX: the cell text starts with an apostrophe; the only formulas are the totals\u2019 own sums', async () => {
    const cases: [Uint8Array, string[]][] = [
      [await awardsXlsx(hostileEvaluation, meta), awardedNames],
      [await rankingXlsx(hostileEvaluation, meta), hostileNames],
    ];
    for (const [bytes, names] of cases) {
      const sheet = (await loadWorkbook(bytes)).worksheets[0]!;
      const texts: string[] = [];
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) expect((cell.value as ExcelJS.CellFormulaValue).formula).toMatch(/^(SUM\(G\d+:G\d+\)|G\d+(\+G\d+)*|0)$/);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      );
      for (const name of names) {
        // XML turns a stored carriage return into a line feed on reading; the apostrophe stays.
        expect(texts).toContain(`'${name}`.replace('\r', '\n'));
      }
      for (const t of texts) expect(t).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
