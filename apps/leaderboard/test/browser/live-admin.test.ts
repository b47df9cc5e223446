/**
 * The admin page and live updates, end to end in Chromium: a bad file is refused with every issue
 * by row and column (the same issues the API reports); a good file is checked, then published,
 * and an already-open public page updates in place (no reload) and announces it politely; a
 * retraction and the finalisation reach it too; after the server restarts the page reconnects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statisticsCsv } from '@thidua/stats-io';
import { nuiThanh2023, type UnitInput } from '@thidua/scoring';
import type { LeaderboardResponse, SheetIssue } from '../../src/web/api.js';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { rankingRows, viNumber } from './page-helpers.js';

const demo = 'nui-thanh-2023-demo';
const demoApi = (path: string) => `/api/campaigns/${demo}/${path}`;

const dir = mkdtempSync(join(tmpdir(), 'lb-live-'));
let server: RunningServer;
let browser: Browser;
let publicPage: Page;
let adminPage: Page;
const pageErrors: string[] = [];

/** The latest snapshot's own statistics (as stored) as an upload file, with some units changed. */
function statsCsv(base: LeaderboardResponse, change: Record<string, (i: number[]) => number[]> = {}, extra: string[] = []): Buffer {
  const stored = server.app.campaigns.require(demo).evaluations.unitsOf(base.snapshot!.id);
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

beforeAll(async () => {
  server = await startServer({ dir });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  publicPage = await context.newPage();
  adminPage = await context.newPage();
  for (const page of [publicPage, adminPage]) page.on('pageerror', (e) => pageErrors.push(e.message));
  await publicPage.goto(`${server.origin}/c/${demo}/?group=communes`);
  await publicPage.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));
  await adminPage.goto(`${server.origin}/admin`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('admin page and live updates', () => {
  it('keeps the token for the session', async () => {
    await adminPage.locator('lb-admin input#token').fill(server.adminToken);
    await adminPage.locator('lb-admin button[type=submit]').click();
    await expect.poll(() => adminPage.evaluate(() => sessionStorage.getItem('thidua.adminToken'))).toBe(server.adminToken);
    await adminPage.reload();
    await expect.poll(() => adminPage.locator('lb-admin input#token').count()).toBe(0);
  });

  it('refuses a bad file, listing every issue by row and column exactly as the API does', async () => {
    const base = await leaderboard();
    const target = base.evaluation!.units.find((u) => u.groupId === 'communes')!;
    // On-time cases above online cases for one unit, and a unit that is not in the roster.
    const bad = statsCsv(base, { [target.unitId]: ([r, o, , l]) => [r!, o!, o! + 5, l!] }, ['xa-khong-co,"Xã Không Có",communes,10,8,8,0']);
    const direct = await fetch(`${server.origin}${demoApi('admin/snapshots?asOf=2023-12-31&dryRun=1')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'text/csv' },
      body: bad.toString('utf8'),
    });
    const apiIssues = ((await direct.json()) as { issues: SheetIssue[] }).issues;
    expect(apiIssues.length).toBeGreaterThanOrEqual(2);

    await adminPage.locator('lb-admin input#file').setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: bad });
    await adminPage.locator('lb-admin input#asof').fill('2023-12-31');
    await adminPage.locator('lb-admin button.dry-run').click();
    const rows = adminPage.locator('lb-admin table.issues tbody tr');
    await expect.poll(() => rows.count()).toBe(apiIssues.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(shown).toEqual(apiIssues.map((i) => [i.row === null ? 'Cả tệp' : String(i.row), i.column ?? '—', i.message.vi]));
    expect(await adminPage.locator('lb-admin button.publish').isDisabled()).toBe(true);
    expect(await adminPage.locator('lb-admin .notice.error').textContent()).toContain('Không có dữ liệu nào được lưu');
    // Nothing changed for the public.
    expect((await leaderboard()).snapshot!.id).toBe(base.snapshot!.id);
  });

  it('checks, then publishes a file; the open public page updates in place and says so', async () => {
    const before = await leaderboard();
    const lastId = before.evaluation!.groups.find((g) => g.id === 'communes')!.ranking.at(-1)!;
    const last = before.evaluation!.units.find((u) => u.unitId === lastId)!;
    const good = statsCsv(before, { [last.unitId]: ([r, o, t, l]) => [r! + 3000, o! + 3000, t! + 3000, l!] });
    await adminPage.locator('lb-admin input#file').setInputFiles({ name: 'so-lieu-31-12.csv', mimeType: 'text/csv', buffer: good });
    await adminPage.locator('lb-admin input#asof').fill('2023-12-31');
    await adminPage.locator('lb-admin button.dry-run').click();
    await expect.poll(() => adminPage.locator('lb-admin .notice.ok').textContent()).toContain('Tệp hợp lệ');
    expect(await adminPage.locator('lb-admin table.preview').count()).toBeGreaterThan(0);
    expect((await leaderboard()).snapshot!.id).toBe(before.snapshot!.id);

    await adminPage.locator('lb-admin button.publish').click();
    await expect.poll(() => adminPage.locator('lb-admin .notice.ok').textContent()).toContain('Đã công bố');
    const after = await leaderboard();
    expect(after.snapshot!.id).not.toBe(before.snapshot!.id);
    expect(after.evaluation!.units.find((u) => u.unitId === last.unitId)!.rank).toBeLessThan(last.rank!);

    await expectPageShows(after);
    await expect.poll(() => publicPage.locator('lb-leaderboard p.live').textContent()).toContain('Đã cập nhật');
    // It says when, and marks the rows that changed, in words.
    await expect.poll(() => publicPage.locator('lb-leaderboard header .updated').textContent()).toMatch(/cập nhật lúc \d{2}:\d{2}/);
    expect(await publicPage.locator(`lb-leaderboard tr.changed[data-unit-id="${last.unitId}"] .changed-mark`).textContent()).toBe('vừa cập nhật');
    expect(await publicPage.locator('lb-leaderboard p.live').getAttribute('aria-live')).toBe('polite');
    expect(await publicPage.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
    // The admin's snapshot list shows the new upload.
    await expect.poll(() => adminPage.locator('lb-admin table.snapshots tbody tr').first().textContent()).toContain('so-lieu-31-12.csv');
  });

  it('retracts from the admin page with a confirmation; the public page follows', async () => {
    const current = await leaderboard();
    const row = adminPage.locator(`lb-admin table.snapshots tr[data-snapshot-id="${current.snapshot!.id}"]`);
    await row.locator('button.danger').click();
    await row.locator('button.danger.primary').click();
    await expect.poll(async () => (await leaderboard()).snapshot!.id).not.toBe(current.snapshot!.id);
    await expect.poll(() => row.textContent()).toContain('Đã thu hồi');
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
    // Give the page time to reconnect, then publish through the API only.
    await expect
      .poll(() => publicPage.locator('lb-leaderboard p.live').textContent(), { timeout: 20_000 })
      .not.toContain('đang kết nối lại');
    const file = statsCsv(before, { [leader.unitId]: ([r, o, t, l]) => [r! + 4000, o! + 1000, t! + 500, l! + 900] });
    const res = await fetch(`${server.origin}${demoApi('admin/snapshots?asOf=2023-12-31')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'text/csv' },
      body: file.toString('utf8'),
    });
    expect(res.status).toBe(201);
    await expectPageShows(await leaderboard());
    expect(await publicPage.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  });

  it('finalises only after a confirmation; the public page then says "Chính thức"', async () => {
    await adminPage.reload();
    await adminPage.locator('lb-admin section', { hasText: 'Chốt kết quả chính thức' }).locator('button.danger').click();
    expect((await leaderboard()).status).toBe('provisional');
    await adminPage.locator('lb-admin button.danger.primary', { hasText: 'Tôi xác nhận' }).click();
    await expect.poll(async () => (await leaderboard()).status).toBe('final');
    await expect.poll(() => publicPage.locator('lb-leaderboard header .status').textContent(), { timeout: 20_000 }).toContain('Chính thức');
    await expect.poll(() => publicPage.locator('lb-leaderboard p.live').textContent()).toContain('chốt chính thức');
  });

  it('shows the audit log of every change', async () => {
    await adminPage.locator('lb-admin button', { hasText: 'Tải nhật ký' }).click();
    const rows = adminPage.locator('lb-admin table.audit tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const text = (await adminPage.locator('lb-admin table.audit').textContent())!;
    const audit = (await (
      await fetch(`${server.origin}/api/admin/audit?campaign=${demo}`, { headers: { authorization: `Bearer ${server.adminToken}` } })
    ).json()) as { entries: { action: string }[] };
    for (const action of new Set(audit.entries.map((e) => e.action))) expect(text).toContain(action);
    expect(pageErrors).toEqual([]);
  });
});
