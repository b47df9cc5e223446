import { css, html, nothing, type TemplateResult } from 'lit';
import type { Evaluation } from '@thidua/scoring';
import type { CampaignInfo, Finalisation, PublicationStatus, SnapshotMeta } from '../../contract.js';
import { pageUrl } from '../api.js';
import { formatDate, formatMoment } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { annexMessages } from './annex-messages.js';

/** What a printed document of a campaign shows: one published evaluation, its status and decision. */
export interface PrintData {
  campaign: CampaignInfo;
  status: PublicationStatus;
  snapshot: SnapshotMeta | null;
  evaluation: Evaluation | null;
  finalisation: Finalisation | null;
  /** When the page was made: printed at the bottom. */
  printedAt: string;
}

/**
 * The frame every printed document of a campaign shares, as a Vietnamese administrative document
 * lays it out: the issuing body and the national motto, the title, "Kèm theo Quyết định số … ngày …"
 * once final, the as-of date, the signature block of the decision's signer, and the print date with
 * the figures' provenance. The award annex and the results table each fill the middle.
 */
export const documentStyles = css`
  :host {
    display: block;
    max-width: 50rem;
    margin: 0 auto;
    padding: 1rem;
    color: #000;
    font-family: 'Times New Roman', 'Noto Serif', serif;
    font-size: 13pt;
    line-height: 1.35;
  }
  .doc-head {
    display: grid;
    grid-template-columns: 1fr 1.3fr;
    gap: 1rem;
    text-align: center;
    font-weight: bold;
  }
  .doc-head p {
    margin: 0;
  }
  .doc-head .motto-2 {
    text-decoration: underline;
  }
  h1 {
    text-align: center;
    font-size: 14pt;
    margin: 1.25rem 0 0.25rem;
  }
  .subtitle,
  .attached,
  .as-of {
    text-align: center;
    margin: 0.15rem 0;
  }
  .attached {
    font-style: italic;
  }
  .warning {
    border: 2px solid #c00000;
    color: #c00000;
    font-weight: bold;
    text-align: center;
    padding: 0.3rem;
    margin: 0.75rem 0;
  }
  section.group {
    margin-top: 1.25rem;
    break-inside: avoid;
  }
  section.group + section.group {
    break-before: page;
  }
  h2 {
    font-size: 13pt;
    margin: 0 0 0.4rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    border: 1px solid #000;
    padding: 0.2rem 0.35rem;
    vertical-align: top;
  }
  th {
    text-align: center;
  }
  td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  tr.subtotal td {
    font-weight: bold;
  }
  .notes {
    margin: 0.4rem 0 0;
    padding-left: 1.2rem;
    font-style: italic;
  }
  .closing {
    break-inside: avoid;
    margin-top: 1.5rem;
  }
  .grand-total {
    font-weight: bold;
  }
  .signatures {
    display: grid;
    grid-template-columns: 1fr 1fr;
    text-align: center;
    margin-top: 1rem;
  }
  .signatures .title {
    font-weight: bold;
    text-transform: uppercase;
    margin: 0;
  }
  .signatures .name {
    font-weight: bold;
    margin-top: 4.5rem;
  }
  footer {
    margin-top: 2rem;
    font-size: 10pt;
    color: #333;
    word-break: break-all;
  }
  .screen-only {
    font-family: system-ui, sans-serif;
    font-size: 0.95rem;
    color: #333;
  }
  @media print {
    :host {
      padding: 0;
      max-width: none;
    }
    .screen-only {
      display: none;
    }
  }
  @media (max-width: 480px) {
    :host {
      font-size: 11pt;
      padding: 0.5rem;
    }
    .doc-head {
      grid-template-columns: 1fr;
    }
    .scroll {
      overflow-x: auto;
    }
  }
`;

/** The decision a final result rests on; null while provisional. */
export function decisionOf(d: PrintData) {
  return d.status === 'final' ? (d.finalisation?.decision ?? null) : null;
}

/** The way back and how to print: on screen only, before the document (a navigation landmark). */
export function documentNav(d: PrintData, locale: Locale, printHint: string): TemplateResult {
  const t = annexMessages(locale);
  return html`<nav class="screen-only" aria-label=${t.nav}><p><a href=${pageUrl(d.campaign.id)}>${t.back}</a> · ${printHint}</p></nav>`;
}

/**
 * The top of the document (inside its main landmark): the issuing body and the motto, a
 * provisional or sample warning, the title lines, the decision it is attached to, the as-of date.
 */
export function documentHead(d: PrintData, locale: Locale, title: readonly string[]): TemplateResult {
  const t = annexMessages(locale);
  const decision = decisionOf(d);
  return html`<div class="doc-head">
      <div><p>${pick(d.campaign.authority, locale).toUpperCase()}</p></div>
      <div>
        <p>${t.motto[0]}</p>
        <p class="motto-2">${t.motto[1]}</p>
      </div>
    </div>
    ${d.status === 'provisional' ? html`<p class="warning provisional">${t.provisional}</p>` : nothing}
    ${d.campaign.sample ? html`<p class="warning sample">${t.sample}</p>` : nothing}
    <h1>${title.map((line, i) => html`${i > 0 ? html`<br />` : nothing}${line}`)}</h1>
    <p class="subtitle">${pick(d.campaign.title, locale)}</p>
    ${d.status === 'final'
      ? html`<p class="attached">${decision ? t.attached(decision.kind, decision.number, formatDate(decision.date, locale), decision.signerTitle) : t.noDecision}</p>`
      : nothing}
    ${d.snapshot ? html`<p class="as-of">${t.asOf(formatDate(d.snapshot.asOf, locale))}</p>` : html`<p>${t.noData}</p>`}`;
}

/** Who prepared the document, and the decision's signer (its title, and name once final). */
export function signatureBlock(d: PrintData, locale: Locale): TemplateResult {
  const t = annexMessages(locale);
  const decision = decisionOf(d);
  return html`<div class="signatures">
    <div><p class="title">${t.preparedBy}</p></div>
    <div>
      <p class="title">${decision ? decision.signerTitle : t.signerFallback}</p>
      <p class="name">${decision ? decision.signerName : ''}</p>
    </div>
  </div>`;
}

/** When it was printed, and the rule set and statistics file the figures come from. */
export function documentFooter(d: PrintData, locale: Locale): TemplateResult {
  const t = annexMessages(locale);
  return html`<footer>
    <p>${t.printed(formatMoment(d.printedAt, locale, d.campaign.period.timeZone))}</p>
    ${d.snapshot ? html`<p>${t.provenance(d.campaign.ruleSetId, d.snapshot.sha256)}</p>` : nothing}
  </footer>`;
}
