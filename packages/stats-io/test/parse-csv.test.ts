import { describe, expect, it } from 'vitest';
import { columnsFor, parseStatsFile } from '../src/index.js';
import { ruleSet as nuiThanh } from './fixtures.js';

const statsColumns = columnsFor(nuiThanh);
import { csvBytes, keyHeader, roster, ruleSet, unitRow, units, xlsxBytes } from './fixtures.js';

const viHeader = statsColumns.filter((c) => c.required).map((c) => c.titleVi);
const parse = (bytes: Uint8Array, withRoster = false) =>
  parseStatsFile(bytes, { ruleSet, ...(withRoster ? { roster } : {}) });

const csvLine = (cells: (string | number)[], sep = ',') =>
  cells.map((c) => (typeof c === 'string' && (c.includes(sep) || c.includes('"')) ? `"${c.replaceAll('"', '""')}"` : String(c))).join(sep);

describe('parseStatsFile — CSV that must be accepted', () => {
  it('reads the keys as headers and returns the units exactly', async () => {
    const result = await parse(csvBytes([keyHeader.join(','), ...units.map((u) => csvLine(unitRow(u)))]), true);
    expect(result.issues).toEqual([]);
    expect(result.format).toBe('csv');
    expect(result.rowCount).toBe(units.length);
    expect(result.units).toEqual(units);
  });

  it('reads the Vietnamese titles, semicolons, a BOM, CRLF, quoted fields and blank trailing lines', async () => {
    const lines = [
      csvLine(viHeader, ';'),
      ...units.map((u) => csvLine([u.id, u.name, u.group === 'communes' ? 'Nhóm 2' : 'Nhóm 1', ...unitRow(u).slice(3)], ';')),
      '',
      '',
    ];
    const result = await parse(csvBytes(lines, { bom: true, eol: '\r\n' }), true);
    expect(result.issues).toEqual([]);
    expect(result.units).toEqual(units);
  });

  it('matches headers ignoring case, accents, spacing and punctuation', async () => {
    const header = ['  MA DON VI ', 'ten don vi', 'NHÓM', 'tong so ho so da giai quyet', 'Cases resolved online (full or partial)', 'resolvedOnlineOnTime', 'Số Hồ Sơ Trễ Hạn (*)'];
    const result = await parse(csvBytes([header.join(';'), csvLine(unitRow(units[0]!), ';')]));
    expect(result.issues).toEqual([]);
    expect(result.units).toEqual([units[0]]);
  });

  it('accepts a group by id, short name or name, in either language, any case', async () => {
    const names = ['departments', 'nhom 1', 'Group 1', 'Các cơ quan chuyên môn thuộc UBND huyện'];
    const rows = names.map((g, i) => csvLine([`d${i}`, `Đơn vị ${i}`, g, 100, 80, 80, 0]));
    const result = await parse(csvBytes([keyHeader.join(','), ...rows]));
    expect(result.issues).toEqual([]);
    expect(result.units.map((u) => u.group)).toEqual(['departments', 'departments', 'departments', 'departments']);
  });

  it('reads a quoted name holding the delimiter and a line break as one row, keeping row numbers', async () => {
    const text = `${keyHeader.join(',')}\n"a","Xã ""A"", Tam\nKỳ",communes,100,80,80,0\nb,B,communes,10,20,5,0\n`;
    const result = await parse(new TextEncoder().encode(text));
    expect(result.issues).toEqual([expect.objectContaining({ row: 3, column: 'resolved_online', code: 'online_exceeds_total' })]);
    const ok = await parse(new TextEncoder().encode(text.replace('b,B,communes,10,20,5,0\n', '')));
    expect(ok.units[0]?.name).toBe('Xã "A", Tam Kỳ');
  });

  it('reads Vietnamese thousands separators and the optional full/partial columns', async () => {
    const header = [...keyHeader, 'Trực tuyến toàn trình', 'Trực tuyến một phần'];
    const row = ['tt', 'Thị trấn', 'communes', '3.200', '2.900', '2.850', '30', '1.900', '1 000'];
    const result = await parse(csvBytes([header.join(';'), row.join(';')]));
    expect(result.issues).toEqual([]);
    expect(result.units[0]).toMatchObject({
      resolvedTotal: 3200,
      resolvedOnline: 2900,
      resolvedOnlineOnTime: 2850,
      resolvedLate: 30,
      resolvedOnlineFull: 1900,
      resolvedOnlinePartial: 1000,
    });
  });

  it('finds the header below title rows, ignores blank rows, and warns about unknown columns', async () => {
    const lines = [
      'BÁO CÁO SỐ LIỆU THÁNG 6/2023',
      '',
      ['STT', ...keyHeader, 'Ghi chú'].join(','),
      ['1', ...unitRow(units[0]!), 'đã rà soát'].join(','),
      ',,,,,,,,',
      ['2', ...unitRow(units[1]!), ''].join(','),
    ];
    const result = await parse(csvBytes(lines));
    expect(result.issues).toEqual([]);
    expect(result.units).toEqual([units[0], units[1]]);
    expect(result.rowCount).toBe(2);
    expect(result.warnings.filter((w) => w.code === 'unknown_column')).toEqual([
      expect.objectContaining({ row: 3, column: 'STT' }),
      expect.objectContaining({ row: 3, column: 'Ghi chú' }),
    ]);
  });

  it('ignores, with a warning, lines under the table that have neither an id nor a figure', async () => {
    const lines = [
      keyHeader.join(','),
      ...units.map((u) => csvLine(unitRow(u))),
      ',,,,,,',
      ',Người lập biểu,,,,,',
      ',Nguyễn Văn A,,,,,',
    ];
    const result = await parse(csvBytes(lines), true);
    expect(result.issues).toEqual([]);
    expect(result.units).toEqual(units);
    expect(result.rowCount).toBe(units.length);
    expect(result.warnings.map((w) => [w.row, w.code])).toEqual([
      [units.length + 3, 'ignored_row'],
      [units.length + 4, 'ignored_row'],
    ]);
    expect(result.warnings[0]?.message.vi).toContain('Người lập biểu');

    // A unit written with its name only is ignored too, but the roster notices it is missing.
    const nameOnly = [keyHeader.join(','), ...units.slice(1).map((u) => csvLine(unitRow(u))), `,${units[0]!.name},departments,,,,`];
    const refused = await parse(csvBytes(nameOnly), true);
    expect(refused.issues.map((i) => [i.row, i.code])).toEqual([[null, 'missing_unit']]);
    expect(refused.warnings.map((w) => [w.row, w.code])).toEqual([[units.length + 1, 'ignored_row']]);
  });

  it('ignores a "Tổng cộng" row with a warning, however it is written, in CSV and XLSX', async () => {
    const sum = (k: keyof (typeof units)[number]) => units.reduce((n, u) => n + (u[k] as number), 0);
    const totals = [sum('resolvedTotal'), sum('resolvedOnline'), sum('resolvedOnlineOnTime'), sum('resolvedLate')];
    for (const total of [`,Tổng cộng,,${totals.join(',')}`, `TỔNG CỘNG,,,${totals.join(',')}`, `,Tong so,,${totals.join(',')}`, `,Total,,${totals.join(',')}`]) {
      const result = await parse(csvBytes([keyHeader.join(','), ...units.map((u) => csvLine(unitRow(u))), total]), true);
      expect(result.issues, total).toEqual([]);
      expect(result.units).toEqual(units);
      expect(result.warnings.map((w) => [w.row, w.code])).toEqual([[units.length + 2, 'total_row']]);
      expect(result.warnings[0]?.message.vi).toMatch(/^Dòng tổng cộng được bỏ qua/);
    }
    const xlsx = await xlsxBytes([keyHeader, ...units.map(unitRow), [null, 'Tổng cộng', null, ...totals]]);
    const fromXlsx = await parseStatsFile(xlsx, { ruleSet, roster });
    expect(fromXlsx.issues).toEqual([]);
    expect(fromXlsx.warnings.map((w) => w.code)).toEqual(['total_row']);
    // A unit whose name merely contains the word is a unit.
    const named = await parse(csvBytes([keyHeader.join(','), 'x-tong,Xã Tổng,communes,10,8,8,0']));
    expect(named.units.map((u) => u.id)).toEqual(['x-tong']);
  });

  it('asks "did you mean …" of a misspelt column title, naming it and its column letter', async () => {
    const titles = columnsFor(ruleSet).filter((c) => c.required).map((c) => c.titleVi);
    // Accents and case never matter ("Tong so ho so da giai quyet" is read); a letter left out does.
    const misspelt = titles.map((t, i) => (i === 3 ? 'Tông số hồ so đã giả quyết' : t));
    const result = await parse(csvBytes([csvLine(misspelt), ...units.map((u) => csvLine(unitRow(u)))]));
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ row: 1, column: 'Tông số hồ so đã giả quyết', field: 'resolvedTotal', code: 'missing_column' });
    expect(result.issues[0]?.message.vi).toContain('Có phải cột "Tông số hồ so đã giả quyết" (cột D) bị gõ sai không?');
    expect(result.issues[0]?.message.en).toContain('Did you mean column "Tông số hồ so đã giả quyết" (column D)?');
    // A column that is merely another one is not suggested.
    const other = await parse(csvBytes([csvLine([...titles.slice(0, 3), 'Ghi chú', ...titles.slice(4)]), ...units.map((u) => csvLine(unitRow(u)))]));
    expect(other.issues[0]?.message.vi).not.toContain('Có phải');
  });

  it('passes the library warning on online cases neither on time nor late, without refusing', async () => {
    const row = ['x', 'X', 'communes', 100, 90, 70, 5];
    const result = await parse(csvBytes([keyHeader.join(','), row.join(',')]));
    expect(result.issues).toEqual([]);
    expect(result.units).toHaveLength(1);
    expect(result.warnings).toEqual([
      expect.objectContaining({ row: 2, column: 'resolved_late', field: 'resolvedLate', code: 'unaccounted_online_cases' }),
    ]);
  });
});

describe('parseStatsFile — every kind of bad row, by row and column', () => {
  it('reports each bad cell with its Excel row, the column as written, and both languages', async () => {
    const header = viHeader;
    const lines = [
      header.join(';'),
      ['a', 'A', 'Nhóm 2', '12a', '10', '5', '0'].join(';'), // row 2: not a number
      ['b', 'B', 'Nhóm 2', '100', '3,5', '1', '0'].join(';'), // row 3: decimal comma
      ['c', 'C', 'Nhóm 2', '1,234', '10', '5', '0'].join(';'), // row 4: ambiguous grouping
      ['d', 'D', 'Nhóm 2', '', '10', '5', '0'].join(';'), // row 5: empty
      ['e', 'E', 'Nhóm 2', '100', '-5', '0', '0'].join(';'), // row 6: negative
      ['f', 'F', 'Nhóm 9', '100', '50', '40', '0'].join(';'), // row 7: unknown group
      ['', 'G', 'Nhóm 2', '100', '50', '40', '0'].join(';'), // row 8: no id
      ['h', 'H', 'Nhóm 2', '100', '50', '60', '0'].join(';'), // row 9: on time > online
      ['i', 'I', 'Nhóm 2', '100', '150', '60', '0'].join(';'), // row 10: online > total
      ['j', 'J', 'Nhóm 2', '100', '80', '70', '40'].join(';'), // row 11: on time + late > total
      ['a', 'A again', 'Nhóm 2', '100', '80', '70', '0'].join(';'), // row 12: duplicate id
      ['k', 'K', 'Nhóm 2', '100', '80', '1.5', '0'].join(';'), // row 13: decimal point
    ];
    const result = await parse(csvBytes(lines));
    expect(result.units).toEqual([]);
    expect(result.rowCount).toBe(12);
    const brief = result.issues.map((i) => [i.row, i.column, i.code]);
    expect(brief).toEqual([
      [2, 'Tổng số hồ sơ đã giải quyết', 'not_a_count'],
      [3, 'Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)', 'not_a_count'],
      [4, 'Tổng số hồ sơ đã giải quyết', 'ambiguous_number'],
      [5, 'Tổng số hồ sơ đã giải quyết', 'required'],
      [6, 'Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)', 'negative'],
      [7, 'Nhóm', 'unknown_group'],
      [8, 'Mã đơn vị', 'required'],
      [9, 'Số hồ sơ trực tuyến đúng hạn, trước hạn', 'on_time_exceeds_online'],
      [10, 'Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)', 'online_exceeds_total'],
      [11, 'Số hồ sơ trễ hạn', 'on_time_plus_late_exceeds_total'],
      [12, 'Mã đơn vị', 'duplicate_id'],
      [13, 'Số hồ sơ trực tuyến đúng hạn, trước hạn', 'not_a_count'],
    ]);
    for (const issue of result.issues) {
      expect(issue.message.vi.length).toBeGreaterThan(10);
      expect(issue.message.en.length).toBeGreaterThan(10);
      expect(issue.message.vi).not.toEqual(issue.message.en);
    }
    const byRow = (row: number) => result.issues.find((i) => i.row === row)!;
    expect(byRow(2).message.vi).toContain('"12a"');
    expect(byRow(6).field).toBe('resolvedOnline');
    // Library messages name the column the official sees, not the internal field.
    expect(byRow(6).message.vi).toContain('Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)');
    expect(byRow(6).message.vi).not.toContain('resolvedOnline');
    expect(byRow(12).message.vi).toContain('dòng 2');
    expect(byRow(12).message.en).toContain('row 2');
  });

  it('reports a missing required column and a repeated column on the header row', async () => {
    const header = ['unit_id', 'Tên đơn vị', 'group', 'resolved_total', 'resolved_online', 'Tổng số hồ sơ đã giải quyết'];
    const result = await parse(csvBytes([header.join(','), 'a,A,communes,1,1,1']));
    expect(result.units).toEqual([]);
    expect(result.issues.map((i) => [i.row, i.column, i.field, i.code])).toEqual([
      [1, 'Tổng số hồ sơ đã giải quyết', 'resolvedTotal', 'duplicate_column'],
      [1, null, 'resolvedOnlineOnTime', 'missing_column'],
      [1, null, 'resolvedLate', 'missing_column'],
    ]);
    expect(result.issues[1]?.message.vi).toContain('Số hồ sơ trực tuyến đúng hạn, trước hạn');
    expect(result.issues[1]?.message.en).toContain('resolved_online_on_time');
  });

  it('refuses an empty file, blank lines only, and a header without data', async () => {
    for (const bytes of [new Uint8Array(0), csvBytes(['', '  ', ''], { bom: true })]) {
      const result = await parse(bytes);
      expect(result.issues).toEqual([expect.objectContaining({ row: null, column: null, code: 'empty_file' })]);
    }
    const headerOnly = await parse(csvBytes([keyHeader.join(','), ',,,,,,']));
    expect(headerOnly.issues).toEqual([expect.objectContaining({ row: null, code: 'no_data_rows' })]);
  });

  it('refuses a CSV that is not UTF-8 (a legacy Windows code page)', async () => {
    // "Phòng" in Windows-1258: ò is 0xF2, invalid as UTF-8 here.
    const bytes = new Uint8Array([...new TextEncoder().encode(`${keyHeader.join(',')}\na,Ph`), 0xf2, ...new TextEncoder().encode('ng,communes,1,1,1,0\n')]);
    const result = await parse(bytes);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'not_utf8', row: null })]);
  });

  it('refuses a CSV with an unclosed quote', async () => {
    const result = await parse(csvBytes([keyHeader.join(','), 'a,"Xã A,communes,1,1,1,0']));
    expect(result.issues).toEqual([expect.objectContaining({ code: 'csv_syntax', row: null })]);
  });
});

describe('parseStatsFile — roster checks', () => {
  const all = () => units.map((u) => csvLine(unitRow(u)));

  it('accepts the full roster and keeps the roster spelling of a name written in another case', async () => {
    const rows = all();
    rows[0] = rows[0]!.replace('Phòng Nội vụ', 'PHÒNG NỘI VỤ');
    const result = await parse(csvBytes([keyHeader.join(','), ...rows]), true);
    expect(result.issues).toEqual([]);
    expect(result.units[0]?.name).toBe('Phòng Nội vụ');
  });

  it('reports units outside the roster, missing units, wrong names and wrong groups', async () => {
    const rows = all();
    rows.splice(2, 1); // drop phong-tn-mt (row 4 in a full file)
    rows[0] = rows[0]!.replace('Phòng Nội vụ', 'Phong Noi vu'); // row 2: accents matter
    rows[1] = rows[1]!.replace('departments', 'communes'); // row 3: Tư pháp is in Nhóm 1
    rows.push(csvLine(['tam-ky', 'Xã Tam Kỳ', 'communes', 10, 10, 10, 0])); // row 10
    const result = await parse(csvBytes([keyHeader.join(','), ...rows]), true);
    expect(result.units).toEqual([]);
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [null, null, 'missing_unit'],
      [2, 'unit_name', 'name_mismatch'],
      [3, 'group', 'group_mismatch'],
      [10, 'unit_id', 'unknown_unit'],
    ]);
    expect(result.issues[0]?.message.vi).toContain('Phòng Tài nguyên và Môi trường');
    expect(result.issues[2]?.message.vi).toContain('Nhóm 1');
  });
});
