import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import type { GroupResult, UnitResult } from '@thidua/scoring';
import type { CampaignGroup, RankChange } from './api.js';
import { collator, formatDecimal, formatFloor, formatInteger, formatMoney, formatPercent, searchKey } from './format.js';
import { type Locale, messages, pick } from './i18n.js';
import { sharedStyles } from './styles.js';

type SortKey = 'rank' | 'unit' | 'onlineShare' | 'onTime' | 'late' | 'coefficient' | 'score';
type SortDirection = 'ascending' | 'descending';

/** Numbers only for ordering rows; every figure shown is the server's own string. */
function sortValue(unit: UnitResult, key: SortKey): number {
  const m = unit.metrics;
  const raw =
    key === 'onlineShare'
      ? m.onlineSharePercent
      : key === 'onTime'
        ? m.onTimeOnlinePercent
        : key === 'late'
          ? m.latePercent
          : key === 'coefficient'
            ? m.coefficient
            : key === 'score'
              ? unit.score
              : null;
  if (key === 'rank') return unit.rank ?? Number.POSITIVE_INFINITY;
  return raw === null ? Number.NEGATIVE_INFINITY : Number(raw);
}

/**
 * One competition group: its ranking table (sortable, searchable), its ineligible units with the
 * reason in words, and its award list with vacant and undecided prizes said plainly.
 */
export class LbRankingTable extends LitElement {
  static override properties = {
    group: { attribute: false },
    result: { attribute: false },
    units: { attribute: false },
    rankChanges: { attribute: false },
    hasPrevious: { attribute: false },
    locale: {},
    compact: { type: Boolean },
    sortKey: { state: true },
    sortDirection: { state: true },
    query: { state: true },
  };

  declare group: CampaignGroup | undefined;
  declare result: GroupResult | undefined;
  declare units: UnitResult[];
  declare rankChanges: Record<string, RankChange>;
  declare hasPrevious: boolean;
  declare locale: Locale;
  declare compact: boolean;
  declare sortKey: SortKey;
  declare sortDirection: SortDirection;
  declare query: string;

  constructor() {
    super();
    this.group = undefined;
    this.result = undefined;
    this.units = [];
    this.rankChanges = {};
    this.hasPrevious = false;
    this.locale = 'vi';
    this.compact = false;
    this.sortKey = 'rank';
    this.sortDirection = 'ascending';
    this.query = '';
  }

  static override styles = [
    sharedStyles,
    css`
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin: 0.75rem 0;
      }
      .tools input {
        font: inherit;
        padding: 0.35rem 0.5rem;
        border: 1px solid #6b7580;
        border-radius: 6px;
        min-width: 12rem;
        max-width: 100%;
      }
      th button {
        border: 0;
        background: none;
        padding: 0;
        color: inherit;
        font-weight: 600;
        text-align: inherit;
        cursor: pointer;
      }
      th button .arrow {
        color: var(--lb-muted);
      }
      .floor {
        display: block;
        font-weight: 400;
        color: var(--lb-muted);
        font-size: 0.8rem;
      }
      tbody tr:nth-child(even) {
        background: var(--lb-stripe);
      }
      tr.prize td {
        font-weight: 600;
      }
      table.ranking th[scope='row'],
      table.ineligible th[scope='row'] {
        min-width: 9rem;
      }
      td.prize-cell {
        white-space: nowrap;
      }
      td.reason {
        min-width: 12rem;
      }
      td.rank .rank-number {
        font-weight: 700;
        font-size: 1.05rem;
      }
      td.rank .change {
        display: block;
        font-size: 0.85rem;
        font-weight: 600;
      }
      /* On a phone the table scrolls sideways; rank and unit stay in view. */
      @media (max-width: 640px) {
        table.ranking td.rank,
        table.ranking thead th:first-child {
          position: sticky;
          left: 0;
          z-index: 1;
          width: 3.5rem;
          min-width: 3.5rem;
          max-width: 3.5rem;
          padding-left: 0.3rem;
          padding-right: 0.3rem;
          text-align: left;
          white-space: normal;
        }
        table.ranking th[scope='row'],
        table.ranking thead th:nth-child(2) {
          position: sticky;
          left: 3.5rem;
          z-index: 1;
          min-width: 7.5rem;
          box-shadow: 2px 0 0 var(--lb-border);
        }
        table.ranking tbody tr td.rank,
        table.ranking tbody tr th[scope='row'] {
          background: #fff;
        }
        table.ranking tbody tr:nth-child(even) td.rank,
        table.ranking tbody tr:nth-child(even) th[scope='row'] {
          background: var(--lb-stripe);
        }
      }
      .up {
        color: var(--lb-up);
      }
      .down {
        color: var(--lb-down);
      }
      .same,
      .new {
        color: var(--lb-muted);
      }
      .share {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        gap: 2px;
      }
      .share svg {
        width: 5.5rem;
        height: 0.5rem;
      }
      .amount {
        display: block;
        white-space: nowrap;
        color: var(--lb-muted);
        font-weight: 400;
      }
      .undecided {
        color: var(--lb-warn-text);
        background: var(--lb-warn-bg);
        padding: 0 0.25rem;
        border-radius: 4px;
      }
      h3 {
        font-size: 1.05rem;
        margin: 1.5rem 0 0.25rem;
      }
      .empty {
        color: var(--lb-muted);
      }
      tfoot td {
        font-weight: 700;
      }
      @media (max-width: 480px) {
        th,
        td {
          padding: 0.35rem 0.3rem;
          font-size: 0.875rem;
        }
      }
      /* On paper: the award list the committee signs, nothing to scroll or click. */
      @media print {
        .tools,
        .ranking-block,
        .ineligible-block {
          display: none !important;
        }
        .scroll {
          overflow: visible;
        }
        .awards {
          break-inside: avoid;
        }
        thead {
          display: table-header-group;
        }
        tr {
          break-inside: avoid;
        }
      }
    `,
  ];

  private get t() {
    return messages(this.locale);
  }

  private matchesQuery(unit: UnitResult): boolean {
    const q = searchKey(this.query);
    return q === '' || searchKey(unit.unitName).includes(q);
  }

  private rankedUnits(): UnitResult[] {
    const byId = new Map(this.units.map((u) => [u.unitId, u]));
    const ranked = (this.result?.ranking ?? [])
      .map((entry) => byId.get(entry.unitId))
      .filter((u): u is UnitResult => u !== undefined);
    if (this.sortKey === 'rank' && this.sortDirection === 'ascending') return ranked;
    const sign = this.sortDirection === 'ascending' ? 1 : -1;
    const names = collator(this.locale);
    return [...ranked].sort((a, b) => {
      const primary =
        this.sortKey === 'unit' ? names.compare(a.unitName, b.unitName) : sortValue(a, this.sortKey) - sortValue(b, this.sortKey);
      return primary !== 0 ? sign * primary : (a.rank ?? 0) - (b.rank ?? 0);
    });
  }

  private ineligibleUnits(): UnitResult[] {
    const names = collator(this.locale);
    return this.units.filter((u) => !u.eligible).sort((a, b) => names.compare(a.unitName, b.unitName));
  }

  private sortBy(key: SortKey) {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortKey = key;
      // Names read A→Z; figures read best first (the highest share, score…), ranks from 1.
      this.sortDirection = key === 'unit' || key === 'rank' || key === 'late' ? 'ascending' : 'descending';
    }
  }

  private header(key: SortKey, label: string | TemplateResult, extra?: TemplateResult, numeric = true) {
    const active = this.sortKey === key;
    const arrow = active ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕';
    return html`<th
      scope="col"
      class=${numeric ? 'num' : ''}
      aria-sort=${active ? this.sortDirection : 'none'}
    >
      <button type="button" @click=${() => this.sortBy(key)}>
        ${label}<span class="arrow" aria-hidden="true"> ${arrow}</span>${extra ?? nothing}
      </button>
    </th>`;
  }

  /** Rank change since the previous snapshot: an arrow and a number, and words for screen readers. */
  private change(unit: UnitResult) {
    const t = this.t;
    const change = this.rankChanges[unit.unitId];
    if (!change || !this.hasPrevious) return nothing;
    if (change.change === null || change.previousRank === null) {
      return html`<span class="change new">${t.rankNew}</span>`;
    }
    const n = formatInteger(Math.abs(change.change), this.locale);
    if (change.change > 0) {
      return html`<span class="change up"><span aria-hidden="true">▲ ${n}</span><span class="sr-only">${t.rankUp(n)}</span></span>`;
    }
    if (change.change < 0) {
      return html`<span class="change down"><span aria-hidden="true">▼ ${n}</span><span class="sr-only">${t.rankDown(n)}</span></span>`;
    }
    return html`<span class="change same"><span aria-hidden="true">=</span><span class="sr-only">${t.rankSame}</span></span>`;
  }

  private shareCell(unit: UnitResult) {
    const share = unit.metrics.onlineSharePercent;
    if (share === null) return html`<td class="num">—</td>`;
    const floor = Number(this.group?.minOnlineSharePercent ?? 0);
    const width = Math.max(0, Math.min(100, Number(share)));
    const below = Number(share) < floor;
    return html`<td class="num">
      <span class="share">
        <span>${formatPercent(share, this.locale)}${below ? html` <span class="down">(${this.t.belowFloor})</span>` : nothing}</span>
        <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          ${svg`<rect x="0" y="1" width="100" height="6" fill="#dfe5ec"></rect>
          <rect x="0" y="1" width=${width} height="6" fill=${below ? '#b3261e' : '#0b57a4'}></rect>
          <rect x=${Math.max(0, floor - 0.75)} y="0" width="1.5" height="8" fill="#1b1f24"></rect>`}
        </svg>
      </span>
    </td>`;
  }

  private prizeCell(unit: UnitResult) {
    const t = this.t;
    if (unit.prize) {
      return html`<td class="prize-cell">${pick(unit.prize.label, this.locale)}<span class="amount">${formatMoney(unit.prize.amount, this.locale)}</span></td>`;
    }
    if (unit.undecidedPrizeIds.length > 0) {
      const labels = unit.undecidedPrizeIds.map((id) => this.prizeLabel(id)).join(', ');
      return html`<td class="prize-cell"><span class="undecided">${t.undecided}</span><span class="amount">${t.tiedFor(labels)}</span></td>`;
    }
    return html`<td><span aria-hidden="true">${t.noPrize}</span></td>`;
  }

  private prizeLabel(id: string): string {
    const prize = this.group?.prizes.find((p) => p.id === id);
    return prize ? pick(prize.label, this.locale) : id;
  }

  private unitLink(unit: UnitResult) {
    return html`<a href=${`/units/${encodeURIComponent(unit.unitId)}`} target=${this.compact ? '_top' : nothing}>${unit.unitName}</a>`;
  }

  private rankingTable() {
    const t = this.t;
    const group = this.group;
    const groupName = group ? `${pick(group.shortName, this.locale)} — ${pick(group.name, this.locale)}` : '';
    const rows = this.rankedUnits().filter((u) => this.matchesQuery(u));
    const floor = group ? formatFloor(group.minOnlineSharePercent, this.locale) : '';
    return html`<div class="scroll ranking-block" role="region" aria-label=${t.rankingCaption(groupName)} tabindex="0">
      <table class="ranking" data-group=${group?.id ?? ''}>
        <caption>
          ${t.rankingCaption(groupName)}
        </caption>
        <thead>
          <tr>
            ${this.header('rank', t.col.rank, html`<span class="floor">${t.col.change}</span>`)}
            ${this.header('unit', t.col.unit, undefined, false)}
            ${this.header('onlineShare', t.col.onlineShare, html`<span class="floor">${t.col.floor(floor)}</span>`)}
            ${this.compact ? nothing : this.header('onTime', t.col.onTime)}
            ${this.compact
              ? nothing
              : this.header('late', t.col.late, html`<span class="floor">${t.col.deduction}</span>`)}
            ${this.compact ? nothing : this.header('coefficient', t.col.coefficient)}
            ${this.header('score', t.col.score)}
            <th scope="col">${t.col.prize} <span class="floor">${t.col.amount}</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows.length === 0
            ? html`<tr>
                <td colspan=${this.compact ? 5 : 8} class="empty">${this.query ? t.searchNoMatch : t.noData}</td>
              </tr>`
            : rows.map(
                (u) => html`<tr data-unit-id=${u.unitId} class=${u.prize ? 'prize' : ''}>
                  <td class="num rank">
                    <span class="rank-number">${u.rank === null ? '' : formatInteger(u.rank, this.locale)}</span>${this.change(u)}
                  </td>
                  <th scope="row">${this.unitLink(u)}</th>
                  ${this.shareCell(u)}
                  ${this.compact
                    ? nothing
                    : html`<td class="num">${u.metrics.onTimeOnlinePercent === null ? '—' : formatPercent(u.metrics.onTimeOnlinePercent, this.locale)}</td>
                        <td class="num">
                          ${u.metrics.latePercent === null ? '—' : formatPercent(u.metrics.latePercent, this.locale)}
                          <span class="amount">${u.metrics.deduction === null ? '' : `−${formatDecimal(u.metrics.deduction, this.locale)}`}</span>
                        </td>
                        <td class="num">${formatDecimal(u.metrics.coefficient, this.locale)}</td>`}
                  <td class="num score">${u.score === null ? '—' : formatDecimal(u.score, this.locale)}</td>
                  ${this.prizeCell(u)}
                </tr>`,
              )}
        </tbody>
      </table>
    </div>`;
  }

  private ineligibleTable() {
    const t = this.t;
    const group = this.group;
    const groupName = group ? pick(group.shortName, this.locale) : '';
    const rows = this.ineligibleUnits().filter((u) => this.matchesQuery(u));
    if (this.units.length === 0) return nothing;
    if (this.ineligibleUnits().length === 0) {
      return html`<div class="ineligible-block"><h3>${t.ineligibleTitle}</h3><p class="empty">${t.noIneligible}</p></div>`;
    }
    return html`<div class="ineligible-block">
      <h3>${t.ineligibleTitle}</h3>
      <div class="scroll" role="region" aria-label=${t.ineligibleCaption(groupName)} tabindex="0">
        <table class="ineligible" data-group=${group?.id ?? ''}>
          <caption class="sr-only">
            ${t.ineligibleCaption(groupName)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.col.unit}</th>
              <th scope="col" class="num">${t.col.onlineShare}</th>
              <th scope="col">${t.col.reason}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (u) => html`<tr data-unit-id=${u.unitId}>
                <th scope="row">${this.unitLink(u)}</th>
                <td class="num">${u.metrics.onlineSharePercent === null ? '—' : formatPercent(u.metrics.onlineSharePercent, this.locale)}</td>
                <td class="reason">${u.reasons.map((r) => pick(r.message, this.locale)).join('; ')}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  private awardsTable() {
    const t = this.t;
    const group = this.group;
    const result = this.result;
    if (!group || !result) return nothing;
    const groupName = `${pick(group.shortName, this.locale)} — ${pick(group.name, this.locale)}`;
    const names = new Map(this.units.map((u) => [u.unitId, u.unitName]));
    const rows: TemplateResult[] = [];
    for (const prize of group.prizes) {
      for (const award of result.prizes.filter((a) => a.prizeId === prize.id)) {
        rows.push(html`<tr data-prize=${prize.id} data-unit-id=${award.unitId}>
          <th scope="row">${pick(award.label, this.locale)}</th>
          <td>${award.unitName}</td>
          <td class="num">${formatInteger(award.rank, this.locale)}</td>
          <td class="num">${formatMoney(award.amount, this.locale)}</td>
        </tr>`);
      }
      for (const vacant of result.vacantPrizes.filter((id) => id === prize.id)) {
        rows.push(html`<tr data-prize=${vacant} class="vacant">
          <th scope="row">${pick(prize.label, this.locale)}</th>
          <td><strong>${t.vacant}</strong> — ${t.vacantExplained}</td>
          <td class="num"></td>
          <td class="num">${formatMoney(0, this.locale)}</td>
        </tr>`);
      }
    }
    for (const undecided of result.undecided) {
      const labels = undecided.prizeIds.map((id) => this.prizeLabel(id)).join(', ');
      const units = undecided.unitIds.map((id) => names.get(id) ?? id).join(', ');
      rows.push(html`<tr class="undecided-row" data-prize=${undecided.prizeIds.join(' ')}>
        <th scope="row">${labels}</th>
        <td>
          <strong class="undecided">${t.undecided}</strong> — ${pick(undecided.message, this.locale) || t.undecidedExplained(units)}
        </td>
        <td class="num">${formatInteger(undecided.rank, this.locale)}</td>
        <td class="num">${formatMoney(undecided.amount, this.locale)}</td>
      </tr>`);
    }
    return html`<section class="awards">
      <h3>${t.awardsTitle}</h3>
      <div class="scroll" role="region" aria-label=${t.awardsCaption(groupName)} tabindex="0">
        <table class="awards-table" data-group=${group.id}>
          <caption class="sr-only">
            ${t.awardsCaption(groupName)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.col.prize}</th>
              <th scope="col">${t.col.unit}</th>
              <th scope="col" class="num">${t.col.rank}</th>
              <th scope="col" class="num">${t.col.amount}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="3">${t.totalAwarded}</th>
              <td class="num total">${formatMoney(result.totalAwarded, this.locale)}</td>
            </tr>
            <tr>
              <th scope="row" colspan="3">${t.budget}</th>
              <td class="num">${formatMoney(result.budget, this.locale)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>`;
  }

  override render() {
    const t = this.t;
    const searchId = `search-${this.group?.id ?? 'group'}`;
    return html`<div class="tools no-print">
        <label for=${searchId}>${t.search}</label>
        <input
          id=${searchId}
          type="search"
          autocomplete="off"
          placeholder=${t.searchPlaceholder}
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${this.rankingTable()} ${this.compact ? nothing : this.awardsTable()} ${this.ineligibleTable()}`;
  }
}

if (!customElements.get('lb-ranking-table')) customElements.define('lb-ranking-table', LbRankingTable);

declare global {
  interface HTMLElementTagNameMap {
    'lb-ranking-table': LbRankingTable;
  }
}
