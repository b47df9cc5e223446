import { LitElement, css, html, nothing } from 'lit';
import type { UploadComparison } from '../contract.js';
import { adminMessages } from './admin/admin-messages.js';
import { adminStyles } from './admin/admin-styles.js';
import { formatDate, formatDecimal, formatInteger, formatMoney } from './format.js';
import { type Locale, pick } from './i18n.js';
import { sharedStyles } from './styles.js';

/** Rows shown of each list before "… and N more". */
const shownRows = 50;

/**
 * What an upload changes against the published figures, as the server compared them: the figures
 * that changed (before → now, so the clerk sees the right cell was edited), the units whose rank
 * moves, those that gain, lose or change a prize (with the amounts), and the total of prizes before
 * and after. Nothing is computed here.
 */
export class LbUploadComparison extends LitElement {
  static override properties = {
    comparison: { attribute: false },
    groupNames: { attribute: false },
    locale: {},
  };

  declare comparison: UploadComparison | null;
  /** Group id → its name, for the rows. */
  declare groupNames: Record<string, { vi: string; en: string }>;
  declare locale: Locale;

  constructor() {
    super();
    this.comparison = null;
    this.groupNames = {};
    this.locale = 'vi';
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      /* What kind of change, and the group, under the unit's name: three columns fit a phone. */
      .about {
        display: block;
        font-weight: normal;
        font-size: 0.85rem;
        color: var(--lb-muted);
      }
      .about .kind {
        font-weight: 600;
        color: inherit;
      }
    `,
  ];

  private more(total: number) {
    return total > shownRows ? html`<p class="hint">${adminMessages(this.locale).moreRows(formatInteger(total - shownRows, this.locale))}</p>` : nothing;
  }

  override render() {
    const c = this.comparison;
    if (!c) return nothing;
    const t = adminMessages(this.locale);
    const group = (id: string) => pick(this.groupNames[id] ?? { vi: id, en: id }, this.locale);
    const rank = (r: number | null) => (r === null ? t.unranked : formatInteger(r, this.locale));
    const prize = (p: { label: { vi: string; en: string }; amount: number } | null) => (p ? `${pick(p.label, this.locale)} · ${formatMoney(p.amount, this.locale)}` : t.noPrize);
    const figure = (v: number | string | null) => (v === null ? '—' : typeof v === 'number' ? formatInteger(v, this.locale) : v === 'x' ? 'x' : formatDecimal(v, this.locale));
    const kind = (before: unknown, now: unknown) => (before === null ? t.gained : now === null ? t.lost : t.changedPrize);
    return html`<div class="comparison">
      <h3>${t.comparisonTitle}</h3>
      <p>${c.against ? t.against(formatDate(c.against.asOf, this.locale)) : t.nothingPublished}</p>
      ${c.against && c.rankMoves.length === 0 && c.prizeChanges.length === 0 ? html`<p class="no-change">${t.noChange}</p>` : nothing}
      ${c.inputChangeCount > 0
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="input-changes">
            <table class="input-changes">
              <caption id="input-changes">${t.inputChangesTitle(formatInteger(c.inputChangeCount, this.locale))}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.unit}</th>
                  <th scope="col" class="num">${t.before}</th>
                  <th scope="col" class="num">${t.now}</th>
                </tr>
              </thead>
              <tbody>
                ${c.inputChanges.slice(0, shownRows).map(
                  (x) => html`<tr data-unit-id=${x.unitId} data-input=${x.input}>
                    <th scope="row">${x.unitName}<span class="about">${pick(x.label, this.locale)}</span></th>
                    <td class="num">${figure(x.before)}</td>
                    <td class="num">${figure(x.now)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${this.more(c.inputChangeCount)}`
        : nothing}
      ${c.prizeChanges.length > 0
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="prize-changes">
            <table class="prize-changes">
              <caption id="prize-changes">${t.prizeChangesTitle(formatInteger(c.prizeChanges.length, this.locale))}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.unit}</th>
                  <th scope="col">${t.before}</th>
                  <th scope="col">${t.now}</th>
                </tr>
              </thead>
              <tbody>
                ${c.prizeChanges.slice(0, shownRows).map(
                  (p) => html`<tr data-unit-id=${p.unitId}>
                    <th scope="row">${p.unitName}<span class="about"><span class="kind">${kind(p.before, p.now)}</span> · ${group(p.groupId)}</span></th>
                    <td>${prize(p.before)}</td>
                    <td>${prize(p.now)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${this.more(c.prizeChanges.length)}`
        : nothing}
      ${c.totalAwardedBefore !== null && c.totalAwardedBefore !== c.totalAwardedNow
        ? html`<p class="total-awarded">${t.totalAwarded(formatMoney(c.totalAwardedBefore, this.locale), formatMoney(c.totalAwardedNow, this.locale))}</p>`
        : nothing}
      ${c.rankMoves.length > 0
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="rank-moves">
            <table class="rank-moves">
              <caption id="rank-moves">${t.rankMovesTitle(formatInteger(c.rankMoves.length, this.locale))}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.unit}</th>
                  <th scope="col" class="num">${t.before}</th>
                  <th scope="col" class="num">${t.now}</th>
                </tr>
              </thead>
              <tbody>
                ${c.rankMoves.slice(0, shownRows).map(
                  (m) => html`<tr data-unit-id=${m.unitId}>
                    <th scope="row">${m.unitName}<span class="about">${group(m.groupId)}</span></th>
                    <td class="num">${rank(m.before)}</td>
                    <td class="num">${rank(m.now)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${this.more(c.rankMoves.length)}`
        : nothing}
    </div>`;
  }
}

if (!customElements.get('lb-upload-comparison')) customElements.define('lb-upload-comparison', LbUploadComparison);

declare global {
  interface HTMLElementTagNameMap {
    'lb-upload-comparison': LbUploadComparison;
  }
}
