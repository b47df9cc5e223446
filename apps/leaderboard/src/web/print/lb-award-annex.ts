import { LitElement, html, nothing } from 'lit';
import { annexMessages } from './annex-messages.js';
import { documentFooter, documentHead, documentNav, documentStyles, signatureBlock, type PrintData } from './document-frame.js';
import { formatDecimal, formatInteger, formatMoney } from '../format.js';
import { type Locale, pick } from '../i18n.js';

/** What the printable award list shows: one published evaluation, its status and decision. */
export type AnnexData = PrintData;

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

  static override styles = documentStyles;

  override render() {
    const d = this.data;
    const t = annexMessages(this.locale);
    if (!d) return nothing;
    const { campaign, evaluation } = d;
    const scoreOf = new Map((evaluation?.units ?? []).map((u) => [u.unitId, u.score]));
    const prizeName = (groupId: string, prizeId: string) => {
      const g = campaign.rules.groups.find((x) => x.id === groupId);
      const p = g?.prizes.find((x) => x.id === prizeId);
      return p ? pick(p.label, this.locale) : prizeId;
    };
    // Landmarks: a navigation line for the screen, the annex as the page's main content, its footer.
    return html`${documentNav(d, this.locale, t.printHint)}
      <main>
      ${documentHead(d, this.locale, [t.annex, t.title])}
      ${(evaluation?.groups ?? []).map((g, gi) => {
        const vacant = new Map<string, number>();
        for (const id of g.vacantPrizes) vacant.set(id, (vacant.get(id) ?? 0) + 1);
        return html`<section class="group" data-group=${g.id}>
          <h2>${gi + 1}. ${pick(g.name, this.locale)}</h2>
          <div class="scroll" tabindex="0" role="region" aria-label=${pick(g.name, this.locale)}>
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
        ${signatureBlock(d, this.locale)}
      </div>
      </main>
      ${documentFooter(d, this.locale)}`;
  }
}

if (!customElements.get('lb-award-annex')) customElements.define('lb-award-annex', LbAwardAnnex);

declare global {
  interface HTMLElementTagNameMap {
    'lb-award-annex': LbAwardAnnex;
  }
}
