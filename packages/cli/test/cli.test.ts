import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cuongGian2024Targets, evaluate, thuyThanhCchc2022, explain, nuiThanh2023, presets, type Evaluation, type RuleSet, type UnitInput } from '@thidua/scoring';
import { columnsFor, parseStatsFile } from '@thidua/stats-io';
import { demoCampaign } from '../../../apps/leaderboard/src/demo/nui-thanh-2023.js';
import { cliDir, examplesDir, statsCsv, tempDir, thidua, width } from './helpers.js';

/**
 * The command line through real child processes on real files: every command, exit codes,
 * --help, bad input reported by row and column, bundle → verify, tampering named.
 */

let dir: string;
let demoCsv: string;
let demoUnits: UnitInput[];
let demoEvaluation: Evaluation;
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

beforeAll(async () => {
  dir = tempDir('cli');
  const demo = demoCampaign();
  const last = demo.snapshots[demo.snapshots.length - 1];
  if (!last) throw new Error('the demo has no snapshot');
  demoCsv = join(dir, 'so-lieu-2023-12-31.csv');
  writeFileSync(demoCsv, last.csv);
  const parsed = await parseStatsFile(last.csv, { fileName: 'demo.csv', ruleSet: nuiThanh2023 });
  expect(parsed.issues).toEqual([]);
  demoUnits = parsed.units;
  demoEvaluation = evaluate(demoUnits, nuiThanh2023);
});

describe('help and usage', () => {
  it('--help lists every command with examples, in Vietnamese by default and in English with --lang en', () => {
    const vi = thidua(['--help']);
    expect(vi.code).toBe(0);
    for (const c of ['score', 'validate', 'template', 'rules init', 'rules check', 'bundle', 'verify']) expect(vi.stdout).toContain(c);
    expect(vi.stdout).toContain('Ví dụ:');
    expect(vi.stdout).toContain('Mã thoát');
    const en = thidua(['--help', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Examples:');
    expect(en.stdout).toContain('Exit codes');
  });

  it.each(['score', 'validate', 'template', 'rules', 'bundle', 'verify'])('%s --help shows its usage and examples', (command) => {
    const r = thidua([...command.split(' '), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`thidua ${command}`);
    expect(r.stdout).toContain('Ví dụ:');
    const en = thidua([...command.split(' '), '--help', '--lang', 'en']);
    expect(en.stdout).toContain('Examples:');
  });

  it('--version prints the library version', () => {
    const r = thidua(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(demoEvaluation.libraryVersion);
  });

  it('wrong usage exits 2 with a message in both languages, a pointer to --help, and no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [[], /Cách dùng|Usage/],
      [['frobnicate'], /Không có lệnh "frobnicate" — Unknown command "frobnicate"/],
      [['score'], /Thiếu tệp số liệu.*Missing the statistics file/],
      [['score', demoCsv, '--bogus'], /Không có tùy chọn --bogus — Unknown option --bogus/],
      [['score', demoCsv, '--format', 'pdf'], /--format phải là table \| json \| csv \| xlsx/],
      [['score', demoCsv, '--lang', 'fr'], /--lang phải là vi hoặc en/],
      [['score', join(dir, 'khong-co.csv')], /không có tệp này — .*no such file/],
      [['score', demoCsv, '--rules', 'no-such-preset'], /Không có bộ quy tắc mẫu "no-such-preset"/],
      [['rules', 'frob'], /"rules" có init, check, upgrade, list/],
      [['rules', 'init', '--from', 'nowhere'], /Không có bộ quy tắc mẫu "nowhere"/],
      [['verify', 'a.json', 'b.json'], /Thừa tham số: b.json/],
    ];
    for (const [args, message] of cases) {
      const r = thidua(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout, args.join(' ')).toBe('');
      noStack(r.stderr);
    }
    expect(thidua(['score', demoCsv, '--bogus']).stderr).toContain('thidua score --help');
  });
});

describe('score', () => {
  it('prints an aligned Vietnamese table with every unit, score, prize and the total, matching the library', () => {
    const r = thidua(['score', demoCsv]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(nuiThanh2023.title.vi);
    expect(r.stdout).toContain('Nhóm 1 — Các cơ quan chuyên môn thuộc UBND huyện');
    expect(r.stdout).toContain('Nhóm 2 — UBND các xã, thị trấn');

    for (const group of demoEvaluation.groups) {
      // The score column: every ranked row's score ends where the header "Điểm" ends.
      const headerIndex = lines.findIndex(
        (l, i) => l.startsWith('Hạng') && lines.slice(0, i).some((x) => x.includes(group.name.vi)) && !lines.slice(i - 1, i).some((x) => x.startsWith('─')),
      );
      const header = lines[headerIndex] as string;
      const scoreEnd = width(header.slice(0, header.indexOf('Điểm') + 'Điểm'.length));
      for (const unitId of group.ranking) {
        const unit = demoEvaluation.units.find((u) => u.unitId === unitId);
        if (!unit) throw new Error(unitId);
        const row = lines.find((l) => l.includes(`  ${unit.unitId}  `));
        expect(row, unit.unitId).toBeDefined();
        const shown = (unit.score as string).replace('.', ',');
        const rowText = row as string;
        expect(rowText.trimStart().startsWith(`${unit.rank} `), unit.unitId).toBe(true);
        expect(rowText).toContain(unit.unitName);
        const at = rowText.indexOf(` ${shown} `);
        expect(at, `${unit.unitId} ${shown}`).toBeGreaterThan(0);
        expect(width(rowText.slice(0, at + 1 + shown.length))).toBe(scoreEnd);
        if (unit.prize) expect(rowText).toContain(`${unit.prize.label.vi} (${unit.prize.amount.toLocaleString('vi-VN')} đ)`);
      }
      for (const id of group.ineligibleUnitIds) {
        const unit = demoEvaluation.units.find((u) => u.unitId === id);
        expect(r.stdout).toContain(`· ${unit?.unitName} (${id}) — ${unit?.reasons?.[0]?.message.vi}`);
      }
    }
    expect(r.stdout).toContain(`Tổng tiền thưởng: ${demoEvaluation.totalAwarded.toLocaleString('vi-VN')} đ`);
  });

  it('a tie across a prize boundary is shown as undecided for the committee, never silently assigned', () => {
    const file = join(dir, 'dong-hang.csv');
    writeFileSync(file, statsCsv([9, 10, 29, 50, 51, 60].map((late) => [`l${late}`, `Xã L${late}`, 'communes', 1000, 800, 800, late])));
    const r = thidua(['score', file]);
    expect(r.code).toBe(0);
    // Late shares of 5%, 5.1% and 6% all lose the 5-point maximum: 22.50 each, equal on both tie rules.
    for (const id of ['l50', 'l51', 'l60']) {
      expect(r.stdout).toMatch(new RegExp(`^ +4  ${id} .*22,50 .*\\? đồng hạng, chưa phân định$`, 'm'));
    }
    expect(r.stdout).toContain('Chưa phân định (hội đồng quyết định): 3 đơn vị đồng hạng 4');
    expect(r.stdout).toContain('Tiền thưởng của nhóm: 14.500.000 đ trên tổng 18.500.000 đ');

    // A district that breaks ties by fewer late cases writes it in its rule set, and the prizes are decided.
    const rules = structuredClone(nuiThanh2023) as RuleSet;
    rules.id = 'nui-thanh-2023-it-tre-han';
    if (!rules.ranking) throw new Error('the preset ranks units');
    rules.ranking.ties = [{ metric: 'lateShare', order: 'asc' }, ...rules.ranking.ties];
    const rulesFile = join(dir, 'rules-it-tre-han.json');
    writeFileSync(rulesFile, JSON.stringify(rules, null, 2));
    const broken = thidua(['score', file, '--rules', rulesFile]);
    expect(broken.code, broken.stderr).toBe(0);
    expect(broken.stdout).toMatch(/^ +4  l50 .*Giải khuyến khích \(2\.000\.000 đ\)$/m);
    expect(broken.stdout).toMatch(/^ +5  l51 .*Giải khuyến khích \(2\.000\.000 đ\)$/m);
    expect(broken.stdout).toMatch(/^ +6  l60 .*22,50 .*[^đ]$/m);
    expect(broken.stdout).toContain('Tiền thưởng của nhóm: 18.500.000 đ trên tổng 18.500.000 đ');
  });

  it.each(Object.keys(presets))('the worked example of preset %s scores with exit 0', (id) => {
    const file = readdirSync(examplesDir).find((f) => f.startsWith(`${id}.`) && !f.endsWith('.campaign.json'));
    expect(file, `docs/examples/${id}.*`).toBeDefined();
    const r = thidua(['score', '--rules', id, join(examplesDir, file as string), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const evaluation = JSON.parse(r.stdout) as Evaluation;
    expect(evaluation.ruleSetId).toBe(id);
    expect(evaluation.units.length).toBeGreaterThan(0);
  });

  it('refuses entered points above their criterion\u2019s maximum, naming the row, the field and the maximum; scores nothing', () => {
    const units = JSON.parse(readFileSync(join(examplesDir, 'thuy-thanh-cchc-2022.json'), 'utf8')) as UnitInput[];
    const file = join(dir, 'thuy-thanh-1-5.json');
    writeFileSync(file, JSON.stringify([{ ...units[0], p1_1_2: 1.5 }]));
    const r = thidua(['score', file, '--rules', 'thuy-thanh-cchc-2022']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Dòng 1, cột "[0].p1_1_2');
    expect(r.stderr).toContain('Trường "p1_1_2": 1.5 điểm vượt điểm tối đa 1.0 của tiêu chí 1.1.2.');
    expect(r.stderr).toContain("1.5 points is above criterion 1.1.2's maximum of 1.0");
    noStack(r.stderr);
  });

  it('--explain shows one unit\'s working: each figure with its formula in the unit\'s numbers, value and cited sentence', () => {
    const file = join(examplesDir, 'thuy-thanh-cchc-2022.json');
    const r = thidua(['score', file, '--rules', 'thuy-thanh-cchc-2022', '--explain', 'thuy-thanh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Xã Thủy Thanh (thuy-thanh) — thuy-thanh-cchc-2022');
    expect(r.stdout).toMatch(/1\.1\.2 Mức độ hoàn thành KH CCHC: 0\.8 \/ 1\.0\n/);
    expect(r.stdout).toContain('Nhận xét: hoàn thành 80%.');
    expect(r.stdout).toContain('[I.2]');
    expect(r.stdout).toMatch(/= 78\.636/);
    const json = thidua(['score', file, '--rules', 'thuy-thanh-cchc-2022', '--explain', 'thuy-thanh', '--format', 'json']);
    const units = JSON.parse(readFileSync(file, 'utf8')) as UnitInput[];
    const { standing, ...working } = JSON.parse(json.stdout) as Record<string, unknown> & { standing: { rank: number; ranked: number } };
    expect(working).toEqual(JSON.parse(JSON.stringify(explain(units[0] as UnitInput, presets['thuy-thanh-cchc-2022'] as RuleSet))));
    // Where it stands in the file: first of one.
    expect([standing.rank, standing.ranked]).toEqual([1, 1]);
    expect(r.stdout).toContain('» Hạng 1/1 — Xã, phường.');
    const missing = thidua(['score', file, '--rules', 'thuy-thanh-cchc-2022', '--explain', 'khong-co']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co');
    noStack(missing.stderr);
  });

  it('--lang en prints the table in English', () => {
    const r = thidua(['score', demoCsv, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(nuiThanh2023.title.en);
    expect(r.stdout).toMatch(/Rank +ID +Unit +Score/);
    const first = demoEvaluation.groups[1]?.prizes.find((p) => p.prizeId === 'first');
    expect(r.stdout).toContain(`First prize (${first?.amount.toLocaleString('en-US')} VND)`);
    expect(r.stdout).toContain(`Total awarded: ${demoEvaluation.totalAwarded.toLocaleString('en-US')} VND`);
  });

  it('--format json writes exactly the library evaluation', () => {
    const r = thidua(['score', demoCsv, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(demoEvaluation)));
    const out = join(dir, 'ket-qua.json');
    const written = thidua(['score', demoCsv, '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain(`Đã ghi ${out}`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(demoEvaluation)));
  });

  it('--format csv and xlsx write the ranking or the award list with the input SHA-256', async () => {
    const ranking = thidua(['score', demoCsv, '--format', 'csv', '--as-of', '2023-12-31']);
    expect(ranking.code).toBe(0);
    expect(ranking.stdout.startsWith('\uFEFF')).toBe(true);
    expect(ranking.stdout).toContain('BẢNG XẾP HẠNG');
    expect(ranking.stdout).toContain('31/12/2023');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(readFileSync(demoCsv)).digest('hex');
    expect(ranking.stdout).toContain(sha);
    for (const u of demoEvaluation.units) expect(ranking.stdout).toContain(u.unitName);

    const awards = thidua(['score', demoCsv, '--format', 'csv', '--list', 'awards']);
    expect(awards.stdout).toContain('DANH SÁCH ĐƠN VỊ ĐẠT GIẢI');
    const awarded = demoEvaluation.units.filter((u) => u.prize);
    for (const u of awarded) expect(awards.stdout).toContain(u.unitName);
    const notAwarded = demoEvaluation.units.filter((u) => !u.prize);
    for (const u of notAwarded) expect(awards.stdout).not.toContain(`${u.unitId},`);

    const xlsx = join(dir, 'danh-sach.xlsx');
    const r = thidua(['score', demoCsv, '--list', 'awards', '--out', xlsx]);
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    for (const u of awarded) expect(cells).toContain(u.unitName);
  });

  it('reads an XLSX workbook as officials save it from Excel, with the same result as the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Số liệu');
    sheet.addRow(['BÁO CÁO SỐ LIỆU THÁNG 12/2023']);
    sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)', 'Số hồ sơ trực tuyến đúng hạn, trước hạn', 'Số hồ sơ trễ hạn']);
    const label = (group: string) => (group === 'departments' ? 'Nhóm 1' : 'Nhóm 2');
    for (const u of demoUnits) sheet.addRow([u.id, u.name, label(u.group), u.resolvedTotal, u.resolvedOnline, u.resolvedOnlineOnTime, u.resolvedLate]);
    const file = join(dir, 'so-lieu-thang-12.xlsx');
    await workbook.xlsx.writeFile(file);
    const r = thidua(['score', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(demoEvaluation)));
  });

  it('refuses a file with problems: each by row and column on stderr, exit 1, nothing on stdout', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      statsCsv([
        ['tam-xuan-1', 'Xã Tam Xuân I', 'Nhóm 2', 2000, 1300, 1250, 30],
        ['tam-hai', 'Xã Tam Hải', 'Nhóm 2', 2000, 2100, 1400, 100],
        ['tam-son', 'Xã Tam Sơn', 'Nhóm 7', 'nhiều', 10, 5, 1],
      ]),
    );
    const r = thidua(['score', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('có 3 lỗi; không tính điểm');
    expect(r.stderr).toContain('Dòng 3, cột "Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)": Số hồ sơ trực tuyến (2100) lớn hơn');
    expect(r.stderr).toContain('Row 3, column "Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)": Online cases (2100) exceed');
    expect(r.stderr).toContain('Dòng 4, cột "Nhóm": Nhóm "Nhóm 7" không có trong bộ quy tắc');
    expect(r.stderr).toContain('Dòng 4, cột "Tổng số hồ sơ đã giải quyết"');
    expect(r.stderr).toContain('"nhiều"');
    noStack(r.stderr);
  });

  it('shows progress on stderr for a long input, and keeps stdout clean', () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 6000; i++) rows.push([`xa-${String(i).padStart(5, '0')}`, `Xã số ${i}`, 'communes', 1000 + i, 700 + (i % 300), 650 + (i % 300), i % 40]);
    const big = join(dir, 'quoc-gia.csv');
    writeFileSync(big, statsCsv(rows));
    const r = thidua(['score', big, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Đang đọc quoc-gia\.csv .*Reading quoc-gia\.csv/);
    expect(r.stderr).toContain('Đã đọc 6000 dòng số liệu');
    expect(r.stderr).toContain('Scoring 6000 units');
    expect((JSON.parse(r.stdout) as Evaluation).units).toHaveLength(6000);
    // A small file stays quiet unless --progress asks.
    expect(thidua(['score', demoCsv, '--format', 'json']).stderr).toBe('');
    expect(thidua(['score', demoCsv, '--format', 'json', '--progress']).stderr).toContain('Đang tính điểm 29 đơn vị');
    expect(thidua(['score', big, '--format', 'json', '--no-progress']).stderr).toBe('');
  });
});

describe('validate', () => {
  it('accepts the demo file with exit 0, listing warnings without failing', () => {
    const r = thidua(['validate', demoCsv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('29 dòng số liệu hợp lệ (nui-thanh-2023)');
  });

  it('lists every problem by row and column, in both languages, and exits 1', () => {
    const bad = join(dir, 'loi.csv');
    writeFileSync(
      bad,
      statsCsv([
        ['phong-tu-phap', 'Phòng Tư pháp', 'Nhóm 1', 800, 650, 700, 10],
        ['tam-hai', 'Xã Tam Hải', 'Nhóm 2', 500, 400, 390, 150],
        ['tam-hai', 'Xã Tam Hải', 'Nhóm 2', 500, 400, 390, 5],
        ['tam-son', 'Xã Tam Sơn', 'Nhóm 2', 500, -4, 0, 0],
      ]),
    );
    const r = thidua(['validate', bad]);
    expect(r.code).toBe(1);
    const expected = [
      ['Dòng 2, cột "Số hồ sơ trực tuyến đúng hạn, trước hạn"', 'on_time_exceeds_online'],
      ['Dòng 3, cột "Số hồ sơ trễ hạn"', 'on_time_plus_late_exceeds_total'],
      ['Dòng 4, cột "Mã đơn vị"', 'duplicate_id'],
      ['Dòng 5, cột "Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)"', ''],
    ];
    for (const [where, code] of expected) {
      const line = r.stdout.split('\n').findIndex((l) => l.includes(where as string));
      expect(line, where).toBeGreaterThan(0);
      const english = r.stdout.split('\n')[line + 1] as string;
      expect(english).toMatch(/Row \d+, column "/);
      if (code) expect(english).toContain(`[${code}]`);
    }
    const json = thidua(['validate', bad, '--format', 'json']);
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout) as { ok: boolean; issues: { row: number; column: string; code: string }[] };
    expect(body.ok).toBe(false);
    expect(body.issues.map((i) => [i.row, i.code])).toEqual(
      expect.arrayContaining([
        [2, 'on_time_exceeds_online'],
        [3, 'on_time_plus_late_exceeds_total'],
        [4, 'duplicate_id'],
      ]),
    );
    expect(body.issues.find((i) => i.row === 5)?.column).toBe('Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)');
  });

  it('a missing column is named, and a non-statistics file is refused as a whole', () => {
    const noLate = join(dir, 'thieu-cot.csv');
    writeFileSync(noLate, statsCsv([['tam-hai', 'Xã Tam Hải', 'Nhóm 2', 500, 400, 390]], [
      'Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)', 'Số hồ sơ trực tuyến đúng hạn, trước hạn',
    ]));
    const r = thidua(['validate', noLate, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Cases resolved late');
    const junk = join(dir, 'anh.xlsx');
    writeFileSync(junk, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    const j = thidua(['validate', junk]);
    expect(j.code).toBe(1);
    expect(j.stdout).toContain('Cả tệp');
    noStack(j.stderr);
  });
});

describe('template', () => {
  it('writes the CSV template to stdout; filled in, it validates', () => {
    const r = thidua(['template']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    for (const c of columnsFor(nuiThanh2023)) expect(r.stdout).toContain(c.titleVi);
    const filled = join(dir, 'bieu-mau-da-dien.csv');
    writeFileSync(filled, `${r.stdout}tam-hai,Xã Tam Hải,Nhóm 2,500,400,390,5,,\r\n`);
    const v = thidua(['validate', filled]);
    expect(v.stdout).toContain('1 dòng số liệu hợp lệ');
    expect(v.code).toBe(0);
  });

  it('writes the XLSX template with its data and guide sheets; the rule set decides the columns and groups', async () => {
    const out = join(dir, 'bieu-mau.xlsx');
    const r = thidua(['template', '--out', out, '--rules', 'cuong-gian-2024-targets']);
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Số liệu', 'Hướng dẫn']);
    const header = (workbook.getWorksheet('Số liệu')?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(columnsFor(cuongGian2024Targets).map((c) => c.titleVi));
    expect(header).toContain('Số lượt đánh giá hài lòng');
    const guide: string[] = [];
    workbook.getWorksheet('Hướng dẫn')?.eachRow((row) => row.eachCell((c) => guide.push(String(c.value))));
    expect(guide.join('\n')).toContain('Bộ phận một cửa');
    expect(guide).not.toContain('communes');
  });
});

describe('rules', () => {
  it('init prints a preset as JSON; check accepts it', () => {
    for (const id of Object.keys(presets)) {
      const r = thidua(['rules', 'init', '--from', id]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(presets[id]);
    }
    const dflt = thidua(['rules', 'init']);
    expect(JSON.parse(dflt.stdout)).toEqual(nuiThanh2023);
    const file = join(dir, 'rules.json');
    writeFileSync(file, dflt.stdout);
    const check = thidua(['rules', 'check', file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('hợp lệ — bộ quy tắc "nui-thanh-2023"');
    expect(check.stdout).toContain('2 × Giải khuyến khích 2.000.000 đ');
  });

  it('check names each problem with the line and column of the key to edit', () => {
    const text = thidua(['rules', 'init']).stdout;
    const edited = text
      .replace('"value": "65"', '"value": 65')
      .replace('"count": 2,', '"count": 0,')
      .replace('"currency": "VND",', '"currency": "VND",\n  "currencyName": "đồng",');
    const file = join(dir, 'rules-sai.json');
    writeFileSync(file, edited);
    const lines = edited.split('\n');
    const at = (needle: string) => {
      const line = lines.findIndex((l) => l.includes(needle));
      return `${line + 1}:${(lines[line] as string).indexOf('"') + 1}`;
    };
    const r = thidua(['rules', 'check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3 lỗi');
    expect(r.stdout).toContain(`${file}:${at('"currencyName"')} `);
    expect(r.stdout).toContain(`${file}:${at('"value": 65')} `);
    expect(r.stdout).toContain(`${file}:${at('"count": 0')} `);
    expect(r.stdout).toMatch(/groups\.1\.eligibility\.conditions\.0\.value: .*/);

    const broken = join(dir, 'rules-cu-phap.json');
    const brokenText = text.replace('"currency": "VND",', '"currency": "VND"');
    writeFileSync(broken, brokenText);
    const s = thidua(['rules', 'check', broken, '--lang', 'en']);
    expect(s.code).toBe(1);
    // The missing comma is found where the next key begins.
    const brokenLine = brokenText.split('\n').findIndex((l) => l.includes('"currency": "VND"')) + 2;
    expect(s.stdout).toContain(`${broken}:${brokenLine}:3  JSON syntax error: comma expected`);
  });

  it('check warns, with the line, of every maximum its parts do not add up to; the file stays valid', () => {
    const rules = structuredClone(thuyThanhCchc2022) as RuleSet;
    // A parent of 60 over children of 30 + 35: the parent would cut a unit's 62 to 60 without a word.
    const root = rules.score!.criteria;
    root.children![0]!.max = '60';
    const file = join(dir, 'rules-toi-da.json');
    const text = JSON.stringify(rules, null, 2);
    writeFileSync(file, text);
    const r = thidua(['rules', 'check', file]);
    expect(r.code).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('! '));
    // Group I (60 stated, its tasks' 70), the total above it (100 stated, now 60 + 30), and the
    // document's own: task 3 (14.5 / 13.5) and task 6 (9.0 / 8).
    expect(warnings).toHaveLength(4);
    expect(r.stdout).toContain('Tiêu chí CCHC: văn bản ghi điểm tối đa 100 nhưng điểm tối đa của các tiêu chí thành phần cộng lại là 90.');
    const line = text.split('\n').findIndex((l) => l.includes('"max": "60"')) + 1;
    const groupI = warnings.find((w) => w.includes('Tiêu chí I:'));
    expect(groupI).toContain(`${file}:${line}:`);
    expect(groupI).toContain('Tiêu chí I: văn bản ghi điểm tối đa 60 nhưng điểm tối đa của các tiêu chí thành phần cộng lại là 70.');
    expect(r.stdout).toContain('Tiêu chí 6: văn bản ghi điểm tối đa 9,0');
  });

  it('check warns of a target written as a fraction on a percent metric, and of a class scale with no lowest class', () => {
    const targets = structuredClone(cuongGian2024Targets) as RuleSet;
    targets.targets![0]!.value = '0.7';
    const fractionFile = join(dir, 'rules-nguong.json');
    writeFileSync(fractionFile, JSON.stringify(targets, null, 2));
    const fraction = thidua(['rules', 'check', fractionFile]);
    expect(fraction.code).toBe(0);
    expect(fraction.stdout).toContain('Ngưỡng 0,7 trên chỉ số phần trăm "onlineShare" là 0,7%, không phải 70%');

    const classed = structuredClone(nuiThanh2023) as RuleSet;
    classed.classes = {
      levels: [
        { id: 'tot', label: { vi: 'Tốt', en: 'Good' }, min: '80' },
        { id: 'dat', label: { vi: 'Đạt', en: 'Met' }, min: '50' },
      ],
      citation: classed.score!.rounding.citation,
    };
    const classFile = join(dir, 'rules-xep-loai.json');
    writeFileSync(classFile, JSON.stringify(classed, null, 2));
    const scale = thidua(['rules', 'check', classFile]);
    expect(scale.code, scale.stdout).toBe(0);
    expect(scale.stdout).toContain('Thang xếp loại không có hạng thấp nhất (từ 0): đơn vị dưới 50 điểm sẽ không được xếp loại nào.');
  });

  it('score --rules rules.json uses the edited rules: a higher floor makes units ineligible', () => {
    const rules = JSON.parse(thidua(['rules', 'init']).stdout) as typeof nuiThanh2023;
    const communes = rules.groups.find((g) => g.id === 'communes');
    if (!communes) throw new Error('no communes');
    const floor = communes.eligibility?.conditions[0];
    if (!floor || !('value' in floor)) throw new Error('no floor');
    floor.value = '75';
    rules.id = 'nui-thanh-2023-floor-75';
    const file = join(dir, 'rules-75.json');
    writeFileSync(file, JSON.stringify(rules, null, 2));
    const r = thidua(['score', demoCsv, '--rules', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as Evaluation;
    expect(got.ruleSetId).toBe('nui-thanh-2023-floor-75');
    expect(got).toEqual(JSON.parse(JSON.stringify(evaluate(demoUnits, rules))));
    const before = demoEvaluation.units.filter((u) => u.groupId === 'communes' && u.eligible).length;
    const after = got.units.filter((u) => u.groupId === 'communes' && u.eligible).length;
    expect(after).toBeLessThan(before);

    const invalid = join(dir, 'rules-invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...rules, currency: 'USD' }, null, 2));
    const refused = thidua(['score', demoCsv, '--rules', invalid]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/rules-invalid\.json:\d+:3 .*currency/);
    expect(refused.stderr).toContain(`thidua rules check ${invalid}`);
  });
});

describe('--campaign: the leaderboard campaign file (rule set + roster)', () => {
  const campaign = join(examplesDir, 'cuong-gian-2024-targets.campaign.json');
  const stats = join(examplesDir, 'cuong-gian-2024-targets.csv');
  const version1 = join(cliDir, 'test/fixtures/cuong-gian-2024-example.v1.campaign.json');

  it('rules check accepts the example campaign file and counts its roster', () => {
    const r = thidua(['rules', 'check', campaign]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tệp chiến dịch, bộ quy tắc "cuong-gian-2024-targets"');
    expect(r.stdout).toContain('Bộ phận một cửa (one-stop-shop), 5 đơn vị');
  });

  it('a version 1 campaign file still scores, converted, with a notice; check asks for the upgrade, which then checks clean', () => {
    const v1Stats = join(cliDir, 'test/fixtures/cuong-gian-2024-example.stats.csv');
    const scored = thidua(['score', v1Stats, '--campaign', version1, '--format', 'json']);
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stderr).toContain(`thidua rules upgrade ${version1}`);
    expect((JSON.parse(scored.stdout) as Evaluation).units).toHaveLength(7);

    const check = thidua(['rules', 'check', version1]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Đây là bộ quy tắc phiên bản 1');
    expect(check.stdout).toContain('thidua rules upgrade');

    const upgraded = join(dir, 'chien-dich-v2.json');
    const u = thidua(['rules', 'upgrade', version1, '--out', upgraded]);
    expect(u.code, u.stderr).toBe(0);
    const again = thidua(['rules', 'check', upgraded]);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('Bộ phận một cửa (desks), 7 đơn vị');
    const rescored = thidua(['score', v1Stats, '--campaign', upgraded, '--format', 'json']);
    expect(rescored.stderr).toBe('');
    expect(JSON.parse(rescored.stdout)).toEqual(JSON.parse(scored.stdout));
  });

  it('rules check places roster and rule-set problems of a campaign file on their lines', () => {
    const original = readFileSync(campaign, 'utf8');
    const check = (name: string, text: string, needle: string, message: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      // The last line holding the needle: for a duplicate, the second occurrence is the problem.
      const lines = text.split('\n');
      let line = lines.length;
      while (line > 0 && !(lines[line - 1] as string).includes(needle)) line--;
      const r = thidua(['rules', 'check', file, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`${file.replaceAll('.', '\\.')}:${line}:\\d+  .*${message}`));
    };
    check(
      'campaign-sai-nhom.json',
      original.replace('"group": "one-stop-shop"\n    },\n    {\n      "id": "van-hoa-xa-hoi"', '"group": "communes"\n    },\n    {\n      "id": "van-hoa-xa-hoi"'),
      '"group": "communes"',
      'Group "communes" is not in the rule set',
    );
    check('campaign-sai-quy-tac.json', original.replace('"value": "70"', '"value": 70'), '"value": 70', 'value');
    check('campaign-trung-ma.json', original.replace('"id": "van-hoa-xa-hoi"', '"id": "tu-phap-ho-tich"'), '"id": "tu-phap-ho-tich"', 'Duplicate unit id "tu-phap-ho-tich"');
  });

  it('validate checks the roster as the server will: a missing unit and a misspelt name, by row', () => {
    const rows = readFileSync(stats, 'utf8').split('\r\n').filter((l) => !l.startsWith('cong-an-xa'));
    const file = join(dir, 'thieu-don-vi.csv');
    writeFileSync(file, rows.join('\r\n').replace('Văn hóa - Xã hội', 'Van hoa - Xa hoi'));
    const r = thidua(['validate', file, '--campaign', campaign]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Cả tệp: Thiếu số liệu của đơn vị "Công an xã"');
    expect(r.stdout).toMatch(/Dòng 5, cột "Tên đơn vị": Tên đơn vị "Van hoa - Xa hoi" không khớp/);
    // Without the roster the same file is acceptable: the roster is what caught it.
    expect(thidua(['validate', file, '--rules', 'cuong-gian-2024-targets']).code).toBe(0);
    expect(thidua(['validate', stats, '--campaign', campaign]).code).toBe(0);
  });

  it('template --campaign pre-fills one row per unit of the roster', () => {
    const r = thidua(['template', '--campaign', campaign]);
    expect(r.code).toBe(0);
    const roster = (JSON.parse(readFileSync(campaign, 'utf8')) as { roster: { id: string; name: string }[] }).roster;
    for (const u of roster) expect(r.stdout).toContain(`${u.id},${u.name},Bộ phận một cửa`);
  });

  it('--rules and --campaign together are a usage error', () => {
    const r = thidua(['score', stats, '--rules', 'cuong-gian-2024-targets', '--campaign', campaign]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Chỉ dùng một trong --rules và --campaign');
  });
});

describe('bundle and verify', () => {
  let bundlePath: string;
  beforeAll(() => {
    bundlePath = join(dir, 'award.json');
    const r = thidua(['bundle', demoCsv, '--rules', 'nui-thanh-2023', '--out', bundlePath]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('29 đơn vị');
  });

  it('a bundle holds the rule set, the units, their SHA-256, the library version and the evaluation; verify says it matches', async () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    expect(bundle.bundleVersion).toBe(2);
    expect(bundle.ruleSet).toEqual(nuiThanh2023);
    expect(bundle.libraryVersion).toBe(demoEvaluation.libraryVersion);
    expect(bundle.input.fileName).toBe('so-lieu-2023-12-31.csv');
    const { createHash } = await import('node:crypto');
    expect(bundle.input.fileSha256).toBe(createHash('sha256').update(readFileSync(demoCsv)).digest('hex'));
    const byId = [...demoUnits].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(bundle.input.units).toEqual(byId);
    expect(bundle.input.sha256).toBe(createHash('sha256').update(JSON.stringify(bundle.input.units)).digest('hex'));
    expect(bundle.evaluation.totalAwarded).toBe(demoEvaluation.totalAwarded);
    expect(bundle.evaluation.units.map((u: { score: string }) => u.score)).toEqual(demoEvaluation.units.map((u) => u.score));

    const r = thidua(['verify', bundlePath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mọi con số khớp khi tính lại');
    expect(r.stdout).toContain(bundle.input.sha256);
    const withFile = thidua(['verify', bundlePath, '--stats', demoCsv, '--lang', 'en']);
    expect(withFile.code).toBe(0);
    expect(withFile.stdout).toContain('every figure matches');
  });

  it('a tampered score is named: path, unit, bundle value and recomputed value; exit 1', () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    const index = bundle.evaluation.units.findIndex((u: { prize?: unknown; score: string | null }) => u.prize === undefined && u.score !== null);
    const unit = bundle.evaluation.units[index];
    const real = unit.score;
    unit.score = '99.99';
    const file = join(dir, 'award-sua-diem.json');
    writeFileSync(file, JSON.stringify(bundle));
    const r = thidua(['verify', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `Con số đầu tiên không khớp: evaluation.units[${index}].score (${unit.unitName}, ${unit.unitId}) — hồ sơ ghi "99.99", tính lại được "${real}"`,
    );
    expect(r.stdout).toContain('1 con số không khớp');
  });

  it('a tampered prize amount or input count is named as the first mismatch', () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    bundle.evaluation.totalAwarded += 1_000_000;
    const prizeFile = join(dir, 'award-sua-tien.json');
    writeFileSync(prizeFile, JSON.stringify(bundle));
    const p = thidua(['verify', prizeFile, '--lang', 'en']);
    expect(p.code).toBe(1);
    expect(p.stdout).toContain(`first mismatch: evaluation.totalAwarded — the bundle says ${bundle.evaluation.totalAwarded}, recomputed ${demoEvaluation.totalAwarded}`);

    const input = JSON.parse(readFileSync(bundlePath, 'utf8'));
    input.input.units[0].resolvedOnlineOnTime -= 1;
    const inputFile = join(dir, 'award-sua-so-lieu.json');
    writeFileSync(inputFile, JSON.stringify(input));
    const i = thidua(['verify', inputFile]);
    expect(i.code).toBe(1);
    expect(i.stdout).toContain('Con số đầu tiên không khớp: input.sha256');

    const other = join(dir, 'khac.csv');
    writeFileSync(other, readFileSync(demoCsv, 'utf8').replace('\r\n', '\r\n\r\n'));
    const f = thidua(['verify', bundlePath, '--stats', other]);
    expect(f.code).toBe(1);
    expect(f.stdout).toContain('Con số đầu tiên không khớp: input.fileSha256');
  });

  it('verify --rules proves the bundle used the official rules, not a consistent forgery', () => {
    const forged = structuredClone(nuiThanh2023);
    const first = forged.groups[1]?.prizes?.[0];
    if (!first) throw new Error('no first prize');
    first.amountVnd = 9_000_000;
    const rules = join(dir, 'rules-gia.json');
    writeFileSync(rules, JSON.stringify(forged, null, 2));
    const file = join(dir, 'award-gia.json');
    expect(thidua(['bundle', demoCsv, '--rules', rules, '--out', file]).code).toBe(0);
    expect(thidua(['verify', file]).code).toBe(0); // consistent with itself…
    const r = thidua(['verify', file, '--rules', 'nui-thanh-2023']);
    expect(r.code).toBe(1); // …but not the official rules.
    expect(r.stdout).toContain('Bộ quy tắc trong hồ sơ khác nui-thanh-2023: ruleSet.groups[1].prizes[0].amountVnd — hồ sơ ghi 9000000, nui-thanh-2023 ghi 7000000');
    const ok = thidua(['verify', bundlePath, '--rules', 'nui-thanh-2023']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Bộ quy tắc trong hồ sơ trùng khớp với nui-thanh-2023');
  });

  it('a bundle made by another library version still verifies, and both versions are shown', () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    bundle.libraryVersion = '0.0.9';
    bundle.evaluation.libraryVersion = '0.0.9';
    const file = join(dir, 'award-phien-ban-cu.json');
    writeFileSync(file, JSON.stringify(bundle));
    const r = thidua(['verify', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`@thidua/scoring 0.0.9 → ${demoEvaluation.libraryVersion}`);
  });

  it('a broken bundle exits 1 with the reason, never a stack trace', () => {
    const notJson = join(dir, 'hong.json');
    writeFileSync(notJson, '{ "bundleVersion": 1, ');
    const a = thidua(['verify', notJson]);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/hong\.json:1:\d+ +JSON sai cú pháp/);
    const notBundle = join(dir, 'khong-phai.json');
    writeFileSync(notBundle, JSON.stringify({ bundleVersion: 1, ruleSet: { id: 'x' }, input: { units: [], sha256: 'x' }, evaluation: {} }));
    const b = thidua(['verify', notBundle]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('hồ sơ kết quả hỏng');
    expect(b.stderr).toContain('ruleSet');
    for (const r of [a, b]) noStack(r.stderr);
  });

  it.each(['cuong-gian-2024-targets', 'thuong-lo-2022-tieu-chi-15', 'qd766-2022', 'thuy-thanh-cchc-2022'])(
    'the %s preset bundles its worked example and verifies it (bundle to stdout)',
    (id) => {
      const file = readdirSync(examplesDir).find((f) => f.startsWith(`${id}.`) && !f.endsWith('.campaign.json'));
      const input = join(examplesDir, file as string);
      const r = thidua(['bundle', input, '--rules', id]);
      expect(r.code, r.stderr).toBe(0);
      const bundle = JSON.parse(r.stdout);
      expect(bundle.ruleSet).toEqual(presets[id]);
      const out = join(dir, `${id}.bundle.json`);
      writeFileSync(out, r.stdout);
      expect(thidua(['verify', out, '--stats', input]).code).toBe(0);
    },
  );
});
