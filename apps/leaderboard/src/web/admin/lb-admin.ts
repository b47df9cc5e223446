import { LitElement, css, html, nothing } from 'lit';
import type { Account } from '../../contract.js';
import { holds } from '../../roles.js';
import { AdminApi, type PresetInfo } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import type { Notice } from './notice.js';
import { type CampaignSummary, type SnapshotMeta, pageUrl } from '../api.js';
import { formatDate, formatMoment } from '../format.js';
import { type Locale, followLocaleChanges, pick, settleLocale } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import './lb-admin-accounts.js';
import './lb-admin-audit.js';
import './lb-admin-backup.js';
import './lb-admin-campaigns.js';
import './lb-admin-finalize.js';
import './lb-admin-login.js';
import './lb-admin-password.js';
import './lb-admin-snapshots.js';
import './lb-admin-upload.js';
import '../round/lb-round.js';
import '../lb-language-switch.js';

/**
 * The officials' page (/admin): sign in, choose a campaign, and do what one's roles allow — a
 * statistics clerk uploads, a publisher publishes and retracts, the council finalises, an
 * administrator manages campaigns, accounts and back-ups; everyone reads the audit log. A final or
 * archived campaign says so, and offers no change. Every decision is the server's; the page asks.
 */
export class LbAdmin extends LitElement {
  static override properties = {
    locale: { reflect: true },
    campaignId: { attribute: 'campaign-id', reflect: true },
    account: { state: true },
    checking: { state: true },
    loginNotice: { state: true },
    showPassword: { state: true },
    campaigns: { state: true },
    presets: { state: true },
    snapshots: { state: true },
  };

  declare locale: Locale;
  declare campaignId: string;
  declare account: Account | null;
  /** The session is being asked for (the server rendered the page without knowing who reads it). */
  declare checking: boolean;
  declare loginNotice: Notice;
  declare showPassword: boolean;
  declare campaigns: CampaignSummary[];
  declare presets: PresetInfo[];
  declare snapshots: SnapshotMeta[];

  private readonly api = new AdminApi();

  constructor() {
    super();
    this.locale = 'vi';
    this.campaignId = '';
    this.account = null;
    this.checking = true;
    this.loginNotice = null;
    this.showPassword = false;
    this.campaigns = [];
    this.presets = [];
    this.snapshots = [];
    followLocaleChanges(this);
    this.api.onSignedOut = () => {
      if (!this.account) return;
      this.account = null;
      this.loginNotice = { kind: 'warn', text: adminMessages(this.locale).sessionEnded };
    };
    this.addEventListener('admin-changed', () => void this.reload());
    this.addEventListener('campaign-created', (e) => this.choose((e as CustomEvent<string>).detail));
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
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
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.start();
  }

  protected override firstUpdated() {
    this.locale = settleLocale(this.locale);
  }

  private async start() {
    const session = await this.api.session();
    this.account = session.body?.account ?? null;
    this.checking = false;
    await this.reload();
  }

  private get selected(): CampaignSummary | undefined {
    return this.campaigns.find((c) => c.id === this.campaignId);
  }

  private can(role: Parameters<typeof holds>[1]): boolean {
    return this.account !== null && holds(this.account.grants, role, this.campaignId || null);
  }

  private async reload() {
    // Signed in, the list holds the index rounds in progress too (off the public pages until final).
    const campaigns = this.account ? await this.api.workCampaigns() : await this.api.campaigns();
    if (campaigns.ok && campaigns.body) {
      this.campaigns = campaigns.body.campaigns;
      // Before signing in, an index round in progress is not in the (public) list: keep the one asked for.
      if (!this.selected && (this.account !== null || this.campaignId === '')) {
        const mine = this.account ? this.campaigns.find((c) => holds(this.account?.grants ?? [], 'member', c.id)) : undefined;
        this.campaignId = mine?.id ?? campaigns.body.defaultCampaignId ?? this.campaigns[0]?.id ?? '';
      }
    }
    if (!this.account) return;
    if (this.presets.length === 0 && this.can('admin')) {
      const presets = await this.api.presets();
      if (presets.ok && presets.body) this.presets = presets.body.presets;
    }
    if (this.campaignId && this.can('member')) {
      const snapshots = await this.api.snapshots(this.campaignId);
      this.snapshots = snapshots.ok && snapshots.body ? snapshots.body.snapshots : [];
    } else {
      this.snapshots = [];
    }
    await this.updateComplete;
    await this.renderRoot.querySelector('lb-admin-audit')?.refresh();
  }

  private async signOut() {
    await this.api.logout();
    this.account = null;
    this.showPassword = false;
    this.loginNotice = { kind: 'ok', text: adminMessages(this.locale).signedOut };
  }

  private choose(id: string) {
    this.campaignId = id;
    const url = new URL(location.href);
    url.searchParams.set('campaign', id);
    history.replaceState(null, '', url);
    void this.reload();
  }

  /** A final or archived campaign says so: when, by whom, on which decision. Nothing can change it. */
  private status(campaign: CampaignSummary) {
    const t = adminMessages(this.locale);
    const f = campaign.finalisation;
    const annex = campaign.awardsPrizes ? html`<a class="annex" href=${pageUrl(campaign.id, 'awards')}>${t.annexLink}</a>` : nothing;
    if (f) {
      return html`<div class="banner final" role="status">
        <p>${t.finalBanner(formatMoment(f.finalizedAt, this.locale, campaign.period.timeZone), f.finalizedBy)}</p>
        <p>${f.decision ? t.decisionLine(f.decision.kind, f.decision.number, formatDate(f.decision.date, this.locale), `${f.decision.signerTitle} ${f.decision.signerName}`) : t.noDecision}</p>
        <p>${annex}</p>
      </div>`;
    }
    if (campaign.archived) return html`<p class="banner" role="status">${t.archivedBanner}</p>`;
    return campaign.awardsPrizes ? html`<p>${annex}</p>` : nothing;
  }

  override render() {
    const t = adminMessages(this.locale);
    const account = this.account;
    return html`<header>
        <h1>${t.title}</h1>
        <lb-language-switch .locale=${this.locale}></lb-language-switch>
      </header>
      <main>
        <p class="hint"><a href="/">${t.back}</a></p>
        ${this.checking
          ? html`<p role="status">${t.working}</p>`
          : account
            ? this.signedIn(account)
            : html`<lb-admin-login
                .api=${this.api}
                .notice=${this.loginNotice}
                locale=${this.locale}
                @signed-in=${(e: CustomEvent<{ account: Account | null }>) => {
                  this.account = e.detail.account;
                  this.loginNotice = null;
                  void this.reload();
                }}
              ></lb-admin-login>`}
      </main>`;
  }

  private signedIn(account: Account) {
    const t = adminMessages(this.locale);
    const selected = this.selected;
    const campaignList = this.campaigns.map((c) => ({ id: c.id, title: c.title }));
    return html`<div class="who">
        <span class="signed-in-as">${t.signedInAs(account.displayName)}</span>
        <button type="button" class="change-password" aria-expanded=${this.showPassword ? 'true' : 'false'} @click=${() => (this.showPassword = !this.showPassword)}>
          ${t.changePassword}
        </button>
        <button type="button" class="sign-out" @click=${this.signOut}>${t.signOut}</button>
      </div>
      ${this.showPassword ? html`<lb-admin-password .api=${this.api} locale=${this.locale}></lb-admin-password>` : nothing}
      ${account.grants.length === 0 ? html`<p class="banner" role="status">${t.noRoles}</p>` : nothing}
      <section aria-labelledby="campaign-title">
        <h2 id="campaign-title">${t.campaignLabel}</h2>
        <label for="campaign">${t.campaignPick}</label>
        <select id="campaign" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
          ${this.campaigns.map((c) => html`<option value=${c.id} ?selected=${c.id === this.campaignId}>${pick(c.title, this.locale)} (${c.id})</option>`)}
        </select>
        ${selected ? this.status(selected) : nothing}
      </section>
      ${selected && this.can('member')
        ? html`<lb-round
            .api=${this.api}
            campaign-id=${selected.id}
            ?startable=${this.can('admin') && selected.roundable && !selected.round && selected.status !== 'final' && !selected.archived}
            locale=${this.locale}
          ></lb-round>`
        : nothing}
      ${selected && this.can('clerk') && !selected.round
        ? html`<lb-admin-upload .api=${this.api} .campaign=${selected} .mayPublish=${this.can('publisher')} locale=${this.locale}></lb-admin-upload>`
        : nothing}
      ${selected && this.can('member') && !selected.round
        ? html`<lb-admin-snapshots .api=${this.api} .campaign=${selected} .snapshots=${this.snapshots} .mayPublish=${this.can('publisher')} locale=${this.locale}></lb-admin-snapshots>`
        : nothing}
      ${selected && this.can('council') ? html`<lb-admin-finalize .api=${this.api} .campaign=${selected} locale=${this.locale}></lb-admin-finalize>` : nothing}
      ${this.can('admin')
        ? html`<lb-admin-campaigns .api=${this.api} .campaign=${selected} .presets=${this.presets} locale=${this.locale}></lb-admin-campaigns>
            <lb-admin-accounts .api=${this.api} .campaigns=${campaignList} locale=${this.locale}></lb-admin-accounts>
            <lb-admin-backup .api=${this.api} locale=${this.locale}></lb-admin-backup>`
        : nothing}
      <lb-admin-audit .api=${this.api} campaign-id=${this.campaignId} .timeZone=${selected?.period.timeZone ?? 'Asia/Ho_Chi_Minh'} locale=${this.locale}></lb-admin-audit>`;
  }
}

if (!customElements.get('lb-admin')) customElements.define('lb-admin', LbAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin': LbAdmin;
  }
}
