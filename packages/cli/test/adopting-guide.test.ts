import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@thidua/scoring';
import { examplesDir, repoDir, tempDir, thidua } from './helpers.js';

/**
 * docs/adopting.md as an adopter reads it: each shape's smallest complete rule set, copied from the
 * page with its sheet, checks clean and scores to the figures the page states; the two plans written
 * from scratch (a DTI index, a monthly on-time share) check clean and score through the command line.
 */

const guide = readFileSync(join(repoDir, 'docs/adopting.md'), 'utf8');

/** Each `<!-- smallest: name -->` block: the ```json rule set and the ```csv sheet that follow it. */
function smallest(): Map<string, { rules: string; csv: string }> {
  const out = new Map<string, { rules: string; csv: string }>();
  const block = /<!-- smallest: (\w+) -->\n```json\n([\s\S]*?)\n```\n\n```csv\n([\s\S]*?)\n```/g;
  for (let m = block.exec(guide); m; m = block.exec(guide)) out.set(m[1] as string, { rules: m[2] as string, csv: m[3] as string });
  return out;
}

const blocks = smallest();

/** Checks and scores one block; the evaluation's units by id. */
function run(name: string): Map<string, Evaluation['units'][number]> {
  const block = blocks.get(name);
  if (!block) throw new Error(`docs/adopting.md has no "smallest: ${name}" block`);
  const dir = tempDir(`smallest-${name}`);
  const rules = join(dir, 'rules.json');
  const csv = join(dir, 'so-lieu.csv');
  writeFileSync(rules, block.rules);
  writeFileSync(csv, block.csv);
  const check = thidua(['rules', 'check', rules]);
  expect(check.code, check.stderr + check.stdout).toBe(0);
  expect(check.stdout, 'no warning').not.toMatch(/^! /m);
  const scored = thidua(['score', '--rules', rules, csv, '--format', 'json']);
  expect(scored.code, scored.stderr).toBe(0);
  const evaluation = JSON.parse(scored.stdout) as Evaluation;
  return new Map(evaluation.units.map((u) => [u.unitId, u]));
}

describe("docs/adopting.md: each shape's smallest complete rule set", () => {
  it('has the four shapes', () => {
    expect([...blocks.keys()]).toEqual(['ranked', 'targets', 'tree', 'index']);
  });

  it('a ranked competition: Xã A 80,00 first with the first prize, Xã B 65,00, Xã C short of 65%', () => {
    const u = run('ranked');
    expect([u.get('xa-a')?.score, u.get('xa-a')?.rank, u.get('xa-a')?.prize?.id, u.get('xa-a')?.prize?.amount]).toEqual(['80.00', 1, 'nhat', 5_000_000]);
    expect([u.get('xa-b')?.score, u.get('xa-b')?.rank, u.get('xa-b')?.prize]).toEqual(['65.00', 2, undefined]);
    expect([u.get('xa-c')?.eligible, u.get('xa-c')?.rank]).toEqual([false, null]);
  });

  it('targets: Xã A meets 50%, Xã B needs 20 more online cases', () => {
    const u = run('targets');
    expect(u.get('xa-a')?.targets).toEqual({ 'online-50': true });
    expect(u.get('xa-b')?.targets).toEqual({ 'online-50': false });
    expect(u.get('xa-b')?.gaps?.targets).toEqual({ 'online-50': 20 });
  });

  it('a criteria tree: Xã B 9,00 first; Xã A 6,00 with criterion 1.2 not arising', () => {
    const u = run('tree');
    expect([u.get('xa-b')?.score, u.get('xa-b')?.rank]).toEqual(['9.00', 1]);
    expect([u.get('xa-a')?.score, u.get('xa-a')?.rank]).toEqual(['6.00', 2]);
  });

  it('an index with classes: 100,00 Tốt, 62,50 Đạt, 37,50 Chưa đạt', () => {
    const u = run('index');
    expect(['xa-a', 'xa-b', 'xa-c'].map((id) => [u.get(id)?.score, u.get(id)?.class])).toEqual([
      ['100.00', 'tot'],
      ['62.50', 'dat'],
      ['37.50', 'chua-dat'],
    ]);
  });
});

describe('docs/adopting.md: two plans written from scratch', () => {
  const dir = join(examplesDir, 'adopters');

  it('the DTI index checks clean and ranks the 8 communes as the page\u2019s hand calculation', () => {
    const rules = join(dir, 'dti-huyen-vi-du.rules.json');
    const check = thidua(['rules', 'check', rules]);
    expect(check.code).toBe(0);
    expect(check.stdout).not.toMatch(/^! /m);
    const scored = thidua(['score', '--rules', rules, join(dir, 'dti-huyen-vi-du.csv'), '--format', 'json']);
    expect(scored.code, scored.stderr).toBe(0);
    const units = (JSON.parse(scored.stdout) as Evaluation).units.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
    expect(units.map((u) => [u.unitName, u.score, u.class])).toEqual([
      ['Xã An Hòa', '97.00', 'xuat-sac'],
      ['Xã Cẩm Thanh', '77.75', 'tot'],
      ['Xã Bình Minh', '75.00', 'tot'],
      ['Xã Diên Hồng', '70.00', 'tot'],
      ['Xã Ea Tân', '70.00', 'tot'],
      ['Xã Gia Lâm', '61.67', 'kha'],
      ['Xã Hòa Tiến', '55.83', 'kha'],
      ['Xã Phú Mỹ', '47.50', 'chua-dat'],
    ]);
    // The page's table, row by row.
    for (const u of units) expect(guide).toContain(`| ${u.unitName.replace('Xã ', '')} |`);
  });

  it('the monthly on-time share is a complement, and --explain writes it with the unit\u2019s numbers', () => {
    const rules = join(dir, 'thong-ke-thang-vi-du.rules.json');
    const csv = join(dir, 'thong-ke-thang-vi-du.csv');
    expect(thidua(['rules', 'check', rules]).code).toBe(0);
    const explained = thidua(['score', '--rules', rules, csv, '--explain', 'so-xay-dung']);
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toContain('(150 + 30 − (6 + 12)) / (150 + 30) × 100 = 90');
    expect(guide).toContain('(150 + 30 − (6 + 12)) / (150 + 30) × 100 = 90');
    expect(explained.stdout).toContain('150 + 30 − (120 + 12) = 48');
    // Where it stands, and the tie rule that decided it, with the figures.
    expect(explained.stdout).toContain('» Hạng 4/4 — Sở, ngành.');
    expect(explained.stdout).toContain('» Bằng 90,00 điểm với Sở Công Thương; thứ tự theo Chuyển kỳ sau thấp hơn (Sở Công Thương 39, Sở Xây dựng 48).');
  });
});
