/**
 * Each shape of plan drawn the way its officials read it, in a real Chromium against a real server
 * (the demo, plus a targets campaign made through the API from docs/examples), at 360 and 1280 px:
 * the 766 race (rank, unit, total, class pill and change in view; the groups a tap or a sideways
 * scroll away, with a hint that says so), the CCHC scorecard (units × groups and tasks with each
 * group's rank; the unit's scorecard collapsible by task, disagreements flagged in place), targets
 * (met or not with the figure, the count met), and the printable results table (counted PDF pages).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardResponse, UnitResponse } from '../../src/web/api.js';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { rankingRows, runAxe, viNumber } from './page-helpers.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/examples');
const qd766 = 'qd766-quang-nam-2024-demo';
const cchc = 'thuy-thanh-cchc-2022';
const targets = 'cuong-gian-thu-nghiem';
const widths = [360, 1280] as const;

let server: RunningServer;
let browser: Browser;

async function json<T>(path: string): Promise<T> {
  return (await (await fetch(`${server.origin}${path}`)).json()) as T;
}

/** A targets campaign as an office would set it up: the preset, the roster, the month's sheet. */
async function createTargetsCampaign(): Promise<void> {
  const headers = { authorization: `Bearer ${server.adminToken}` };
  const created = await fetch(`${server.origin}/api/admin/campaigns`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ id: targets, preset: 'cuong-gian-2024-targets' }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const sheet = readFileSync(join(examples, 'cuong-gian-2024-targets.csv'), 'utf8');
  const roster = sheet
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').slice(0, 3).join(','))
    .join('\r\n');
  const put = await fetch(`${server.origin}/api/campaigns/${targets}/admin/roster`, { method: 'PUT', headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }, body: roster });
  expect(put.status, await put.clone().text()).toBe(200);
  const upload = await fetch(`${server.origin}/api/campaigns/${targets}/admin/snapshots?asOf=2024-06-30`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
    body: sheet,
  });
  expect(upload.status, await upload.clone().text()).toBe(201);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  await createTargetsCampaign();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width: number): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${server.origin}${path}`);
  await page.waitForLoadState('networkidle');
  return { page, errors, close: () => context.close() };
}

/** Nothing of the page lies past the right edge of the window. */
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The boxes of a row's cells, for "in view without scrolling sideways". */
async function cellsInView(page: Page, rowSelector: string, cells: string[]): Promise<boolean[]> {
  return page.locator(rowSelector).first().evaluate((tr, sels) => {
    const right = window.innerWidth;
    return sels.map((sel) => {
      const el = tr.querySelector(sel);
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.left >= 0 && box.right <= right + 0.5;
    });
  }, cells);
}

describe('the 766 race: an index with classes', () => {
  for (const width of widths) {
    it(`at ${width} px: rank, change, unit, total and the class pill are in view; the groups a ${width < 641 ? 'tap' : 'look or a scroll'} away`, async () => {
      const board = await json<LeaderboardResponse>(`/api/campaigns/${qd766}/leaderboard`);
      const { page, errors, close } = await open(`/c/${qd766}/`, width);
      // The race's own title and issuing body.
      expect(await page.locator('lb-leaderboard .authority').textContent()).toBe('UBND tỉnh Quảng Nam');
      expect(await page.locator('lb-leaderboard h1').textContent()).toContain('Thi đua hằng tuần');
      expect(await noSidewaysScroll(page)).toBe(true);
      const group = board.evaluation!.groups[0]!.id;
      const row = `lb-leaderboard lb-ranking-table table.ranking[data-group="${group}"] tbody tr[data-unit-id]`;
      expect(await cellsInView(page, row, ['td.rank .rank-number', 'td.rank .change', 'th.unit a', 'td.score', 'td.outcome .pill'])).toEqual([true, true, true, true, true]);
      // The class is a pill in words, under a labelled column, beside the total.
      const first = board.evaluation!.units.find((u) => u.unitId === board.evaluation!.groups[0]!.ranking[0])!;
      const label = board.campaign.rules.classes.find((c) => c.id === first.class)!.label.vi;
      expect((await page.locator(`${row} td.outcome .pill`).first().textContent())?.trim()).toBe(label);
      expect(await page.locator('lb-leaderboard lb-ranking-table thead th').nth(3).textContent()).toContain('Xếp loại');
      const figures = page.locator(row).first().locator('td.fig');
      if (width < 641) {
        // On a phone: the groups are on the unit's page, and the hint says so.
        expect(await page.locator('lb-leaderboard lb-ranking-table .scroll-hint.narrow').isVisible()).toBe(true);
        expect(await figures.first().isVisible()).toBe(false);
        await page.locator(`${row} th.unit a`).first().click();
        await page.waitForURL(/\/units\//);
        // The unit's page lists the published figures: the six groups, each with its maximum.
        const groups = board.campaign.rules.figures.filter((f) => f.kind === 'criterion' && f.depth === 1);
        expect(groups.length).toBe(6);
        for (const g of groups) {
          const shown = ((await page.locator(`lb-unit-detail dl.figures div[data-figure="${g.id}"] dd`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
          expect(shown).toBe(`${first.metrics[g.id]!.replace('.', ',')} / ${g.max!.replace('.', ',')}`);
        }
        expect(await noSidewaysScroll(page)).toBe(true);
      } else {
        // On a wide screen: the six groups are columns; if any is past the box's edge, the hint says to scroll.
        expect(await figures.count()).toBe(6);
        const overflowing = await page
          .locator('lb-leaderboard lb-ranking-table')
          .evaluate((el) => {
            const block = el.shadowRoot!.querySelector('.ranking-block')!;
            return block.scrollWidth > block.clientWidth + 1;
          });
        const hint = page.locator('lb-leaderboard lb-ranking-table .scroll-hint.wide');
        expect(await hint.count()).toBe(overflowing ? 1 : 0);
        const inView = await cellsInView(page, row, ['td.fig:last-of-type']);
        expect(inView[0] || overflowing).toBe(true);
      }
      expect(await runAxe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });
  }
});

describe('the CCHC index: a scorecard', () => {
  for (const width of widths) {
    it(`at ${width} px: the units by group with each group's rank; no search box for one unit`, async () => {
      const { page, errors, close } = await open(`/c/${cchc}/`, width);
      const table = page.locator('lb-leaderboard lb-scorecard-table table.scorecard');
      expect(await table.count()).toBe(1);
      expect(await page.locator('lb-leaderboard lb-unit-search').count()).toBe(0);
      expect(await noSidewaysScroll(page)).toBe(true);
      const row = table.locator('tbody tr[data-unit-id="thuy-thanh"]');
      expect(viNumber((await row.locator('td.score').textContent()) ?? '')).toBe('78.636');
      expect((await row.locator('td[data-figure="I"]').textContent())?.replace(/\s+/g, ' ').trim()).toBe('49,970 hạng 1/1');
      expect((await row.locator('td[data-figure="II"]').textContent())?.replace(/\s+/g, ' ').trim()).toBe('28,666 hạng 1/1');
      // Columns named in words: the groups in their headings, the tasks in the legend (and for screen readers).
      expect(await table.locator('thead th[data-figure="I"]').textContent()).toContain('I. Nhóm tiêu chí tự đánh giá');
      expect(await page.locator('lb-leaderboard lb-scorecard-table .legend').textContent()).toContain('Nhiệm vụ 6. Cải cách tài chính công');
      const tasks = table.locator('tbody td.fig');
      expect(await tasks.count()).toBe(9);
      expect(await tasks.first().isVisible()).toBe(width > 640);
      expect(await page.locator('lb-leaderboard .rules').textContent()).toContain('Xếp hạng theo tổng điểm, và theo từng nhóm tiêu chí: I. Nhóm tiêu chí tự đánh giá; II. Nhóm tiêu chí điều tra xã hội học.');
      expect(await runAxe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });

    it(`at ${width} px: the unit's page is its scorecard — every criterion, folds by task, the document's disagreements in place`, async () => {
      const { page, errors, close } = await open(`/c/${cchc}/units/thuy-thanh`, width);
      const card = page.locator('lb-unit-detail section.scorecard');
      expect(await card.isVisible()).toBe(true);
      expect(await noSidewaysScroll(page)).toBe(true);
      const unit = await json<UnitResponse>(`/api/campaigns/${cchc}/units/thuy-thanh`);
      // Every step of the working is there: the criteria as a tree, then the total.
      expect(await card.locator('lb-explanation li[data-step]').count()).toBe(unit.explanation!.steps.length);
      expect(unit.explanation!.steps.filter((s) => s.kind === 'criterion').length).toBeGreaterThan(60);
      // Task 6 states 8.0 of a stated 9.0, its criteria add to 7.0 of 8.0: both flagged at task 6.
      const task6 = card.locator('lb-explanation li[data-step="6"]');
      const flags = (await task6.locator(':scope > details > ul.disagreements').first().textContent())?.replace(/\s+/g, ' ') ?? '';
      expect(flags).toContain('Tiêu chí 6');
      expect(flags).toMatch(/9,0.*8/);
      // A comment where the council wrote one, the maximum beside each name.
      expect(await card.locator('lb-explanation li[data-step="1.1.1"]').textContent()).toContain('Nhận xét: Đã ban hành KH, nhưng thời gian ký số không phù hợp.');
      expect(await card.locator('lb-explanation li[data-step="1.1.1"] .max').textContent()).toContain('tối đa 1,0');
      // Folding a task hides its criteria; opening it shows them again.
      const child = card.locator('lb-explanation li[data-step="6.1"]');
      expect(await child.isVisible()).toBe(true);
      await task6.locator(':scope > details > summary').click();
      expect(await child.isVisible()).toBe(false);
      await task6.locator(':scope > details > summary').click();
      expect(await child.isVisible()).toBe(true);
      // Where it stands, with the document's sentence.
      expect(await page.locator('lb-unit-detail ul.standing').textContent()).toContain('Theo I. Nhóm tiêu chí tự đánh giá: hạng 1/1 với 49,970/70 điểm.');
      expect(await runAxe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });
  }
});

describe('targets: met or not, with the figure, and the count met', () => {
  for (const width of widths) {
    it(`at ${width} px`, async () => {
      const board = await json<LeaderboardResponse>(`/api/campaigns/${targets}/leaderboard`);
      const { page, errors, close } = await open(`/c/${targets}/`, width);
      expect(await noSidewaysScroll(page)).toBe(true);
      const rows = await rankingRows(page, board.evaluation!.groups[0]!.id);
      expect(rows.length).toBe(board.evaluation!.units.length);
      for (const r of rows) {
        const unit = board.evaluation!.units.find((u) => u.unitId === r.unitId)!;
        const met = Object.values(unit.targets!).filter(Boolean).length;
        expect(r.prize).toBe(`${met}/${board.campaign.rules.targets.length}`);
      }
      if (width > 640) {
        // Each target in words and with its figure, never colour alone.
        const first = board.evaluation!.units[0]!;
        for (const target of board.campaign.rules.targets) {
          const cell = page.locator(`lb-ranking-table tr[data-unit-id="${first.unitId}"] td[data-target="${target.id}"]`);
          const text = (await cell.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
          expect(text.startsWith(first.targets![target.id] ? '✔ Đạt' : '✘ Chưa đạt'), text).toBe(true);
          const figure = first.metrics[target.metric];
          if (figure) expect(text).toContain(`${figure.replace('.', ',')}${target.unit}`);
        }
      } else {
        expect(await page.locator('lb-ranking-table .scroll-hint.narrow').isVisible()).toBe(true);
      }
      expect(await runAxe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });
  }
});

describe('the printable results table ("Bảng tổng hợp kết quả")', () => {
  it('an index: the header, every unit ranked with its total, class and six groups, one A4 page per group', async () => {
    const board = await json<LeaderboardResponse>(`/api/campaigns/${qd766}/leaderboard`);
    const { page, close } = await open(`/c/${qd766}/results`, 1280);
    const doc = page.locator('lb-results-table');
    expect(await doc.locator('h1').textContent()).toBe('BẢNG TỔNG HỢP KẾT QUẢ');
    expect(await doc.locator('.doc-head').textContent()).toContain('UBND TỈNH QUẢNG NAM');
    expect(await doc.locator('.provisional').count()).toBe(1);
    expect(await doc.locator('.signatures').count()).toBe(1);
    expect(await doc.locator('section.group').count()).toBe(board.evaluation!.groups.length);
    for (const g of board.evaluation!.groups) {
      expect(await doc.locator(`section.group[data-group="${g.id}"] tbody tr[data-unit-id]`).count()).toBe(g.ranking.length + g.ineligibleUnitIds.length);
    }
    const first = board.evaluation!.units[0]!;
    const cells = await doc.locator(`tr[data-unit-id="${first.unitId}"] td`).allTextContents();
    expect(viNumber(cells[2] ?? '')).toBe(first.score);
    expect(cells[3]?.trim()).toBe(board.campaign.rules.classes.find((c) => c.id === first.class)!.label.vi);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(board.evaluation!.groups.length);
    expect(await runAxe(page)).toEqual([]);
    await close();
  });

  it('a final scorecard: attached to its decision, signed by its signer, each group with its rank; one page', async () => {
    const { page, close } = await open(`/c/${cchc}/results`, 360);
    const doc = page.locator('lb-results-table');
    expect(await doc.locator('.attached').textContent()).toContain('Kèm theo Kế hoạch số 69/KH-UBND ngày 12/12/2022');
    expect((await doc.locator('.signatures .name').textContent())?.trim()).not.toBe('');
    expect((await doc.locator('td[data-figure="I"]').textContent())?.replace(/\s+/g, '')).toBe('49,970(hạng1/1)');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    expect(await runAxe(page)).toEqual([]);
    await close();
  });

  it('targets: each target met or not with its figure, and the count met', async () => {
    const board = await json<LeaderboardResponse>(`/api/campaigns/${targets}/leaderboard`);
    const { page, close } = await open(`/c/${targets}/results`, 1280);
    const doc = page.locator('lb-results-table');
    const first = board.evaluation!.units[0]!;
    const target = board.campaign.rules.targets[0]!;
    const cell = ((await doc.locator(`tr[data-unit-id="${first.unitId}"] td[data-target="${target.id}"]`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(cell).toBe(`${first.targets![target.id] ? 'Đạt' : 'Chưa đạt'} (${first.metrics[target.metric]!.replace('.', ',')}${target.unit})`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await close();
  });
});
