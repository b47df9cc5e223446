import { LitElement, css, html, nothing } from 'lit';
import type { CampaignInfo, Finalisation, PublicationStatus, SnapshotMeta } from '../../contract.js';
import type { Evaluation } from '@thidua/scoring';
import { annexMessages } from './annex-messages.js';
import { pageUrl } from '../api.js';
import { formatDate, formatDecimal, formatInteger, formatMoment, formatMoney } from '../format.js';
import { type Locale, pick } from '../i18n.js';

/** What the printable award list shows: one published evaluation, its status and decision. */
export interface AnnexData {
  campaign: CampaignInfo;
  status: PublicationStatus;
  snapshot: SnapshotMeta | null;
  evaluation: Evaluation | null;
  finalisation: Finalisation | null;
  /** When the page was made: printed at the bottom. */
  printedAt: string;
}

/**
 * The award list as the decision's annex (phụ lục quyết định), for printing and signing: the
 * national motto and the issuing body, "Kèm theo Quyết định số … ngày …", one page per group where
 * it fits (its prizes, amounts and subtotal, its vacant and undecided prizes), the grand total, the
 * signature block of the decision's signer, and the print date. Provisional results say so across
 * the top. Rendered on the server; it needs no script.
 */
export class LbAwardAnnex extends LitElement {
  static override properties = {
    data: { attribute: false },
    locale: {},
  };

  declare data: AnnexData | undefined;
  declare locale: Locale;

  constructor() {
    super();
    this.data = undefined;
    this.locale = 'vi';
  }

  static override styles = css`
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

  override render() {
    const d = this.data;
    const t = annexMessages(this.locale);
    if (!d) return nothing;
    const { campaign, evaluation } = d;
    const decision = d.status === 'final' ? (d.finalisation?.decision ?? null) : null;
    const zone = campaign.period.timeZone;
    const scoreOf = new Map((evaluation?.units ?? []).map((u) => [u.unitId, u.score]));
    const prizeName = (groupId: string, prizeId: string) => {
      const g = campaign.rules.groups.find((x) => x.id === groupId);
      const p = g?.prizes.find((x) => x.id === prizeId);
      return p ? pick(p.label, this.locale) : prizeId;
    };
    // Landmarks: a navigation line for the screen, the annex as the page's main content, its footer.
    return html`<nav class="screen-only" aria-label=${t.nav}><p><a href=${pageUrl(campaign.id)}>${t.back}</a> · ${t.printHint}</p></nav>
      <main>
      <div class="doc-head">
        <div><p>${pick(campaign.authority, this.locale).toUpperCase()}</p></div>
        <div>
          <p>${t.motto[0]}</p>
          <p class="motto-2">${t.motto[1]}</p>
        </div>
      </div>
      ${d.status === 'provisional' ? html`<p class="warning provisional">${t.provisional}</p>` : nothing}
      ${campaign.sample ? html`<p class="warning sample">${t.sample}</p>` : nothing}
      <h1>${t.annex}<br />${t.title}</h1>
      <p class="subtitle">${pick(campaign.title, this.locale)}</p>
      ${d.status === 'final'
        ? html`<p class="attached">${decision ? t.attached(decision.kind, decision.number, formatDate(decision.date, this.locale), decision.signerTitle) : t.noDecision}</p>`
        : nothing}
      ${d.snapshot ? html`<p class="as-of">${t.asOf(formatDate(d.snapshot.asOf, this.locale))}</p>` : html`<p>${t.noData}</p>`}
      ${(evaluation?.groups ?? []).map((g, gi) => {
        const vacant = new Map<string, number>();
        for (const id of g.vacantPrizes) vacant.set(id, (vacant.get(id) ?? 0) + 1);
        return html`<section class="group" data-group=${g.id}>
          <h2>${gi + 1}. ${pick(g.name, this.locale)}</h2>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t.columns.no}</th>
                  <th scope="col">${t.columns.unit}</th>
                  <th scope="col">${t.columns.prize}</th>
                  <th scope="col">${t.columns.score}</th>
                  <th scope="col">${t.columns.amount}</th>
                </tr>
              </thead>
              <tbody>
                ${g.prizes.length === 0 ? html`<tr><td colspan="5">${t.none}</td></tr>` : nothing}
                ${g.prizes.map(
                  (p, i) => html`<tr data-unit-id=${p.unitId}>
                    <td class="num">${formatInteger(i + 1, this.locale)}</td>
                    <td>${p.unitName}</td>
                    <td>${pick(p.label, this.locale)}</td>
                    <td class="num">${scoreOf.get(p.unitId) ? formatDecimal(scoreOf.get(p.unitId) as string, this.locale) : ''}</td>
                    <td class="num">${formatMoney(p.amount, this.locale)}</td>
                  </tr>`,
                )}
                <tr class="subtotal">
                  <td colspan="4">${t.subtotal}</td>
                  <td class="num">${formatMoney(g.totalAwarded, this.locale)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          ${vacant.size + g.undecided.length > 0
            ? html`<ul class="notes">
                ${[...vacant].map(([id, n]) => html`<li>${t.vacant(n, prizeName(g.id, id))}</li>`)}
                ${g.undecided.map((u) => html`<li>${t.undecided(pick(u.message, this.locale))}</li>`)}
              </ul>`
            : nothing}
        </section>`;
      })}
      <div class="closing">
        ${evaluation ? html`<p class="grand-total">${t.grandTotal}: ${formatMoney(evaluation.totalAwarded, this.locale)}</p>` : nothing}
        <div class="signatures">
          <div><p class="title">${t.preparedBy}</p></div>
          <div>
            <p class="title">${decision ? decision.signerTitle : t.signerFallback}</p>
            <p class="name">${decision ? decision.signerName : ''}</p>
          </div>
        </div>
      </div>
      </main>
      <footer>
        <p>${t.printed(formatMoment(d.printedAt, this.locale, zone))}</p>
        ${d.snapshot ? html`<p>${t.provenance(campaign.ruleSetId, d.snapshot.sha256)}</p>` : nothing}
      </footer>`;
  }
}

if (!customElements.get('lb-award-annex')) customElements.define('lb-award-annex', LbAwardAnnex);

declare global {
  interface HTMLElementTagNameMap {
    'lb-award-annex': LbAwardAnnex;
  }
}
