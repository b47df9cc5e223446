import { LitElement, css, html, nothing } from 'lit';
import type { UnitResult } from '@thidua/scoring';
import { annexMessages } from './annex-messages.js';
import { documentFooter, documentHead, documentNav, documentStyles, signatureBlock, type PrintData } from './document-frame.js';
import { formatDecimal, formatInteger } from '../format.js';
import { type Locale, pick } from '../i18n.js';

/**
 * "Bảng tổng hợp kết quả": the printable results of a campaign that awards no prizes — an index
 * (each unit's total, class and group points, ranked), a scorecard (its groups' points with the
 * rank by each) or targets (each target met or not, with the figure, and the count met) — under the
 * same header, decision line and signature block as the award annex. One page per group where it
 * fits. Rendered on the server; it needs no script.
 */
export class LbResultsTable extends LitElement {
  static override properties = {
    data: { attribute: false },
    locale: {},
  };

  declare data: PrintData | undefined;
  declare locale: Locale;

  constructor() {
    super();
    this.data = undefined;
    this.locale = 'vi';
  }

  static override styles = [
    documentStyles,
    css`
      table.many {
        font-size: 10pt;
      }
      td.unit {
        min-width: 9rem;
      }
      .group-rank {
        display: block;
        font-size: 9pt;
      }
    `,
  ];

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const t = annexMessages(this.locale);
    const r = t.results;
    const rules = d.campaign.rules;
    const evaluation = d.evaluation;
    // The top-level groups of criteria (766's six groups, the CCHC index's I and II), where published.
    const groups = rules.figures.filter((f) => f.kind === 'criterion' && f.depth === 1);
    const classes = rules.classes.length > 0;
    const number = (v: string | null | undefined) => (v === null || v === undefined ? '—' : formatDecimal(v, this.locale));
    // The evaluation lists units by group, ranked ones in rank order, then the others.
    const rowsOf = (groupId: string): UnitResult[] => (evaluation?.units ?? []).filter((u) => u.groupId === groupId);
    const columns = rules.scored ? 3 + (classes ? 1 : 0) + groups.length : 2 + rules.targets.length + 1;
    return html`${documentNav(d, this.locale, r.printHint)}
      <main>
        ${documentHead(d, this.locale, [r.title])}
        ${rules.groups.map((g, gi) => {
          const rows = rowsOf(g.id);
          const ranked = rows.filter((u) => u.rank !== null).length;
          const unranked = rows.filter((u) => rules.scored && u.rank === null);
          return html`<section class="group" data-group=${g.id}>
            <h2>${gi + 1}. ${pick(g.name, this.locale)}</h2>
            <div class="scroll" tabindex="0" role="region" aria-label=${pick(g.name, this.locale)}>
              <table class=${columns > 6 ? 'many' : ''}>
                <thead>
                  <tr>
                    ${rules.scored ? html`<th scope="col">${r.rank}</th>` : html`<th scope="col">${t.columns.no}</th>`}
                    <th scope="col">${r.unit}</th>
                    ${rules.scored
                      ? html`<th scope="col">${r.score}</th>
                          ${classes ? html`<th scope="col">${r.class}</th>` : nothing}
                          ${groups.map((f) => html`<th scope="col">${f.number ? `${f.number}. ` : ''}${pick(f.label, this.locale)}${f.max ? ` (${formatDecimal(f.max, this.locale)})` : ''}</th>`)}`
                      : html`${rules.targets.map((x) => html`<th scope="col">${pick(x.label, this.locale)}</th>`)}
                          <th scope="col">${r.targetsMet}</th>`}
                  </tr>
                </thead>
                <tbody>
                  ${rows.length === 0 ? html`<tr><td colspan=${columns}>${t.noData}</td></tr>` : nothing}
                  ${rows.map((u, i) => {
                    if (!rules.scored) {
                      const met = rules.targets.filter((x) => u.targets?.[x.id]).length;
                      return html`<tr data-unit-id=${u.unitId}>
                        <td class="num">${formatInteger(i + 1, this.locale)}</td>
                        <td class="unit">${u.unitName}</td>
                        ${rules.targets.map((x) => {
                          const figure = u.metrics[x.metric];
                          return html`<td data-target=${x.id}>
                            ${u.targets?.[x.id] ? r.met : r.notMet}${figure !== undefined && figure !== null ? ` (${formatDecimal(figure, this.locale)}${x.unit})` : ''}
                          </td>`;
                        })}
                        <td class="num">${formatInteger(met, this.locale)}/${formatInteger(rules.targets.length, this.locale)}</td>
                      </tr>`;
                    }
                    const level = rules.classes.find((c) => c.id === u.class);
                    return html`<tr data-unit-id=${u.unitId}>
                      <td class="num">${u.rank === null ? '—' : formatInteger(u.rank, this.locale)}</td>
                      <td class="unit">${u.unitName}</td>
                      <td class="num">${number(u.score)}</td>
                      ${classes ? html`<td>${level ? pick(level.label, this.locale) : ''}</td>` : nothing}
                      ${groups.map((f) => {
                        const rank = u.criterionRanks?.[f.id];
                        return html`<td class="num" data-figure=${f.id}>
                          ${number(u.metrics[f.id])}${rank !== undefined
                            ? html`<span class="group-rank">(${r.groupRank(`${formatInteger(rank, this.locale)}/${formatInteger(ranked, this.locale)}`)})</span>`
                            : nothing}
                        </td>`;
                      })}
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>
            ${unranked.length > 0
              ? html`<ul class="notes">
                  ${unranked.map((u) => html`<li>${r.notRanked}: ${u.unitName} — ${(u.reasons ?? []).map((x) => pick(x.message, this.locale)).join('; ')}</li>`)}
                </ul>`
              : nothing}
          </section>`;
        })}
        <div class="closing">${signatureBlock(d, this.locale)}</div>
      </main>
      ${documentFooter(d, this.locale)}`;
  }
}

if (!customElements.get('lb-results-table')) customElements.define('lb-results-table', LbResultsTable);

declare global {
  interface HTMLElementTagNameMap {
    'lb-results-table': LbResultsTable;
  }
}
