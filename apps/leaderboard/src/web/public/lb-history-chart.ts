import { LitElement, css, html, svg, nothing } from 'lit';
import type { UnitHistoryPoint } from '../api.js';
import { formatDate, formatDecimal, formatInteger, formatMonth } from '../format.js';
import { type Locale, messages } from '../i18n.js';
import { sharedStyles } from '../styles.js';

const width = 640;
const panelHeight = 120;
const gap = 36;
const left = 44;
const right = 32;
const top = 28;

/**
 * Score and rank of one unit across the published monthly figures: two small line charts drawn as
 * inline SVG (score on top, rank below with 1 at the top), and the same figures as a table beside
 * them for screen readers and for anyone who prefers numbers. A point is missing where the unit was
 * not ranked.
 */
export class LbHistoryChart extends LitElement {
  static override properties = {
    points: { attribute: false },
    locale: {},
    label: {},
  };

  declare points: UnitHistoryPoint[];
  declare locale: Locale;
  declare label: string;

  constructor() {
    super();
    this.points = [];
    this.locale = 'vi';
    this.label = '';
  }

  static override styles = [
    sharedStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 1rem;
        align-items: start;
      }
      @media (max-width: 760px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      svg {
        width: 100%;
        height: auto;
        display: block;
      }
      text {
        font-size: 11px;
        fill: #4a5360;
      }
      .legend {
        font-size: 12px;
        font-weight: 600;
        fill: #1b1f24;
      }
    `,
  ];

  private x(index: number): number {
    const n = this.points.length;
    return n <= 1 ? left + (width - left - right) / 2 : left + (index * (width - left - right)) / (n - 1);
  }

  /** Polyline segments, broken where the value is missing. */
  private segments(values: (number | null)[], y: (v: number) => number): string[] {
    const out: string[] = [];
    let current: string[] = [];
    values.forEach((v, i) => {
      if (v === null) {
        if (current.length) out.push(current.join(' '));
        current = [];
      } else {
        current.push(`${this.x(i).toFixed(1)},${y(v).toFixed(1)}`);
      }
    });
    if (current.length) out.push(current.join(' '));
    return out;
  }

  private chart() {
    const t = messages(this.locale);
    const scores = this.points.map((p) => (p.score === null ? null : Number(p.score)));
    const ranks = this.points.map((p) => p.rank);
    // The axis ends at the next multiple of 10 above the best score, so low scores stay readable.
    const maxScore = Math.max(10, Math.ceil(Math.max(0, ...scores.filter((s): s is number => s !== null)) / 10) * 10);
    const maxRank = Math.max(2, ...ranks.filter((r): r is number => r !== null));
    const scoreTop = top;
    const rankTop = top + panelHeight + gap + 12;
    const yScore = (v: number) => scoreTop + panelHeight - (v / maxScore) * panelHeight;
    const yRank = (r: number) => rankTop + ((r - 1) / (maxRank - 1)) * panelHeight;
    const height = rankTop + panelHeight + 28;
    const months = this.points.map((p) => formatMonth(p.asOf, this.locale));
    return html`<svg viewBox=${`0 0 ${width} ${height}`} role="img" aria-label=${this.label}>
      ${svg`
        <text class="legend" x="4" y=${scoreTop - 8}>${t.unit.score}</text>
        <line x1=${left} x2=${width - right} y1=${yScore(0)} y2=${yScore(0)} stroke="#8b949e"></line>
        <line x1=${left} x2=${width - right} y1=${yScore(maxScore / 2)} y2=${yScore(maxScore / 2)} stroke="#dfe5ec"></line>
        <line x1=${left} x2=${width - right} y1=${yScore(maxScore)} y2=${yScore(maxScore)} stroke="#dfe5ec"></line>
        <text x=${left - 6} y=${yScore(0) + 4} text-anchor="end">0</text>
        <text x=${left - 6} y=${yScore(maxScore) + 4} text-anchor="end">${formatInteger(maxScore, this.locale)}</text>
        ${this.segments(scores, yScore).map(
          (points) => svg`<polyline points=${points} fill="none" stroke="#0b57a4" stroke-width="2.5"></polyline>`,
        )}
        ${scores.map((s, i) =>
          s === null
            ? nothing
            : svg`<circle cx=${this.x(i)} cy=${yScore(s)} r="4" fill="#0b57a4"></circle>
                <text x=${this.x(i)} y=${yScore(s) - 8} text-anchor="middle">${formatDecimal(this.points[i]?.score ?? '', this.locale)}</text>`,
        )}
        <text class="legend" x="4" y=${rankTop - 20}>${t.unit.rank}</text>
        ${ranks.some((r) => r !== null)
          ? svg`<line x1=${left} x2=${width - right} y1=${yRank(1)} y2=${yRank(1)} stroke="#dfe5ec"></line>
        <line x1=${left} x2=${width - right} y1=${yRank(maxRank)} y2=${yRank(maxRank)} stroke="#8b949e"></line>
        <text x=${left - 6} y=${yRank(1) + 4} text-anchor="end">1</text>
        <text x=${left - 6} y=${yRank(maxRank) + 4} text-anchor="end">${formatInteger(maxRank, this.locale)}</text>
        ${this.segments(ranks, yRank).map(
          (points) => svg`<polyline points=${points} fill="none" stroke="#8a4b00" stroke-width="2.5" stroke-dasharray="6 3"></polyline>`,
        )}
        ${ranks.map((r, i) =>
          r === null
            ? nothing
            : svg`<rect x=${this.x(i) - 4} y=${yRank(r) - 4} width="8" height="8" fill="#8a4b00"></rect>
                <text x=${this.x(i)} y=${yRank(r) - 8} text-anchor="middle">${formatInteger(r, this.locale)}</text>`,
        )}`
          : svg`<text x=${width / 2} y=${rankTop + panelHeight / 2} text-anchor="middle">${t.unit.neverRanked}</text>`}
        ${months.map(
          (m, i) => svg`<text x=${this.x(i)} y=${height - 6} text-anchor="middle">${m}</text>`,
        )}
      `}
    </svg>`;
  }

  private table() {
    const t = messages(this.locale);
    return html`<div class="scroll" role="region" aria-label=${t.unit.historyTable} tabindex="0">
      <table class="history">
        <caption>
          ${t.unit.historyTable}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.unit.historyAsOf}</th>
            <th scope="col" class="num">${t.unit.score}</th>
            <th scope="col" class="num">${t.unit.rank}</th>
          </tr>
        </thead>
        <tbody>
          ${this.points.map(
            (p) => html`<tr data-snapshot-id=${p.snapshotId}>
              <th scope="row">${formatDate(p.asOf, this.locale)}</th>
              <td class="num">${p.score === null ? '—' : formatDecimal(p.score, this.locale)}</td>
              <td class="num">${p.rank === null ? t.unit.notRanked : formatInteger(p.rank, this.locale)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    if (this.points.length === 0) return html`<p>${messages(this.locale).noData}</p>`;
    return html`<div class="layout">${this.chart()} ${this.table()}</div>`;
  }
}

if (!customElements.get('lb-history-chart')) customElements.define('lb-history-chart', LbHistoryChart);

declare global {
  interface HTMLElementTagNameMap {
    'lb-history-chart': LbHistoryChart;
  }
}
