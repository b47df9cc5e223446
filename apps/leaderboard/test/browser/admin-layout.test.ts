/**
 * Issue 18: every admin section, in each role's view, fits a phone (360 px) and a desktop (1280 px):
 * no sideways page scroll, no form control wider than the window or past its right edge, with
 * every form opened. On a phone a pending upload is a card whose "Công bố" is in view. A campaign
 * of real figures is never labelled sample data. Each role's path on the other width than the live
 * story's (live-admin.test.ts): the clerk's dry run and the council's decision on a phone, the
 * publisher's comparison on a desktop. In Chromium.
 */
import { nuiThanh2023 } from '@thidua/scoring';
import { statisticsCsv } from '@thidua/stats-io';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { fillDecision, inView, runAxe } from './page-helpers.js';

let server: RunningServer;
let browser: Browser;
const demo = 'nui-thanh-2023-demo';
const passwords: Record<string, string> = {};
/** The shown figures with one count raised: a file that replaces them. */
let pendingFile: Buffer;
const token = () => ({ authorization: `Bearer ${server.adminToken}` });

const roles = [
  { username: 'thu-ky', displayName: 'Nguyễn Văn Thư', grants: [{ role: 'clerk', campaignId: demo }] },
  { username: 'cong-bo', displayName: 'Trần Thị Bố', grants: [{ role: 'publisher', campaignId: demo }] },
  { username: 'hoi-dong', displayName: 'Lê Văn Đồng', grants: [{ role: 'council', campaignId: demo }] },
  { username: 'quan-tri', displayName: 'Phạm Minh Trị', grants: [{ role: 'admin', campaignId: '*' }] },
  { username: 'chua-co-quyen', displayName: 'Võ Thị Không', grants: [] },
] as const;

async function signIn(username: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/admin`);
  await page.locator('lb-admin input#username').fill(username);
  await page.locator('lb-admin input#password').fill(passwords[username]!);
  await page.locator('lb-admin lb-admin-login button[type=submit]').click();
  await expect.poll(() => page.locator('lb-admin .signed-in-as').count()).toBe(1);
  // The audit log, loaded: the longest section.
  await page.locator('lb-admin lb-admin-audit button.load-audit').click();
  await expect.poll(() => page.locator('lb-admin lb-admin-audit li, lb-admin lb-admin-audit .notice').count()).toBeGreaterThan(0);
  return page;
}

/** Opens every form a section hides behind a button (changing nothing). */
async function openEveryForm(page: Page): Promise<number> {
  let opened = 0;
  // The account form's "Thêm quyền" (a role row added to the new account's form), then each account's hidden forms.
  for (const selector of ['button.change-password', 'lb-admin-accounts lb-grant-editor[label="new"] button.add-grant', 'lb-admin-account button.edit-grants', 'lb-admin-account button.show-tokens']) {
    const buttons = page.locator(`lb-admin ${selector}`);
    const n = await buttons.count();
    for (let i = 0; i < Math.min(n, 2); i++) {
      await buttons.nth(i).click();
      opened++;
    }
  }
  return opened;
}

/** Every visible form control, through every shadow root, that is wider than the window or reaches past it. */
async function controlsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!el.matches('input, select, textarea, button')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // A control inside a box that scrolls sideways on purpose (a wide table) is reached by scrolling it.
        let scroller = false;
        for (let p: Element | null = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null); p; p = p.parentElement ?? ((p.getRootNode() as ShadowRoot).host ?? null)) {
          if (p.classList.contains('scroll')) scroller = true;
        }
        if (r.width > window.innerWidth || (!scroller && (r.right > window.innerWidth + 1 || r.left < -1))) {
          found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
        }
      }
    };
    visit(document);
    return found;
  });
}

/** Every disabled form control, through every shadow root, whose aria-describedby does not lead to a non-empty reason. */
async function disabledWithoutReason(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!el.matches('input:disabled, select:disabled, textarea:disabled, button:disabled')) continue;
        const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const reason = ids.map((id) => (root as ParentNode).querySelector(`#${CSS.escape(id)}`)?.textContent?.trim() ?? '').join(' ');
        if (!reason) found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} "${el.textContent?.trim() ?? ''}"`);
      }
    };
    visit(document);
    return found;
  });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  for (const r of roles) {
    const res = await fetch(`${server.origin}/api/admin/accounts`, {
      method: 'POST',
      headers: { ...token(), 'content-type': 'application/json' },
      body: JSON.stringify({ username: r.username, displayName: r.displayName, grants: r.grants }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    passwords[r.username] = ((await res.json()) as { password: string }).password;
  }
  // A pending upload, for the publisher's card.
  const board = (await (await fetch(`${server.origin}/api/campaigns/${demo}/leaderboard`)).json()) as { snapshot: { id: number } };
  const units = server.app.campaigns.require(demo).results.unitsOf(board.snapshot.id).map((u, i) => (i === 2 ? { ...u, resolvedLate: (u.resolvedLate as number) + 1 } : u));
  pendingFile = Buffer.from(statisticsCsv(units, nuiThanh2023));
  const res = await fetch(`${server.origin}/api/campaigns/${demo}/admin/snapshots?asOf=2023-12-31&publish=0`, {
    method: 'POST',
    headers: { ...token(), 'content-type': 'text/csv' },
    body: new Uint8Array(pendingFile),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every admin section fits the window, in every role', () => {
  for (const width of [360, 1280]) {
    for (const r of roles) {
      it(`${r.username} at ${width} px: no sideways scroll, every control within the window, every form opened`, async () => {
        const page = await signIn(r.username, width);
        const opened = await openEveryForm(page);
        // Every role may change its own password; the administrator opens the account and campaign forms too.
        expect(opened).toBeGreaterThanOrEqual(r.username === 'quan-tri' ? 4 : 1);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${r.username} at ${width}`).toBeLessThanOrEqual(0);
        expect(await controlsOutside(page), `${r.username} at ${width}`).toEqual([]);
        // axe: no violation of any impact, every form open.
        expect(await runAxe(page), `${r.username} at ${width}`).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('on a phone, a pending upload is a card: its date, file and rows under their labels, and "Công bố" in view beside them', async () => {
    const page = await signIn('cong-bo', 360);
    const card = page.locator('lb-admin table.snapshots tbody tr[data-state="pending"]');
    await card.scrollIntoViewIfNeeded();
    expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await card.locator('td.file').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Tệp: "');
    const button = card.locator('button.publish-snapshot');
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    // The card is no wider than the window, and the confirmation opens under it, in view.
    expect((await card.boundingBox())!.width).toBeLessThanOrEqual(360);
    await button.click();
    const confirm = page.locator('lb-admin lb-admin-snapshots .confirm button.confirm-publish');
    await expect.poll(async () => {
      const b = await confirm.boundingBox();
      return b !== null && b.x >= 0 && b.x + b.width <= 360 && b.y >= 0 && b.y + b.height <= 740;
    }).toBe(true);
    await page.context().close();
  });

  it('every disabled control says why, next to it: an empty form, an administrator\u2019s campaign, a final campaign', async () => {
    const page = await signIn('quan-tri', 1280);
    await openEveryForm(page);
    // A role row set to administrator: its campaign cannot be chosen.
    await page.locator('lb-admin lb-admin-accounts lb-grant-editor[label="new"] select.grant-role').last().selectOption('admin');
    const before = await disabledWithoutReason(page);
    expect(before).toEqual([]);
    // More disabled controls on a final campaign (its roster and archive).
    await page.locator('lb-admin select#campaign').selectOption('thuy-thanh-cchc-2022');
    await expect.poll(() => page.locator('lb-admin lb-admin-campaigns button.roster-upload').isDisabled()).toBe(true);
    expect(await disabledWithoutReason(page)).toEqual([]);
    await page.context().close();
    const clerk = await signIn('thu-ky', 360);
    expect(await clerk.locator('lb-admin lb-admin-upload button.dry-run').isDisabled()).toBe(true);
    expect(await disabledWithoutReason(clerk)).toEqual([]);
    expect(await clerk.locator('lb-admin lb-admin-upload #dry-run-why').textContent()).toBe('Chọn tệp số liệu trước.');
    await clerk.context().close();
  });

  it('the clerk\u2019s dry run on a phone: the verdict and "Gửi để công bố" in view first, the details below', async () => {
    const page = await signIn('thu-ky', 360);
    await page.locator('lb-admin input#file').setInputFiles({ name: 'so-lieu.csv', mimeType: 'text/csv', buffer: pendingFile });
    await page.locator('lb-admin input#asof').fill('31/12/2023');
    await page.locator('lb-admin button.dry-run').click();
    await expect.poll(() => page.locator('lb-admin lb-admin-upload p.verdict').count()).toBe(1);
    await expect.poll(() => inView(page, 'lb-admin lb-admin-upload button.publish')).toBe(true);
    expect(await inView(page, 'lb-admin lb-admin-upload p.verdict')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('the publisher at 1280 px reads the comparison in the confirmation before publishing; "Hủy" publishes nothing', async () => {
    const page = await signIn('cong-bo', 1280);
    const row = page.locator('lb-admin table.snapshots tbody tr[data-state="pending"]');
    await row.locator('button.publish-snapshot').click();
    const confirm = page.locator('lb-admin lb-admin-snapshots .confirm');
    await expect.poll(() => confirm.locator('ul.warnings li[data-code="replaces_published"]').count()).toBe(1);
    await expect.poll(() => confirm.locator('lb-upload-comparison h3').textContent()).toBe('So với số liệu đã công bố');
    expect(await inView(page, 'lb-admin lb-admin-snapshots .confirm button.confirm-publish')).toBe(true);
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    expect(await row.getAttribute('data-state')).toBe('pending');
    await page.context().close();
  });

  it('the council on a phone: the decision form fits, and its confirmation, naming the decision, is in view', async () => {
    const page = await signIn('hoi-dong', 360);
    const form = page.locator('lb-admin lb-admin-finalize');
    await fillDecision(form);
    await form.locator('button.finalize').click();
    await expect.poll(() => form.locator('.confirm').textContent()).toContain('Căn cứ Quyết định số 125/QĐ-UBND ngày 15/01/2024');
    await expect.poll(() => inView(page, 'lb-admin lb-admin-finalize .confirm button.confirm-finalize')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await controlsOutside(page)).toEqual([]);
    await page.context().close();
  });

  it('calls sample data sample only where it is: the real figures of Thủy Thanh are not labelled so', async () => {
    const page = await signIn('quan-tri', 1280);
    await page.locator('lb-admin select#campaign').selectOption('thuy-thanh-cchc-2022');
    // Final on its decision (the appraisal's plan), said in the campaign's banner.
    await expect.poll(() => page.locator('lb-admin section[aria-labelledby="campaign-title"] .banner.final').textContent()).toContain('Căn cứ Kế hoạch số 69/KH-UBND ngày 12/12/2022');
    expect(await page.locator('lb-admin').evaluate((el) => el.shadowRoot!.textContent)).not.toMatch(/minh họa/i);
    await page.context().close();
  });
});
