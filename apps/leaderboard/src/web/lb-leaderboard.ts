import { LitElement, css, html, nothing } from 'lit';
import type { UnitResult } from '@thidua/scoring';
import { type LeaderboardResponse, type SnapshotEvent, fetchJson, readEmbeddedState } from './api.js';
import { formatDate, formatMoney } from './format.js';
import { type Locale, followLocaleChanges, messages, pick, settleLocale } from './i18n.js';
import { subscribeToSnapshots } from './live.js';
import { pageStyles, sharedStyles } from './styles.js';
import './lb-language-switch.js';
import './lb-ranking-table.js';

/**
 * The public leaderboard (and, with `embed`, the compact view the district portal frames): header
 * with status and as-of date, one tab per competition group, live updates from /api/events.
 *
 * The server renders it with the same data (Lit SSR); in the browser it reads that data from the
 * JSON block named by its `state` attribute, hydrates, then follows the server's events.
 *
 * @fires leaderboard-updated - after new figures were fetched and shown.
 */
export class LbLeaderboard extends LitElement {
  static override properties = {
    data: { attribute: false },
    locale: { reflect: true },
    group: { reflect: true },
    embed: { type: Boolean, reflect: true },
    state: {},
    announcement: { state: true },
    connection: { state: true },
  };

  declare data: LeaderboardResponse | undefined;
  declare locale: Locale;
  declare group: string;
  declare embed: boolean;
  /** Id of the JSON data block holding the server's LeaderboardResponse. */
  declare state: string;
  declare announcement: string;
  declare connection: 'idle' | 'live' | 'lost';

  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.data = undefined;
    this.locale = 'vi';
    this.group = '';
    this.embed = false;
    this.state = '';
    this.announcement = '';
    this.connection = 'idle';
    followLocaleChanges(this);
  }

  static override styles = [
    sharedStyles,
    pageStyles,
    css`
      :host {
        --lb-page-width: 76rem;
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 1rem;
        top: 0.5rem;
        background: #fff;
        padding: 0.5rem;
        z-index: 1;
      }
      .eyebrow {
        margin: 0;
        color: var(--lb-muted);
        font-size: 0.9rem;
      }
      h1 {
        font-size: clamp(1.2rem, 2.6vw + 0.6rem, 1.9rem);
        line-height: 1.25;
        margin: 0.5rem 0;
      }
      .asof {
        font-weight: 700;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin: 1rem 0 0;
        border-bottom: 1px solid var(--lb-border);
      }
      [role='tab'] {
        padding: 0.6rem 0.9rem;
        border: 1px solid var(--lb-border);
        border-bottom: none;
        border-radius: 8px 8px 0 0;
        text-decoration: none;
        color: var(--lb-text);
        background: var(--lb-stripe);
        font-weight: 600;
      }
      [role='tab'][aria-selected='true'] {
        background: #fff;
        color: var(--lb-accent);
        border-color: var(--lb-accent);
        border-bottom: 3px solid #fff;
        margin-bottom: -1px;
      }
      [role='tabpanel'] {
        padding-top: 0.25rem;
      }
      .live {
        min-height: 1.5rem;
        margin: 0.5rem 0 0;
        color: var(--lb-muted);
        font-size: 0.9rem;
      }
      .live .lost {
        color: var(--lb-down);
      }
      footer {
        margin-top: 2rem;
        border-top: 1px solid var(--lb-border);
        padding-top: 1rem;
      }
      footer ul {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .grand-total {
        margin: 1.25rem 0 0;
        font-size: 1.05rem;
      }
      :host([embed]) h1 {
        font-size: 1.1rem;
        margin: 0.25rem 0;
      }
      .provenance {
        color: var(--lb-muted);
        font-size: 0.8rem;
        overflow-wrap: anywhere;
      }
      .embed-more {
        font-size: 0.9rem;
      }
      @media print {
        :host {
          max-width: none;
          padding: 0;
        }
        [role='tablist'],
        footer,
        .live,
        .skip,
        lb-language-switch {
          display: none !important;
        }
        [role='tabpanel'][hidden] {
          display: block !important;
        }
        [role='tabpanel'] {
          break-before: auto;
        }
        .panel-title.sr-only {
          position: static;
          width: auto;
          height: auto;
          margin: 1rem 0 0;
          overflow: visible;
          clip: auto;
          white-space: normal;
          font-size: 1.1rem;
        }
        header {
          border-bottom: 2px solid #000;
        }
      }
    `,
  ];

  override connectedCallback() {
    if (!this.data) {
      this.data = readEmbeddedState<LeaderboardResponse>(this.state || null);
    }
    super.connectedCallback();
    this.unsubscribe = subscribeToSnapshots({
      onSnapshot: (event) => void this.refresh(event),
      onOpen: (reconnected) => {
        this.connection = 'live';
        if (reconnected) void this.refresh(null);
      },
      onLost: () => {
        this.connection = 'lost';
      },
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override firstUpdated() {
    this.locale = settleLocale(this.locale);
  }

  /** Refetch the leaderboard after an event (or a reconnection) and announce what changed. */
  private async refresh(event: SnapshotEvent | null) {
    try {
      const data = await fetchJson<LeaderboardResponse>('/api/leaderboard');
      this.data = data;
      this.dispatchEvent(new CustomEvent('leaderboard-updated', { bubbles: true, composed: true }));
      if (!event) return;
      const t = messages(this.locale);
      this.announcement =
        event.type === 'finalized'
          ? t.live.finalized
          : event.type === 'retracted'
            ? t.live.retracted
            : t.live.updated(data.snapshot ? formatDate(data.snapshot.asOf, this.locale) : '');
    } catch {
      this.connection = 'lost';
    }
  }

  private selectedGroupId(): string {
    const groups = this.data?.campaign.groups ?? [];
    return groups.some((g) => g.id === this.group) ? this.group : (groups[0]?.id ?? '');
  }

  private selectTab(event: Event, groupId: string) {
    event.preventDefault();
    this.group = groupId;
    const url = new URL(location.href);
    url.searchParams.set('group', groupId);
    history.replaceState(null, '', url);
  }

  private onTabKey(event: KeyboardEvent) {
    const groups = this.data?.campaign.groups ?? [];
    const index = groups.findIndex((g) => g.id === this.selectedGroupId());
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % groups.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + groups.length) % groups.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = groups.length - 1;
    if (next < 0) return;
    const target = groups[next];
    if (!target) return;
    this.selectTab(event, target.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${target.id}`)?.focus());
  }

  private header() {
    const data = this.data;
    const t = messages(this.locale);
    if (!data) return nothing;
    const { campaign, snapshot, status } = data;
    const sample = campaign.sample || (snapshot?.sample ?? false);
    return html`<header>
      ${this.embed ? nothing : html`<a class="skip" href="#rankings">${t.skipToContent}</a>`}
      <div class="top">
        <p class="eyebrow">${t.period}: ${formatDate(campaign.period.start, this.locale)}–${formatDate(campaign.period.end, this.locale)}</p>
        ${this.embed ? nothing : html`<lb-language-switch class="no-print" .locale=${this.locale}></lb-language-switch>`}
      </div>
      <h1>${pick(campaign.title, this.locale)}</h1>
      <p class="meta">
        <span class="asof">${snapshot ? t.asOf(formatDate(snapshot.asOf, this.locale)) : t.noData}</span>
        <span class="status ${status}" title=${t.statusHint[status]}>${t.status[status]}</span>
      </p>
      ${sample ? html`<p class="sample" role="note"><strong>${t.sampleBadge}</strong> — ${t.sampleBanner}</p>` : nothing}
    </header>`;
  }

  private liveRegion() {
    const t = messages(this.locale);
    return html`<p class="live" role="status" aria-live="polite">
      ${this.connection === 'lost' ? html`<span class="lost">${t.live.reconnecting}</span>` : this.announcement}
    </p>`;
  }

  private groupPanel(groupId: string, hidden: boolean) {
    const data = this.data;
    if (!data) return nothing;
    const group = data.campaign.groups.find((g) => g.id === groupId);
    const evaluation = data.evaluation;
    const units: UnitResult[] = evaluation ? evaluation.units.filter((u) => u.groupId === groupId) : [];
    const result = evaluation?.groups.find((g) => g.id === groupId);
    return html`<section
      role="tabpanel"
      id=${`panel-${groupId}`}
      aria-labelledby=${`tab-${groupId}`}
      ?hidden=${hidden}
      data-group=${groupId}
    >
      <h2 class="panel-title sr-only">${group ? `${pick(group.shortName, this.locale)} — ${pick(group.name, this.locale)}` : ''}</h2>
      <lb-ranking-table
        .group=${group}
        .result=${result}
        .units=${units}
        .rankChanges=${data.rankChanges}
        .hasPrevious=${data.previousSnapshot !== null}
        locale=${this.locale}
        ?compact=${this.embed}
      ></lb-ranking-table>
    </section>`;
  }

  override render() {
    const data = this.data;
    const t = messages(this.locale);
    if (!data) return html`<p>${t.noData}</p>`;
    const selected = this.selectedGroupId();
    const groups = data.campaign.groups;
    if (this.embed) {
      return html`${this.header()}
        <main>
          ${this.liveRegion()} ${this.groupPanel(selected, false)}
          <p class="embed-more"><a href="/" target="_top">${pick(data.campaign.title, this.locale)}</a></p>
        </main>`;
    }
    const asOf = data.snapshot ? `?asOf=${data.snapshot.asOf}` : '';
    return html`${this.header()}
      <main id="rankings">
        ${this.liveRegion()}
        <div role="tablist" aria-label=${t.groupsLabel} @keydown=${this.onTabKey}>
          ${groups.map((g) => {
            const isSelected = g.id === selected;
            return html`<a
              role="tab"
              id=${`tab-${g.id}`}
              href=${`?group=${g.id}`}
              aria-selected=${isSelected ? 'true' : 'false'}
              aria-controls=${`panel-${g.id}`}
              tabindex=${isSelected ? '0' : '-1'}
              @click=${(e: Event) => this.selectTab(e, g.id)}
              >${pick(g.shortName, this.locale)} — ${pick(g.name, this.locale)}</a
            >`;
          })}
        </div>
        ${groups.map((g) => this.groupPanel(g.id, g.id !== selected))}
        ${data.evaluation
          ? html`<p class="grand-total">${t.grandTotal}: <strong>${formatMoney(data.evaluation.totalAwarded, this.locale)}</strong></p>`
          : nothing}
        ${data.snapshot
          ? html`<p class="provenance">${t.provenance(data.campaign.ruleSetId, data.snapshot.sourceFileName, data.snapshot.sha256)}</p>`
          : nothing}
      </main>
      <footer class="no-print">
        <h2>${t.exports}</h2>
        <ul>
          <li><a class="button" href=${`/api/export/awards.csv${asOf}`} download>${t.exportAwards} (CSV)</a></li>
          <li><a class="button" href=${`/api/export/awards.xlsx${asOf}`} download>${t.exportAwards} (XLSX)</a></li>
          <li><a class="button" href=${`/api/export/ranking.csv${asOf}`} download>${t.exportRanking} (CSV)</a></li>
          <li><a class="button" href=${`/api/export/ranking.xlsx${asOf}`} download>${t.exportRanking} (XLSX)</a></li>
          <li><button type="button" @click=${() => window.print()}>${t.print}</button></li>
        </ul>
      </footer>`;
  }
}

if (!customElements.get('lb-leaderboard')) customElements.define('lb-leaderboard', LbLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'lb-leaderboard': LbLeaderboard;
  }
}
