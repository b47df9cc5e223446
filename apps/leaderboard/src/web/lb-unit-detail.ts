import { LitElement, css, html, nothing } from 'lit';
import type { BreakdownStep, Gaps } from '@thidua/scoring';
import { type UnitResponse, fetchJson, readEmbeddedState } from './api.js';
import { formatDate, formatDecimal, formatFloor, formatInteger, formatMoney, formatPercent } from './format.js';
import { type Locale, followLocaleChanges, messages, pick, settleLocale } from './i18n.js';
import { subscribeToSnapshots } from './live.js';
import { pageStyles, sharedStyles } from './styles.js';
import './lb-history-chart.js';
import './lb-language-switch.js';

/**
 * One unit's page (/units/:id): its standing, the step-by-step computation of its score quoting
 * the plan, how many more cases it needs (the library's gaps, in words), and its history.
 */
export class LbUnitDetail extends LitElement {
  static override properties = {
    data: { attribute: false },
    locale: { reflect: true },
    state: {},
  };

  declare data: UnitResponse | undefined;
  declare locale: Locale;
  declare state: string;

  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.data = undefined;
    this.locale = 'vi';
    this.state = '';
    followLocaleChanges(this);
  }

  static override styles = [
    sharedStyles,
    pageStyles,
    css`
      h1 {
        margin: 0.5rem 0 0.25rem;
        font-size: clamp(1.3rem, 2vw + 0.8rem, 1.9rem);
      }
      h2 {
        font-size: 1.2rem;
        margin: 1.75rem 0 0.5rem;
      }
      dl.summary {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: 0.75rem;
        margin: 1rem 0;
      }
      dl.summary div {
        border: 1px solid var(--lb-border);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
      }
      dt {
        color: var(--lb-muted);
        font-size: 0.875rem;
      }
      dd {
        margin: 0;
        font-size: 1.25rem;
        font-weight: 700;
      }
      .reasons li {
        color: var(--lb-down);
        font-weight: 600;
      }
      ol.steps {
        padding-left: 1.25rem;
      }
      ol.steps li {
        margin-bottom: 1rem;
      }
      .step-head {
        font-weight: 600;
      }
      code {
        font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
        background: var(--lb-stripe);
        padding: 0.1rem 0.3rem;
        border-radius: 4px;
        overflow-wrap: anywhere;
      }
      blockquote {
        margin: 0.35rem 0 0;
        padding: 0.25rem 0.75rem;
        border-left: 4px solid var(--lb-border);
        color: var(--lb-muted);
        font-size: 0.92rem;
      }
      blockquote cite {
        display: block;
        font-style: normal;
        font-weight: 600;
      }
      .gaps li {
        margin-bottom: 0.35rem;
      }
    `,
  ];

  override connectedCallback() {
    if (!this.data) this.data = readEmbeddedState<UnitResponse>(this.state || null);
    super.connectedCallback();
    this.unsubscribe = subscribeToSnapshots({
      onSnapshot: () => void this.refresh(),
      onOpen: (reconnected) => {
        if (reconnected) void this.refresh();
      },
      onLost: () => {},
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override firstUpdated() {
    this.locale = settleLocale(this.locale);
  }

  private async refresh() {
    const id = this.data?.unit.id;
    if (!id) return;
    try {
      this.data = await fetchJson<UnitResponse>(`/api/units/${encodeURIComponent(id)}`);
    } catch {
      // Keep showing the last figures; the next event retries.
    }
  }

  private gapItems(gaps: Gaps | null) {
    const t = messages(this.locale).unit;
    const data = this.data;
    if (!gaps || !data) return [];
    const group = data.campaign.groups.find((g) => g.id === data.unit.group);
    const n = (cases: number) => formatInteger(cases, this.locale);
    const items: string[] = [];
    if (gaps.eligibility !== null && group) {
      items.push(t.gapEligibility(n(gaps.eligibility), `≥ ${formatFloor(group.minOnlineSharePercent, this.locale)}`));
    }
    if (gaps.firstPrizeFloor !== null && group?.firstPrizeMinOnlineSharePercent) {
      items.push(t.gapFirstPrize(n(gaps.firstPrizeFloor), `≥ ${formatFloor(group.firstPrizeMinOnlineSharePercent, this.locale)}`));
    }
    if (gaps.passUnitAbove !== null) {
      items.push(t.gapPassUnit(n(gaps.passUnitAbove.cases), gaps.passUnitAbove.unitName));
    }
    if (gaps.nextBracket !== null) {
      items.push(t.gapBracket(n(gaps.nextBracket.cases), formatDecimal(gaps.nextBracket.coefficient, this.locale)));
    }
    return items;
  }

  private step(step: BreakdownStep) {
    const t = messages(this.locale).unit;
    const quote = this.locale === 'en' && step.citation.textEn ? step.citation.textEn : step.citation.text;
    return html`<li data-step=${step.id}>
      <div class="step-head">${pick(step.label, this.locale)}</div>
      <div>
        ${t.formula}: <code>${step.formula}</code> = <strong class="value">${formatDecimal(step.value, this.locale)}</strong>
        ${step.exact ? nothing : html`<span>${t.rounded}</span>`}
      </div>
      <blockquote lang=${this.locale === 'en' && step.citation.textEn ? 'en' : 'vi'}>
        <cite>${t.source(step.citation.section)}</cite>
        «${quote}»
      </blockquote>
    </li>`;
  }

  override render() {
    const all = messages(this.locale);
    const t = all.unit;
    const data = this.data;
    if (!data) return html`<p>${t.notFound}</p>`;
    const { campaign, unit, result, snapshot, status } = data;
    const group = campaign.groups.find((g) => g.id === unit.group);
    const sample = campaign.sample || (snapshot?.sample ?? false);
    const gapItems = this.gapItems(result?.gaps ?? null);
    return html`<header>
        <div class="top">
          <a href=${`/?group=${encodeURIComponent(unit.group)}`}>${t.back}</a>
          <lb-language-switch .locale=${this.locale}></lb-language-switch>
        </div>
        <h1>${unit.name}</h1>
        <p class="meta">
          <span>${group ? `${pick(group.shortName, this.locale)} — ${pick(group.name, this.locale)}` : unit.group}</span>
          <strong>${snapshot ? all.asOf(formatDate(snapshot.asOf, this.locale)) : all.noData}</strong>
          <span class="status ${status}">${all.status[status]}</span>
        </p>
        ${sample ? html`<p class="sample" role="note"><strong>${all.sampleBadge}</strong> — ${all.sampleBanner}</p>` : nothing}
      </header>
      <main>
        ${result
          ? html`<dl class="summary">
                <div>
                  <dt>${t.rank}</dt>
                  <dd class="rank">${result.rank === null ? t.notRanked : formatInteger(result.rank, this.locale)}</dd>
                </div>
                <div>
                  <dt>${t.score}</dt>
                  <dd class="score">${result.score === null ? '—' : formatDecimal(result.score, this.locale)}</dd>
                </div>
                <div>
                  <dt>${all.col.onlineShare}</dt>
                  <dd>${result.metrics.onlineSharePercent === null ? '—' : formatPercent(result.metrics.onlineSharePercent, this.locale)}</dd>
                </div>
                <div>
                  <dt>${t.prize}</dt>
                  <dd class="prize">
                    ${result.prize
                      ? `${pick(result.prize.label, this.locale)} · ${formatMoney(result.prize.amount, this.locale)}`
                      : result.undecidedPrizeIds.length > 0
                        ? all.undecided
                        : all.noPrize}
                  </dd>
                </div>
              </dl>
              <p class="eligibility">${result.eligible ? t.eligible : t.ineligible}</p>
              ${result.reasons.length
                ? html`<ul class="reasons">
                    ${result.reasons.map((r) => html`<li>${pick(r.message, this.locale)}</li>`)}
                  </ul>`
                : nothing}
              <h2>${t.gapsTitle}</h2>
              ${gapItems.length
                ? html`<ul class="gaps">
                    ${gapItems.map((g) => html`<li>${g}</li>`)}
                  </ul>`
                : html`<p class="gaps">${t.gapNone}</p>`}
              <h2>${t.inputsTitle}</h2>
              <table class="inputs">
                <tbody>
                  ${(['resolvedTotal', 'resolvedOnline', 'resolvedOnlineOnTime', 'resolvedLate'] as const).map(
                    (k) => html`<tr>
                      <th scope="row">${t.inputs[k]}</th>
                      <td class="num">${formatInteger(result.input[k], this.locale)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
              <h2>${t.breakdownTitle}</h2>
              <p>${t.breakdownIntro}</p>
              <ol class="steps">
                ${result.breakdown.map((s) => this.step(s))}
              </ol>`
          : html`<p>${all.noData}</p>`}
        <h2>${t.historyTitle}</h2>
        <lb-history-chart .points=${data.history} locale=${this.locale} label=${t.historyChartLabel(unit.name)}></lb-history-chart>
      </main>`;
  }
}

if (!customElements.get('lb-unit-detail')) customElements.define('lb-unit-detail', LbUnitDetail);

declare global {
  interface HTMLElementTagNameMap {
    'lb-unit-detail': LbUnitDetail;
  }
}
