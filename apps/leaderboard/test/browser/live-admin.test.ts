/**
 * The admin page and live updates, end to end in Chromium, as the plan divides the work: a
 * statistics clerk signs in, a bad file is refused with every issue by row and column (the same
 * issues the API reports), a good one is checked — what it changes against the published figures,
 * and the warnings — and sent; a publisher publishes it after a confirmation that appears where
 * they are looking, and an already-open public page updates in place; a retraction reaches it too;
 * after the server restarts the page reconnects; the council finalises on its decision and the
 * campaign becomes read-only, saying when, by whom and on which decision; the audit log names each
 * of them in plain words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statisticsCsv } from '@thidua/stats-io';
import { nuiThanh2023, type UnitInput } from '@thidua/scoring';
import type { LeaderboardResponse, SheetIssue } from '../../src/web/api.js';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { fillDecision, inView, rankingRows, runAxe, viMoney, viNumber } from './page-helpers.js';

const demo = 'nui-thanh-2023-demo';
const demoApi = (path: string) => `/api/campaigns/${demo}/${path}`;

const dir = mkdtempSync(join(tmpdir(), 'lb-live-'));
let server: RunningServer;
let browser: Browser;
let publicPage: Page;
const pageErrors: string[] = [];
const people: Record<'clerk' | 'publisher' | 'council' | 'admin', { username: string; name: string; password: string; page?: Page; context?: BrowserContext }> = {
  clerk: { username: 'nva', name: 'Nguyễn Văn A', password: '' },
  publisher: { username: 'ttb', name: 'Trần Thị B', password: '' },
  council: { username: 'lvc', name: 'Lê Văn C', password: '' },
  admin: { username: 'pmq', name: 'Phạm Minh Quân', password: '' },
};

const token = () => ({ authorization: `Bearer ${server.adminToken}` });

/** The latest snapshot's own statistics (as stored) as an upload file, with some units changed. */
function statsCsv(base: LeaderboardResponse, change: Record<string, (i: number[]) => number[]> = {}, extra: string[] = []): Buffer {
  const stored = server.app.campaigns.require(demo).results.unitsOf(base.snapshot!.id);
  const units = stored.map((u): UnitInput => {
    const figures = [u.resolvedTotal, u.resolvedOnline, u.resolvedOnlineOnTime, u.resolvedLate] as number[];
    const [resolvedTotal, resolvedOnline, resolvedOnlineOnTime, resolvedLate] = change[u.id]?.(figures) ?? figures;
    return { id: u.id, name: u.name, group: u.group, resolvedTotal, resolvedOnline, resolvedOnlineOnTime, resolvedLate };
  });
  const text = new TextDecoder().decode(statisticsCsv(units, nuiThanh2023));
  return Buffer.from(`${text}${extra.map((l) => `${l}\r\n`).join('')}`, 'utf8');
}

async function leaderboard(): Promise<LeaderboardResponse> {
  return (await (await fetch(`${server.origin}${demoApi('leaderboard')}`)).json()) as LeaderboardResponse;
}

/** The ranked communes, as `unitId:rank:score`, in rank order. */
function ranked(board: LeaderboardResponse, groupId = 'communes'): string[] {
  const group = board.evaluation!.groups.find((g) => g.id === groupId)!;
  return group.ranking.map((id) => board.evaluation!.units.find((u) => u.unitId === id)!).map((u) => `${u.unitId}:${u.rank}:${u.score}`);
}

/** The public page's communes table equals the API's current ranking (order, ranks, scores). */
async function expectPageShows(expected: LeaderboardResponse) {
  await expect
    .poll(async () => (await rankingRows(publicPage, 'communes')).map((r) => `${r.unitId}:${r.rank}:${viNumber(r.score)}`), {
      timeout: 20_000,
    })
    .toEqual(ranked(expected));
}

/** It comes into view (the page scrolls it there once rendered). */
async function expectInView(page: Page, selector: string) {
  await expect.poll(() => inView(page, selector)).toBe(true);
}

async function signIn(who: keyof typeof people, width = 1280) {
  const person = people[who];
  person.context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
  person.page = await person.context.newPage();
  person.page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
  await person.page.goto(`${server.origin}/admin`);
  await person.page.locator('lb-admin input#username').fill(person.username);
  await person.page.locator('lb-admin input#password').fill(person.password);
  await person.page.locator('lb-admin lb-admin-login button[type=submit]').click();
  await expect.poll(() => person.page!.locator('lb-admin .signed-in-as').textContent()).toContain(person.name);
  return person.page;
}

beforeAll(async () => {
  server = await startServer({ dir });
  browser = await launchChromium();
  const grants: Record<keyof typeof people, { role: string; campaignId: string }[]> = {
    clerk: [{ role: 'clerk', campaignId: demo }],
    publisher: [{ role: 'publisher', campaignId: demo }],
    council: [{ role: 'council', campaignId: demo }],
    admin: [{ role: 'admin', campaignId: '*' }],
  };
  for (const [who, person] of Object.entries(people) as [keyof typeof people, (typeof people)['clerk']][]) {
    const res = await fetch(`${server.origin}/api/admin/accounts`, {
      method: 'POST',
      headers: { ...token(), 'content-type': 'application/json' },
      body: JSON.stringify({ username: person.username, displayName: person.name, grants: grants[who] }),
    });
    person.password = ((await res.json()) as { password: string }).password;
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  publicPage = await context.newPage();
  publicPage.on('pageerror', (e) => pageErrors.push(e.message));
  await publicPage.goto(`${server.origin}/c/${demo}/?group=communes`);
  await publicPage.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the admin page, by role, and live updates', () => {
  it('refuses a wrong password in the page\u2019s language, then signs the clerk in to a clerk\u2019s page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/admin`);
    await page.locator('lb-admin input#username').fill('nva');
    await page.locator('lb-admin input#password').fill('not-the-password');
    await page.locator('lb-admin lb-admin-login button[type=submit]').click();
    await expect.poll(() => page.locator('lb-admin lb-admin-login .notice.error').textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu');
    await expectInView(page, 'lb-admin lb-admin-login .notice.error');
    await context.close();

    const clerk = await signIn('clerk');
    // A clerk uploads and sees the snapshots; finalising, accounts and back-ups are not theirs.
    expect(await clerk.locator('lb-admin lb-admin-upload').count()).toBe(1);
    expect(await clerk.locator('lb-admin lb-admin-snapshots').count()).toBe(1);
    expect(await clerk.locator('lb-admin lb-admin-finalize').count()).toBe(0);
    expect(await clerk.locator('lb-admin lb-admin-accounts').count()).toBe(0);
    expect(await clerk.locator('lb-admin lb-admin-snapshots button.retract').count()).toBe(0);
  });

  it('refuses a bad file, listing every issue by row and column exactly as the API does', async () => {
    const page = people.clerk.page!;
    const base = await leaderboard();
    const target = base.evaluation!.units.find((u) => u.groupId === 'communes')!;
    // On-time cases above online cases for one unit, and a unit that is not in the roster.
    const bad = statsCsv(base, { [target.unitId]: ([r, o, , l]) => [r!, o!, o! + 5, l!] }, ['xa-khong-co,"Xã Không Có",communes,10,8,8,0']);
    const direct = await fetch(`${server.origin}${demoApi('admin/snapshots?asOf=2023-12-31&dryRun=1')}`, {
      method: 'POST',
      headers: { ...token(), 'content-type': 'text/csv' },
      body: bad.toString('utf8'),
    });
    const apiIssues = ((await direct.json()) as { issues: SheetIssue[] }).issues;
    expect(apiIssues.length).toBeGreaterThanOrEqual(2);

    await page.locator('lb-admin input#file').setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: bad });
    await page.locator('lb-admin input#asof').fill('2023-12-31');
    await page.locator('lb-admin button.dry-run').click();
    const rows = page.locator('lb-admin lb-admin-upload lb-issue-table table.issues tbody tr');
    await expect.poll(() => rows.count()).toBe(apiIssues.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(shown).toEqual(apiIssues.map((i) => [i.row === null ? 'Cả tệp' : String(i.row), i.column ?? '—', i.message.vi]));
    expect(await page.locator('lb-admin button.publish').count()).toBe(0);
    expect(await page.locator('lb-admin lb-admin-upload .notice.error').textContent()).toContain('Không có dữ liệu nào được lưu');
    await expectInView(page, 'lb-admin lb-admin-upload .notice.error');
    // One error summary: the count is said once, in the notice.
    expect(((await page.locator('lb-admin lb-admin-upload').evaluate((el) => el.shadowRoot?.textContent ?? '')).match(/Tệp bị từ chối/g) ?? []).length).toBe(1);
    expect((await leaderboard()).snapshot!.id).toBe(base.snapshot!.id);
  });

  it('checks a good file: what changes against the published figures — rank moves, prizes gained or lost with amounts — and the warnings', async () => {
    const page = people.clerk.page!;
    const before = await leaderboard();
    const lastId = before.evaluation!.groups.find((g) => g.id === 'communes')!.ranking.at(-1)!;
    const last = before.evaluation!.units.find((u) => u.unitId === lastId)!;
    const good = statsCsv(before, { [last.unitId]: ([r, o, t, l]) => [r! + 3000, o! + 3000, t! + 3000, l!] });
    await page.locator('lb-admin input#file').setInputFiles({ name: 'so-lieu-31-12.csv', mimeType: 'text/csv', buffer: good });
    // The date as a clerk types it, whatever the browser's language; a date outside the period is said so.
    const asOf = page.locator('lb-admin input#asof');
    await asOf.fill('31/01/2024');
    await expect.poll(() => page.locator('lb-admin #asof-hint').textContent()).toContain('ngoài thời gian thi đua (01/06/2023 – 31/12/2023)');
    expect(await page.locator('lb-admin button.dry-run').isDisabled()).toBe(true);
    await asOf.fill('31/12/2023');
    await expect.poll(() => page.locator('lb-admin #asof-hint').textContent()).toContain('Trong thời gian thi đua: 01/06/2023 – 31/12/2023.');
    await page.locator('lb-admin button.dry-run').click();
    await expect.poll(() => page.locator('lb-admin lb-admin-upload .notice.ok').textContent()).toContain('Tệp hợp lệ');
    // The verdict and the primary action come first, in view, above the details they sum up.
    await expectInView(page, 'lb-admin lb-admin-upload button.publish');
    expect(await page.locator('lb-admin lb-admin-upload p.verdict').textContent()).toMatch(/^\d+ cảnh báo · \d+ ô số liệu thay đổi · \d+ đơn vị đổi hạng · \d+ đơn vị đổi giải\./);
    const above = await page.locator('lb-admin lb-admin-upload').evaluate((el) => {
      const root = el.shadowRoot!;
      const send = root.querySelector('.row.send')!;
      const comparison = root.querySelector('lb-upload-comparison')!;
      return Boolean(send.compareDocumentPosition(comparison) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(above).toBe(true);

    // The server's comparison, shown as it is.
    const check = (await (
      await fetch(`${server.origin}${demoApi('admin/snapshots?asOf=2023-12-31&dryRun=1')}`, { method: 'POST', headers: { ...token(), 'content-type': 'text/csv' }, body: good.toString('utf8') })
    ).json()) as { comparison: { rankMoves: { unitId: string }[]; prizeChanges: { unitId: string; now: { amount: number } | null }[] }; warnings: { code: string }[] };
    const moves = page.locator('lb-admin lb-upload-comparison table.rank-moves tbody tr');
    await expect.poll(() => moves.count()).toBe(check.comparison.rankMoves.length);
    expect(await moves.first().getAttribute('data-unit-id')).toBe(check.comparison.rankMoves[0]!.unitId);
    const gained = check.comparison.prizeChanges.find((p) => p.unitId === last.unitId);
    expect(gained?.now).not.toBeNull();
    const gainedRow = page.locator(`lb-admin lb-upload-comparison table.prize-changes tr[data-unit-id="${last.unitId}"]`);
    expect(await gainedRow.textContent()).toContain('Được giải');
    expect(await gainedRow.textContent()).toContain(viMoney(gained!.now!.amount));
    // Same date as the figures shown: publishing replaces them, and it says so.
    expect(check.warnings.map((w) => w.code)).toContain('replaces_published');
    expect(await page.locator('lb-admin lb-admin-upload lb-issue-table.warnings table').textContent()).toContain('sẽ thay thế số liệu đó');
    expect((await leaderboard()).snapshot!.id).toBe(before.snapshot!.id);
  });

  it('sends the clerk\u2019s file to wait for a publisher; nothing public changes', async () => {
    const page = people.clerk.page!;
    const before = await leaderboard();
    await page.locator('lb-admin button.publish').click();
    await expect.poll(() => page.locator('lb-admin lb-admin-upload .notice.ok').textContent()).toContain('đang chờ người công bố');
    await expect.poll(() => page.locator('lb-admin table.snapshots tbody tr').first().getAttribute('data-state')).toBe('pending');
    expect(await page.locator('lb-admin table.snapshots tbody tr').first().textContent()).toContain('Chờ công bố');
    expect((await leaderboard()).snapshot!.id).toBe(before.snapshot!.id);
  });

  it('lets the publisher publish it after a confirmation in view, on a phone; the open public page updates in place and says so', async () => {
    const page = await signIn('publisher', 360);
    const before = await leaderboard();
    const row = page.locator('lb-admin table.snapshots tbody tr[data-state="pending"]');
    await row.locator('button.publish-snapshot').click();
    await expectInView(page, 'lb-admin lb-admin-snapshots .confirm p');
    await expectInView(page, 'lb-admin lb-admin-snapshots .confirm button.confirm-publish');
    // The publisher reads what the clerk read: the figures changed, what it replaces, rank and prize changes.
    const confirm = page.locator('lb-admin lb-admin-snapshots .confirm');
    await expect.poll(() => confirm.locator('lb-upload-comparison table.input-changes tbody tr').count()).toBeGreaterThan(0);
    expect(await confirm.locator('ul.warnings li[data-code="replaces_published"]').textContent()).toContain('thay thế số liệu đó');
    const changed = await page.evaluate(async (url) => (await (await fetch(url)).json()).comparison.inputChangeCount as number, `/api/campaigns/${demo}/admin/snapshots/${await row.getAttribute('data-snapshot-id')}/comparison`);
    expect(await confirm.locator('lb-upload-comparison caption#input-changes').textContent()).toContain(`Số liệu thay đổi: ${changed} ô`);
    await page.locator('lb-admin lb-admin-snapshots button.confirm-publish').click();
    await expect.poll(() => page.locator('lb-admin lb-admin-snapshots .notice.ok').textContent()).toContain('Đã công bố số liệu đến ngày 31/12/2023');
    await expectInView(page, 'lb-admin lb-admin-snapshots .notice');
    const after = await leaderboard();
    expect(after.snapshot!.id).not.toBe(before.snapshot!.id);
    await expect.poll(() => page.locator(`lb-admin table.snapshots tr[data-snapshot-id="${after.snapshot!.id}"]`).getAttribute('data-state')).toBe('live');
    expect(await page.locator(`lb-admin table.snapshots tr[data-snapshot-id="${before.snapshot!.id}"]`).getAttribute('data-state')).toBe('replaced');
    expect(await page.locator(`lb-admin table.snapshots tr[data-snapshot-id="${before.snapshot!.id}"]`).textContent()).toContain('Đã được thay');

    await expectPageShows(after);
    await expect.poll(() => publicPage.locator('lb-leaderboard p.live').textContent()).toContain('Đã cập nhật');
    await expect.poll(() => publicPage.locator('lb-leaderboard header .updated').textContent()).toMatch(/cập nhật lúc \d{2}:\d{2}/);
    expect(await publicPage.locator('lb-leaderboard p.live').getAttribute('aria-live')).toBe('polite');
    expect(await publicPage.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  });

  it('retracts with a confirmation that appears where the publisher is looking; the public page follows', async () => {
    const page = people.publisher.page!;
    const current = await leaderboard();
    const row = page.locator(`lb-admin table.snapshots tr[data-snapshot-id="${current.snapshot!.id}"]`);
    await row.locator('button.retract').click();
    await expectInView(page, 'lb-admin lb-admin-snapshots .confirm p');
    await expectInView(page, 'lb-admin lb-admin-snapshots .confirm button.confirm-retract');
    // The same comparison, in reverse: the board goes back to the figures published before for that
    // date, and the cell the publisher had changed goes back with it.
    const confirm = page.locator('lb-admin lb-admin-snapshots .confirm');
    await expect.poll(() => confirm.locator('p.retraction-effect').textContent()).toContain('Bảng xếp hạng công khai sẽ quay về số liệu đến ngày 31/12/2023');
    expect(await confirm.locator('lb-upload-comparison h3').textContent()).toBe('Thu hồi sẽ thay đổi gì');
    const reverse = await page.evaluate(async (url) => (await (await fetch(url)).json()).comparison.inputChangeCount as number, `/api/campaigns/${demo}/admin/snapshots/${current.snapshot!.id}/retraction`);
    expect(reverse).toBeGreaterThan(0);
    expect(await confirm.locator('lb-upload-comparison caption#input-changes').textContent()).toContain(`Số liệu thay đổi: ${reverse} ô`);
    await page.locator('lb-admin lb-admin-snapshots button.confirm-retract').click();
    await expect.poll(async () => (await leaderboard()).snapshot!.id).not.toBe(current.snapshot!.id);
    await expect.poll(() => row.getAttribute('data-state')).toBe('retracted');
    expect(await row.textContent()).toContain('Đã thu hồi');
    await expectInView(page, 'lb-admin lb-admin-snapshots .notice');
    await expectPageShows(await leaderboard());
    await expect.poll(() => publicPage.locator('lb-leaderboard p.live').textContent()).toContain('thu hồi');
  });

  it('reconnects after the server restarts and keeps updating', async () => {
    const port = Number(new URL(server.origin).port);
    await server.close();
    await expect
      .poll(() => publicPage.locator('lb-leaderboard p.live').textContent(), { timeout: 15_000 })
      .toContain('đang kết nối lại');
    server = await startServer({ dir, port });
    const before = await leaderboard();
    const leader = { unitId: before.evaluation!.groups.find((g) => g.id === 'communes')!.ranking[0]! };
    await expect
      .poll(() => publicPage.locator('lb-leaderboard p.live').textContent(), { timeout: 20_000 })
      .not.toContain('đang kết nối lại');
    const file = statsCsv(before, { [leader.unitId]: ([r, o, t, l]) => [r! + 4000, o! + 1000, t! + 500, l! + 900] });
    const res = await fetch(`${server.origin}${demoApi('admin/snapshots?asOf=2023-12-31')}`, {
      method: 'POST',
      headers: { ...token(), 'content-type': 'text/csv' },
      body: file.toString('utf8'),
    });
    expect(res.status).toBe(201);
    await expectPageShows(await leaderboard());
    expect(await publicPage.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  });

  it('lets the council finalise on its decision; the page then says read-only — when, by whom, on which decision — and offers no change', async () => {
    const page = await signIn('council');
    const form = page.locator('lb-admin lb-admin-finalize');
    await fillDecision(form);
    await form.locator('button.finalize').click();
    await expectInView(page, 'lb-admin lb-admin-finalize .confirm');
    expect(await form.locator('.confirm').textContent()).toContain('Căn cứ Quyết định số 125/QĐ-UBND ngày 15/01/2024');
    expect((await leaderboard()).status).toBe('provisional');
    await form.locator('button.confirm-finalize').click();
    await expect.poll(async () => (await leaderboard()).status).toBe('final');
    const banner = page.locator('lb-admin .banner.final');
    await expect.poll(() => banner.textContent()).toMatch(/Kết quả đã chốt chính thức lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(await banner.textContent()).toContain('Lê Văn C');
    expect(await banner.textContent()).toContain('Căn cứ Quyết định số 125/QĐ-UBND ngày 15/01/2024, Chủ tịch UBND huyện Núi Thành Nguyễn Văn Bình ký.');
    expect(await page.locator('lb-admin lb-admin-finalize form').count()).toBe(0);

    // The others see the same, and no upload, publication or retraction is offered any more.
    await people.clerk.page!.reload();
    await expect.poll(() => people.clerk.page!.locator('lb-admin .banner.final').count()).toBe(1);
    expect(await people.clerk.page!.locator('lb-admin lb-admin-upload section').count()).toBe(0);
    await people.publisher.page!.reload();
    await expect.poll(() => people.publisher.page!.locator('lb-admin .banner.final').count()).toBe(1);
    expect(await people.publisher.page!.locator('lb-admin lb-admin-snapshots button').count()).toBe(0);

    await expect.poll(() => publicPage.locator('lb-leaderboard header .status').textContent(), { timeout: 20_000 }).toContain('Chính thức');
    await expect.poll(() => publicPage.locator('lb-leaderboard p.live').textContent()).toContain('chốt chính thức');
  });

  it('prints the award list as the decision\u2019s annex: its number and date, the signer, one page per group', async () => {
    const page = people.council.page!;
    await page.locator('lb-admin a.annex').click();
    await page.waitForURL(/\/awards$/);
    const annex = page.locator('lb-award-annex');
    expect(await annex.locator('.attached').textContent()).toBe('(Kèm theo Quyết định số 125/QĐ-UBND ngày 15/01/2024 của Chủ tịch UBND huyện Núi Thành)');
    expect(await annex.locator('.signatures .name').textContent()).toBe('Nguyễn Văn Bình');
    expect(await annex.locator('footer').textContent()).toMatch(/In lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(await annex.locator('.provisional').count()).toBe(0);
    const board = await leaderboard();
    expect(await annex.locator('section.group').count()).toBe(board.evaluation!.groups.length);
    const total = await annex.locator('.grand-total').textContent();
    expect(total).toContain(viMoney(board.evaluation!.totalAwarded));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(board.evaluation!.groups.length);
    // The annex: no axe violation of any impact.
    expect(await runAxe(page)).toEqual([]);
  });

  it('shows the audit log as sentences naming each person, with the time, in Vietnamese and in English', async () => {
    const page = await signIn('admin');
    await page.locator('lb-admin button.load-audit').click();
    const lines = page.locator('lb-admin lb-admin-audit ol.audit li');
    await expect.poll(() => lines.count()).toBeGreaterThan(5);
    const texts = await lines.allTextContents();
    const clean = texts.map((t) => t.replace(/\s+/g, ' ').trim());
    expect(clean.some((t) => /^\d{2}:\d{2} — Nguyễn Văn A tải lên số liệu đến ngày 31\/12\/2023 \(so-lieu-31-12\.csv\), chờ công bố$/.test(t))).toBe(true);
    expect(clean.some((t) => /^\d{2}:\d{2} — Trần Thị B công bố số liệu đến ngày 31\/12\/2023 \(so-lieu-31-12\.csv\)/.test(t))).toBe(true);
    expect(clean.some((t) => /^\d{2}:\d{2} — Trần Thị B thu hồi kỳ số liệu đến ngày 31\/12\/2023/.test(t))).toBe(true);
    expect(clean.some((t) => /^\d{2}:\d{2} — Lê Văn C chốt kết quả chính thức/.test(t))).toBe(true);
    // Nothing of the raw codes or JSON.
    expect(clean.join('\n')).not.toMatch(/snapshot_published|\{"/);
    expect(await runAxe(page)).toEqual([]);

    await page.locator('lb-admin lb-language-switch').getByText('English').click();
    await expect.poll(async () => (await lines.allTextContents()).some((t) => /Trần Thị B published the figures as of 31\/12\/2023/.test(t))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
