/**
 * Reading what the pages show, shadow DOM included (Playwright's CSS locators pierce open shadow
 * roots), and turning Vietnamese-formatted figures back into the API's decimal strings so a test
 * compares the page with /api/leaderboard without reusing the page's own formatting code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

export interface ShownRow {
  unitId: string;
  rank: string;
  unit: string;
  score: string;
  prize: string;
  change: string;
}

export async function rankingRows(page: Page, groupId: string): Promise<ShownRow[]> {
  return page
    .locator(`table.ranking[data-group="${groupId}"] tbody tr[data-unit-id]`)
    .evaluateAll((rows) =>
      rows.map((r) => {
        const text = (sel: string) => (r.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return {
          unitId: (r as HTMLElement).dataset.unitId ?? '',
          rank: text('td.rank .rank-number'),
          unit: text('th[scope=row]'),
          score: text('td.score'),
          prize: text('td.outcome'),
          change: text('td.rank .change'),
        };
      }),
    );
}

/** "1.234,56" (vi) → "1234.56"; "1,234.56" (en) → "1234.56". */
export function viNumber(text: string): string {
  return text.replace(/\./g, '').replace(',', '.').replace(/[^\d.\-]/g, '');
}
export function enNumber(text: string): string {
  return text.replace(/,/g, '').replace(/[^\d.\-]/g, '');
}

/** Integer đồng as Vietnamese writes it: 7000000 → "7.000.000". */
export function viMoney(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; html: string; failureSummary?: string | undefined }[];
}

/** axe-core in the page (through the DevTools protocol, so the page's CSP does not apply). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
  return result;
}

/** The element is inside the window both ways (a pixel of slack: scrolling aligns edges to fractions of a pixel). */
export async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.left >= -1 && r.right <= window.innerWidth + 1 && r.height > 0;
  });
}

/** The council's decision typed into the finalise form: 125/QĐ-UBND of 15/01/2024, signed by the district chairman. */
export async function fillDecision(form: Locator): Promise<void> {
  await form.locator('input#number').fill('125/QĐ-UBND');
  await form.locator('input#date').fill('15/01/2024');
  await form.locator('input#signer-name').fill('Nguyễn Văn Bình');
  await form.locator('input#signer-title').fill('Chủ tịch UBND huyện Núi Thành');
}
