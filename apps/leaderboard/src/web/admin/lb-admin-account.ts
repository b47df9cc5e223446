import { LitElement, html, nothing } from 'lit';
import type { Account, Grant, TokenInfo } from '../../contract.js';
import type { AdminApi } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, act, bringIntoView, noticeView } from './notice.js';
import { secretBox } from './secret-box.js';
import { formatMoment } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import './lb-grant-editor.js';

type Campaign = { id: string; title: { vi: string; en: string } };

/** An act that cannot be undone, or that changes who may do what: what it does and to whom, and the act. */
interface Confirming {
  /** The confirmation's class, for the act's button (`confirm-reset`, `confirm-disable`…). */
  kind: string;
  text: string;
  action: string;
  run: () => Promise<unknown>;
}

/**
 * One account, for an administrator: its roles (edited in place), a new password (shown once),
 * disabling or enabling it, and its tokens for software (a new one shown once; revoking). Every act
 * that cannot be undone or changes who may do what — a new password, disabling or enabling,
 * revoking a token, removing a role — waits for a confirmation beside it that says what happens and
 * to whom; a password or token shown once says so, with a copy button and "Đã lưu" to close it.
 *
 * @fires account-changed - detail: the account as the server now has it.
 */
export class LbAdminAccount extends LitElement {
  static override properties = {
    api: { attribute: false },
    account: { attribute: false },
    campaigns: { attribute: false },
    locale: {},
    editing: { state: true },
    draft: { state: true },
    secret: { state: true },
    tokens: { state: true },
    notice: { state: true },
    busy: { state: true },
    confirming: { state: true },
  };

  declare api: AdminApi | undefined;
  declare account: Account | undefined;
  declare campaigns: Campaign[];
  declare locale: Locale;
  declare editing: boolean;
  declare draft: Grant[];
  /** A password or token to show once, with what it is. */
  declare secret: { label: string; value: string } | null;
  declare tokens: TokenInfo[] | null;
  declare notice: Notice;
  declare busy: boolean;
  /** The irreversible or security act waiting for its confirmation, said in words. */
  declare confirming: Confirming | null;

  constructor() {
    super();
    this.api = undefined;
    this.account = undefined;
    this.campaigns = [];
    this.locale = 'vi';
    this.editing = false;
    this.draft = [];
    this.secret = null;
    this.tokens = null;
    this.notice = null;
    this.busy = false;
    this.confirming = null;
  }

  static override styles = [sharedStyles, adminStyles];

  private changed(account: Account) {
    this.account = account;
    this.dispatchEvent(new CustomEvent<Account>('account-changed', { detail: account, bubbles: true, composed: true }));
    return { kind: 'ok' as const, text: adminMessages(this.locale).accountUpdated(account.username) };
  }

  private who(a: Account): string {
    return `${a.displayName} (${a.username})`;
  }

  /** Asks first: the confirmation appears beside the button, in view, its act focused. */
  private ask(confirming: Confirming) {
    this.notice = null;
    this.confirming = confirming;
    void bringIntoView(this, '.confirm');
  }

  private async confirmed() {
    const c = this.confirming;
    this.confirming = null;
    await c?.run();
  }

  private saveGrants(a: Account, api: AdminApi) {
    const t = adminMessages(this.locale);
    const save = () =>
      act(this, () => api.updateAccount(a.id, { grants: this.draft }), (body) => {
        this.editing = false;
        return this.changed(body.account);
      });
    const kept = new Set(this.draft.map((g) => `${g.role}@${g.campaignId}@${g.unitId ?? ''}`));
    const removed = a.grants.filter((g) => !kept.has(`${g.role}@${g.campaignId}@${g.unitId ?? ''}`));
    if (removed.length === 0) return void save();
    this.ask({ kind: 'confirm-remove-roles', text: t.confirmRemoveRoles(removed.map((g) => this.grantText(g)).join(', '), this.who(a)), action: t.saveRoles, run: save });
  }

  private grantText(g: Grant): string {
    const t = adminMessages(this.locale);
    if (g.role === 'admin') return t.roles.admin;
    const where = g.campaignId === '*' ? t.everyCampaign : pick(this.campaigns.find((c) => c.id === g.campaignId)?.title ?? { vi: g.campaignId, en: g.campaignId }, this.locale);
    return `${t.roles[g.role]} (${where}${g.unitId ? `, ${g.unitId}` : ''})`;
  }

  override render() {
    const t = adminMessages(this.locale);
    const a = this.account;
    if (!a || !this.api) return nothing;
    const api = this.api;
    return html`<article class="account" data-username=${a.username}>
      <h3>${a.displayName} <span class="hint">(${a.username})${a.disabled ? ` — ${t.disabled}` : ''}</span></h3>
      ${this.editing
        ? html`<lb-grant-editor
              .grants=${this.draft}
              .campaigns=${this.campaigns}
              locale=${this.locale}
              label=${`a${a.id}`}
              @grants-changed=${(e: CustomEvent<Grant[]>) => (this.draft = e.detail)}
            ></lb-grant-editor>
            <div class="row">
              <button type="button" class="primary save-grants" ?disabled=${this.busy} @click=${() => this.saveGrants(a, api)}>
                ${t.saveRoles}
              </button>
              <button type="button" @click=${() => (this.editing = false)}>${t.cancel}</button>
            </div>`
        : html`<p class="grants">${a.grants.length ? a.grants.map((g) => this.grantText(g)).join(' · ') : t.noRoles}</p>`}
      <div class="row">
        ${this.editing
          ? nothing
          : html`<button
              type="button"
              class="edit-grants"
              @click=${() => {
                this.draft = [...a.grants];
                this.editing = true;
              }}
            >
              ${t.editRoles}
            </button>`}
        <button
          type="button"
          class="reset-password"
          ?disabled=${this.busy}
          @click=${() =>
            this.ask({
              kind: 'confirm-reset',
              text: t.confirmReset(this.who(a)),
              action: t.resetPassword,
              run: () =>
                act(this, () => api.resetPassword(a.id), (body) => {
                  this.secret = { label: t.passwordOnce(a.username), value: body.password };
                  return null;
                }),
            })}
        >
          ${t.resetPassword}
        </button>
        <button
          type="button"
          class=${a.disabled ? 'enable' : 'danger disable'}
          ?disabled=${this.busy}
          @click=${() =>
            this.ask({
              kind: a.disabled ? 'confirm-enable' : 'confirm-disable',
              text: a.disabled ? t.confirmEnable(this.who(a)) : t.confirmDisable(this.who(a)),
              action: a.disabled ? t.enable : t.disable,
              run: () => act(this, () => api.updateAccount(a.id, { disabled: !a.disabled }), (body) => this.changed(body.account)),
            })}
        >
          ${a.disabled ? t.enable : t.disable}
        </button>
        <button type="button" class="show-tokens" @click=${() => act(this, () => api.tokens(a.id), (body) => ((this.tokens = body.tokens), null))}>${t.showTokens}</button>
      </div>
      ${this.confirming
        ? html`<div class="confirm" role="group" aria-label=${this.confirming.action}>
            <p>${this.confirming.text}</p>
            <div class="row">
              <button type="button" class="danger primary ${this.confirming.kind}" ?disabled=${this.busy} @click=${() => this.confirmed()}>${t.confirmAction(this.confirming.action)}</button>
              <button type="button" class="cancel-confirm" @click=${() => (this.confirming = null)}>${t.cancel}</button>
            </div>
          </div>`
        : nothing}
      ${this.secret ? secretBox({ ...this.secret, locale: this.locale, onSaved: () => (this.secret = null) }) : nothing}
      ${noticeView(this.notice)} ${this.tokens ? this.tokenList(a) : nothing}
    </article>`;
  }

  private tokenList(a: Account) {
    const t = adminMessages(this.locale);
    const api = this.api as AdminApi;
    return html`<div class="tokens">
      <h4>${t.tokensTitle}</h4>
      <ul>
        ${(this.tokens ?? []).map(
          (k) => html`<li class=${k.revokedAt ? 'retracted' : ''}>
            ${k.label} — ${k.revokedAt ? t.tokenRevoked : html`${t.lastUsed}: ${k.lastUsedAt ? formatMoment(k.lastUsedAt, this.locale) : t.never}`}
            ${k.revokedAt
              ? nothing
              : html`<button
                  type="button"
                  class="danger revoke-token"
                  @click=${() =>
                    this.ask({
                      kind: 'confirm-revoke',
                      text: t.confirmRevoke(k.label, this.who(a)),
                      action: t.revoke,
                      run: () => act(this, () => api.revokeToken(a.id, k.id), (body) => ((this.tokens = body.tokens), { kind: 'ok', text: t.tokenRevoked })),
                    })}
                >
                  ${t.revoke}
                </button>`}
          </li>`,
        )}
      </ul>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          const form = e.target as HTMLFormElement;
          const label = String(new FormData(form).get('label') ?? '').trim();
          if (!label) return;
          void act(this, 
            () => api.createToken(a.id, label),
            (body) => {
              form.reset();
              this.tokens = [...(this.tokens ?? []), body.info];
              this.secret = { label: t.tokenOnce, value: body.token };
              return null;
            },
          );
        }}
      >
        <label for=${`token-label-${a.id}`}>${t.tokenLabel}</label>
        <div class="row">
          <input id=${`token-label-${a.id}`} name="label" type="text" required maxlength="80" />
          <button type="submit" class="create-token">${t.createToken}</button>
        </div>
      </form>
    </div>`;
  }
}

if (!customElements.get('lb-admin-account')) customElements.define('lb-admin-account', LbAdminAccount);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-account': LbAdminAccount;
  }
}
