import { LitElement, css, html, nothing } from 'lit';
import { AdminApi, type PresetInfo } from './admin/admin-api.js';
import { adminMessages } from './admin/admin-messages.js';
import { adminStyles } from './admin/admin-styles.js';
import type { CampaignSummary, SnapshotMeta } from './api.js';
import { type Locale, followLocaleChanges, pick, settleLocale } from './i18n.js';
import { sharedStyles } from './styles.js';
import './lb-admin-audit.js';
import './lb-admin-campaigns.js';
import './lb-admin-snapshots.js';
import './lb-admin-upload.js';
import './lb-language-switch.js';

const tokenKey = 'thidua.adminToken';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Phòng Nội vụ's page (/admin): keep the admin token for the session, choose a campaign, and work on
 * it with the elements that share one API client — its roster and archiving, uploads, snapshots and
 * finalising, the audit log — or create a new one. Every decision is the server's; the page asks.
 */
export class LbAdmin extends LitElement {
  static override properties = {
    locale: { reflect: true },
    campaignId: { attribute: 'campaign-id', reflect: true },
    token: { state: true },
    tokenDraft: { state: true },
    notice: { state: true },
    campaigns: { state: true },
    presets: { state: true },
    snapshots: { state: true },
  };

  declare locale: Locale;
  declare campaignId: string;
  declare token: string;
  declare tokenDraft: string;
  declare notice: Notice;
  declare campaigns: CampaignSummary[];
  declare presets: PresetInfo[];
  declare snapshots: SnapshotMeta[];

  private readonly api = new AdminApi(() => this.token);

  constructor() {
    super();
    this.locale = 'vi';
    this.campaignId = '';
    this.token = '';
    this.tokenDraft = '';
    this.notice = null;
    this.campaigns = [];
    this.presets = [];
    this.snapshots = [];
    followLocaleChanges(this);
    this.addEventListener('admin-notice', (e) => {
      const { kind, text, changed } = (e as CustomEvent<{ kind: 'ok' | 'error'; text: string; changed: boolean }>).detail;
      this.notice = { kind, text };
      if (changed) void this.reload();
    });
    this.addEventListener('campaign-created', (e) => {
      this.campaignId = (e as CustomEvent<string>).detail;
    });
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        max-width: 68rem;
        margin: 0 auto;
        padding: 0 1rem 2rem;
      }
      header {
        display: flex;
        justify-content: space-between;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        border-bottom: 3px solid var(--lb-accent);
        padding: 1rem 0 0.5rem;
      }
      h1 {
        margin: 0;
        font-size: 1.5rem;
      }
      .notice {
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
        margin: 0.75rem 0 0;
      }
      .notice.ok {
        background: #e6f4ea;
        color: var(--lb-up);
      }
      .notice.error {
        background: #fce8e6;
        color: var(--lb-down);
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.reload();
  }

  protected override firstUpdated() {
    this.locale = settleLocale(this.locale);
    try {
      this.token = sessionStorage.getItem(tokenKey) ?? '';
    } catch {
      this.token = '';
    }
  }

  private get selected(): CampaignSummary | undefined {
    return this.campaigns.find((c) => c.id === this.campaignId);
  }

  private async reload() {
    const campaigns = await this.api.campaigns();
    if (campaigns.ok && campaigns.body) {
      this.campaigns = campaigns.body.campaigns;
      if (!this.selected) this.campaignId = campaigns.body.defaultCampaignId ?? this.campaigns[0]?.id ?? '';
    }
    if (this.presets.length === 0) {
      const presets = await this.api.presets();
      if (presets.ok && presets.body) this.presets = presets.body.presets;
    }
    if (this.campaignId) {
      const snapshots = await this.api.snapshots(this.campaignId);
      this.snapshots = snapshots.ok && snapshots.body ? snapshots.body.snapshots : [];
    }
  }

  private saveToken(event: Event) {
    event.preventDefault();
    const token = this.tokenDraft.trim();
    if (!token) return;
    this.token = token;
    this.tokenDraft = '';
    try {
      sessionStorage.setItem(tokenKey, token);
    } catch {
      // The token still works for this page view.
    }
    this.notice = { kind: 'ok', text: adminMessages(this.locale).tokenSaved };
  }

  private forgetToken() {
    this.token = '';
    try {
      sessionStorage.removeItem(tokenKey);
    } catch {
      // Nothing stored.
    }
  }

  private choose(id: string) {
    this.campaignId = id;
    const url = new URL(location.href);
    url.searchParams.set('campaign', id);
    history.replaceState(null, '', url);
    void this.reload();
  }

  override render() {
    const t = adminMessages(this.locale);
    const selected = this.selected;
    return html`<header>
        <h1>${t.title}</h1>
        <lb-language-switch .locale=${this.locale}></lb-language-switch>
      </header>
      <main>
        <p class="hint"><a href="/">${t.back}</a></p>
        <div role="status" aria-live="polite">${this.notice ? html`<p class="notice ${this.notice.kind}">${this.notice.text}</p>` : nothing}</div>
        <section aria-labelledby="token-title">
          <h2 id="token-title">${t.tokenLabel}</h2>
          ${this.token
            ? html`<p>${t.tokenSaved}</p>
                <button type="button" @click=${this.forgetToken}>${t.tokenForget}</button>`
            : html`<form @submit=${this.saveToken}>
                <label for="token">${t.tokenLabel}</label>
                <div class="row">
                  <input id="token" type="password" autocomplete="off" .value=${this.tokenDraft} @input=${(e: Event) => (this.tokenDraft = (e.target as HTMLInputElement).value)} />
                  <button type="submit" class="primary">${t.tokenSave}</button>
                </div>
                <p class="hint">${t.tokenHint}</p>
              </form>`}
        </section>
        ${this.token
          ? html`<section aria-labelledby="campaign-title">
                <h2 id="campaign-title">${t.campaignLabel}</h2>
                <label for="campaign">${t.campaignPick}</label>
                <select id="campaign" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
                  ${this.campaigns.map((c) => html`<option value=${c.id} ?selected=${c.id === this.campaignId}>${pick(c.title, this.locale)} (${c.id})</option>`)}
                </select>
              </section>
              ${selected
                ? html`<lb-admin-upload .api=${this.api} .campaign=${selected} locale=${this.locale}></lb-admin-upload>
                    <lb-admin-snapshots .api=${this.api} .campaign=${selected} .snapshots=${this.snapshots} locale=${this.locale}></lb-admin-snapshots>`
                : nothing}
              <lb-admin-campaigns .api=${this.api} .campaign=${selected} .presets=${this.presets} locale=${this.locale}></lb-admin-campaigns>
              <lb-admin-audit .api=${this.api} campaign-id=${this.campaignId} locale=${this.locale}></lb-admin-audit>`
          : html`<p class="hint">${t.needToken}</p>`}
      </main>`;
  }
}

if (!customElements.get('lb-admin')) customElements.define('lb-admin', LbAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin': LbAdmin;
  }
}
