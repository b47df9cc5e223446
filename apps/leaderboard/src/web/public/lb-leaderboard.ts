import { LitElement, html, nothing } from 'lit';
import type { UnitResult } from '@thidua/scoring';
import { type LeaderboardPageState, type LeaderboardResponse, type SnapshotEvent, type UnitIndexResponse, apiUrl, fetchJson, pageUrl, readEmbeddedState } from '../api.js';
import { formatDate, formatDecimal, formatMoney, formatTime } from '../format.js';
import { type Locale, followLocaleChanges, messages, pick, settleLocale } from '../i18n.js';
import { leaderboardStyles } from './leaderboard-styles.js';
import { subscribeToSnapshots } from './live.js';
import { pageSize } from './lb-ranking-table.js';
import type { SearchUnit } from './lb-unit-search.js';
import { pageStyles, sharedStyles } from '../styles.js';
import { publicationLine } from './publication-line.js';
import '../lb-language-switch.js';
import './lb-ranking-table.js';
import './lb-scorecard-table.js';
import './lb-unit-search.js';

/**
 * A campaign's public page (and, with `embed`, the compact view a district portal frames): the
 * header with period, as-of date and status; one search over every group; a tab per group with
 * its ranking; the rules in words; downloads. The server renders it with the same data (Lit SSR);
 * in the browser it reads that data from the JSON block named by `state`, hydrates, then follows
 * the campaign's live events. For a large roster the server embeds only the rows it painted
 * (`partial`) and the element fetches the rest when the reader needs it.
 *
 * @fires leaderboard-updated - after new figures were fetched and shown.
 */
export class LbLeaderboard extends LitElement {
  static override properties = {
    data: { attribute: false },
    locale: { reflect: true },
    group: { reflect: true },
    embed: { type: Boolean, reflect: true },
    partial: { type: Boolean },
    query: {},
    show: { type: Number },
    state: {},
    announcement: { state: true },
    updatedAt: { state: true },
    changed: { state: true },
    connection: { state: true },
    unitIndex: { state: true },
  };

  declare data: LeaderboardPageState | undefined;
  declare locale: Locale;
  declare group: string;
  declare embed: boolean;
  /** The data holds only the rows the server painted (a large roster): the rest is fetched on demand. */
  declare partial: boolean;
  declare query: string;
  /** Rows shown per table before "show more". */
  declare show: number;
  /** Id of the JSON data block holding the server's LeaderboardResponse. */
  declare state: string;
  declare announcement: string;
  declare updatedAt: Date | null;
  declare changed: ReadonlySet<string>;
  declare connection: 'idle' | 'live' | 'lost';
  /** Every unit of the campaign, for the search, fetched when the reader starts searching a partial page. */
  declare unitIndex: UnitIndexResponse['units'] | null;

  private unsubscribe: (() => void) | undefined;
  private loading: Promise<void> | null = null;

  constructor() {
    super();
    this.data = undefined;
    this.locale = 'vi';
    this.group = '';
    this.embed = false;
    this.partial = false;
    this.query = '';
    this.show = pageSize;
    this.state = '';
    this.announcement = '';
    this.updatedAt = null;
    this.changed = new Set();
    this.connection = 'idle';
    this.unitIndex = null;
    followLocaleChanges(this);
  }

  static override styles = [sharedStyles, pageStyles, leaderboardStyles];

  override connectedCallback() {
    if (!this.data) this.data = readEmbeddedState<LeaderboardPageState>(this.state || null);
    super.connectedCallback();
    const id = this.data?.campaign.id;
    if (!id) return;
    this.unsubscribe = subscribeToSnapshots(
      {
        onSnapshot: (event) => void this.refresh(event),
        onOpen: (reconnected) => {
          this.connection = 'live';
          if (reconnected) void this.refresh(null);
        },
        onLost: () => {
          this.connection = 'lost';
        },
      },
      apiUrl(id, 'events'),
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override updated(changed: Map<PropertyKey, unknown>) {
    // The skip link is the document's (light DOM, slotted): it follows a language switched in place.
    if (changed.has('locale')) {
      const skip = this.querySelector<HTMLAnchorElement>('a.skip[slot="skip"]');
      if (skip) skip.textContent = messages(this.locale).skipToContent;
    }
  }

  protected override firstUpdated() {
    this.locale = settleLocale(this.locale);
  }

  /** The whole leaderboard, when the page holds only part of it (a tab, "show more", search). */
  private loadAll(): Promise<void> {
    if (!this.partial || !this.data) return Promise.resolve();
    this.loading ??= fetchJson<LeaderboardResponse>(apiUrl(this.data.campaign.id, 'leaderboard')).then(
      (data) => {
        this.data = data;
        this.partial = false;
      },
      () => {
        this.loading = null;
      },
    );
    return this.loading;
  }

  /** The small index of every unit (GET …/units), for one search over a partial page: never the whole leaderboard. */
  private loadIndex(): void {
    if (!this.partial || !this.data || this.unitIndex) return;
    fetchJson<UnitIndexResponse>(apiUrl(this.data.campaign.id, 'units')).then(
      (index) => {
        this.unitIndex = index.units;
      },
      () => undefined,
    );
  }

  /** Refetch after an event (or a reconnection); mark what changed and say when. */
  private async refresh(event: SnapshotEvent | null) {
    const before = this.data;
    if (!before) return;
    try {
      const data = await fetchJson<LeaderboardResponse>(apiUrl(before.campaign.id, 'leaderboard'));
      this.changed = changedUnits(before, data);
      this.data = data;
      this.partial = false;
      this.updatedAt = new Date();
      this.dispatchEvent(new CustomEvent('leaderboard-updated', { bubbles: true, composed: true }));
      if (!event) return;
      const t = messages(this.locale);
      this.announcement =
        event.type === 'finalized' ? t.live.finalized : event.type === 'retracted' ? t.live.retracted : t.live.updated(data.snapshot ? formatDate(data.snapshot.asOf, this.locale) : '');
    } catch {
      this.connection = 'lost';
    }
  }

  private selectedGroupId(): string {
    const groups = this.data?.campaign.rules.groups ?? [];
    return groups.some((g) => g.id === this.group) ? this.group : (groups[0]?.id ?? '');
  }

  private selectTab(event: Event, groupId: string) {
    event.preventDefault();
    this.group = groupId;
    void this.loadAll();
    const url = new URL(location.href);
    url.searchParams.set('group', groupId);
    history.replaceState(null, '', url);
  }

  private onTabKey(event: KeyboardEvent) {
    const groups = this.data?.campaign.rules.groups ?? [];
    const index = groups.findIndex((g) => g.id === this.selectedGroupId());
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % groups.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + groups.length) % groups.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = groups.length - 1;
    const target = groups[next];
    if (next < 0 || !target) return;
    this.selectTab(event, target.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${target.id}`)?.focus());
  }

  private header() {
    const data = this.data;
    const t = messages(this.locale);
    if (!data) return nothing;
    const { campaign, snapshot, status } = data;
    const sample = campaign.sample || (snapshot?.sample ?? false);
    // The page's skip link, a light-DOM child slotted first in the header (the banner landmark).
    return html`<header>
      <slot name="skip"></slot>
      <div class="top">
        ${this.embed ? nothing : html`<a class="home" href="/">${t.home}</a>`}
        ${this.embed ? nothing : html`<lb-language-switch class="no-print" .locale=${this.locale}></lb-language-switch>`}
      </div>
      <p class="authority">${pick(campaign.authority, this.locale)}</p>
      <h1>${pick(campaign.title, this.locale)}</h1>
      <p class="meta">
        <span class="asof">${snapshot ? t.asOf(formatDate(snapshot.asOf, this.locale)) : t.noData}</span>
        <span class="status ${status}" title=${t.statusHint[status]}>${t.status[status]}</span>
        ${campaign.archived ? html`<span class="status archived">${t.archived}</span>` : nothing}
        ${this.updatedAt ? html`<span class="updated">${t.live.updatedAt(formatTime(this.updatedAt, this.locale, campaign.period.timeZone))}</span>` : nothing}
      </p>
      ${publicationLine(snapshot, data.decision, this.locale, campaign.period.timeZone)}
      ${sample ? html`<p class="sample" role="note"><strong>${t.sampleBadge}</strong> — ${t.sampleBanner}</p>` : nothing}
    </header>`;
  }

  private liveRegion() {
    const t = messages(this.locale);
    return html`<p class="live" role="status" aria-live="polite">
      ${this.connection === 'lost' ? html`<span class="lost">${t.live.reconnecting}</span>` : this.announcement}
    </p>`;
  }

  private searchUnits(): SearchUnit[] {
    const data = this.data;
    if (!data?.evaluation) return [];
    const groupName = new Map(data.campaign.rules.groups.map((g) => [g.id, pick(g.shortName, this.locale)]));
    if (this.partial && this.unitIndex) return this.unitIndex.map((u) => ({ id: u.id, name: u.name, groupName: groupName.get(u.groupId) ?? u.groupId }));
    return data.evaluation.units.map((u) => ({ id: u.unitId, name: u.unitName, groupName: groupName.get(u.groupId) ?? u.groupId }));
  }

  private groupPanel(groupId: string) {
    const data = this.data;
    if (!data) return nothing;
    const group = data.campaign.rules.groups.find((g) => g.id === groupId);
    const evaluation = data.evaluation;
    const units: UnitResult[] = evaluation ? evaluation.units.filter((u) => u.groupId === groupId) : [];
    const result = evaluation?.groups.find((g) => g.id === groupId);
    const title = html`<h2 class="panel-title sr-only">${group ? `${pick(group.shortName, this.locale)} — ${pick(group.name, this.locale)}` : ''}</h2>`;
    // A scorecard campaign (the CCHC index) is read as its units' points by group and task.
    if (data.campaign.rules.shape === 'scorecard' && !this.embed) {
      return html`<section role="tabpanel" id=${`panel-${groupId}`} aria-labelledby=${`tab-${groupId}`} data-group=${groupId} tabindex="-1">
        ${title}
        <lb-scorecard-table .campaign=${data.campaign} group-id=${groupId} .result=${result} .units=${units} locale=${this.locale}></lb-scorecard-table>
      </section>`;
    }
    return html`<section role="tabpanel" id=${`panel-${groupId}`} aria-labelledby=${`tab-${groupId}`} data-group=${groupId} tabindex="-1">
      ${title}
      <lb-ranking-table
        .campaign=${data.campaign}
        group-id=${groupId}
        .result=${result}
        .units=${units}
        .rankChanges=${data.rankChanges}
        .hasPrevious=${data.previousSnapshot !== null}
        .changed=${this.changed}
        .limit=${this.show}
        .total=${this.partial ? data.totals?.[groupId]?.ranked : undefined}
        .unranked=${this.partial ? data.totals?.[groupId]?.unranked : undefined}
        locale=${this.locale}
        ?compact=${this.embed}
        @show-more=${() => void this.loadAll()}
      ></lb-ranking-table>
    </section>`;
  }

  /** The other groups' award lists, for the printed page (the committee signs every group's). */
  private otherAwards(selected: string) {
    const data = this.data;
    if (!data?.evaluation) return nothing;
    return html`<div class="print-only">
      ${data.campaign.rules.groups
        .filter((g) => g.id !== selected && g.prizes.length > 0)
        .map((g) => {
          const evaluation = data.evaluation;
          return html`<h2 class="print-group">${pick(g.shortName, this.locale)} — ${pick(g.name, this.locale)}</h2>
            <lb-ranking-table
              awards-only
              .campaign=${data.campaign}
              group-id=${g.id}
              .result=${evaluation?.groups.find((r) => r.id === g.id)}
              .units=${evaluation?.units.filter((u) => u.groupId === g.id) ?? []}
              locale=${this.locale}
            ></lb-ranking-table>`;
        })}
    </div>`;
  }

  /** The rules in words: who is ranked, how ties are broken, the classes, the targets. */
  private rules() {
    const data = this.data;
    if (!data) return nothing;
    const t = messages(this.locale);
    const rules = data.campaign.rules;
    const items: string[] = [];
    for (const g of rules.groups) {
      if (g.conditions.length > 0) items.push(`${pick(g.shortName, this.locale)}: ${t.conditions(g.conditions.map((c) => pick(c.text, this.locale)).join('; '))}`);
    }
    if (rules.scored) items.push(rules.ties.length > 0 ? t.tieRules(rules.ties.map((x) => pick(x.text, this.locale)).join(', ')) : t.noTieRules);
    if (rules.alsoRankedBy.length > 0) items.push(t.alsoRankedBy(rules.alsoRankedBy.map((b) => `${b.number ? `${b.number}. ` : ''}${pick(b.label, this.locale)}`).join('; ')));
    if (rules.classes.length > 0) {
      items.push(t.classesLegend(rules.classes.map((c) => `${pick(c.label, this.locale)} ≥ ${formatDecimal(c.min, this.locale)}`).join(', ')));
    }
    if (rules.targets.length > 0) {
      items.push(`${rules.targets.map((x) => pick(x.label, this.locale)).join('; ')}. ${t.targetsLegend}`);
    }
    if (items.length === 0) return nothing;
    return html`<section class="rules" aria-labelledby="rules-title">
      <h2 id="rules-title">${t.rulesTitle}</h2>
      <ul>
        ${items.map((i) => html`<li>${i}</li>`)}
      </ul>
    </section>`;
  }

  override render() {
    const data = this.data;
    const t = messages(this.locale);
    if (!data) return html`<p>${t.noData}</p>`;
    const selected = this.selectedGroupId();
    const groups = data.campaign.rules.groups;
    const id = data.campaign.id;
    if (this.embed) {
      return html`${this.header()}
        <main id="content">
          ${this.liveRegion()} ${this.groupPanel(selected)}
          <p class="embed-more"><a href=${pageUrl(id)} target="_top">${pick(data.campaign.title, this.locale)}</a></p>
        </main>`;
    }
    const asOf = data.snapshot ? `?asOf=${data.snapshot.asOf}` : '';
    const hasPrizes = groups.some((g) => g.prizes.length > 0);
    // The page's skip link (in the document, before this element) targets a light-DOM anchor slotted
    // here, just before the main content: it works without script, and focus moves on from there.
    return html`${this.header()}
      <slot name="content-start"></slot>
      <main id="main" tabindex="-1">
        ${this.liveRegion()}
        ${this.searchUnits().length <= 1 && !this.partial
          ? nothing
          : html`<lb-unit-search
          campaign-id=${id}
          .units=${this.searchUnits()}
          .complete=${!this.partial || this.unitIndex !== null}
          query=${this.query}
          locale=${this.locale}
          class="no-print"
          @need-units=${() => this.loadIndex()}
        ></lb-unit-search>`}
        ${groups.length > 1
          ? html`<div role="tablist" aria-label=${t.groupsLabel} @keydown=${this.onTabKey}>
              ${groups.map((g) => {
                const isSelected = g.id === selected;
                return html`<a
                  role="tab"
                  id=${`tab-${g.id}`}
                  href=${`?group=${encodeURIComponent(g.id)}`}
                  aria-selected=${isSelected ? 'true' : 'false'}
                  aria-controls=${`panel-${g.id}`}
                  tabindex=${isSelected ? '0' : '-1'}
                  @click=${(e: Event) => this.selectTab(e, g.id)}
                  >${pick(g.shortName, this.locale)}<span class="tab-name"> — ${pick(g.name, this.locale)}</span></a
                >`;
              })}
            </div>`
          : nothing}
        ${this.groupPanel(selected)}
        ${hasPrizes ? this.otherAwards(selected) : nothing}
        ${data.evaluation && hasPrizes
          ? html`<p class="grand-total">${t.grandTotal}: <strong>${formatMoney(data.evaluation.totalAwarded, this.locale)}</strong></p>`
          : nothing}
        ${this.rules()}
        ${data.snapshot ? html`<p class="provenance">${t.provenance(data.campaign.ruleSetId, data.snapshot.sourceFileName, data.snapshot.sha256)}</p>` : nothing}
      </main>
      <footer class="no-print">
        <h2>${t.exports}</h2>
        <ul>
          ${hasPrizes
            ? html`<li><a class="button annex" href=${`${pageUrl(id, 'awards')}${asOf}`}>${t.annex}</a></li>
                <li><a class="button" href=${`${apiUrl(id, 'export/awards.csv')}${asOf}`} download>${t.exportAwards} (CSV)</a></li>
                <li><a class="button" href=${`${apiUrl(id, 'export/awards.csv')}${asOf ? `${asOf}&` : '?'}dialect=excel-vn`} download>${t.exportAwards} (${t.excelVn})</a></li>
                <li><a class="button" href=${`${apiUrl(id, 'export/awards.xlsx')}${asOf}`} download>${t.exportAwards} (XLSX)</a></li>`
            : nothing}
          <li><a class="button results" href=${`${pageUrl(id, 'results')}${asOf}`}>${t.resultsTable}</a></li>
          ${data.campaign.rules.shape === 'scorecard'
            ? html`<li><a class="button" href=${`${apiUrl(id, 'export/scorecard.xlsx')}${asOf}`} download>${t.exportScorecard} (XLSX)</a></li>`
            : nothing}
          <li><a class="button" href=${`${apiUrl(id, 'export/ranking.csv')}${asOf}`} download>${t.exportRanking} (CSV)</a></li>
          <li><a class="button" href=${`${apiUrl(id, 'export/ranking.csv')}${asOf ? `${asOf}&` : '?'}dialect=excel-vn`} download>${t.exportRanking} (${t.excelVn})</a></li>
          <li><a class="button" href=${`${apiUrl(id, 'export/ranking.xlsx')}${asOf}`} download>${t.exportRanking} (XLSX)</a></li>
          <li><a class="button" href=${`${apiUrl(id, 'export/award-bundle.json')}${asOf}`} download>${t.exportBundle}</a></li>
          ${hasPrizes ? html`<li><button type="button" @click=${() => window.print()}>${t.print}</button></li>` : nothing}
        </ul>
      </footer>`;
  }
}

/** Units whose score, rank, prize or class differs between two leaderboards. */
export function changedUnits(before: LeaderboardResponse, after: LeaderboardResponse): Set<string> {
  const old = new Map((before.evaluation?.units ?? []).map((u) => [u.unitId, u]));
  const changed = new Set<string>();
  for (const u of after.evaluation?.units ?? []) {
    const o = old.get(u.unitId);
    if (!o || o.score !== u.score || o.rank !== u.rank || o.prize?.id !== u.prize?.id || o.class !== u.class) changed.add(u.unitId);
  }
  return changed;
}

if (!customElements.get('lb-leaderboard')) customElements.define('lb-leaderboard', LbLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'lb-leaderboard': LbLeaderboard;
  }
}
