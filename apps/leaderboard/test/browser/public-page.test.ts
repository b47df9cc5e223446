/**
 * The public page, the embed and a unit's page in a real Chromium against a real server (demo
 * campaign, seven snapshots, temporary SQLite file): what the tables show is what
 * /api/leaderboard says; the page reads without JavaScript; tabs, sorting, search and the language
 * switch work; axe-core finds nothing serious; screenshots at 1280 and 360 px for people to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardResponse, UnitResponse } from '../../src/web/api.js';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { enNumber, rankingRows, runAxe, seriousOrCritical, viMoney, viNumber } from './page-helpers.js';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '../../artifacts');
const screenshots = join(artifacts, 'screenshots');

let server: RunningServer;
let browser: Browser;
let api: LeaderboardResponse;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  api = (await (await fetch(`${server.origin}/api/leaderboard`)).json()) as LeaderboardResponse;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(width = 1280, opts: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...opts });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

function unitsOf(groupId: string) {
  return api.evaluation!.units.filter((u) => u.groupId === groupId);
}

describe('public page', () => {
  it('shows exactly the ranks, scores and prizes of /api/leaderboard, for every group', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.origin}/`);
    // Hydrated: the element has taken over the server's HTML.
    await page.waitForFunction(() => (document.querySelector('lb-leaderboard') as { hasUpdated?: boolean } | null)?.hasUpdated === true);
    expect(api.evaluation).not.toBeNull();
    for (const group of api.evaluation!.groups) {
      const rows = await rankingRows(page, group.id);
      // Rank order, exactly the API's ranking.
      expect(rows.map((r) => r.unitId)).toEqual(group.ranking.map((r) => r.unitId));
      for (const row of rows) {
        const unit = api.evaluation!.units.find((u) => u.unitId === row.unitId)!;
        expect(row.rank).toBe(String(unit.rank));
        expect(viNumber(row.score)).toBe(unit.score);
        expect(row.unit).toBe(unit.unitName);
        if (unit.prize) {
          expect(row.prize).toContain(unit.prize.label.vi);
          expect(row.prize).toContain(`${viMoney(unit.prize.amount)} ₫`);
        } else if (unit.undecidedPrizeIds.length) {
          expect(row.prize).toContain('Chưa quyết định');
        } else {
          expect(row.prize).toBe('—');
        }
        const change = api.rankChanges[unit.unitId];
        if (change?.change && change.change > 0) expect(row.change).toContain(`tăng ${change.change} bậc`);
        if (change?.change && change.change < 0) expect(row.change).toContain(`giảm ${-change.change} bậc`);
        if (change?.change === 0) expect(row.change).toContain('không đổi');
      }
      // Ineligible units below, each with the library's reason in words.
      const ineligible = await page
        .locator(`table.ineligible[data-group="${group.id}"] tbody tr`)
        .evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.unitId, r.querySelector('td.reason')?.textContent?.trim()]));
      const expected = unitsOf(group.id).filter((u) => !u.eligible);
      expect(ineligible.map(([id]) => id).sort()).toEqual(expected.map((u) => u.unitId).sort());
      for (const [id, reason] of ineligible) {
        const unit = expected.find((u) => u.unitId === id)!;
        expect(reason).toBe(unit.reasons.map((r) => r.message.vi).join('; '));
      }
      // The award list: every awarded prize, vacant slot and total.
      const awards = page.locator(`table.awards-table[data-group="${group.id}"]`);
      for (const prize of group.prizes) {
        await expect
          .poll(() => awards.locator(`tr[data-unit-id="${prize.unitId}"]`).textContent())
          .toContain(prize.unitName);
      }
      expect(await awards.locator('tr.vacant').count()).toBe(group.vacantPrizes.length);
      expect(await awards.locator('td.total').textContent()).toContain(viMoney(group.totalAwarded));
    }
    // Provenance for the committee: which rules and which file (by its SHA-256) these figures come from.
    expect(await page.locator('lb-leaderboard .provenance').textContent()).toContain(api.snapshot!.sha256);
    expect((await page.locator('lb-leaderboard .grand-total').textContent())!.replace(/\s+/g, ' ')).toContain(`${viMoney(api.evaluation!.totalAwarded)} ₫`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has a header with title, period, as-of date, status and the sample-data banner', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.origin}/`);
    const header = page.locator('lb-leaderboard header');
    const text = (await header.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain(api.campaign.title.vi);
    expect(text).toContain('01/06/2023–31/12/2023');
    expect(text).toContain(`Số liệu đến ngày ${api.snapshot!.asOf.split('-').reverse().join('/')}`);
    expect(text).toContain(api.status === 'final' ? 'Chính thức' : 'Tạm tính');
    expect(api.campaign.sample).toBe(true);
    await expect.poll(() => page.locator('lb-leaderboard .sample').isVisible()).toBe(true);
    expect(await page.locator('lb-leaderboard .sample').textContent()).toContain('Dữ liệu minh họa');
    await context.close();
  });

  it('reads without JavaScript: the server-rendered HTML holds the ranking', async () => {
    const html = await (await fetch(`${server.origin}/`)).text();
    expect(html).toContain('shadowrootmode="open"');
    expect(html).not.toMatch(/<script(?![^>]*(type="module" src="\/assets\/|type="application\/json"))/);
    const first = api.evaluation!.units.find((u) => u.rank === 1)!;
    expect(html).toContain(first.unitName);
    expect(html).toContain(first.score!.replace('.', ','));

    const { context, page } = await newPage(1280, { javaScriptEnabled: false });
    await page.goto(`${server.origin}/`);
    const group = api.evaluation!.groups[0]!;
    const rows = await rankingRows(page, group.id);
    expect(rows.map((r) => r.unitId)).toEqual(group.ranking.map((r) => r.unitId));
    expect(rows.map((r) => viNumber(r.score))).toEqual(group.ranking.map((r) => r.score));
    expect(await page.locator(`table.ranking[data-group="${group.id}"]`).isVisible()).toBe(true);
    // The other group is one link away, still without JavaScript.
    const other = api.evaluation!.groups[1]!;
    await page.locator(`[role=tab][href="?group=${other.id}"]`).click();
    await page.waitForURL(/group=/);
    expect(await page.locator(`table.ranking[data-group="${other.id}"]`).isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshots, 'public-nojs-1280.png'), fullPage: true });
    await context.close();
  });

  it('has real tabs: aria-selected, arrow keys, one visible panel', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.origin}/`);
    const tabs = page.locator('lb-leaderboard [role=tab]');
    expect(await tabs.count()).toBe(api.campaign.groups.length);
    await expect.poll(() => tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    const [g1, g2] = api.campaign.groups;
    expect(await page.locator(`#panel-${g2!.id}`).isHidden()).toBe(true);
    await tabs.nth(0).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('false');
    expect(await page.locator(`#panel-${g2!.id}`).isVisible()).toBe(true);
    expect(await page.locator(`#panel-${g1!.id}`).isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id)).toBe(`tab-${g2!.id}`);
    // Visible focus: a 3 px outline on the focused tab.
    const outline = await page.evaluate(() => {
      const el = document.activeElement?.shadowRoot?.activeElement;
      return el ? getComputedStyle(el).outlineWidth + ' ' + getComputedStyle(el).outlineStyle : '';
    });
    expect(outline).toBe('3px solid');
    expect(page.url()).toContain(`group=${g2!.id}`);
    await tabs.nth(0).click();
    await expect.poll(() => page.locator(`#panel-${g1!.id}`).isVisible()).toBe(true);
    await context.close();
  });

  it('sorts columns (aria-sort, Vietnamese collation) and searches without diacritics', async () => {
    const { context, page } = await newPage();
    const groupId = 'communes';
    await page.goto(`${server.origin}/?group=${groupId}`);
    const table = page.locator(`table.ranking[data-group="${groupId}"]`);
    const unitHeader = table.locator('thead th', { hasText: 'Đơn vị' });
    await unitHeader.locator('button').click();
    await expect.poll(() => unitHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await table.locator('thead th', { hasText: 'Hạng' }).first().getAttribute('aria-sort')).toBe('none');
    const names = (await rankingRows(page, groupId)).map((r) => r.unit);
    const eligibleNames = unitsOf(groupId).filter((u) => u.eligible).map((u) => u.unitName);
    expect(names).toEqual([...eligibleNames].sort(new Intl.Collator('vi').compare));
    await unitHeader.locator('button').click();
    await expect.poll(() => unitHeader.getAttribute('aria-sort')).toBe('descending');

    const scoreHeader = table.locator('thead th', { hasText: 'Điểm' }).last();
    await scoreHeader.locator('button').click();
    await expect.poll(() => scoreHeader.getAttribute('aria-sort')).toBe('descending');
    const scores = (await rankingRows(page, groupId)).map((r) => Number(viNumber(r.score)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    await page.locator(`lb-ranking-table input[type=search]#search-${groupId}`).fill('tam xuan');
    const found = (await rankingRows(page, groupId)).map((r) => r.unit);
    const expected = unitsOf(groupId).filter((u) => u.eligible && /Tam Xuân/.test(u.unitName)).map((u) => u.unitName);
    expect(found.length).toBeGreaterThan(0);
    expect([...found].sort()).toEqual([...expected].sort());
    await context.close();
  });

  it('switches to English in place, remembers it, and the server renders English next time', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('lb-language-switch a[lang=en]').click();
    await expect.poll(() => page.locator('lb-leaderboard header .asof').textContent()).toContain('Figures as of');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('thidua.lang'))).toBe('en');
    const group = api.evaluation!.groups[0]!;
    const rows = await rankingRows(page, group.id);
    expect(rows.map((r) => enNumber(r.score))).toEqual(group.ranking.map((r) => r.score));
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'lang')?.value).toBe('en');
    // A fresh load: the server reads the cookie and renders English before any script runs.
    const html = await page.request.get(`${server.origin}/`).then((r) => r.text());
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Figures as of');
    await page.reload();
    expect(await page.locator('lb-leaderboard [role=tab]').first().textContent()).toContain('Group 1');
    await page.locator('lb-language-switch a[lang=vi]').click();
    await expect.poll(() => page.locator('lb-leaderboard header .asof').textContent()).toContain('Số liệu đến ngày');
    // The no-JavaScript switch (a ?lang= link) wins over the earlier stored choice, and is stored.
    await page.goto(`${server.origin}/?lang=en`);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('thidua.lang'))).toBe('en');
    expect(await page.locator('lb-leaderboard header .asof').textContent()).toContain('Figures as of');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a unit: breakdown quoting the plan, gaps in words, history chart and table', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.origin}/?group=communes`);
    // A unit with a unit above it, so the "to pass" gap exists.
    const target = unitsOf('communes').find((u) => u.gaps?.passUnitAbove)!;
    await page.locator(`table.ranking a[href="/units/${target.unitId}"]`).click();
    await page.waitForURL(`**/units/${target.unitId}`);
    const detail = (await (await fetch(`${server.origin}/api/units/${target.unitId}`)).json()) as UnitResponse;
    await expect.poll(() => page.locator('lb-unit-detail h1').textContent()).toBe(target.unitName);
    const steps = page.locator('lb-unit-detail ol.steps > li');
    expect(await steps.count()).toBe(detail.result!.breakdown.length);
    for (const [i, step] of detail.result!.breakdown.entries()) {
      const text = (await steps.nth(i).textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain(step.label.vi);
      expect(text).toContain(step.formula.replace(/\s+/g, ' '));
      expect(text).toContain(`Kế hoạch, mục ${step.citation.section}`);
      expect(text).toContain(step.citation.text.replace(/\s+/g, ' '));
    }
    const gaps = (await page.locator('lb-unit-detail ul.gaps').textContent())!.replace(/\s+/g, ' ');
    const pass = detail.result!.gaps!.passUnitAbove!;
    expect(gaps).toContain(`Cần thêm ${viMoney(pass.cases)} hồ sơ trực tuyến đúng hạn để vượt ${pass.unitName}`);
    // History: one chart point and one table row per published snapshot.
    const history = page.locator('lb-history-chart table.history tbody tr');
    expect(await history.count()).toBe(detail.history.length);
    expect(detail.history.length).toBe(7);
    expect(await page.locator('lb-history-chart svg circle').count()).toBe(detail.history.filter((h) => h.score !== null).length);
    expect(await page.locator('lb-history-chart svg[role=img]').getAttribute('aria-label')).toContain(target.unitName);
    for (const [i, point] of detail.history.entries()) {
      const cells = await history.nth(i).locator('td').allTextContents();
      expect(viNumber(cells[0]!)).toBe(point.score ?? '');
      expect(cells[1]!.trim()).toBe(point.rank === null ? 'Chưa xếp hạng' : String(point.rank));
    }
    await page.screenshot({ path: join(screenshots, 'unit-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: join(screenshots, 'unit-360.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const notFound = await fetch(`${server.origin}/units/no-such-unit`);
    expect(notFound.status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works at 360 px wide and prints the award list on A4', async () => {
    const { context, page } = await newPage(360);
    await page.goto(`${server.origin}/?group=communes`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('table.ranking[data-group="communes"]').isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshots, 'public-360.png'), fullPage: true });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(screenshots, 'public-1280.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    // On paper: both groups' award lists, not the interactive ranking.
    for (const group of api.campaign.groups) {
      expect(await page.locator(`table.awards-table[data-group="${group.id}"]`).isVisible()).toBe(true);
      expect(await page.locator(`table.ranking[data-group="${group.id}"]`).isVisible()).toBe(false);
    }
    expect(await page.locator('lb-leaderboard [role=tablist]').isVisible()).toBe(false);
    expect(await page.locator('lb-leaderboard footer').isVisible()).toBe(false);
    writeFileSync(join(artifacts, 'award-list-a4.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
    await context.close();
  });

  it('has no serious or critical axe-core violations on any page', async () => {
    const unitId = api.evaluation!.units[0]!.unitId;
    const pages = [
      ['/', 'public-departments'],
      ['/?group=communes', 'public-communes'],
      [`/units/${unitId}`, 'unit'],
      ['/embed?group=communes', 'embed'],
      ['/admin', 'admin'],
    ] as const;
    for (const [path, name] of pages) {
      for (const width of [1280, 360]) {
        const { context, page } = await newPage(width);
        await page.goto(`${server.origin}${path}`);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
        const violations = seriousOrCritical(await runAxe(page));
        expect(violations, `${path} at ${width}px: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
        await context.close();
      }
    }
  });
});

describe('downloads', () => {
  it('links the award list and the full ranking, CSV and XLSX, and the admin templates, to real files', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.origin}/`);
    const links = await page.locator('lb-leaderboard footer a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    await page.goto(`${server.origin}/admin`);
    links.push(...(await page.locator('lb-admin a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))));
    expect(links.filter((l) => /awards\.(csv|xlsx)/.test(l))).toHaveLength(2);
    expect(links.filter((l) => /ranking\.(csv|xlsx)/.test(l))).toHaveLength(2);
    expect(links.filter((l) => /template\.(csv|xlsx)/.test(l))).toHaveLength(2);
    for (const link of links) {
      const res = await fetch(`${server.origin}${link}`);
      expect(res.status, link).toBe(200);
      expect(res.headers.get('content-type'), link).toMatch(link.includes('.csv') ? /text\/csv/ : /spreadsheetml/);
      expect((await res.arrayBuffer()).byteLength, link).toBeGreaterThan(100);
    }
    await context.close();
  });
});

describe('assets', () => {
  it('serves every script a page names from /assets/, hashed and cached for good', async () => {
    for (const path of ['/', `/units/${api.evaluation!.units[0]!.unitId}`, '/admin']) {
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
    const embed = await fetch(`${server.origin}/embed?group=communes`);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const path of ['/', '/admin', `/units/${api.evaluation!.units[0]!.unitId}`]) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('shows one group, compact, and links out of the frame', async () => {
    const { context, page } = await newPage(360);
    await page.goto(`${server.origin}/embed?group=communes`);
    const rows = await rankingRows(page, 'communes');
    expect(rows.map((r) => r.unitId)).toEqual(api.evaluation!.groups.find((g) => g.id === 'communes')!.ranking.map((r) => r.unitId));
    expect(await page.locator('table.ranking[data-group="departments"]').count()).toBe(0);
    expect(await page.locator('lb-leaderboard [role=tablist]').count()).toBe(0);
    expect(await page.locator('table.ranking a').first().getAttribute('target')).toBe('_top');
    await page.screenshot({ path: join(screenshots, 'embed-360.png'), fullPage: true });
    await context.close();
  });
});
