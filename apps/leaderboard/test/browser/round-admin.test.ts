/**
 * The administrator's part of an index round in Chromium (issue 15), at 360 and 1280 px: the phases
 * set in Vietnam time and one extended (refused into the next phase, with the reason), and a sheet
 * of accounts imported — refused with each row's problem, then accepted with the new passwords
 * shown once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRoundId } from '../../src/demo/cchc-round-sample.js';
import { roundPhases } from '../round-fixtures.js';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { runAxe } from './page-helpers.js';

const id = sampleRoundId;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([360, 1280])('the round\u2019s administration at %i px', (width) => {
  const dir = mkdtempSync(join(tmpdir(), 'lb-round-admin-'));
  let server: RunningServer;
  let password = '';
  const now = new Date('2024-03-02T02:00:00Z');

  beforeAll(async () => {
    server = await startServer({ dir, clock: () => now });
    const headers = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
    await fetch(`${server.origin}/api/campaigns/${id}/admin/round`, { method: 'PUT', headers, body: JSON.stringify(roundPhases) });
    const made = await fetch(`${server.origin}/api/admin/accounts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'quan-tri', displayName: 'Phạm Minh Quân', grants: [{ role: 'admin', campaignId: '*' }] }),
    });
    password = ((await made.json()) as { password: string }).password;
    writeFileSync(join(dir, 'sai.csv'), `Tên đăng nhập,Họ tên,Vai trò,Mã đợt thi đua,Mã đơn vị\r\ncan-bo-1,Nguyễn Thị Một,cán bộ đầu mối,${id},\r\n`);
    writeFileSync(join(dir, 'dung.csv'), `Tên đăng nhập,Họ tên,Vai trò,Mã đợt thi đua,Mã đơn vị\r\ncan-bo-1,Nguyễn Thị Một,cán bộ đầu mối,${id},xa-01\r\n`);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets and extends the phases, and imports accounts with their units', async () => {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/admin?campaign=${id}`);
    await page.locator('lb-admin input#username').fill('quan-tri');
    await page.locator('lb-admin input#password').fill(password);
    await page.locator('lb-admin lb-admin-login button[type=submit]').click();
    const editor = page.locator('lb-round-phases');
    await editor.locator('summary').click();
    expect(await editor.locator('#closes-self_assessment').inputValue()).toBe('2024-03-15T17:00');
    // Into the appraisal phase: refused, saying so.
    await editor.locator('#extend-self_assessment').fill('2024-03-16T08:00');
    await editor.locator('button.extend[data-phase="self_assessment"]').click();
    await expect.poll(() => editor.locator('.notice.error').textContent()).toContain('chồng lên giai đoạn thẩm định');
    // The appraisal may close later, before the explanation phase opens.
    await editor.locator('#extend-appraisal').fill('2024-03-25T16:00');
    await editor.locator('button.extend[data-phase="appraisal"]').click();
    await expect.poll(() => editor.locator('.notice.ok').textContent()).toBe('Đã lưu các giai đoạn.');
    await expect.poll(() => page.locator('lb-round ol.phases li').nth(1).textContent()).toContain('đến lúc 16:00 ngày 25/03/2024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(await runAxe(page)).toEqual([]);

    const importer = page.locator('lb-accounts-import');
    await importer.locator('#accounts-file').setInputFiles(join(dir, 'sai.csv'));
    await importer.locator('button.import-accounts').click();
    await expect.poll(() => importer.locator('ul.issues li').first().textContent()).toBe('Dòng 2: Cán bộ đầu mối phải có mã đơn vị');
    await importer.locator('#accounts-file').setInputFiles(join(dir, 'dung.csv'));
    await importer.locator('button.import-accounts').click();
    await expect.poll(() => importer.locator('.notice.ok').textContent()).toBe('Đã nhập 1 tài khoản, trong đó 1 tài khoản mới.');
    expect(await importer.locator('.secret-box p').first().textContent()).toBe('Mật khẩu của tài khoản mới "can-bo-1" (Nguyễn Thị Một)');
    await context.close();
  });

  it('opens a round on a campaign made from the CCHC preset, from the campaign’s page', async () => {
    const headers = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
    const made = await fetch(`${server.origin}/api/admin/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 'cchc-2024', preset: 'thuy-thanh-cchc-2022', roster: [{ id: 'xa-a', name: 'Xã A', group: 'communes' }] }),
    });
    expect(made.status).toBe(201);
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/admin?campaign=cchc-2024`);
    await page.locator('lb-admin input#username').fill('quan-tri');
    await page.locator('lb-admin input#password').fill(password);
    await page.locator('lb-admin lb-admin-login button[type=submit]').click();
    await page.locator('lb-round button.start-round').click();
    await expect.poll(() => page.locator('lb-round ol.phases li').count()).toBe(5);
    expect(await page.locator('lb-round ul.units li').textContent()).toContain('Xã A');
    // The campaign's statistics upload gives way to the round.
    await expect.poll(() => page.locator('lb-admin lb-admin-upload').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await context.close();
  });
});
