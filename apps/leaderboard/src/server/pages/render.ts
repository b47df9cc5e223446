/**
 * Server rendering of the pages: the same Lit elements the browser runs, rendered to HTML by
 * @lit-labs/ssr (declarative shadow DOM), so the pages are readable with JavaScript off and the
 * elements hydrate in place when their script loads. Pure functions: data in, HTML out.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';
import type { CampaignsResponse, LeaderboardPageState, LeaderboardResponse, UnitResponse } from '../../contract.js';
import { collator, formatDate, searchKey } from '../../web/format.js';
import { type Locale, messages, pick } from '../../web/i18n.js';
import { adminMessages } from '../../web/admin/admin-messages.js';
import { pageSize } from '../../web/public/lb-ranking-table.js';
import { annexMessages } from '../../web/print/annex-messages.js';
import '../../web/admin/lb-admin.js';
import { type AnnexData } from '../../web/print/lb-award-annex.js';
import type { PrintData } from '../../web/print/document-frame.js';
import '../../web/print/lb-results-table.js';
import '../../web/public/lb-campaign-list.js';
import '../../web/public/lb-leaderboard.js';
import '../../web/public/lb-unit-detail.js';
import type { AssetManifest, PageName } from './assets.js';

export interface PageOptions {
  locale: Locale;
  assets: AssetManifest;
}

const stateId = 'lb-state';

/** Below this many units the page embeds the whole leaderboard; above, only what it painted. */
export const wholeStateUnits = 300;

const pageCss = `
  html { -webkit-text-size-adjust: 100%; }
  body { margin: 0; background: #fff; color: #1b1f24;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; }
  .notfound { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  .skip { position: absolute; left: -999px; display: inline-block; min-height: 24px; }
  .skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.5rem; z-index: 1; }
  @page { size: A4; margin: 14mm 12mm; }
  @media print { body { font-size: 10.5pt; } }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a data block: `<` escaped so the text can never close the element. */
function jsonBlock(value: unknown): string {
  return `<script type="application/json" id="${stateId}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
}

function scripts(assets: AssetManifest, page: PageName): string {
  const entry = assets[page];
  if (!entry) return '';
  const preloads = entry.imports.map((f) => `<link rel="modulepreload" href="/assets/${escapeHtml(f)}">`).join('');
  return `${preloads}<script type="module" src="/assets/${escapeHtml(entry.file)}"></script>`;
}

function documentHtml(opts: {
  locale: Locale;
  title: string;
  description: string;
  body: string;
  state: unknown;
  assets: AssetManifest;
  page: PageName;
  robots?: string;
}): string {
  return `<!doctype html>
<html lang="${opts.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(opts.title)}</title>
<meta name="description" content="${escapeHtml(opts.description)}">
${opts.robots ? `<meta name="robots" content="${opts.robots}">` : ''}
<style>${pageCss}</style>
${scripts(opts.assets, opts.page)}
</head>
<body>
${opts.body}
${opts.state === undefined ? '' : jsonBlock(opts.state)}
</body>
</html>`;
}

export function renderCampaignListPage(data: CampaignsResponse, opts: PageOptions): string {
  const t = messages(opts.locale);
  const body = collectResultSync(render(html`<lb-campaign-list state=${stateId} locale=${opts.locale} .data=${data}></lb-campaign-list>`));
  return documentHtml({ locale: opts.locale, title: t.campaigns.title, description: t.campaigns.intro, body, state: data, assets: opts.assets, page: 'home' });
}

export interface LeaderboardPageOptions extends PageOptions {
  /** The selected group tab (or the embedded group). */
  group: string;
  embed: boolean;
  /** A search typed without JavaScript (?q=). */
  query: string;
  /** Rows shown per table (?show=). */
  show: number;
}

/**
 * What the page embeds for its elements to hydrate from: the whole leaderboard for a small
 * campaign; for a large one, only the units it painted (the selected group's first rows, its
 * ineligible units, the prize winners, the search matches) — the element fetches the rest when the
 * reader asks for it. Everything painted is identical either way.
 */
export function leaderboardState(data: LeaderboardResponse, opts: Pick<LeaderboardPageOptions, 'group' | 'query' | 'show'>): { state: LeaderboardPageState; complete: boolean } {
  const evaluation = data.evaluation;
  if (!evaluation || evaluation.units.length <= wholeStateUnits) return { state: data, complete: true };
  const groups = data.campaign.rules.groups;
  const group = groups.some((g) => g.id === opts.group) ? opts.group : (groups[0]?.id ?? '');
  const keep = new Set<string>();
  const inGroup = evaluation.units.filter((u) => u.groupId === group);
  const names = collator('vi');
  if (data.campaign.rules.scored) {
    for (const id of evaluation.groups.find((g) => g.id === group)?.ranking.slice(0, opts.show) ?? []) keep.add(id);
    const ineligible = inGroup.filter((u) => !u.eligible).sort((a, b) => names.compare(a.unitName, b.unitName));
    for (const u of ineligible.slice(0, opts.show)) keep.add(u.unitId);
  } else {
    for (const u of [...inGroup].sort((a, b) => names.compare(a.unitName, b.unitName)).slice(0, opts.show)) keep.add(u.unitId);
  }
  const shown = new Set(keep);
  for (const g of evaluation.groups) {
    for (const p of g.prizes) keep.add(p.unitId);
    for (const u of g.undecided) for (const id of u.unitIds) keep.add(id);
    // A tie is explained where one of its units is painted: its other units are named in the note.
    for (const tie of g.ties) if (tie.unitIds.some((id) => shown.has(id))) for (const id of tie.unitIds) keep.add(id);
  }
  const q = searchKey(opts.query);
  if (q) for (const u of evaluation.units) if (searchKey(u.unitName).includes(q)) keep.add(u.unitId);
  const rankChanges = Object.fromEntries(Object.entries(data.rankChanges).filter(([id]) => keep.has(id)));
  // Each group's lists cut to the units kept, with their lengths said apart: the page grows with the rows shown.
  const totals: NonNullable<LeaderboardPageState['totals']> = {};
  const trimmed = evaluation.groups.map((g) => {
    totals[g.id] = { ranked: g.ranking.length, unranked: g.ineligibleUnitIds.length };
    return {
      ...g,
      ranking: g.ranking.filter((id) => keep.has(id)),
      ties: g.ties.filter((t) => t.unitIds.some((id) => shown.has(id))),
      ineligibleUnitIds: g.ineligibleUnitIds.filter((id) => keep.has(id)),
    };
  });
  return {
    state: { ...data, rankChanges, totals, evaluation: { ...evaluation, groups: trimmed, units: evaluation.units.filter((u) => keep.has(u.unitId)) } },
    complete: false,
  };
}

export function renderLeaderboardPage(data: LeaderboardResponse, opts: LeaderboardPageOptions): string {
  const t = messages(opts.locale);
  const { state, complete } = leaderboardState(data, opts);
  // The skip link and its target live in the document (a fragment cannot reach into a shadow root):
  // the element slots the link first in its header and the target, an empty anchor, just before its
  // main content.
  const body = `${collectResultSync(
    render(
      html`<lb-leaderboard
        state=${stateId}
        locale=${opts.locale}
        group=${opts.group}
        query=${opts.query}
        show=${opts.show}
        ?embed=${opts.embed}
        ?partial=${!complete}
        .data=${state}
        >${opts.embed
          ? nothing
          : html`<a class="skip" slot="skip" href="#content">${t.skipToContent}</a><span id="content" slot="content-start" tabindex="-1"></span>`}</lb-leaderboard
      >`,
    ),
  )}`;
  const asOf = data.snapshot ? ` — ${t.asOf(formatDate(data.snapshot.asOf, opts.locale))}` : '';
  return documentHtml({
    locale: opts.locale,
    title: `${pick(data.campaign.title, opts.locale)}${asOf}`,
    description: `${pick(data.campaign.title, opts.locale)}${asOf} (${t.status[data.status]})`,
    body,
    state,
    assets: opts.assets,
    page: 'public',
  });
}

/**
 * A unit's page; its working is rendered (and embedded) only when asked for (?explain=1) — except
 * on a scorecard, where the criteria with their points and comments are the page.
 */
export function renderUnitPage(data: UnitResponse, opts: PageOptions & { explain: boolean }): string {
  const t = messages(opts.locale);
  const state = opts.explain || data.campaign.rules.shape === 'scorecard' ? data : { ...data, explanation: null };
  const body = collectResultSync(render(html`<lb-unit-detail state=${stateId} locale=${opts.locale} .data=${state}></lb-unit-detail>`));
  return documentHtml({
    locale: opts.locale,
    title: `${data.unit.name} — ${pick(data.campaign.title, opts.locale)}`,
    description: `${data.unit.name}: ${t.unit.workingTitle}`,
    body,
    state,
    assets: opts.assets,
    page: 'unit',
  });
}

export function renderAdminPage(opts: PageOptions & { campaignId: string }): string {
  const t = adminMessages(opts.locale);
  const body = collectResultSync(render(html`<lb-admin locale=${opts.locale} campaign-id=${opts.campaignId}></lb-admin>`));
  return documentHtml({ locale: opts.locale, title: t.title, description: t.title, body, state: undefined, assets: opts.assets, page: 'admin', robots: 'noindex, nofollow' });
}

/** The award list as the decision's annex: printable, no script (the page has nothing to hydrate). */
export function renderAwardAnnexPage(data: AnnexData, opts: PageOptions): string {
  const t = annexMessages(opts.locale);
  const body = collectResultSync(render(html`<lb-award-annex locale=${opts.locale} .data=${data}></lb-award-annex>`));
  const title = `${t.annex} — ${t.title} — ${pick(data.campaign.title, opts.locale)}`;
  return documentHtml({ locale: opts.locale, title, description: title, body, state: undefined, assets: {}, page: 'public' });
}

/** The results table an index, scorecard or targets campaign prints (its award annex's counterpart): no script. */
export function renderResultsPage(data: PrintData, opts: PageOptions): string {
  const t = annexMessages(opts.locale);
  const body = collectResultSync(render(html`<lb-results-table locale=${opts.locale} .data=${data}></lb-results-table>`));
  const title = `${t.results.title} — ${pick(data.campaign.title, opts.locale)}`;
  return documentHtml({ locale: opts.locale, title, description: title, body, state: undefined, assets: {}, page: 'public' });
}

export function renderNotFoundPage(opts: PageOptions & { text: string; back: string }): string {
  const t = messages(opts.locale);
  return documentHtml({
    locale: opts.locale,
    title: opts.text,
    description: opts.text,
    body: `<main class="notfound"><h1>${escapeHtml(opts.text)}</h1><p><a href="${escapeHtml(opts.back)}">${escapeHtml(t.home)}</a></p></main>`,
    state: undefined,
    assets: {},
    page: 'public',
  });
}

export { pageSize };
