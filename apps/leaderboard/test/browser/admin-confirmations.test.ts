/**
 * Issue 18, in part: every act on an account that cannot be undone or changes who may do what asks
 * first, beside the button and in view, saying what happens and to whom; "Hủy" changes nothing; a
 * password shown once says so, with a copy button and "Đã lưu". In Chromium at 360 and 1280 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { inView } from './page-helpers.js';

let server: RunningServer;
let browser: Browser;
const adminPassword = { value: '' };
const token = () => ({ authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' });

async function createAccount(username: string, displayName: string, grants: { role: string; campaignId: string }[]) {
  const res = await fetch(`${server.origin}/api/admin/accounts`, { method: 'POST', headers: token(), body: JSON.stringify({ username, displayName, grants }) });
  const body = (await res.json()) as { account: { id: number }; password: string };
  return { id: body.account.id, password: body.password };
}

async function canSignIn(username: string, password: string): Promise<boolean> {
  const res = await fetch(`${server.origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.status === 200;
}

async function adminPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/admin`);
  await page.locator('lb-admin input#username').fill('quan-tri');
  await page.locator('lb-admin input#password').fill(adminPassword.value);
  await page.locator('lb-admin lb-admin-login button[type=submit]').click();
  await expect.poll(() => page.locator('lb-admin .signed-in-as').textContent()).toContain('Phạm Minh Quân');
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  adminPassword.value = (await createAccount('quan-tri', 'Phạm Minh Quân', [{ role: 'admin', campaignId: '*' }])).password;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('acts that cannot be undone ask first', () => {
  for (const width of [360, 1280]) {
    it(`resetting a password, at ${width} px: a question naming the person, "Hủy" keeps the old password, then the new one shown once`, async () => {
      const username = `thu-ky-${width}`;
      const { password: old } = await createAccount(username, `Lê Thị Thư ${width}`, [{ role: 'clerk', campaignId: 'nui-thanh-2023-demo' }]);
      const page = await adminPage(width);
      const account = page.locator(`lb-admin lb-admin-account article[data-username="${username}"]`);
      await account.locator('button.reset-password').click();
      const confirm = account.locator('.confirm');
      await expect.poll(() => confirm.textContent()).toContain(`Đặt lại mật khẩu của Lê Thị Thư ${width} (${username})?`);
      expect(await confirm.textContent()).toContain('mật khẩu mới chỉ hiện một lần');
      await expect.poll(() => inView(page, `lb-admin lb-admin-account article[data-username="${username}"] .confirm`)).toBe(true);
      await account.locator('button.cancel-confirm').click();
      expect(await account.locator('.confirm').count()).toBe(0);
      expect(await canSignIn(username, old)).toBe(true);

      await account.locator('button.reset-password').click();
      await account.locator('button.confirm-reset').click();
      const secret = account.locator('.secret-box');
      await expect.poll(() => secret.textContent()).toContain('Chỉ hiện MỘT lần');
      const fresh = ((await secret.locator('.secret').textContent()) ?? '').trim();
      expect(fresh.length).toBeGreaterThanOrEqual(10);
      expect(await secret.locator('button.copy-secret').count()).toBe(1);
      expect(await canSignIn(username, old)).toBe(false);
      expect(await canSignIn(username, fresh)).toBe(true);
      await secret.locator('button.secret-saved').click();
      expect(await account.locator('.secret-box').count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    });
  }

  it('disabling an account, revoking a token and removing a role each ask first, and "Hủy" changes nothing', async () => {
    const username = 'can-bo';
    const { id, password } = await createAccount(username, 'Trần Văn Bộ', [
      { role: 'clerk', campaignId: 'nui-thanh-2023-demo' },
      { role: 'publisher', campaignId: 'nui-thanh-2023-demo' },
    ]);
    await fetch(`${server.origin}/api/admin/accounts/${id}/tokens`, { method: 'POST', headers: token(), body: JSON.stringify({ label: 'may-chu-tong-hop' }) });
    const page = await adminPage(1280);
    const account = page.locator(`lb-admin lb-admin-account article[data-username="${username}"]`);

    // Disable: asked, cancelled (still signs in), then confirmed (cannot sign in).
    await account.locator('button.disable').click();
    await expect.poll(() => account.locator('.confirm').textContent()).toContain('Khóa tài khoản Trần Văn Bộ (can-bo)?');
    await account.locator('button.cancel-confirm').click();
    expect(await canSignIn(username, password)).toBe(true);
    await account.locator('button.disable').click();
    await account.locator('button.confirm-disable').click();
    await expect.poll(() => canSignIn(username, password)).toBe(false);
    await account.locator('button.enable').click();
    await expect.poll(() => account.locator('.confirm').textContent()).toContain('Mở khóa tài khoản Trần Văn Bộ (can-bo)?');
    await account.locator('button.confirm-enable').click();
    await expect.poll(() => canSignIn(username, password)).toBe(true);

    // Revoke a token: asked with its name.
    await account.locator('button.show-tokens').click();
    await account.locator('button.revoke-token').click();
    await expect.poll(() => account.locator('.confirm').textContent()).toContain('Thu hồi mã truy cập "may-chu-tong-hop" của Trần Văn Bộ (can-bo)?');
    await account.locator('button.confirm-revoke').click();
    await expect.poll(() => account.locator('.tokens').textContent()).toContain('Đã thu hồi');

    // Remove a role: the save asks, naming the role taken away.
    await account.locator('button.edit-grants').click();
    await account.locator('lb-grant-editor button').filter({ hasText: 'Bỏ' }).last().click();
    await account.locator('button.save-grants').click();
    await expect.poll(() => account.locator('.confirm').textContent()).toMatch(/Bỏ quyền Người công bố .* của Trần Văn Bộ \(can-bo\)\?/);
    await account.locator('button.confirm-remove-roles').click();
    await expect
      .poll(async () => ((await (await fetch(`${server.origin}/api/admin/accounts`, { headers: token() })).json()) as { accounts: { username: string; grants: unknown[] }[] }).accounts.find((a) => a.username === username)?.grants.length)
      .toBe(1);
    await page.context().close();
  });

  it('replacing a roster asks first, naming the file and how many units it replaces; a final campaign says why it cannot', async () => {
    const created = await fetch(`${server.origin}/api/admin/campaigns`, {
      method: 'POST',
      headers: token(),
      body: JSON.stringify({ id: 'danh-sach-thu', preset: 'nui-thanh-2023', roster: [{ id: 'xa-a', name: 'Xã A', group: 'communes' }, { id: 'xa-b', name: 'Xã B', group: 'communes' }] }),
    });
    expect(created.status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/admin?campaign=danh-sach-thu`);
    await page.locator('lb-admin input#username').fill('quan-tri');
    await page.locator('lb-admin input#password').fill(adminPassword.value);
    await page.locator('lb-admin lb-admin-login button[type=submit]').click();
    const section = page.locator('lb-admin lb-admin-campaigns');
    await expect.poll(() => section.locator('#roster-why').textContent()).toContain('Chọn tệp danh sách trước.');
    const sheet = Buffer.from('\uFEFFMã đơn vị,Tên đơn vị,Nhóm\r\nxa-c,Xã C,Nhóm 2\r\n', 'utf8');
    await section.locator('input#roster-file').setInputFiles({ name: 'danh-sach-moi.csv', mimeType: 'text/csv', buffer: sheet });
    await section.locator('button.roster-upload').click();
    const confirm = section.locator('.confirm');
    await expect.poll(() => confirm.textContent()).toContain('bằng tệp "danh-sach-moi.csv"? Danh sách hiện có (2 đơn vị) được thay hẳn');
    await expect.poll(() => inView(page, 'lb-admin lb-admin-campaigns .confirm button.confirm-roster')).toBe(true);
    await confirm.locator('button.confirm-roster').click();
    const units = async () => ((await (await fetch(`${server.origin}/api/campaigns`)).json()) as { campaigns: { id: string; units: number }[] }).campaigns.find((c) => c.id === 'danh-sach-thu')?.units;
    await expect.poll(units).toBe(1);

    // The demo's CCHC scorecard is final: the disabled control says why.
    await page.goto(`${server.origin}/admin?campaign=thuy-thanh-cchc-2022`);
    await expect.poll(() => page.locator('lb-admin lb-admin-campaigns #roster-why').textContent()).toContain('Kết quả đã chốt chính thức: danh sách đơn vị không thay được nữa.');
    expect(await page.locator('lb-admin lb-admin-campaigns button.roster-upload').isDisabled()).toBe(true);
    await context.close();
  });

  it('archiving asks first, naming the campaign and what stops; "Hủy" changes nothing; once archived, the disabled button says why', async () => {
    const created = await fetch(`${server.origin}/api/admin/campaigns`, { method: 'POST', headers: token(), body: JSON.stringify({ id: 'luu-tru-thu', preset: 'nui-thanh-2023' }) });
    expect(created.status).toBe(201);
    const archived = async () => ((await (await fetch(`${server.origin}/api/campaigns`)).json()) as { campaigns: { id: string; archived: boolean }[] }).campaigns.find((c) => c.id === 'luu-tru-thu')?.archived;
    for (const width of [360, 1280]) {
      const page = await adminPage(width);
      await page.locator('lb-admin select#campaign').selectOption('luu-tru-thu');
      const section = page.locator('lb-admin lb-admin-campaigns');
      await section.locator('button.archive').click();
      const confirm = section.locator('.confirm');
      await expect.poll(() => confirm.textContent()).toContain('không ai tải lên, công bố, thu hồi hay chốt kết quả được nữa. Không thể hoàn tác.');
      await expect.poll(() => inView(page, 'lb-admin lb-admin-campaigns .confirm button.confirm-archive')).toBe(true);
      if (width === 360) {
        await confirm.locator('button.cancel-confirm').click();
        expect(await section.locator('.confirm').count()).toBe(0);
        expect(await archived()).toBe(false);
      } else {
        await confirm.locator('button.confirm-archive').click();
        await expect.poll(archived).toBe(true);
        await expect.poll(() => section.locator('button.archive').isDisabled()).toBe(true);
        expect(await section.locator('#archive-why').textContent()).toContain('Đã lưu trữ');
      }
      await page.context().close();
    }
  });

  it('fits a 360 px phone with a role added (a campaign\u2019s long title in its list): no sideways page scroll, no control wider than the window', async () => {
    const page = await adminPage(360);
    for (const article of await page.locator('lb-admin lb-admin-account article').all()) {
      await article.locator('button.edit-grants').click();
      await article.locator('lb-grant-editor button.add-grant').click();
    }
    await page.locator('lb-admin lb-admin-accounts form.new-account lb-grant-editor button.add-grant').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const widest = await page.evaluate(() => {
      const all: Element[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      // A control inside a table that scrolls sideways in its own box is reached by scrolling that box.
      const inScroller = (el: Element) => {
        for (let e: Element | null = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null); e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
          const x = getComputedStyle(e).overflowX;
          if (x === 'auto' || x === 'scroll') return true;
        }
        return false;
      };
      const controls = all.filter((el) => el.matches('select, input, button, textarea') && !inScroller(el));
      const right = Math.max(...controls.map((el) => el.getBoundingClientRect().right));
      return { right, what: controls.find((el) => el.getBoundingClientRect().right === right)?.outerHTML.slice(0, 160) };
    });
    expect(widest.right, widest.what).toBeLessThanOrEqual(360);
    await page.context().close();
  });
});
