import { LitElement, css, html, nothing } from 'lit';
import { type CampaignSummary, type CampaignsResponse, fetchJson, pageUrl, readEmbeddedState, unitPageUrl } from '../api.js';
import { formatDate, formatDecimal, formatInteger } from '../format.js';
import { type Locale, followLocaleChanges, messages, pick, settleLocale } from '../i18n.js';
import { subscribeToSnapshots } from './live.js';
import { pageStyles, sharedStyles } from '../styles.js';
import '../lb-language-switch.js';

/**
 * The home page: every campaign the server hosts, each with its title, period, status, latest
 * as-of date and the leaders of each group; archived campaigns after the others. Follows every
 * campaign's live events.
 */
export class LbCampaignList extends LitElement {
  static override properties = {
    data: { attribute: false },
    locale: { reflect: true },
    state: {},
  };

  declare data: CampaignsResponse | undefined;
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
        font-size: clamp(1.3rem, 2.4vw + 0.7rem, 2rem);
        margin: 0.5rem 0 0.25rem;
      }
      .intro {
        color: var(--lb-muted);
        margin: 0 0 0.5rem;
      }
      h2 {
        font-size: 1.15rem;
        margin: 1.5rem 0 0.5rem;
      }
      ul.campaigns {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
        gap: 0.9rem;
      }
      article {
        border: 1px solid var(--lb-border);
        border-radius: 10px;
        padding: 0.75rem 0.9rem;
        height: 100%;
      }
      h3 {
        margin: 0 0 0.25rem;
        font-size: 1.05rem;
        line-height: 1.3;
      }
      h3 a {
        display: inline-block;
        min-height: 24px;
      }
      .authority,
      .dates {
        color: var(--lb-muted);
        font-size: 0.88rem;
        margin: 0.15rem 0;
      }
      .badges {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        margin: 0.35rem 0;
      }
      .badge {
        display: inline-block;
        border-radius: 999px;
        padding: 0.05rem 0.55rem;
        line-height: 1.5;
        font-size: 0.8rem;
        font-weight: 600;
        border: 1px solid var(--lb-border);
        background: var(--lb-stripe);
      }
      .badge.provisional {
        background: var(--lb-warn-bg);
        color: var(--lb-warn-text);
      }
      .badge.final {
        background: var(--lb-up);
        color: #fff;
      }
      .badge.sample {
        background: var(--lb-warn-bg);
        color: var(--lb-warn-text);
        border-color: #b7791f;
      }
      h4 {
        margin: 0.5rem 0 0.15rem;
        font-size: 0.9rem;
      }
      ol.leaders {
        margin: 0;
        padding-left: 1.3rem;
        font-size: 0.92rem;
      }
      ol.leaders li {
        margin: 0.1rem 0;
      }
      .figure {
        color: var(--lb-muted);
      }
      .empty {
        color: var(--lb-muted);
      }
    `,
  ];

  override connectedCallback() {
    if (!this.data) this.data = readEmbeddedState<CampaignsResponse>(this.state || null);
    super.connectedCallback();
    this.unsubscribe = subscribeToSnapshots(
      {
        onSnapshot: () => void this.refresh(),
        onOpen: (reconnected) => {
          if (reconnected) void this.refresh();
        },
        onLost: () => {},
      },
      '/api/events',
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
    try {
      this.data = await fetchJson<CampaignsResponse>('/api/campaigns');
    } catch {
      // The next event retries.
    }
  }

  private card(c: CampaignSummary) {
    const all = messages(this.locale);
    const t = all.campaigns;
    return html`<li data-campaign-id=${c.id}>
      <article aria-labelledby=${`title-${c.id}`}>
        <h3 id=${`title-${c.id}`}><a href=${pageUrl(c.id)}>${pick(c.title, this.locale)}</a></h3>
        <p class="authority">${pick(c.authority, this.locale)}</p>
        <p class="dates">
          ${all.period}: ${formatDate(c.period.start, this.locale)}–${formatDate(c.period.end, this.locale)} ·
          ${c.latestAsOf ? t.latest(formatDate(c.latestAsOf, this.locale)) : all.noData}
        </p>
        <div class="badges">
          <span class="badge ${c.status}">${all.status[c.status]}</span>
          ${c.archived ? html`<span class="badge">${all.archived}</span>` : nothing}
          ${c.sample ? html`<span class="badge sample">${all.sampleBadge}</span>` : nothing}
          <span class="badge">${t.units(formatInteger(c.units, this.locale))}</span>
        </div>
        ${c.leaders.some((g) => g.units.length > 0)
          ? c.leaders.map((g) =>
              g.units.length === 0
                ? nothing
                : html`<h4>${t.leaders} — ${pick(g.groupName, this.locale)}</h4>
                    <ol class="leaders">
                      ${g.units.map(
                        (u) => html`<li value=${u.rank ?? nothing}>
                          <a href=${unitPageUrl(c.id, u.unitId)}>${u.unitName}</a>
                          <span class="figure">
                            ${u.score !== null ? formatDecimal(u.score, this.locale) : nothing}
                            ${u.class ? ` · ${pick(u.class, this.locale)}` : nothing}${u.prize ? ` · ${pick(u.prize, this.locale)}` : nothing}
                            ${u.targetsMet ? t.targetsMet(formatInteger(u.targetsMet.met, this.locale), formatInteger(u.targetsMet.of, this.locale)) : nothing}
                          </span>
                        </li>`,
                      )}
                    </ol>`,
            )
          : nothing}
      </article>
    </li>`;
  }

  override render() {
    const all = messages(this.locale);
    const t = all.campaigns;
    const campaigns = this.data?.campaigns ?? [];
    const active = campaigns.filter((c) => !c.archived);
    const archived = campaigns.filter((c) => c.archived);
    return html`<header>
        <div class="top">
          <span></span>
          <lb-language-switch .locale=${this.locale}></lb-language-switch>
        </div>
        <h1>${t.title}</h1>
        <p class="intro">${t.intro}</p>
      </header>
      <main>
        ${campaigns.length === 0 ? html`<p class="empty">${t.none}</p>` : nothing}
        ${active.length ? html`<h2>${t.active}</h2><ul class="campaigns">${active.map((c) => this.card(c))}</ul>` : nothing}
        ${archived.length ? html`<h2>${t.archivedTitle}</h2><ul class="campaigns">${archived.map((c) => this.card(c))}</ul>` : nothing}
      </main>`;
  }
}

if (!customElements.get('lb-campaign-list')) customElements.define('lb-campaign-list', LbCampaignList);

declare global {
  interface HTMLElementTagNameMap {
    'lb-campaign-list': LbCampaignList;
  }
}
