import { LitElement, html, nothing } from 'lit';
import type { Gaps } from '@thidua/scoring';
import { type UnitResponse, apiUrl, fetchJson, pageUrl, readEmbeddedState } from '../api.js';
import { formatDate, formatDecimal, formatInteger, formatMoney } from '../format.js';
import { type Locale, followLocaleChanges, messages, pick, settleLocale } from '../i18n.js';
import { subscribeToSnapshots } from './live.js';
import { pageStyles, sharedStyles } from '../styles.js';
import { unitDetailStyles } from './unit-detail-styles.js';
import './lb-explanation.js';
import './lb-history-chart.js';
import { publicationLine } from './publication-line.js';
import '../lb-language-switch.js';

/**
 * One unit's page: its standing (rank, score, prize, class or targets met — whatever the rule set
 * has), why it is not ranked, how many more of the rule set's move it needs to get somewhere (the
 * library's gaps, in words), its statistics, its working — the criteria tree with formulas and
 * citations, fetched when the reader opens it — and its history.
 */
export class LbUnitDetail extends LitElement {
  static override properties = {
    data: { attribute: false },
    locale: { reflect: true },
    state: {},
    working: { state: true },
  };

  declare data: UnitResponse | undefined;
  declare locale: Locale;
  declare state: string;
  declare working: 'closed' | 'loading' | 'open' | 'failed';

  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.data = undefined;
    this.locale = 'vi';
    this.state = '';
    this.working = 'closed';
    followLocaleChanges(this);
  }

  static override styles = [sharedStyles, pageStyles, unitDetailStyles];

  override connectedCallback() {
    if (!this.data) this.data = readEmbeddedState<UnitResponse>(this.state || null);
    super.connectedCallback();
    const id = this.data?.campaign.id;
    if (!id) return;
    this.unsubscribe = subscribeToSnapshots(
      {
        onSnapshot: () => void this.refresh(),
        onOpen: (reconnected) => {
          if (reconnected) void this.refresh();
        },
        onLost: () => {},
      },
      apiUrl(id, 'events'),
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override firstUpdated() {
    this.locale = settleLocale(this.locale);
  }

  private async refresh() {
    const data = this.data;
    if (!data) return;
    try {
      const fresh = await fetchJson<UnitResponse>(apiUrl(data.campaign.id, `units/${encodeURIComponent(data.unit.id)}`));
      this.data = data.explanation ? fresh : { ...fresh, explanation: null };
    } catch {
      // Keep showing the last figures; the next event retries.
    }
  }

  /** The working is part of the unit endpoint's answer: fetched the first time the reader opens it. */
  private async openWorking(event: Event) {
    const details = event.currentTarget as HTMLDetailsElement;
    if (!details.open || this.working === 'open' || this.working === 'loading' || !this.data) return;
    if (this.data.explanation) {
      this.working = 'open';
      return;
    }
    this.working = 'loading';
    try {
      const fresh = await fetchJson<UnitResponse>(apiUrl(this.data.campaign.id, `units/${encodeURIComponent(this.data.unit.id)}`));
      this.data = fresh;
      this.working = 'open';
    } catch {
      this.working = 'failed';
    }
  }

  private gapItems(gaps: Gaps | undefined): string[] {
    const t = messages(this.locale).unit;
    const data = this.data;
    if (!gaps || !data) return [];
    const rules = data.campaign.rules;
    const move = pick(rules.moves[0]?.label, this.locale);
    const group = rules.groups.find((g) => g.id === data.unit.group);
    const n = (k: number) => formatInteger(k, this.locale);
    const items: string[] = [];
    if (gaps.eligibility !== undefined) {
      const conditions = (group?.conditions ?? []).map((c) => pick(c.text, this.locale)).join('; ');
      items.push(gaps.eligibility === null ? `${conditions}: ${t.outOfReach}` : t.gapEligibility(n(gaps.eligibility), move, conditions));
    }
    if (gaps.prizeFloor !== undefined) {
      const floor = group?.prizes.find((p) => p.conditions.length > 0);
      const conditions = (floor?.conditions ?? []).map((c) => pick(c.text, this.locale)).join('; ');
      items.push(gaps.prizeFloor === null ? `${conditions}: ${t.outOfReach}` : t.gapPrizeFloor(n(gaps.prizeFloor), move, conditions));
    }
    if (gaps.passUnitAbove) {
      items.push(t.gapPassUnit(n(gaps.passUnitAbove.moves), move, data.unitNames[gaps.passUnitAbove.unitId] ?? gaps.passUnitAbove.unitId));
    }
    if (gaps.nextBracket) items.push(t.gapBracket(n(gaps.nextBracket.moves), move, formatDecimal(gaps.nextBracket.value, this.locale)));
    if (gaps.nextClass) {
      const level = rules.classes.find((c) => c.id === gaps.nextClass?.classId);
      items.push(t.gapClass(n(gaps.nextClass.moves), move, pick(level?.label, this.locale) || gaps.nextClass.classId));
    }
    return items;
  }

  private summary() {
    const all = messages(this.locale);
    const t = all.unit;
    const data = this.data;
    const result = data?.result;
    if (!data || !result) return nothing;
    const rules = data.campaign.rules;
    const group = rules.groups.find((g) => g.id === data.unit.group);
    const level = rules.classes.find((c) => c.id === result.class);
    const targets = result.targets ? Object.values(result.targets) : null;
    return html`<dl class="summary">
      ${rules.scored
        ? html`<div>
              <dt>${t.rank}</dt>
              <dd class="rank">${result.rank === null ? t.notRanked : formatInteger(result.rank, this.locale)}</dd>
            </div>
            <div>
              <dt>${t.score}</dt>
              <dd class="score">${result.score === null ? '—' : formatDecimal(result.score, this.locale)}</dd>
            </div>`
        : nothing}
      ${rules.classes.length > 0
        ? html`<div>
            <dt>${t.class}</dt>
            <dd class="class">${level ? pick(level.label, this.locale) : all.noClass}</dd>
          </div>`
        : nothing}
      ${(group?.prizes.length ?? 0) > 0
        ? html`<div>
            <dt>${t.prize}</dt>
            <dd class="prize">
              ${result.prize ? `${pick(result.prize.label, this.locale)} · ${formatMoney(result.prize.amount, this.locale)}` : result.undecidedPrizeIds?.length ? all.undecided : all.noPrize}
            </dd>
          </div>`
        : nothing}
      ${targets
        ? html`<div>
            <dt>${t.targetsMet}</dt>
            <dd class="targets-met">${formatInteger(targets.filter(Boolean).length, this.locale)}/${formatInteger(targets.length, this.locale)}</dd>
          </div>`
        : nothing}
    </dl>`;
  }

  /**
   * The figures the rule set publishes with each unit (766's six groups, Núi Thành's shares, a
   * target's share), each with its maximum where it has one: what the table's further columns say,
   * a tap away on a phone. A scorecard shows them in its tree instead.
   */
  private figures() {
    const data = this.data;
    const result = data?.result;
    if (!data || !result || data.campaign.rules.shape === 'scorecard') return nothing;
    const figures = data.campaign.rules.figures;
    if (figures.length === 0) return nothing;
    const t = messages(this.locale).unit;
    return html`<h2>${t.figuresTitle}</h2>
      <dl class="figures">
        ${figures.map((f) => {
          const value = result.metrics[f.id];
          const shown = value === null || value === undefined ? '—' : `${formatDecimal(value, this.locale)}${f.percent ? '%' : ''}`;
          return html`<div data-figure=${f.id}>
            <dt>${f.number ? `${f.number}. ` : ''}${pick(f.label, this.locale)}</dt>
            <dd>${shown}${f.max ? html`<span class="of"> / ${formatDecimal(f.max, this.locale)}</span>` : nothing}</dd>
          </div>`;
        })}
      </dl>`;
  }

  /** Where a ranked unit stands, in words: rank of how many, class, and the tie rule with the figures that decided a tie. */
  private standing() {
    const standing = this.data?.standing;
    if (!standing || standing.rank === null || standing.lines.length === 0) return nothing;
    const t = messages(this.locale).unit;
    return html`<ul class="standing">
      ${standing.lines.map(
        (line) =>
          html`<li>
            ${pick(line.text, this.locale)}
            ${line.citation ? html`<small class="source" lang="vi">${t.source(line.citation.section)} «${line.citation.text}»</small>` : nothing}
          </li>`,
      )}
    </ul>`;
  }

  private targets() {
    const all = messages(this.locale);
    const data = this.data;
    const result = data?.result;
    if (!data || !result?.targets) return nothing;
    return html`<h2>${all.unit.targetsTitle}</h2>
      <ul class="targets">
        ${data.campaign.rules.targets.map((target) => {
          const met = result.targets?.[target.id] ?? false;
          const needed = result.gaps?.targets?.[target.id];
          const move = pick(target.move ?? data.campaign.rules.moves[0]?.label, this.locale);
          return html`<li data-target=${target.id} class=${met ? 'met' : 'not-met'}>
            <strong>${met ? `✔ ${all.met}` : `✘ ${all.notMet}`}</strong> — ${pick(target.label, this.locale)}
            ${!met && needed !== undefined ? html`<span class="needed">(${needed === null ? all.unit.outOfReach : all.unit.gapTarget(formatInteger(needed, this.locale), move)})</span>` : nothing}
          </li>`;
        })}
      </ul>`;
  }

  private inputs() {
    const t = messages(this.locale).unit;
    const data = this.data;
    if (!data?.inputs) return nothing;
    const values = data.inputs;
    const rows = data.campaign.rules.inputs.filter((i) => values[i.id] !== undefined);
    if (rows.length === 0) return nothing;
    const show = (kind: string, v: number | string | null | undefined) => {
      if (v === null || v === 'x') return t.notApplicable;
      if (v === undefined) return '—';
      if (kind === 'count' && typeof v === 'number') return formatInteger(v, this.locale);
      if (kind === 'points') return formatDecimal(String(v), this.locale);
      return String(v);
    };
    return html`<details class="inputs">
      <summary>${t.inputsTitle}</summary>
      <table>
        <tbody>
          ${rows.map(
            (i) => html`<tr data-input=${i.id}>
              <th scope="row">${pick(i.label, this.locale)}</th>
              <td class=${i.kind === 'text' ? '' : 'num'}>${show(i.kind, values[i.id])}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
  }

  private workingSection() {
    const t = messages(this.locale).unit;
    const data = this.data;
    if (!data?.result) return nothing;
    // A scorecard is the page: every criterion with its maximum, points and comment, by task.
    if (data.campaign.rules.shape === 'scorecard' && data.explanation) {
      return html`<section id="working" class="scorecard" aria-labelledby="scorecard-title">
        <h2 id="scorecard-title">${t.scorecardTitle}</h2>
        <p class="hint">${t.scorecardIntro}</p>
        <lb-explanation scorecard .explanation=${data.explanation} .notes=${data.roundNotes} locale=${this.locale}></lb-explanation>
      </section>`;
    }
    return html`<details id="working" class="working" ?open=${this.working !== 'closed' || data.explanation !== null} @toggle=${this.openWorking}>
      <summary><h2 class="summary-title">${t.workingTitle}</h2></summary>
      <p class="hint">${t.workingIntro}</p>
      ${data.explanation
        ? html`<lb-explanation .explanation=${data.explanation} locale=${this.locale}></lb-explanation>`
        : this.working === 'loading'
          ? html`<p role="status">${t.workingLoading}</p>`
          : this.working === 'failed'
            ? html`<p role="alert">${t.workingFailed}</p>`
            : html`<p><a href="?explain=1#working">${t.workingShow}</a></p>`}
    </details>`;
  }

  override render() {
    const all = messages(this.locale);
    const t = all.unit;
    const data = this.data;
    if (!data) return html`<p>${t.notFound}</p>`;
    const { campaign, unit, result, snapshot, status } = data;
    const group = campaign.rules.groups.find((g) => g.id === unit.group);
    const sample = campaign.sample || (snapshot?.sample ?? false);
    const gapItems = this.gapItems(result?.gaps);
    return html`<header>
        <div class="top">
          <a class="back" href=${`${pageUrl(campaign.id)}?group=${encodeURIComponent(unit.group)}`}>${t.back}</a>
          <lb-language-switch .locale=${this.locale}></lb-language-switch>
        </div>
        <p class="campaign">${pick(campaign.title, this.locale)}</p>
        <h1>${unit.name}</h1>
        <p class="meta">
          <span>${group ? `${pick(group.shortName, this.locale)} — ${pick(group.name, this.locale)}` : unit.group}</span>
          <strong>${snapshot ? all.asOf(formatDate(snapshot.asOf, this.locale)) : all.noData}</strong>
          <span class="status ${status}">${all.status[status]}</span>
        </p>
        ${publicationLine(snapshot, data.decision, this.locale, campaign.period.timeZone)}
        ${sample ? html`<p class="sample" role="note"><strong>${all.sampleBadge}</strong> — ${all.sampleBanner}</p>` : nothing}
      </header>
      <main>
        ${result
          ? html`${this.summary()}
              ${campaign.rules.scored ? html`<p class="eligibility">${result.eligible ? t.eligible : t.ineligible}</p>` : nothing}
              ${this.standing()}
              ${result.reasons?.length
                ? html`<ul class="reasons">
                    ${result.reasons.map((r) => html`<li>${pick(r.message, this.locale)}</li>`)}
                  </ul>`
                : nothing}
              ${this.targets()} ${this.figures()}
              ${campaign.rules.scored && campaign.rules.moves.length > 0
                ? html`<h2>${t.gapsTitle}</h2>
                    ${gapItems.length
                      ? html`<ul class="gaps">
                          ${gapItems.map((g) => html`<li>${g}</li>`)}
                        </ul>`
                      : html`<p class="gaps">${t.gapNone}</p>`}`
                : nothing}
              ${this.inputs()} ${this.workingSection()}`
          : html`<p>${all.noData}</p>`}
        ${campaign.rules.scored
          ? html`<h2>${t.historyTitle}</h2>
              <lb-history-chart .points=${data.history} locale=${this.locale} label=${t.historyChartLabel(unit.name)}></lb-history-chart>`
          : nothing}
      </main>`;
  }
}

if (!customElements.get('lb-unit-detail')) customElements.define('lb-unit-detail', LbUnitDetail);

declare global {
  interface HTMLElementTagNameMap {
    'lb-unit-detail': LbUnitDetail;
  }
}
