import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { columnsFor, dataSheetName, guideSheetName, parseStatsFile, templateCsv, templateXlsx } from '../src/index.js';
import { ruleSet as nuiThanh } from './fixtures.js';

const statsColumns = columnsFor(nuiThanh);
import { loadWorkbook, roster, ruleSet, units } from './fixtures.js';

const bom = [0xef, 0xbb, 0xbf];
const countsOf = (id: string) => {
  const u = units.find((x) => x.id === id)!;
  return [u.resolvedTotal, u.resolvedOnline, u.resolvedOnlineOnTime, u.resolvedLate];
};

describe('templateCsv', () => {
  it('is UTF-8 with a BOM and the Vietnamese titles of every column', () => {
    const bytes = templateCsv({ ruleSet });
    expect([...bytes.slice(0, 3)]).toEqual(bom);
    const rows = parseCsv(new TextDecoder().decode(bytes), { bom: true }) as string[][];
    expect(rows).toEqual([statsColumns.map((c) => c.titleVi)]);
  });

  it('round-trips: template with roster → filled as Excel would save it → parsed to the units', async () => {
    const rows = parseCsv(new TextDecoder().decode(templateCsv({ ruleSet, roster })), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(
      roster.map((u) => [u.id, u.name, u.group === 'departments' ? 'Nhóm 1' : 'Nhóm 2']),
    );
    // The unfilled template is refused: every count is empty.
    const blank = await parseStatsFile(templateCsv({ ruleSet, roster }), { ruleSet, roster });
    expect(blank.units).toEqual([]);
    expect(blank.issues.filter((i) => i.code === 'required')).toHaveLength(roster.length * 4);

    const filled = rows.map((r, i) => (i === 0 ? r : [...r.slice(0, 3), ...countsOf(r[0]!), '', '']));
    const text = '\uFEFF' + stringify(filled, { delimiter: ';', record_delimiter: '\r\n' });
    const result = await parseStatsFile(new TextEncoder().encode(text), { ruleSet, roster });
    expect(result.issues).toEqual([]);
    expect(result.units).toEqual(units);
  });
});

describe('templateXlsx', () => {
  it('has a styled, frozen header with widths, and a bilingual guide sheet', async () => {
    const workbook = await loadWorkbook(await templateXlsx({ ruleSet }));
    const [data, guide] = workbook.worksheets;
    expect(data?.name).toBe(dataSheetName);
    expect(guide?.name).toBe(guideSheetName);
    statsColumns.forEach((c, i) => {
      const cell = data!.getCell(1, i + 1);
      expect(cell.value).toBe(c.titleVi);
      expect(cell.font?.bold).toBe(true);
      expect(data!.getColumn(i + 1).width).toBeGreaterThanOrEqual(16);
    });
    expect(data!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const guideText: string[] = [];
    guide!.eachRow((row) => row.eachCell((cell) => guideText.push(String(cell.value))));
    const all = guideText.join('\n');
    for (const c of statsColumns) {
      expect(all).toContain(c.titleVi);
      expect(all).toContain(c.key);
      expect(all).toContain(c.help.vi);
      expect(all).toContain(c.help.en);
    }
    for (const g of ruleSet.groups) expect(all).toContain(g.id);
  });

  it('round-trips: template with roster → filled in exceljs → parsed to the units', async () => {
    const workbook = await loadWorkbook(await templateXlsx({ ruleSet, roster }));
    const sheet = workbook.worksheets[0]!;
    for (let r = 2; r <= roster.length + 1; r++) {
      const id = String(sheet.getCell(r, 1).value);
      countsOf(id).forEach((n, i) => {
        sheet.getCell(r, 4 + i).value = n;
      });
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parseStatsFile(bytes, { ruleSet, roster, fileName: 'bieu-mau.xlsx' });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.units).toEqual(units);
  });

  it('neutralises a roster name that looks like a formula, and reads it back unchanged', async () => {
    const hostile = [{ id: 'x', name: '=HYPERLINK("http://evil.example","Bấm")', group: 'communes' }];
    const workbook = await loadWorkbook(await templateXlsx({ ruleSet, roster: hostile }));
    const cell = workbook.worksheets[0]!.getCell(2, 2);
    expect(cell.value).toBe(`'${hostile[0]!.name}`);
    expect(cell.formula).toBeUndefined();
    const csv = new TextDecoder().decode(templateCsv({ ruleSet, roster: hostile }));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm"")"`);

    workbook.worksheets[0]!.getRow(2).getCell(4).value = 10;
    [10, 10, 0].forEach((n, i) => (workbook.worksheets[0]!.getCell(2, 5 + i).value = n));
    const parsed = await parseStatsFile(new Uint8Array(await workbook.xlsx.writeBuffer()), { ruleSet, roster: hostile });
    expect(parsed.issues).toEqual([]);
    expect(parsed.units[0]?.name).toBe(hostile[0]!.name);
  });
});
