import { LitElement, html } from 'lit';
import type { SessionResponse } from '../../contract.js';
import type { AdminApi } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, act, noticeView } from './notice.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';

/**
 * Signing in with a user name and password. The session is a cookie the page never reads; a
 * refusal (wrong password, too many tries) is said in the page's language.
 *
 * @fires signed-in - detail: the session (account and CSRF token).
 */
export class LbAdminLogin extends LitElement {
  static override properties = {
    api: { attribute: false },
    locale: {},
    notice: { attribute: false },
    busy: { state: true },
  };

  declare api: AdminApi | undefined;
  declare locale: Locale;
  /** A message to show above the form (signed out, session ended) or the refusal. */
  declare notice: Notice;
  declare busy: boolean;

  constructor() {
    super();
    this.api = undefined;
    this.locale = 'vi';
    this.notice = null;
    this.busy = false;
  }

  static override styles = [sharedStyles, adminStyles];

  private async submit(event: Event) {
    event.preventDefault();
    const api = this.api;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    if (!api) return;
    await act(
      this,
      () => api.login(String(data.get('username') ?? '').trim(), String(data.get('password') ?? '')),
      (session) => {
        form.reset();
        this.dispatchEvent(new CustomEvent<SessionResponse>('signed-in', { detail: session, bubbles: true, composed: true }));
        return null;
      },
    );
  }

  override render() {
    const t = adminMessages(this.locale);
    return html`<section aria-labelledby="login-title">
      <h2 id="login-title">${t.loginTitle}</h2>
      ${noticeView(this.notice)}
      <form @submit=${this.submit}>
        <label for="username">${t.username}</label>
        <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required />
        <label for="password">${t.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div class="row"><button type="submit" class="primary" ?disabled=${this.busy}>${t.signIn}</button></div>
        <p class="hint">${t.loginHint}</p>
      </form>
    </section>`;
  }
}

if (!customElements.get('lb-admin-login')) customElements.define('lb-admin-login', LbAdminLogin);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-login': LbAdminLogin;
  }
}
