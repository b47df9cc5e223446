import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { UploadComparison } from '../../contract.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { formatDate, formatDecimal, formatInteger, formatMoney } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';

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
    reverse: { attribute: false },
    locale: {},
  };

  declare comparison: UploadComparison | null;
  /** Group id → its name, for the rows. */
  declare groupNames: Record<string, { vi: string; en: string }>;
  /**
   * Read in reverse, for a retraction: "before" is the retracted snapshot (as of `retracted`), "after"
   * the one that would then stand for its date (as of `after`).
   */
  declare reverse: { retracted: string; after: string } | null;
  declare locale: Locale;

  constructor() {
    super();
    this.comparison = null;
    this.groupNames = {};
    this.reverse = null;
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

  /**
   * One list of changes as a table — unit, before, now — that scrolls sideways in its own box on a
   * phone: its first rows, and how many more there are.
   */
  private changes<R>(id: string, caption: string, total: number, rows: readonly R[], row: (r: R) => TemplateResult, numeric = true) {
    if (total === 0) return nothing;
    const t = adminMessages(this.locale);
    const num = numeric ? 'num' : '';
    return html`<div class="scroll" tabindex="0" role="region" aria-labelledby=${id}>
        <table class=${id}>
          <caption id=${id}>${caption}</caption>
          <thead>
            <tr>
              <th scope="col">${t.unit}</th>
              <th scope="col" class=${num}>${t.before}</th>
              <th scope="col" class=${num}>${t.now}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.slice(0, shownRows).map(row)}
          </tbody>
        </table>
      </div>
      ${this.more(total)}`;
  }

  override render() {
    const c = this.comparison;
    if (!c) return nothing;
    const t = adminMessages(this.locale);
    const n = (x: number) => formatInteger(x, this.locale);
    const group = (id: string) => pick(this.groupNames[id] ?? { vi: id, en: id }, this.locale);
    const rank = (r: number | null) => (r === null ? t.unranked : formatInteger(r, this.locale));
    const prize = (p: { label: { vi: string; en: string }; amount: number } | null) => (p ? `${pick(p.label, this.locale)} · ${formatMoney(p.amount, this.locale)}` : t.noPrize);
    const figure = (v: number | string | null) => (v === null ? '—' : typeof v === 'number' ? formatInteger(v, this.locale) : v === 'x' ? 'x' : formatDecimal(v, this.locale));
    const kind = (before: unknown, now: unknown) => (before === null ? t.gained : now === null ? t.lost : t.changedPrize);
    return html`<div class="comparison">
      <h3>${this.reverse ? t.retractionTitle : t.comparisonTitle}</h3>
      <p>
        ${this.reverse
          ? t.retractionAgainst(formatDate(this.reverse.retracted, this.locale), formatDate(this.reverse.after, this.locale))
          : c.against
            ? t.against(formatDate(c.against.asOf, this.locale))
            : t.nothingPublished}
      </p>
      ${c.against && c.rankMoves.length === 0 && c.prizeChanges.length === 0 ? html`<p class="no-change">${t.noChange}</p>` : nothing}
      ${this.changes(
        'input-changes',
        t.inputChangesTitle(n(c.inputChangeCount)),
        c.inputChangeCount,
        c.inputChanges,
        (x) => html`<tr data-unit-id=${x.unitId} data-input=${x.input}>
          <th scope="row">${x.unitName}<span class="about">${pick(x.label, this.locale)}</span></th>
          <td class="num">${figure(x.before)}</td>
          <td class="num">${figure(x.now)}</td>
        </tr>`,
      )}
      ${this.changes(
        'prize-changes',
        t.prizeChangesTitle(n(c.prizeChanges.length)),
        c.prizeChanges.length,
        c.prizeChanges,
        (p) => html`<tr data-unit-id=${p.unitId}>
          <th scope="row">${p.unitName}<span class="about"><span class="kind">${kind(p.before, p.now)}</span> · ${group(p.groupId)}</span></th>
          <td>${prize(p.before)}</td>
          <td>${prize(p.now)}</td>
        </tr>`,
        false,
      )}
      ${c.totalAwardedBefore !== null && c.totalAwardedBefore !== c.totalAwardedNow
        ? html`<p class="total-awarded">${t.totalAwarded(formatMoney(c.totalAwardedBefore, this.locale), formatMoney(c.totalAwardedNow, this.locale))}</p>`
        : nothing}
      ${this.changes(
        'rank-moves',
        t.rankMovesTitle(n(c.rankMoves.length)),
        c.rankMoves.length,
        c.rankMoves,
        (m) => html`<tr data-unit-id=${m.unitId}>
          <th scope="row">${m.unitName}<span class="about">${group(m.groupId)}</span></th>
          <td class="num">${rank(m.before)}</td>
          <td class="num">${rank(m.now)}</td>
        </tr>`,
      )}
    </div>`;
  }
}

if (!customElements.get('lb-upload-comparison')) customElements.define('lb-upload-comparison', LbUploadComparison);

declare global {
  interface HTMLElementTagNameMap {
    'lb-upload-comparison': LbUploadComparison;
  }
}
