import { LitElement, css, html, nothing } from 'lit';
import type { GroupResult, UnitResult } from '@thidua/scoring';
import { type CampaignInfo, unitPageUrl } from '../api.js';
import { formatDecimal, formatInteger } from '../format.js';
import { type Locale, messages, pick } from '../i18n.js';
import { rankingTableStyles } from './ranking-table-styles.js';
import { sharedStyles } from '../styles.js';

type Figure = CampaignInfo['rules']['figures'][number];

/**
 * A scorecard campaign's units side by side (the CCHC index): ranked by their total, each group of
 * criteria with its points and the unit's rank by it, then the group's tasks. Column headings are
 * the document's numbers, each named in full (for screen readers in the heading, for everyone in
 * the legend below the table). On a phone the tasks fold away: the unit's name opens its scorecard.
 */
export class LbScorecardTable extends LitElement {
  static override properties = {
    campaign: { attribute: false },
    groupId: { attribute: 'group-id' },
    result: { attribute: false },
    units: { attribute: false },
    locale: {},
  };

  declare campaign: CampaignInfo | undefined;
  declare groupId: string;
  declare result: GroupResult | undefined;
  declare units: UnitResult[];
  declare locale: Locale;

  constructor() {
    super();
    this.campaign = undefined;
    this.groupId = '';
    this.result = undefined;
    this.units = [];
    this.locale = 'vi';
  }

  static override styles = [
    sharedStyles,
    rankingTableStyles,
    css`
      .group-points {
        font-weight: 700;
      }
      .group-rank {
        display: block;
        color: var(--lb-muted);
        font-size: 0.82rem;
        font-weight: 400;
        white-space: nowrap;
      }
      th.group-head {
        white-space: normal;
      }
      @media (min-width: 641px) {
        th.group-head {
          min-width: 7rem;
        }
      }
      /* Never wider than the phone: the table scrolls inside its own box if it must. */
      .ranking-block {
        overflow-x: auto;
      }
      @media (max-width: 640px) {
        th,
        td {
          padding: 0.4rem 0.2rem;
        }
        th.group-head {
          font-size: 0.75rem;
          hyphens: auto;
        }
        th.unit {
          min-width: 6rem;
        }
        td.score,
        td[data-figure] {
          font-size: 0.85rem;
        }
      }
      .legend {
        margin: 0.5rem 0 0;
        padding-left: 1.1rem;
        color: var(--lb-muted);
        font-size: 0.9rem;
      }
      .legend .group {
        font-weight: 600;
        color: var(--lb-text);
      }
    `,
  ];

  /** The groups of criteria (depth 1) each with its tasks (depth 2), as the rule set publishes them. */
  private columns(): { group: Figure; tasks: Figure[] }[] {
    const figures = (this.campaign?.rules.figures ?? []).filter((f) => f.kind === 'criterion');
    return figures.filter((f) => f.depth === 1).map((group) => ({ group, tasks: figures.filter((f) => f.parent === group.id) }));
  }

  /** "I. Nhóm tiêu chí tự đánh giá"; a label that already says its number ("Nhiệm vụ 1. …") as it is. */
  private name(f: Figure): string {
    const label = pick(f.label, this.locale);
    return f.number && !label.includes(`${f.number}.`) ? `${f.number}. ${label}` : label;
  }

  override render() {
    const t = messages(this.locale);
    const rules = this.campaign?.rules;
    const group = rules?.groups.find((g) => g.id === this.groupId);
    const columns = this.columns();
    // The group's units as the evaluation lists them: ranked ones in rank order, then the others.
    const rows = this.units;
    const ranked = this.result?.ranking.length ?? 0;
    const figure = (u: UnitResult, f: Figure) => {
      const v = u.metrics[f.id];
      return v === null || v === undefined ? '—' : formatDecimal(v, this.locale);
    };
    const groupName = group ? `${pick(group.shortName, this.locale)} — ${pick(group.name, this.locale)}` : '';
    return html`<p class="scroll-hint narrow no-print">${t.scorecard.tapHint}</p>
      <div class="ranking-block">
        <table class="ranking scorecard" data-group=${this.groupId}>
          <caption>
            ${t.scorecard.caption(groupName)}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="num">${t.col.rank}</th>
              <th scope="col">${t.col.unit}</th>
              <th scope="col" class="num">${t.scorecard.total}</th>
              ${columns.map(
                ({ group: g, tasks }) =>
                  html`<th scope="col" class="num group-head" data-figure=${g.id}>${this.name(g)}${g.max ? html`<span class="sub">${t.scorecard.of(formatDecimal(g.max, this.locale))}</span>` : nothing}</th>
                    ${tasks.map(
                      (f) =>
                        html`<th scope="col" class="num fig" data-figure=${f.id}><span aria-hidden="true">${f.number ?? pick(f.short, this.locale)}</span><span class="sr-only">${this.name(f)}</span></th>`,
                    )}`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.length === 0
              ? html`<tr>
                  <td colspan=${3 + columns.reduce((n, c) => n + 1 + c.tasks.length, 0)} class="empty">${this.result ? t.emptyGroup.noUnits : t.noData}</td>
                </tr>`
              : rows.map(
                  (u) => html`<tr data-unit-id=${u.unitId}>
                    <td class="num rank"><span class="rank-number">${u.rank === null ? '—' : formatInteger(u.rank, this.locale)}</span></td>
                    <th scope="row" class="unit"><a href=${unitPageUrl(this.campaign?.id ?? '', u.unitId)}>${u.unitName}</a></th>
                    <td class="num score">${u.score === null ? '—' : formatDecimal(u.score, this.locale)}</td>
                    ${columns.map(({ group: g, tasks }) => {
                      const rank = u.criterionRanks?.[g.id];
                      return html`<td class="num" data-figure=${g.id}>
                          <span class="group-points">${figure(u, g)}</span>
                          ${rank !== undefined ? html`<span class="group-rank">${t.scorecard.groupRank(formatInteger(rank, this.locale), formatInteger(ranked, this.locale))}</span>` : nothing}
                        </td>
                        ${tasks.map((f) => html`<td class="num fig" data-figure=${f.id}>${figure(u, f)}</td>`)}`;
                    })}
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
      <ul class="legend">
        ${columns.map(
          ({ group: g, tasks }) =>
            html`<li>
              <span class="group">${this.name(g)}</span>${tasks.length
                ? html`: ${tasks.map((f, i) => html`${i > 0 ? '; ' : ''}${this.name(f)}${f.max ? ` (${t.scorecard.of(formatDecimal(f.max, this.locale))})` : ''}`)}`
                : nothing}
            </li>`,
        )}
      </ul>`;
  }
}

if (!customElements.get('lb-scorecard-table')) customElements.define('lb-scorecard-table', LbScorecardTable);

declare global {
  interface HTMLElementTagNameMap {
    'lb-scorecard-table': LbScorecardTable;
  }
}
