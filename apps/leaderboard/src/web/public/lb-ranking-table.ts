import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { GroupResult, UnitResult } from '@thidua/scoring';
import { type CampaignInfo, type RankChange, unitPageUrl } from '../api.js';
import { collator, formatDecimal, formatInteger, formatMoney } from '../format.js';
import { type Locale, messages, pick } from '../i18n.js';
import { rankingTableStyles } from './ranking-table-styles.js';
import { sharedStyles } from '../styles.js';

type SortDirection = 'ascending' | 'descending';

/** How many rows a table shows before "show more": a national roster is never painted whole. */
export const pageSize = 50;

/** Numbers only for ordering rows; every figure shown is the server's own string. */
function sortValue(unit: UnitResult, key: string): number {
  if (key === 'rank') return unit.rank ?? Number.POSITIVE_INFINITY;
  const raw = key === 'score' ? unit.score : key === 'targets' ? String(Object.values(unit.targets ?? {}).filter(Boolean).length) : (unit.metrics[key.slice(4)] ?? null);
  return raw === null ? Number.NEGATIVE_INFINITY : Number(raw);
}

/**
 * One group of a campaign: its ranking (or, for a rule set of targets, each unit's targets met),
 * with the columns the rule set publishes — rank, unit and score always; the figures on wide
 * screens; the prize, class or targets met; how ties were broken, in words; who is not ranked and
 * why; and the award list with vacant and undecided prizes said plainly. Classes and targets are
 * written in words, never shown by colour alone.
 *
 * @fires show-more - detail: the new number of rows shown.
 */
export class LbRankingTable extends LitElement {
  static override properties = {
    campaign: { attribute: false },
    groupId: { attribute: 'group-id' },
    result: { attribute: false },
    units: { attribute: false },
    rankChanges: { attribute: false },
    hasPrevious: { attribute: false },
    changed: { attribute: false },
    locale: {},
    compact: { type: Boolean },
    awardsOnly: { type: Boolean, attribute: 'awards-only' },
    limit: { type: Number },
    total: { attribute: false },
    unranked: { attribute: false },
    sortKey: { state: true },
    sortDirection: { state: true },
    overflowing: { state: true },
  };

  declare campaign: CampaignInfo | undefined;
  declare groupId: string;
  declare result: GroupResult | undefined;
  declare units: UnitResult[];
  declare rankChanges: Record<string, RankChange>;
  declare hasPrevious: boolean;
  /** Units whose figures changed with the last live update: marked, in words. */
  declare changed: ReadonlySet<string>;
  declare locale: Locale;
  declare compact: boolean;
  /** Only the award list (the printed page shows every group's). */
  declare awardsOnly: boolean;
  declare limit: number;
  /** How many units the table lists in all, when `units` holds only the rows the page painted (a large roster). */
  declare total: number | undefined;
  /** How many of the group's units are not ranked (the page may hold only the rows it painted). */
  declare unranked: number | undefined;
  declare sortKey: string;
  declare sortDirection: SortDirection;
  /** Whether the table is wider than its box (its further columns are a sideways scroll away). */
  declare overflowing: boolean;
  private resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    this.campaign = undefined;
    this.groupId = '';
    this.result = undefined;
    this.units = [];
    this.rankChanges = {};
    this.hasPrevious = false;
    this.changed = new Set();
    this.locale = 'vi';
    this.compact = false;
    this.awardsOnly = false;
    this.limit = pageSize;
    this.total = undefined;
    this.unranked = undefined;
    this.sortKey = 'rank';
    this.sortDirection = 'ascending';
    this.overflowing = false;
  }

  override updated() {
    const block = this.renderRoot.querySelector('.ranking-block');
    if (!block) return;
    if (!this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(() => this.measure());
      this.resizeObserver.observe(block);
    }
    this.measure();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  /** Says whether the further columns are off to the right, for the hint. */
  private measure() {
    const block = this.renderRoot.querySelector('.ranking-block');
    const over = block !== null && block.scrollWidth > block.clientWidth + 1;
    if (over !== this.overflowing) this.overflowing = over;
  }

  static override styles = [sharedStyles, rankingTableStyles];

  private get t() {
    return messages(this.locale);
  }

  private get rules() {
    return this.campaign?.rules;
  }

  private get group() {
    return this.rules?.groups.find((g) => g.id === this.groupId);
  }

  /**
   * The units the table lists — ranked ones in rank order, or every unit of a rule set of targets
   * by name — the first `limit` of them, and how many there are in all (the page may hold only the
   * rows it painted of a large roster).
   */
  private listed(): { rows: UnitResult[]; total: number } {
    const scored = this.rules?.scored ?? true;
    const names = collator(this.locale);
    let rows: UnitResult[];
    let total: number;
    if (scored) {
      const byId = new Map(this.units.map((u) => [u.unitId, u]));
      const ids = this.result?.ranking ?? [];
      total = this.total ?? ids.length;
      rows = ids.map((id) => byId.get(id)).filter((u): u is UnitResult => u !== undefined);
    } else {
      total = this.total ?? (this.result ? this.result.ranking.length + this.result.ineligibleUnitIds.length : this.units.length);
      rows = [...this.units].sort((a, b) => names.compare(a.unitName, b.unitName));
    }
    if (this.sortKey !== 'rank' || this.sortDirection !== 'ascending') {
      const sign = this.sortDirection === 'ascending' ? 1 : -1;
      rows = [...rows].sort((a, b) => {
        const primary = this.sortKey === 'unit' ? names.compare(a.unitName, b.unitName) : sortValue(a, this.sortKey) - sortValue(b, this.sortKey);
        return primary !== 0 ? sign * primary : (a.rank ?? 0) - (b.rank ?? 0);
      });
    }
    return { rows: rows.slice(0, this.limit), total };
  }

  /**
   * Why a group lists no unit, which is one of three things: nothing is published, no unit of the
   * group is in the roster, or every unit failed the conditions (said with their count).
   */
  private emptyText(): string {
    const t = messages(this.locale);
    if (!this.result) return t.noData;
    const unranked = this.unranked ?? this.result.ineligibleUnitIds.length;
    if (unranked > 0) return t.emptyGroup.allIneligible(formatInteger(unranked, this.locale));
    return t.emptyGroup.noUnits;
  }

  private sortBy(key: string) {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortKey = key;
      // Names read A→Z and ranks from 1; figures read highest first.
      this.sortDirection = key === 'unit' || key === 'rank' ? 'ascending' : 'descending';
    }
  }

  private header(key: string, label: string | TemplateResult, opts: { numeric?: boolean; className?: string; extra?: TemplateResult | undefined } = {}) {
    const active = this.sortKey === key;
    const arrow = active ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕';
    const classes = [opts.numeric === false ? '' : 'num', opts.className ?? ''].join(' ').trim();
    return html`<th scope="col" class=${classes} aria-sort=${active ? this.sortDirection : 'none'}>
      <button type="button" @click=${() => this.sortBy(key)}>${label}<span class="arrow" aria-hidden="true"> ${arrow}</span>${opts.extra ?? nothing}</button>
    </th>`;
  }

  /** Rank change since the previous snapshot: an arrow and a number, and words for screen readers. */
  private change(unit: UnitResult) {
    const t = this.t;
    if (!this.hasPrevious || unit.rank === null) return nothing;
    const change = this.rankChanges[unit.unitId];
    if (!change) return html`<span class="change same"><span aria-hidden="true">=</span><span class="sr-only">${t.rankSame}</span></span>`;
    if (change.change === null) return html`<span class="change new">${t.rankNew}</span>`;
    const n = formatInteger(Math.abs(change.change), this.locale);
    if (change.change > 0) return html`<span class="change up"><span aria-hidden="true">▲ ${n}</span><span class="sr-only">${t.rankUp(n)}</span></span>`;
    return html`<span class="change down"><span aria-hidden="true">▼ ${n}</span><span class="sr-only">${t.rankDown(n)}</span></span>`;
  }

  private prizeLabel(id: string): string {
    const prize = this.group?.prizes.find((p) => p.id === id);
    return prize ? pick(prize.label, this.locale) : id;
  }

  /** The outcome column: the prize (or undecided), else the class, else the targets met. */
  private outcomeCell(unit: UnitResult) {
    const t = this.t;
    if (unit.prize) {
      return html`<td class="outcome prize-cell">${pick(unit.prize.label, this.locale)}<span class="amount">${formatMoney(unit.prize.amount, this.locale)}</span></td>`;
    }
    if (unit.undecidedPrizeIds?.length) {
      const labels = unit.undecidedPrizeIds.map((id) => this.prizeLabel(id)).join(', ');
      return html`<td class="outcome prize-cell"><span class="undecided">${t.undecided}</span><span class="amount">${t.tiedFor(labels)}</span></td>`;
    }
    if ((this.rules?.classes.length ?? 0) > 0) {
      const level = this.rules?.classes.find((c) => c.id === unit.class);
      return html`<td class="outcome class-cell" data-class=${unit.class ?? ''}><span class="pill">${level ? pick(level.label, this.locale) : t.noClass}</span></td>`;
    }
    if (unit.targets) {
      const values = Object.values(unit.targets);
      const met = values.filter(Boolean).length;
      return html`<td class="outcome num targets-cell">${formatInteger(met, this.locale)}/${formatInteger(values.length, this.locale)}</td>`;
    }
    return html`<td class="outcome"><span aria-hidden="true">${t.noPrize}</span></td>`;
  }

  private outcomeTitle(): string | null {
    const t = this.t;
    if ((this.group?.prizes.length ?? 0) > 0) return t.col.prize;
    if ((this.rules?.classes.length ?? 0) > 0) return t.col.class;
    if ((this.rules?.targets.length ?? 0) > 0) return t.col.targets;
    return null;
  }

  private figure(value: string | null | undefined, percent: boolean): string {
    if (value === null || value === undefined) return '—';
    return `${formatDecimal(value, this.locale)}${percent ? '%' : ''}`;
  }

  private rankingTable() {
    const t = this.t;
    const group = this.group;
    const rules = this.rules;
    const scored = rules?.scored ?? true;
    const groupName = group ? `${pick(group.shortName, this.locale)} — ${pick(group.name, this.locale)}` : '';
    const { rows, total } = this.listed();
    const targets = !scored && !this.compact ? (rules?.targets ?? []) : [];
    // A target's figure is in its cell ("✔ Đạt 88,60%"): its metric is not shown a second time.
    const targetMetrics = new Set(targets.map((x) => x.metric));
    const figures = this.compact ? [] : (rules?.figures ?? []).filter((f) => !targetMetrics.has(f.id));
    const outcome = this.outcomeTitle();
    const columns = (scored ? 3 : 1) + figures.length + targets.length + (outcome ? 1 : 0);
    const hints = figures.length + targets.length > 0;
    return html`${hints ? html`<p class="scroll-hint narrow no-print">${t.figuresTapHint}</p>` : nothing}
      ${hints && this.overflowing ? html`<p class="scroll-hint wide no-print">${t.figuresScrollHint}</p>` : nothing}
      <div class="ranking-block">
      <table class="ranking" data-group=${this.groupId}>
        <caption>
          ${scored ? t.rankingCaption(groupName) : t.targetsCaption(groupName)}
        </caption>
        <thead>
          <tr>
            ${scored ? this.header('rank', t.col.rank, { extra: this.hasPrevious ? html`<span class="sub">${t.col.change}</span>` : undefined }) : nothing}
            ${this.header('unit', t.col.unit, { numeric: false })}
            ${scored ? this.header('score', t.col.score) : nothing}
            ${outcome ? (outcome === t.col.targets ? this.header('targets', outcome) : html`<th scope="col">${outcome}</th>`) : nothing}
            ${figures.map((f) => this.header(`fig:${f.id}`, pick(f.short, this.locale), { className: 'fig', extra: html`<span class="sr-only">${pick(f.label, this.locale)}</span>` }))}
            ${targets.map((tg) => html`<th scope="col" class="fig">${pick(tg.label, this.locale)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.length === 0
            ? html`<tr>
                <td colspan=${columns} class="empty">${this.emptyText()}</td>
              </tr>`
            : rows.map((u) => {
                const changed = this.changed.has(u.unitId);
                return html`<tr data-unit-id=${u.unitId} class=${[u.prize ? 'prize' : '', changed ? 'changed' : ''].join(' ').trim()}>
                  ${scored
                    ? html`<td class="num rank"><span class="rank-number">${u.rank === null ? '' : formatInteger(u.rank, this.locale)}</span>${this.change(u)}</td>`
                    : nothing}
                  <th scope="row" class="unit">
                    <a href=${unitPageUrl(this.campaign?.id ?? '', u.unitId)} target=${this.compact ? '_top' : nothing}>${u.unitName}</a>
                    ${changed ? html`<span class="changed-mark">${t.changedMark}</span>` : nothing}
                  </th>
                  ${scored ? html`<td class="num score">${u.score === null ? '—' : formatDecimal(u.score, this.locale)}</td>` : nothing}
                  ${outcome ? this.outcomeCell(u) : nothing}
                  ${figures.map((f) => html`<td class="num fig" data-figure=${f.id}>${this.figure(u.metrics[f.id], f.percent)}</td>`)}
                  ${targets.map((tg) => {
                    const met = u.targets?.[tg.id] ?? false;
                    const figure = u.metrics[tg.metric];
                    return html`<td class="fig target ${met ? 'met' : 'not-met'}" data-target=${tg.id}>
                      ${met ? `✔ ${t.met}` : `✘ ${t.notMet}`}${figure !== undefined && figure !== null ? html`<span class="target-figure">${formatDecimal(figure, this.locale)}${tg.unit}</span>` : nothing}
                    </td>`;
                  })}
                </tr>`;
              })}
        </tbody>
      </table>
      ${total > rows.length
        ? html`<p class="more no-print">
            <a
              class="button"
              href=${`?group=${encodeURIComponent(this.groupId)}&show=${this.limit + pageSize}`}
              @click=${(e: Event) => {
                e.preventDefault();
                this.limit += pageSize;
                this.dispatchEvent(new CustomEvent('show-more', { detail: this.limit, bubbles: true, composed: true }));
              }}
              >${t.showMore(formatInteger(Math.min(pageSize, total - rows.length), this.locale))}</a
            >
          </p>`
        : nothing}
    </div>`;
  }

  /**
   * Where the rule set's tie rules ordered equal scores, or units share a rank: said in words, for
   * the ties of the rows shown only (a national race has thousands).
   */
  private tieNotes(shown: ReadonlySet<string>) {
    const t = this.t;
    const result = this.result;
    const rules = this.rules;
    const ties = result?.ties.filter((tie) => tie.unitIds.some((id) => shown.has(id))) ?? [];
    if (!rules || ties.length === 0) return nothing;
    const names = new Map(this.units.map((u) => [u.unitId, u]));
    // A tie rule's figure for a unit, as published: "80,00%", "1.168".
    const figure = (tie: (typeof ties)[number], id: string, rule: number) => {
      // One row a unit in unitIds order; a shared rank (nothing decided) has one row, theirs.
      const value = tie.figures?.[tie.decidedBy.length === 0 ? 0 : tie.unitIds.indexOf(id)]?.[rule];
      return value === null || value === undefined ? '—' : `${formatDecimal(value, this.locale)}${rules.ties[rule]?.unit ?? ''}`;
    };
    const notes = ties.map((tie) => {
      const first = names.get(tie.unitIds[0] ?? '');
      const score = first?.score ? formatDecimal(first.score, this.locale) : '—';
      const name = (id: string) => names.get(id)?.unitName ?? id;
      if (tie.decidedBy.length === 0) {
        // Equal on every tie rule too: the figures they share.
        const shared = rules.ties.map((r, i) => `${pick(r.name, this.locale)} ${figure(tie, tie.unitIds[0] ?? '', i)}`);
        return t.tieShared(score, tie.unitIds.map(name).join(', '), shared.join(', '));
      }
      const list = tie.unitIds.map((id) => `${name(id)} (${tie.decidedBy.map((rule) => figure(tie, id, rule)).join('; ')})`);
      const by = tie.decidedBy.map((i) => pick(rules.ties[i]?.text, this.locale)).join(', ');
      return t.tieBroken(score, list.join(' › '), by);
    });
    return html`<ul class="tie-notes">
      ${notes.map((n) => html`<li>${n}</li>`)}
    </ul>`;
  }

  private ineligibleTable() {
    const t = this.t;
    const group = this.group;
    if (!(this.rules?.scored ?? true) || this.units.length === 0) return nothing;
    const names = collator(this.locale);
    const rows = this.units.filter((u) => !u.eligible).sort((a, b) => names.compare(a.unitName, b.unitName));
    const groupName = group ? pick(group.shortName, this.locale) : '';
    if (rows.length === 0) return html`<div class="ineligible-block"><h3>${t.ineligibleTitle}</h3><p class="empty">${t.noIneligible}</p></div>`;
    return html`<div class="ineligible-block">
      <h3>${t.ineligibleTitle}</h3>
      <table class="ineligible" data-group=${this.groupId}>
        <caption class="sr-only">
          ${t.ineligibleCaption(groupName)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.col.unit}</th>
            <th scope="col">${t.col.reason}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.slice(0, this.limit).map(
            (u) => html`<tr data-unit-id=${u.unitId}>
              <th scope="row" class="unit"><a href=${unitPageUrl(this.campaign?.id ?? '', u.unitId)}>${u.unitName}</a></th>
              <td class="reason">${(u.reasons ?? []).map((r) => pick(r.message, this.locale)).join('; ')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private awardsTable() {
    const t = this.t;
    const group = this.group;
    const result = this.result;
    if (!group || !result || group.prizes.length === 0) return nothing;
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
        <td><strong class="undecided">${t.undecided}</strong> — ${pick(undecided.message, this.locale) || t.undecidedExplained(units)}</td>
        <td class="num">${formatInteger(undecided.rank, this.locale)}</td>
        <td class="num">${formatMoney(undecided.amount, this.locale)}</td>
      </tr>`);
    }
    return html`<section class="awards">
      <h3>${t.awardsTitle}</h3>
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
    </section>`;
  }

  override render() {
    if (this.awardsOnly) return this.awardsTable();
    const shown = new Set(this.listed().rows.map((u) => u.unitId));
    return html`${this.rankingTable()} ${this.compact ? nothing : this.tieNotes(shown)} ${this.compact ? nothing : this.awardsTable()}
    ${this.compact ? nothing : this.ineligibleTable()}`;
  }
}

if (!customElements.get('lb-ranking-table')) customElements.define('lb-ranking-table', LbRankingTable);

declare global {
  interface HTMLElementTagNameMap {
    'lb-ranking-table': LbRankingTable;
  }
}
