/**
 * The whole index round in Chromium (issue 15), at 360 px and at 1280 px, on the demo's synthetic
 * round: a unit officer saves a draft, attaches a PDF and submits; another unit's officer sees only
 * their own unit; an appraiser agrees with a task ("Thống nhất") and scores with a comment; the unit
 * files an explanation; the appraiser changes the point; the council confirms and finalises; the
 * public scorecard shows the self-assessed and appraised columns and the comment. The server's clock
 * is moved through the phases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundOverview } from '../../src/contract-round.js';
import { sampleRoundId } from '../../src/demo/cchc-round-sample.js';
import { pdfBytes, roundPhases } from '../round-fixtures.js';
import { type RunningServer, launchChromium, startServer } from './harness.js';
import { fillDecision, runAxe } from './page-helpers.js';

const id = sampleRoundId;
const at = {
  selfAssessment: new Date('2024-03-02T02:00:00Z'),
  appraisal: new Date('2024-03-16T02:00:00Z'),
  explanation: new Date('2024-03-26T02:00:00Z'),
  review: new Date('2024-03-31T02:00:00Z'),
  final: new Date('2024-04-06T02:00:00Z'),
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([360, 1280])('the index round at %i px', (width) => {
  const dir = mkdtempSync(join(tmpdir(), 'lb-round-'));
  let server: RunningServer;
  let now = at.selfAssessment;
  const people: Record<'o1' | 'o2' | 'appraiser' | 'council', { username: string; name: string; grants: object[]; password: string; token: string }> = {
    o1: { username: 'can-bo-1', name: 'Nguyễn Thị Một', grants: [{ role: 'officer', campaignId: id, unitId: 'xa-01' }], password: '', token: '' },
    o2: { username: 'can-bo-2', name: 'Trần Văn Hai', grants: [{ role: 'officer', campaignId: id, unitId: 'xa-02' }], password: '', token: '' },
    appraiser: { username: 'tham-dinh', name: 'Lê Thị Thẩm', grants: [{ role: 'appraiser', campaignId: id }], password: '', token: '' },
    council: { username: 'hoi-dong', name: 'Phạm Văn Đồng', grants: [{ role: 'council', campaignId: id }], password: '', token: '' },
  };
  const pageErrors: string[] = [];
  const pdfPath = join(dir, 'Kế hoạch CCHC 2024.pdf');

  const call = async (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const res = await fetch(`${server.origin}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${init.token ?? server.adminToken}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startServer({ dir, clock: () => now });
    expect((await call(`/api/campaigns/${id}/admin/round`, { method: 'PUT', body: roundPhases })).status).toBe(200);
    for (const p of Object.values(people)) {
      const made = await call('/api/admin/accounts', { method: 'POST', body: { username: p.username, displayName: p.name, grants: p.grants } });
      p.password = made.body.password as string;
      const account = made.body.account as { id: number };
      p.token = ((await call(`/api/admin/accounts/${account.id}/tokens`, { method: 'POST', body: { label: 'test' } })).body.token as string) ?? '';
    }
    writeFileSync(pdfPath, pdfBytes);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(who: keyof typeof people): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
    await page.goto(`${server.origin}/admin?campaign=${id}`);
    await page.locator('lb-admin input#username').fill(people[who].username);
    await page.locator('lb-admin input#password').fill(people[who].password);
    await page.locator('lb-admin lb-admin-login button[type=submit]').click();
    await expect.poll(() => page.locator('lb-admin .signed-in-as').textContent()).toContain(people[who].name);
    await page.locator('lb-round h2').waitFor();
    return page;
  }

  const criterion = (page: Page, cid: string) => page.locator(`lb-round-criterion[data-criterion="${cid}"]`);
  const saved = (page: Page, cid: string) => expect.poll(() => criterion(page, cid).locator('.save-status').textContent()).toMatch(/^Đã lưu/);
  const noSideways = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

  it('1. the officer saves drafts as they type, attaches a PDF, sees the progress, and submits', async () => {
    const page = await signIn('o1');
    expect(await page.locator('lb-round li[aria-current="step"]').textContent()).toContain('Tự đánh giá, chấm điểm');
    const first = criterion(page, '1.1.1');
    await first.locator('input[name=points]').fill('0,5');
    await first.locator('textarea[name=note]').fill('Kế hoạch số 12/KH-UBND');
    await saved(page, '1.1.1');
    await criterion(page, '1.1.2').locator('input[name=points]').fill('0,8');
    await saved(page, '1.1.2');
    await first.locator('input.attach').setInputFiles(pdfPath);
    await expect.poll(() => first.locator('.files a').textContent()).toBe('Kế hoạch CCHC 2024.pdf');
    await expect.poll(() => page.locator('lb-round-sheet .progress').textContent()).toMatch(/^2\/\d+ tiêu chí đã tự chấm · 1 tiêu chí thiếu tài liệu kiểm chứng$/);
    await noSideways(page);
    expect(await runAxe(page)).toEqual([]);
    await page.locator('lb-round-sheet button.submit').click();
    await expect.poll(() => page.locator('lb-round-sheet .submission').textContent()).toMatch(/^Đã nộp .*\(Nguyễn Thị Một\)$/);
    expect(await first.locator('input[name=points]').count()).toBe(0);
    expect(await first.locator('.self-points').textContent()).toBe('0,5');
    // The file comes back as it was sent, to the officer's session.
    const back = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { type: res.headers.get('content-type'), nosniff: res.headers.get('x-content-type-options'), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) };
    }, (await first.locator('.files a').getAttribute('href')) ?? '');
    expect(back).toEqual({ type: 'application/pdf', nosniff: 'nosniff', bytes: Array.from(pdfBytes) });
    await page.context().close();
  });

  it('2. a second unit\u2019s officer sees only their own unit, and is refused the first one\u2019s sheet', async () => {
    const page = await signIn('o2');
    await expect.poll(() => page.locator('lb-round-sheet .unit-name').textContent()).toBe('Xã Bình Minh');
    expect(await page.locator('lb-round ul.units li').count()).toBe(1);
    expect(await page.locator('lb-round').evaluate((el) => el.shadowRoot?.textContent ?? '')).not.toContain('Xã An Bình');
    const status = await page.evaluate(async (campaign) => (await fetch(`/api/campaigns/${campaign}/round/units/xa-01`)).status, id);
    expect(status).toBe(403);
    await page.context().close();
  });

  it('3. the appraiser agrees with a whole task in one action and scores a criterion with a comment', async () => {
    now = at.appraisal;
    const page = await signIn('appraiser');
    await page.locator('lb-round button.unit[data-unit="xa-01"]').click();
    await page.locator('lb-round-sheet button.agree[data-task="1"]').click();
    await expect.poll(() => page.locator('lb-round-sheet .notice.ok').textContent()).toBe('Đã thống nhất: 2 tiêu chí lấy điểm tự chấm.');
    await expect.poll(() => criterion(page, '1.1.1').locator('input[name=points]').inputValue()).toBe('0,5');
    const second = criterion(page, '1.1.2');
    await second.locator('input[name=points]').fill('0,4');
    await second.locator('textarea[name=comment]').fill('Tài liệu kiểm chứng không đầy đủ, không đúng quy định');
    await saved(page, '1.1.2');
    await noSideways(page);
    // Every other criterion of every unit, through the API as a script would (the page is tried above).
    const overview = (await call(`/api/campaigns/${id}/round`, { token: people.appraiser.token })).body as unknown as RoundOverview;
    for (const u of overview.units) {
      for (const c of overview.criteria) {
        if (u.unitId === 'xa-01' && ['1.1.1', '1.1.2'].includes(c.id)) continue;
        const r = await call(`/api/campaigns/${id}/round/units/${u.unitId}/criteria/${encodeURIComponent(c.id)}/appraisal`, {
          method: 'PUT',
          token: people.appraiser.token,
          body: { points: c.notApplicable ? 'x' : '0', comment: '' },
        });
        expect(r.status).toBe(200);
      }
    }
    await page.context().close();
  });

  it('4. the unit sees its appraisal and files an explanation', async () => {
    now = at.explanation;
    const page = await signIn('o1');
    const second = criterion(page, '1.1.2');
    await expect.poll(() => second.locator('.appraised-points').textContent()).toBe('0,4');
    expect(await second.locator('.comment').textContent()).toBe('Tài liệu kiểm chứng không đầy đủ, không đúng quy định');
    await second.locator('textarea[name=explanation]').fill('Bổ sung Kế hoạch số 15/KH-UBND đã ký số đúng hạn');
    await second.locator('button.send-explanation').click();
    await saved(page, '1.1.2');
    await noSideways(page);
    await page.context().close();
  });

  it('5. the appraiser answers by changing the point', async () => {
    now = at.review;
    const page = await signIn('appraiser');
    await page.locator('lb-round button.unit[data-unit="xa-01"]').click();
    const second = criterion(page, '1.1.2');
    expect(await second.locator('.explanation-text').textContent()).toBe('Bổ sung Kế hoạch số 15/KH-UBND đã ký số đúng hạn');
    await second.locator('select[name=outcome]').selectOption('changed');
    await second.locator('input[name=new-points]').fill('0,8');
    await second.locator('textarea[name=reason]').fill('Đã bổ sung tài liệu kiểm chứng');
    await second.locator('button.send-answer').click();
    await saved(page, '1.1.2');
    await expect.poll(() => second.locator('.appraised-points').textContent()).toBe('0,8');
    await page.context().close();
  });

  it('6. the council reads the differences, confirms every unit and finalises on its decision', async () => {
    now = at.final;
    const page = await signIn('council');
    const council = page.locator('lb-round-council');
    await council.locator('table.differences').waitFor();
    // One unit from its sheet, then every unit at once.
    await page.locator('lb-round button.unit[data-unit="xa-01"]').click();
    await page.locator('lb-round-sheet button.confirm-unit').click();
    await expect.poll(() => page.locator('lb-round-sheet .state').textContent()).toMatch(/Hội đồng đã xác nhận lúc 09:00 ngày 06\/04\/2024/);
    await council.locator('button.confirm-all').click();
    await expect.poll(() => council.locator('.notice.ok').textContent()).toBe('Đã xác nhận kết quả thẩm định của 10 đơn vị.');
    const form = page.locator('lb-admin lb-admin-finalize');
    await fillDecision(form);
    await form.locator('button.finalize').click();
    await form.locator('button.confirm-finalize').click();
    await expect.poll(() => page.locator('lb-admin .banner.final').count(), { timeout: 20_000 }).toBe(1);
    await noSideways(page);
    await page.context().close();
  });

  it('7. the public scorecard shows the self-assessed and appraised columns and the comments; the evidence stays private', async () => {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/c/${id}/units/xa-01`);
    const text = await page.locator('body').evaluate((b) => {
      const all: string[] = [];
      const walk = (n: Node) => {
        if (n.nodeType === Node.TEXT_NODE) all.push(n.textContent ?? '');
        const el = n as Element;
        if (el.shadowRoot) walk(el.shadowRoot);
        n.childNodes.forEach(walk);
      };
      walk(b);
      return all.join(' ');
    });
    expect(text).toContain('Tài liệu kiểm chứng không đầy đủ, không đúng quy định');
    expect(text).toMatch(/Tự đánh giá|tự đánh giá/);
    expect(text).toContain('0,8');
    expect(text).toContain('Bổ sung Kế hoạch số 15/KH-UBND đã ký số đúng hạn');
    expect(text).toContain('Đã bổ sung tài liệu kiểm chứng');
    expect(await runAxe(page)).toEqual([]);
    await noSideways(page);
    const evidence = await page.evaluate(async (campaign) => (await fetch(`/api/campaigns/${campaign}/round/evidence/1`)).status, id);
    expect(evidence).toBe(401);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
