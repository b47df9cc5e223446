/**
 * The server rendering functions, fed the real campaign service (demo campaign on a temporary
 * SQLite file): what a reader without JavaScript receives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, nuiThanh2023, type UnitInput } from '@thidua/scoring';
import { buildApp } from '../../src/server/app.js';
import { renderAdminPage, renderLeaderboardPage, renderUnitPage } from '../../src/server/pages/render.js';
import type { LeaderboardResponse } from '../../src/web/api.js';

const dir = mkdtempSync(join(tmpdir(), 'lb-render-'));
let app: FastifyInstance;
let data: LeaderboardResponse;
const assets = { public: { file: 'public-ABC.js', imports: ['chunk-X.js'] } };

beforeAll(async () => {
  app = await buildApp({ dbPath: join(dir, 'db.sqlite'), adminToken: 'x'.repeat(24) });
  data = app.campaign.getLeaderboard();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const embeddedState = (html: string) =>
  JSON.parse(/<script type="application\/json" id="lb-state">(.*?)<\/script>/s.exec(html)![1]!) as LeaderboardResponse;

describe('renderLeaderboardPage', () => {
  it('renders every ranked unit, in rank order, with the published score, as declarative shadow DOM', () => {
    const html = renderLeaderboardPage(data, { locale: 'vi', assets, group: 'communes', embed: false });
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('<template shadowroot="open" shadowrootmode="open">');
    for (const group of data.evaluation!.groups) {
      let at = 0;
      for (const entry of group.ranking) {
        const row = html.indexOf(`data-unit-id="${entry.unitId}"`, at);
        expect(row, entry.unitId).toBeGreaterThan(at);
        at = row;
        expect(html.slice(row, row + 4000)).toContain(entry.score.replace('.', ','));
      }
    }
    expect(html).toContain('Dữ liệu minh họa');
    expect(html).toContain('Số liệu đến ngày 31/12/2023');
  });

  it('loads scripts only as external modules from /assets/', () => {
    const html = renderLeaderboardPage(data, { locale: 'en', assets, group: '', embed: false });
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="module" src="/assets/public-ABC.js">', '<script type="application/json" id="lb-state">']);
    expect(html).toContain('<link rel="modulepreload" href="/assets/chunk-X.js">');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Figures as of 31/12/2023');
  });

  it('embeds the data the elements hydrate from, without the breakdowns the page never shows', () => {
    const html = renderLeaderboardPage(data, { locale: 'vi', assets, group: '', embed: false });
    const state = embeddedState(html);
    expect(state.evaluation!.units.map((u) => [u.unitId, u.rank, u.score, u.prize])).toEqual(
      data.evaluation!.units.map((u) => [u.unitId, u.rank, u.score, u.prize]),
    );
    expect(state.evaluation!.units.every((u) => u.breakdown.length === 0)).toBe(true);
    expect(state.rankChanges).toEqual(data.rankChanges);
  });

  it('cannot be broken out of by a hostile unit name', () => {
    const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    const units = data.evaluation!.units.map((u, i) => (i === 0 ? { ...u, unitName: evil } : u));
    const hostile = { ...data, evaluation: { ...data.evaluation!, units } };
    const html = renderLeaderboardPage(hostile, { locale: 'vi', assets, group: '', embed: false });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(embeddedState(html).evaluation!.units[0]!.unitName).toBe(evil);
  });
});

describe('before anything is published', () => {
  it('says so plainly, on the public page and on a unit page', () => {
    const empty: LeaderboardResponse = { ...data, snapshot: null, previousSnapshot: null, evaluation: null, rankChanges: {} };
    const html = renderLeaderboardPage(empty, { locale: 'vi', assets, group: '', embed: false });
    expect(html).toContain('Chưa có số liệu nào được công bố.');
    expect(html).not.toContain('data-unit-id=');
    expect(html).not.toContain('Tất cả đơn vị đều đủ điều kiện');
    const unit = app.campaign.getUnit(data.evaluation!.units[0]!.unitId)!;
    const unitHtml = renderUnitPage({ ...unit, snapshot: null, result: null, rankChange: null, history: [] }, { locale: 'en', assets: {} });
    expect(unitHtml).toContain('No figures have been published yet.');
  });
});

describe('prizes the library leaves vacant or undecided', () => {
  const inputs = (): UnitInput[] =>
    data.evaluation!.units.map((u) => ({ id: u.unitId, name: u.unitName, group: u.groupId, ...u.input }));

  it('says a tie across a prize boundary is for the committee to decide, in the library\'s words', () => {
    const units = inputs();
    const communes = data.evaluation!.groups.find((g) => g.id === 'communes')!.ranking;
    const fifth = units.find((u) => u.id === communes[4]!.unitId)!;
    const sixth = units.find((u) => u.id === communes[5]!.unitId)!;
    Object.assign(sixth, { ...fifth, id: sixth.id, name: sixth.name });
    const evaluation = evaluate(units, nuiThanh2023);
    const undecided = evaluation.groups.find((g) => g.id === 'communes')!.undecided;
    expect(undecided.length).toBe(1);
    const html = renderLeaderboardPage({ ...data, evaluation }, { locale: 'vi', assets, group: 'communes', embed: false });
    expect(html).toContain('Chưa quyết định');
    expect(html).toContain(undecided[0]!.message.vi);
  });

  it('says a vacant prize is vacant', () => {
    // Every commune between the 65% floor and the 70% first-prize floor: no first prize.
    const units = inputs().map((u) =>
      u.group === 'communes' ? { ...u, resolvedTotal: 1000, resolvedOnline: 670, resolvedOnlineOnTime: 600 + u.id.length, resolvedLate: 5 } : u,
    );
    const evaluation = evaluate(units, nuiThanh2023);
    const group = evaluation.groups.find((g) => g.id === 'communes')!;
    expect(group.vacantPrizes).toContain('first');
    const html = renderLeaderboardPage({ ...data, evaluation }, { locale: 'vi', assets, group: 'communes', embed: false });
    expect(html).toMatch(/data-prize="first" class="vacant"/);
    expect(html).toContain('Để trống');
  });
});

describe('renderUnitPage and renderAdminPage', () => {
  it("renders a unit's breakdown, citations and history", () => {
    const unitId = data.evaluation!.units.find((u) => u.eligible && u.rank! > 1)!.unitId;
    const unit = app.campaign.getUnit(unitId)!;
    const html = renderUnitPage(unit, { locale: 'vi', assets: {} });
    for (const step of unit.result!.breakdown) expect(html).toContain(step.label.vi);
    expect(html).toContain(`Kế hoạch, mục ${unit.result!.breakdown[0]!.citation.section}`);
    expect(html).toContain(unit.result!.gaps!.passUnitAbove!.unitName);
    expect(html.match(/<tr data-snapshot-id=/g)?.length).toBe(unit.history.length);
  });

  it('renders the admin page for no one to index', () => {
    const html = renderAdminPage({ locale: 'vi', assets: {}, campaignTitle: 'T' });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('Mã truy cập quản trị');
  });
});
