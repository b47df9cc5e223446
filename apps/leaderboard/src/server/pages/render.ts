/**
 * Server rendering of the pages: the same Lit elements the browser runs, rendered to HTML by
 * @lit-labs/ssr (declarative shadow DOM), so the rankings are readable with JavaScript off and the
 * elements hydrate in place when their script loads. Pure functions: data in, HTML out.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import type { LeaderboardResponse, UnitResponse } from '../../web/api.js';
import { formatDate } from '../../web/format.js';
import { type Locale, messages, pick } from '../../web/i18n.js';
import '../../web/lb-leaderboard.js';
import '../../web/lb-unit-detail.js';
import '../../web/lb-admin.js';
import type { AssetManifest, PageName } from './assets.js';

export interface PageOptions {
  locale: Locale;
  assets: AssetManifest;
}

const stateId = 'lb-state';

const pageCss = `
  html { -webkit-text-size-adjust: 100%; }
  body { margin: 0; background: #fff; color: #1b1f24;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; }
  .notfound { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  noscript p { max-width: 76rem; margin: 0.5rem auto; padding: 0 1rem; color: #4a5360; }
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

export interface LeaderboardPageOptions extends PageOptions {
  /** The selected group tab (or the embedded group). */
  group: string;
  embed: boolean;
}

/**
 * The public page never shows breakdowns or gaps (the unit page does): the embedded state leaves
 * them out, which halves the HTML. Everything the page renders stays identical.
 */
function leaderboardState(data: LeaderboardResponse): LeaderboardResponse {
  if (!data.evaluation) return data;
  return {
    ...data,
    evaluation: { ...data.evaluation, units: data.evaluation.units.map((u) => ({ ...u, breakdown: [], gaps: null })) },
  };
}

export function renderLeaderboardPage(data: LeaderboardResponse, opts: LeaderboardPageOptions): string {
  const t = messages(opts.locale);
  const body = collectResultSync(
    render(
      html`<lb-leaderboard
        state=${stateId}
        locale=${opts.locale}
        group=${opts.group}
        ?embed=${opts.embed}
        .data=${data}
      ></lb-leaderboard>`,
    ),
  );
  const asOf = data.snapshot ? ` — ${t.asOf(formatDate(data.snapshot.asOf, opts.locale))}` : '';
  return documentHtml({
    locale: opts.locale,
    title: `${pick(data.campaign.title, opts.locale)}${asOf}`,
    description: `${pick(data.campaign.title, opts.locale)}${asOf} (${t.status[data.status]})`,
    body,
    state: leaderboardState(data),
    assets: opts.assets,
    page: 'public',
  });
}

export function renderUnitPage(data: UnitResponse, opts: PageOptions): string {
  const t = messages(opts.locale);
  const body = collectResultSync(
    render(html`<lb-unit-detail state=${stateId} locale=${opts.locale} .data=${data}></lb-unit-detail>`),
  );
  return documentHtml({
    locale: opts.locale,
    title: `${data.unit.name} — ${pick(data.campaign.title, opts.locale)}`,
    description: `${data.unit.name}: ${t.unit.breakdownTitle}`,
    body,
    state: data,
    assets: opts.assets,
    page: 'unit',
  });
}

export function renderAdminPage(opts: PageOptions & { campaignTitle: string }): string {
  const t = messages(opts.locale);
  const body = collectResultSync(render(html`<lb-admin locale=${opts.locale}></lb-admin>`));
  return documentHtml({
    locale: opts.locale,
    title: `${t.admin.title} — ${opts.campaignTitle}`,
    description: t.admin.title,
    body,
    state: undefined,
    assets: opts.assets,
    page: 'admin',
    robots: 'noindex, nofollow',
  });
}

export function renderNotFoundPage(opts: PageOptions): string {
  const t = messages(opts.locale);
  return documentHtml({
    locale: opts.locale,
    title: t.unit.notFound,
    description: t.unit.notFound,
    body: `<main class="notfound"><h1>${escapeHtml(t.unit.notFound)}</h1><p><a href="/">${escapeHtml(t.unit.back)}</a></p></main>`,
    state: undefined,
    assets: {},
    page: 'public',
  });
}
