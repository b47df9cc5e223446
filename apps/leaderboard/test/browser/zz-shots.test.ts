import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { launchChromium, startServer } from './harness.js';
import { pdfBytes, roundPhases } from '../round-fixtures.js';
const id = 'cchc-xa-2023-mau';
it('shots', async () => {
  let now = new Date('2024-03-02T02:00:00Z');
  const server = await startServer({ clock: () => now });
  const b = await launchChromium();
  const tok = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  await fetch(`${server.origin}/api/campaigns/${id}/admin/round`, { method: 'PUT', headers: tok, body: JSON.stringify(roundPhases) });
  const mk = async (u: string, g: object[]) => ((await (await fetch(`${server.origin}/api/admin/accounts`, { method: 'POST', headers: tok, body: JSON.stringify({ username: u, displayName: u, grants: g }) })).json()) as { password: string }).password;
  const pw = { o1: await mk('o1', [{ role: 'officer', campaignId: id, unitId: 'xa-01' }]), ap: await mk('ap', [{ role: 'appraiser', campaignId: id }]), co: await mk('co', [{ role: 'council', campaignId: id }]) };
  writeFileSync('/tmp/k.pdf', pdfBytes);
  const shot = async (user: string, pass: string, name: string, act?: (p: import('playwright-core').Page) => Promise<void>) => {
    for (const w of [360, 1280]) {
      const ctx = await b.newContext({ viewport: { width: w, height: w < 500 ? 740 : 900 } });
      const page = await ctx.newPage();
      await page.goto(`${server.origin}/admin?campaign=${id}`);
      await page.locator('lb-admin input#username').fill(user);
      await page.locator('lb-admin input#password').fill(pass);
      await page.locator('lb-admin lb-admin-login button[type=submit]').click();
      await page.locator('lb-round h2').waitFor();
      if (act) await act(page);
      await page.waitForTimeout(800);
      const el = page.locator('lb-round');
      await el.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shot-${name}-${w}.png` });
      await el.locator('lb-round-sheet section.task').first().screenshot({ path: `/tmp/shot-${name}-task-${w}.png` }).catch(() => undefined);
      await ctx.close();
    }
  };
  await shot('o1', pw.o1, 'officer', async (p) => {
    const c = p.locator('lb-round-criterion[data-criterion="1.1.1"]');
    await c.locator('input[name=points]').fill('0,5');
    await c.locator('input.attach').setInputFiles('/tmp/k.pdf');
    await p.waitForTimeout(800);
  });
  now = new Date('2024-03-16T02:00:00Z');
  await shot('ap', pw.ap, 'appraiser', async (p) => { await p.locator('lb-round button.unit[data-unit="xa-01"]').click(); });
  await b.close(); await server.close();
}, 120000);
