/**
 * The pages in a real Chromium against a real server (the demo: three campaigns on a temporary
 * SQLite file): what the tables show is what the API says; the pages read without JavaScript;
 * tabs, sorting, the search over every group and the language switch work; on a 360×740 phone the
 * first screen shows at least three ranked units, whole; axe-core finds nothing serious; screenshots
 * at 1280 and 360 px for people to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardResponse, UnitResponse } from '../../src/web/api.js';
import { formatFormula } from '../../src/web/format.js';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { enNumber, rankingRows, runAxe, viMoney, viNumber } from './page-helpers.js';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '../../artifacts');
const screenshots = join(artifacts, 'screenshots');
const nui = 'nui-thanh-2023-demo';
const qd766 = 'qd766-quang-nam-2024-demo';
const cchc = 'thuy-thanh-cchc-2022';
const pageOf = (campaign: string, rest = '') => `/c/${campaign}/${rest}`;

let server: RunningServer;
let browser: Browser;
let api: LeaderboardResponse;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  api = (await (await fetch(`${server.origin}/api/campaigns/${nui}/leaderboard`)).json()) as LeaderboardResponse;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(width = 1280, opts: { javaScriptEnabled?: boolean; height?: number } = {}) {
  const context = await browser.newContext({ viewport: { width, height: opts.height ?? 900 }, ...(opts.javaScriptEnabled === false ? { javaScriptEnabled: false } : {}) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && /hydration/i.test(m.text()))) errors.push(m.text());
  });
  return { context, page, errors };
}

const hydrated = (page: Page, tag = 'lb-leaderboard') => page.waitForFunction((t) => (document.querySelector(t) as { hasUpdated?: boolean } | null)?.hasUpdated === true, tag);
const unitsOf = (groupId: string) => api.evaluation!.units.filter((u) => u.groupId === groupId);
const unitById = (id: string) => api.evaluation!.units.find((u) => u.unitId === id)!;

describe('the list of campaigns (/)', () => {
  it('lists every campaign with its status, latest date and leaders, each a link', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.origin}/`);
    await hydrated(page, 'lb-campaign-list');
    const cards = page.locator('lb-campaign-list li[data-campaign-id]');
    expect(await cards.evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.campaignId))).toEqual([nui, qd766, cchc]);
    const first = (await cards.first().textContent())!.replace(/\s+/g, ' ');
    expect(first).toContain(api.campaign.title.vi);
    expect(first).toContain('Số liệu mới nhất: 31/12/2023');
    expect(first).toContain('Tạm tính');
    expect(first).toContain(unitById(api.evaluation!.groups[1]!.ranking[0]!).unitName);
    expect((await cards.nth(2).textContent())!).toContain('Chính thức');
    await cards.nth(1).locator('h3 a').click();
    await page.waitForURL(`**${pageOf(qd766)}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a campaign page', () => {
  it('shows exactly the ranks, scores, figures and prizes of the API, for every group', async () => {
    for (const group of api.evaluation!.groups) {
      const { context, page, errors } = await newPage();
      await page.goto(`${server.origin}${pageOf(nui, `?group=${group.id}`)}`);
      await hydrated(page);
      const rows = await rankingRows(page, group.id);
      expect(rows.map((r) => r.unitId)).toEqual(group.ranking);
      for (const row of rows) {
        const unit = unitById(row.unitId);
        expect(row.rank).toBe(String(unit.rank));
        expect(viNumber(row.score)).toBe(unit.score);
        expect(row.unit).toBe(unit.unitName);
        if (unit.prize) {
          expect(row.prize).toContain(unit.prize.label.vi);
          expect(row.prize).toContain(`${viMoney(unit.prize.amount)} ₫`);
        } else if (unit.undecidedPrizeIds?.length) {
          expect(row.prize).toContain('Chưa quyết định');
        } else {
          expect(row.prize).toBe('—');
        }
        const change = api.rankChanges[unit.unitId];
        if (change?.change && change.change > 0) expect(row.change).toContain(`tăng ${change.change} bậc`);
        if (change?.change && change.change < 0) expect(row.change).toContain(`giảm ${-change.change} bậc`);
        if (!change) expect(row.change).toContain('không đổi');
        // Every figure the rule set publishes, as the evaluation wrote it.
        const figures = await page.locator(`table.ranking tr[data-unit-id="${unit.unitId}"] td[data-figure]`).evaluateAll((tds) => tds.map((td) => [(td as HTMLElement).dataset.figure, td.textContent?.trim()]));
        expect(figures.map(([id]) => id)).toEqual(api.campaign.rules.figures.map((f) => f.id));
        for (const [id, text] of figures) expect(viNumber(text ?? '')).toBe(unit.metrics[id as string]);
      }
      // Ineligible units below, each with the library's reason in words.
      const ineligible = await page
        .locator(`table.ineligible[data-group="${group.id}"] tbody tr`)
        .evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.unitId, r.querySelector('td.reason')?.textContent?.trim()]));
      const expected = unitsOf(group.id).filter((u) => !u.eligible);
      expect(ineligible.map(([id]) => id).sort()).toEqual(expected.map((u) => u.unitId).sort());
      for (const [id, reason] of ineligible) expect(reason).toBe(expected.find((u) => u.unitId === id)!.reasons!.map((r) => r.message.vi).join('; '));
      // The award list: every awarded prize, vacant slot and total.
      const awards = page.locator(`lb-ranking-table:not([awards-only]) table.awards-table[data-group="${group.id}"]`);
      for (const prize of group.prizes) await expect.poll(() => awards.locator(`tr[data-unit-id="${prize.unitId}"]`).textContent()).toContain(prize.unitName);
      expect(await awards.locator('tr.vacant').count()).toBe(group.vacantPrizes.length);
      expect(await awards.locator('td.total').textContent()).toContain(viMoney(group.totalAwarded));
      expect(await page.locator('lb-leaderboard .provenance').textContent()).toContain(api.snapshot!.sha256);
      expect((await page.locator('lb-leaderboard .grand-total').textContent())!.replace(/\s+/g, ' ')).toContain(`${viMoney(api.evaluation!.totalAwarded)} ₫`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('shows the 766 index with classes in words, and states the rules: floors, tie rules, classes', async () => {
    const index = (await (await fetch(`${server.origin}/api/campaigns/${qd766}/leaderboard`)).json()) as LeaderboardResponse;
    const { context, page, errors } = await newPage();
    await page.goto(`${server.origin}${pageOf(qd766)}`);
    await hydrated(page);
    const group = index.evaluation!.groups[0]!;
    const rows = await rankingRows(page, group.id);
    expect(rows.map((r) => r.unitId)).toEqual(group.ranking);
    for (const row of rows) {
      const unit = index.evaluation!.units.find((u) => u.unitId === row.unitId)!;
      expect(row.prize).toBe(index.campaign.rules.classes.find((c) => c.id === unit.class)?.label.vi ?? 'Chưa xếp loại');
    }
    expect(await page.locator('lb-leaderboard .rules').textContent()).toContain('Xếp loại theo điểm: Xuất sắc ≥ 90');
    const nuiPage = await context.newPage();
    await nuiPage.goto(`${server.origin}${pageOf(nui)}`);
    const rules = (await nuiPage.locator('lb-leaderboard .rules').textContent())!.replace(/\s+/g, ' ');
    expect(rules).toContain('Nhóm 1: Điều kiện xếp hạng: Tỷ lệ trực tuyến ≥ 70%; Số hồ sơ trực tuyến ≥ 100.');
    expect(rules).toContain('Bằng điểm thì xếp theo: Tỷ lệ trực tuyến cao hơn, Số hồ sơ trực tuyến cao hơn');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has a header with title, as-of date, status and the sample-data banner; the skip link moves focus', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.origin}${pageOf(nui)}`);
    await hydrated(page);
    const text = (await page.locator('lb-leaderboard header').textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain(api.campaign.title.vi);
    expect(text).toContain(`Số liệu đến ngày ${api.snapshot!.asOf.split('-').reverse().join('/')}`);
    expect(text).toContain('Tạm tính');
    expect(await page.locator('lb-leaderboard .sample').textContent()).toContain('Dữ liệu minh họa');
    // When the figures shown were published, in Vietnam time; a provisional result names no decision.
    expect(text).toMatch(/Công bố lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(await page.locator('lb-leaderboard header .decision').count()).toBe(0);
    // The skip link is the first stop, in the document; it lands just before the main content, and the
    // next Tab is inside it (the search), past the header's links.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('content');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.closest('main')?.id ?? document.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('main');
    // A final result names the decision it rests on, on the campaign page and on a unit page.
    for (const path of [pageOf(cchc), pageOf(cchc, 'units/thuy-thanh')]) {
      await page.goto(`${server.origin}${path}`);
      await expect.poll(() => page.locator('header .published').first().textContent()).toContain('Chính thức theo Kế hoạch số 69/KH-UBND ngày 12/12/2022');
    }
    await context.close();
  });

  it('reads without JavaScript: the server-rendered HTML holds the ranking; tabs and search are links and forms', async () => {
    const html = await (await fetch(`${server.origin}${pageOf(nui)}`)).text();
    expect(html).toContain('shadowrootmode="open"');
    expect(html).not.toMatch(/<script(?![^>]*(type="module" src="\/assets\/|type="application\/json"))/);
    const { context, page } = await newPage(1280, { javaScriptEnabled: false });
    await page.goto(`${server.origin}${pageOf(nui)}`);
    const group = api.evaluation!.groups[0]!;
    expect((await rankingRows(page, group.id)).map((r) => r.unitId)).toEqual(group.ranking);
    const other = api.evaluation!.groups[1]!;
    await page.locator(`[role=tab][href="?group=${other.id}"]`).click();
    await page.waitForURL(/group=/);
    expect((await rankingRows(page, other.id)).map((r) => r.unitId)).toEqual(other.ranking);
    await page.locator('lb-unit-search input#unit-search').fill('tam xuan');
    await page.locator('lb-unit-search input#unit-search').press('Enter');
    await page.waitForURL(/q=tam\+xuan/);
    const found = await page.locator('lb-unit-search ul.results a').allTextContents();
    expect(found.some((t) => t.includes('Xã Tam Xuân I'))).toBe(true);
    await page.screenshot({ path: join(screenshots, 'public-nojs-1280.png'), fullPage: true });
    await context.close();
  });

  it('has real tabs: aria-selected, arrow keys, one panel', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.origin}${pageOf(nui)}`);
    await hydrated(page);
    const tabs = page.locator('lb-leaderboard [role=tab]');
    const [g1, g2] = api.campaign.rules.groups;
    expect(await tabs.count()).toBe(2);
    await expect.poll(() => tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    await tabs.nth(0).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('false');
    await expect.poll(() => page.locator(`lb-leaderboard #panel-${g2!.id}`).isVisible()).toBe(true);
    expect(await page.locator(`lb-leaderboard #panel-${g1!.id}`).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id)).toBe(`tab-${g2!.id}`);
    const outline = await page.evaluate(() => {
      const el = document.activeElement?.shadowRoot?.activeElement;
      return el ? `${getComputedStyle(el).outlineWidth} ${getComputedStyle(el).outlineStyle}` : '';
    });
    expect(outline).toBe('3px solid');
    expect(page.url()).toContain(`group=${g2!.id}`);
    await context.close();
  });

  it('sorts columns (aria-sort, Vietnamese collation); one search over every group jumps to the unit', async () => {
    const { context, page, errors } = await newPage();
    const groupId = 'communes';
    await page.goto(`${server.origin}${pageOf(nui, `?group=${groupId}`)}`);
    await hydrated(page);
    const table = page.locator(`table.ranking[data-group="${groupId}"]`);
    const unitHeader = table.locator('thead th', { hasText: 'Đơn vị' });
    await unitHeader.locator('button').click();
    await expect.poll(() => unitHeader.getAttribute('aria-sort')).toBe('ascending');
    const names = (await rankingRows(page, groupId)).map((r) => r.unit);
    expect(names).toEqual(unitsOf(groupId).filter((u) => u.eligible).map((u) => u.unitName).sort(new Intl.Collator('vi').compare));
    const scoreHeader = table.locator('thead th', { hasText: 'Điểm' }).first();
    await scoreHeader.locator('button').click();
    await expect.poll(() => scoreHeader.getAttribute('aria-sort')).toBe('descending');
    const scores = (await rankingRows(page, groupId)).map((r) => Number(viNumber(r.score)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // A department found from the communes tab, without diacritics.
    const search = page.locator('lb-unit-search input#unit-search');
    await search.fill('phong tu phap');
    await expect.poll(() => page.locator('lb-unit-search ul.results a').allTextContents()).toEqual([expect.stringContaining('Phòng Tư pháp')]);
    await search.press('Enter');
    await page.waitForURL(`**${pageOf(nui, 'units/phong-tu-phap')}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the search suggestions are a combobox: arrows choose, Enter opens the one chosen, Escape closes then clears', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.origin}${pageOf(nui)}`);
    await hydrated(page);
    const search = page.locator('lb-unit-search input#unit-search');
    await search.fill('tam');
    const options = page.locator('lb-unit-search ul[role="listbox"] a[role="option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(2);
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    expect(await search.getAttribute('aria-activedescendant')).toBeNull();
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    await expect.poll(() => search.getAttribute('aria-activedescendant')).toBe('search-option-1');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await search.press('ArrowUp');
    await expect.poll(() => search.getAttribute('aria-activedescendant')).toBe('search-option-0');
    await search.press('ArrowDown');
    const chosen = (await options.nth(1).getAttribute('href')) as string;
    // Escape closes the list (the text stays); a second Escape clears the box.
    await search.press('Escape');
    await expect.poll(() => search.getAttribute('aria-expanded')).toBe('false');
    expect(await search.inputValue()).toBe('tam');
    await search.press('Escape');
    await expect.poll(() => search.inputValue()).toBe('');
    // Typing again opens it; the second suggestion, chosen, is the one Enter opens.
    await search.fill('tam');
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.waitForURL(`**${chosen}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to English in place, remembers it, and the server renders English next time', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.origin}${pageOf(nui)}`);
    await hydrated(page);
    await page.locator('lb-language-switch a[lang=en]').click();
    await expect.poll(() => page.locator('lb-leaderboard header .asof').textContent()).toContain('Figures as of');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('thidua.lang'))).toBe('en');
    // The skip link (the document's, not the element's) follows too.
    expect(await page.locator('a.skip').textContent()).toBe('Skip to the main content');
    const group = api.evaluation!.groups[0]!;
    expect((await rankingRows(page, group.id)).map((r) => enNumber(r.score))).toEqual(group.ranking.map((id) => unitById(id).score));
    const html = await page.request.get(`${server.origin}${pageOf(nui)}`).then((r) => r.text());
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Figures as of');
    await page.reload();
    expect(await page.locator('lb-leaderboard [role=tab]').first().textContent()).toContain('Group 1');
    await page.locator('lb-language-switch a[lang=vi]').click();
    await expect.poll(() => page.locator('lb-leaderboard header .asof').textContent()).toContain('Số liệu đến ngày');
    expect(await page.locator('a.skip').textContent()).toBe('Bỏ qua, đến nội dung chính');
    await page.goto(`${server.origin}${pageOf(nui, '?lang=en')}`);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('thidua.lang'))).toBe('en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a 360×740 phone: three ranked units or more on the first screen, whole; nothing off the right edge; tap targets of 24 px', async () => {
    for (const [campaign, group] of [[nui, 'communes'], [qd766, 'departments']] as const) {
      const { context, page, errors } = await newPage(360, { height: 740 });
      await page.goto(`${server.origin}${pageOf(campaign, `?group=${group}`)}`);
      await hydrated(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const boxes = await page.locator(`table.ranking[data-group="${group}"] tbody tr[data-unit-id]`).evaluateAll((trs) =>
        trs.slice(0, 5).map((tr) => {
          const cells = [...tr.querySelectorAll('td.rank, th.unit, td.score, td.outcome')].map((c) => c.getBoundingClientRect());
          return { bottom: Math.max(...cells.map((c) => c.bottom)), right: Math.max(...cells.map((c) => c.right)), cells: cells.length, visible: cells.every((c) => c.width > 0) };
        }),
      );
      const firstScreen = boxes.filter((b) => b.bottom <= 740);
      expect(firstScreen.length, campaign).toBeGreaterThanOrEqual(3);
      for (const b of firstScreen) {
        expect(b.cells).toBe(4);
        expect(b.visible).toBe(true);
        expect(b.right).toBeLessThanOrEqual(360);
      }
      const small = await page.locator('lb-leaderboard a, lb-leaderboard button, lb-unit-search input').evaluateAll((els) =>
        els
          .filter((e) => e.getBoundingClientRect().width > 0 && !e.closest('.sr-only'))
          .map((e) => ({ h: e.getBoundingClientRect().height, text: e.textContent?.trim().slice(0, 30) }))
          .filter((r) => r.h < 24),
      );
      expect(small, campaign).toEqual([]);
      await page.screenshot({ path: join(screenshots, `${campaign}-360.png`) });
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('prints every group\u2019s award list on A4, not the interactive ranking', async () => {
    const { context, page } = await newPage(1280);
    await page.goto(`${server.origin}${pageOf(nui, '?group=communes')}`);
    await hydrated(page);
    await page.screenshot({ path: join(screenshots, 'public-1280.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    for (const group of api.campaign.rules.groups) expect(await page.locator(`table.awards-table[data-group="${group.id}"]`).first().isVisible()).toBe(true);
    expect(await page.locator('table.ranking[data-group="communes"]').isVisible()).toBe(false);
    expect(await page.locator('lb-leaderboard [role=tablist]').isVisible()).toBe(false);
    expect(await page.locator('lb-leaderboard footer').isVisible()).toBe(false);
    writeFileSync(join(artifacts, 'award-list-a4.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
    await context.close();
  });
});

describe('a unit page', () => {
  it('gives the standing, gaps in words, the working on demand (formulas and quotes), and history', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.origin}${pageOf(nui, '?group=communes')}`);
    const target = unitsOf('communes').find((u) => u.rank !== null && u.rank > 1)!;
    await page.locator(`table.ranking a[href="${pageOf(nui, `units/${target.unitId}`)}"]`).click();
    await page.waitForURL(`**/units/${target.unitId}`);
    await hydrated(page, 'lb-unit-detail');
    const detail = (await (await fetch(`${server.origin}/api/campaigns/${nui}/units/${target.unitId}`)).json()) as UnitResponse;
    expect(await page.locator('lb-unit-detail h1').textContent()).toBe(target.unitName);
    const gaps = (await page.locator('lb-unit-detail ul.gaps').textContent())!.replace(/\s+/g, ' ');
    const pass = detail.result!.gaps!.passUnitAbove!;
    expect(gaps).toContain(`Cần thêm ${viMoney(pass.moves)} hồ sơ trực tuyến đúng hạn để vượt ${detail.unitNames[pass.unitId]}`);
    // The working is fetched when opened: every step, with its formula and quoted sentence.
    expect(await page.locator('lb-explanation').count()).toBe(0);
    await page.locator('lb-unit-detail details#working summary').click();
    const steps = page.locator('lb-explanation li[data-step]');
    await expect.poll(() => steps.count()).toBe(detail.explanation!.steps.length);
    for (const step of detail.explanation!.steps) {
      const text = (await page.locator(`lb-explanation li[data-step="${step.id}"]`).first().textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain(step.label.vi);
      // A figure that is its own working (an entered or counted figure) is shown once, as a value.
      // In the page's way of writing numbers: one decimal separator ("49,97 + 28,666").
      if (step.formula !== step.value) expect(text).toContain(formatFormula(step.formula, 'vi').replace(/\s+/g, ' '));
      if (step.citation) expect(text).toContain(`Văn bản, mục ${step.citation.section}`);
    }
    const history = page.locator('lb-history-chart table.history tbody tr');
    expect(await history.count()).toBe(detail.history.length);
    expect(detail.history.length).toBe(7);
    expect(await page.locator('lb-history-chart svg[role=img]').getAttribute('aria-label')).toContain(target.unitName);
    await page.screenshot({ path: join(screenshots, 'unit-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(screenshots, 'unit-360.png'), fullPage: true });
    expect((await fetch(`${server.origin}${pageOf(nui, 'units/no-such-unit')}`)).status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the CCHC scorecard: the criteria tree with maxima, the document\u2019s sub-totals and the assessors\u2019 comments', async () => {
    const { context, page, errors } = await newPage();
    // The scorecard is the unit's page: no need to ask for the working.
    await page.goto(`${server.origin}${pageOf(cchc, 'units/thuy-thanh')}`);
    await hydrated(page, 'lb-unit-detail');
    const root = page.locator('lb-explanation li[data-step="CCHC"]').first();
    expect(await root.locator(':scope > details > summary .head').textContent()).toContain('Chỉ số cải cách hành chính');
    expect((await root.textContent())!).toContain('78,636');
    expect(await page.locator('lb-explanation li[data-step="I"] li[data-step="1"]').count()).toBe(1);
    expect(await page.locator('lb-explanation .comment', { hasText: 'hoàn thành 80%.' }).count()).toBe(1);
    expect(await page.locator('lb-explanation li[data-step="I"] > details > .stated').first().textContent()).toContain('văn bản ghi 49,97');
    expect(await page.locator('lb-unit-detail .status').textContent()).toContain('Chính thức');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  it('has no axe-core violations of any impact on any page, the annex included', async () => {
    const unitId = api.evaluation!.units[0]!.unitId;
    const pages = [
      ['/', 'campaigns'],
      [pageOf(nui), 'public-departments'],
      [pageOf(nui, '?group=communes'), 'public-communes'],
      [pageOf(qd766), 'index-766'],
      [pageOf(cchc), 'cchc'],
      [pageOf(nui, `units/${unitId}`), 'unit'],
      [pageOf(cchc, 'units/thuy-thanh?explain=1'), 'unit-cchc'],
      [pageOf(nui, 'embed?group=communes'), 'embed'],
      ['/admin', 'admin'],
      [pageOf(nui, 'awards'), 'award-annex'],
    ] as const;
    for (const [path, name] of pages) {
      for (const width of [1280, 360]) {
        const { context, page } = await newPage(width);
        await page.goto(`${server.origin}${path}`);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
        // Every impact counts.
        const violations = await runAxe(page);
        expect(violations, `${path} at ${width}px: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
        await context.close();
      }
    }
  });
});

describe('downloads and assets', () => {
  it('links the award list, the full ranking and the verifiable bundle to real files; the templates too', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.origin}${pageOf(nui)}`);
    const links = await page.locator('lb-leaderboard footer a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    links.push(`/api/campaigns/${nui}/template.csv`, `/api/campaigns/${nui}/template.xlsx`);
    // CSV, CSV for Excel in Vietnamese (";" and decimal commas), XLSX.
    expect(links.filter((l) => /awards\.(csv|xlsx)/.test(l))).toHaveLength(3);
    expect(links.filter((l) => /ranking\.(csv|xlsx)/.test(l))).toHaveLength(3);
    expect(links.filter((l) => l.includes('dialect=excel-vn'))).toHaveLength(2);
    expect(links.filter((l) => /award-bundle\.json/.test(l))).toHaveLength(1);
    for (const link of links) {
      const res = await fetch(`${server.origin}${link}`);
      expect(res.status, link).toBe(200);
      expect(res.headers.get('content-type'), link).toMatch(link.includes('.csv') ? /text\/csv/ : link.includes('.json') ? /json/ : /spreadsheetml/);
      expect((await res.arrayBuffer()).byteLength, link).toBeGreaterThan(100);
    }
    await context.close();
  });

  it('serves every script a page names from /assets/, hashed and cached for good', async () => {
    for (const path of ['/', pageOf(nui), pageOf(nui, `units/${api.evaluation!.units[0]!.unitId}`), '/admin']) {
      const html = await (await fetch(`${server.origin}${path}`)).text();
      const urls = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      expect(urls.length, path).toBeGreaterThan(0);
      for (const url of urls) {
        const res = await fetch(`${server.origin}${url}`);
        expect(res.status, url).toBe(200);
        expect(res.headers.get('content-type')).toContain('javascript');
        expect(res.headers.get('cache-control')).toContain('immutable');
        expect(url).toMatch(/-[A-Z0-9]{8}\.js$/);
      }
    }
  });
});

describe('embed', () => {
  it('may be framed by any site; no other page may', async () => {
    const embed = await fetch(`${server.origin}${pageOf(nui, 'embed?group=communes')}`);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const path of ['/', '/admin', pageOf(nui), pageOf(nui, `units/${api.evaluation!.units[0]!.unitId}`)]) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('shows one group, compact, and links out of the frame', async () => {
    const { context, page } = await newPage(360);
    await page.goto(`${server.origin}${pageOf(nui, 'embed?group=communes')}`);
    const rows = await rankingRows(page, 'communes');
    expect(rows.map((r) => r.unitId)).toEqual(api.evaluation!.groups.find((g) => g.id === 'communes')!.ranking);
    expect(await page.locator('table.ranking[data-group="departments"]').count()).toBe(0);
    expect(await page.locator('lb-leaderboard [role=tablist]').count()).toBe(0);
    expect(await page.locator('table.ranking a').first().getAttribute('target')).toBe('_top');
    await page.screenshot({ path: join(screenshots, 'embed-360.png'), fullPage: true });
    await context.close();
  });
});
