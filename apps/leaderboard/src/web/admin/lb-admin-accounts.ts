import { LitElement, html, nothing } from 'lit';
import type { Account, Grant } from '../../contract.js';
import type { AdminApi } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { secretBox } from './secret-box.js';
import './lb-accounts-import.js';
import { type Notice, act, noticeView } from './notice.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import './lb-admin-account.js';
import './lb-grant-editor.js';

/**
 * The administrator's list of accounts — each one's roles, password, state and tokens
 * (lb-admin-account) — and a new account, whose generated password is shown once.
 */
export class LbAdminAccounts extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaigns: { attribute: false },
    locale: {},
    accounts: { state: true },
    grants: { state: true },
    created: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaigns: { id: string; title: { vi: string; en: string } }[];
  declare locale: Locale;
  declare accounts: Account[] | null;
  declare grants: Grant[];
  /** The account just made and its password, shown once. */
  declare created: { username: string; password: string } | null;
  declare notice: Notice;
  declare busy: boolean;

  constructor() {
    super();
    this.api = undefined;
    this.campaigns = [];
    this.locale = 'vi';
    this.accounts = null;
    this.grants = [];
    this.created = null;
    this.notice = null;
    this.busy = false;
  }

  static override styles = [sharedStyles, adminStyles];

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    if (!this.api) return;
    const answer = await this.api.accounts();
    if (answer.ok && answer.body) this.accounts = answer.body.accounts;
  }

  private async create(event: Event) {
    event.preventDefault();
    const api = this.api;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    if (!api) return;
    const username = String(data.get('username') ?? '').trim();
    const made = await act(
      this,
      () => api.createAccount({ username, displayName: String(data.get('display-name') ?? '').trim(), grants: this.grants }),
      (body) => {
        form.reset();
        this.grants = [];
        this.created = { username, password: body.password ?? '' };
        return { kind: 'ok', text: adminMessages(this.locale).accountCreated(username) };
      },
    );
    if (made) await this.load();
  }

  override render() {
    const t = adminMessages(this.locale);
    return html`<section aria-labelledby="accounts-title">
      <h2 id="accounts-title">${t.accountsTitle}</h2>
      <p class="hint">${t.accountsHint}</p>
      ${(this.accounts ?? []).map(
        (a) => html`<lb-admin-account
          .api=${this.api}
          .account=${a}
          .campaigns=${this.campaigns}
          locale=${this.locale}
          @account-changed=${(e: CustomEvent<Account>) => (this.accounts = (this.accounts ?? []).map((o) => (o.id === e.detail.id ? e.detail : o)))}
        ></lb-admin-account>`,
      )}
      <h3>${t.createAccount}</h3>
      <form class="new-account" @submit=${this.create}>
        <label for="new-username">${t.username}</label>
        <input id="new-username" name="username" type="text" required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]{1,63}" autocapitalize="none" spellcheck="false" autocomplete="off" />
        <label for="new-display-name">${t.displayName}</label>
        <input id="new-display-name" name="display-name" type="text" required maxlength="120" autocomplete="off" />
        <lb-grant-editor .grants=${this.grants} .campaigns=${this.campaigns} locale=${this.locale} label="new" @grants-changed=${(e: CustomEvent<Grant[]>) => (this.grants = e.detail)}></lb-grant-editor>
        <div class="row"><button type="submit" class="primary create-account" ?disabled=${this.busy}>${t.createAccount}</button></div>
      </form>
      ${noticeView(this.notice)}
      ${this.created
        ? secretBox({ label: t.passwordOnce(this.created.username), value: this.created.password, valueClass: 'new-password', locale: this.locale, onSaved: () => (this.created = null) })
        : nothing}
      <lb-accounts-import .api=${this.api} locale=${this.locale} @admin-changed=${() => void this.load()}></lb-accounts-import>
    </section>`;
  }
}

if (!customElements.get('lb-admin-accounts')) customElements.define('lb-admin-accounts', LbAdminAccounts);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-accounts': LbAdminAccounts;
  }
}
