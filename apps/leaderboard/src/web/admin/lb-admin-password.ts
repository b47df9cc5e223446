import { LitElement, html } from 'lit';
import type { AdminApi } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, act, noticeView } from './notice.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';

/** Changing one's own password (the other sessions are signed out by the server). */
export class LbAdminPassword extends LitElement {
  static override properties = {
    api: { attribute: false },
    locale: {},
    notice: { state: true },
    busy: { state: true },
  };

  declare api: AdminApi | undefined;
  declare locale: Locale;
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
      () => api.changePassword(String(data.get('current') ?? ''), String(data.get('new') ?? '')),
      () => {
        form.reset();
        return { kind: 'ok', text: adminMessages(this.locale).passwordChanged };
      },
    );
  }

  override render() {
    const t = adminMessages(this.locale);
    return html`<section aria-labelledby="password-title">
      <h2 id="password-title">${t.changePassword}</h2>
      <form @submit=${this.submit}>
        <label for="current">${t.currentPassword}</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="new">${t.newPassword}</label>
        <input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required aria-describedby="new-hint" />
        <p id="new-hint" class="hint">${t.newPasswordHint}</p>
        <div class="row"><button type="submit" class="primary" ?disabled=${this.busy}>${t.savePassword}</button></div>
      </form>
      ${noticeView(this.notice)}
    </section>`;
  }
}

if (!customElements.get('lb-admin-password')) customElements.define('lb-admin-password', LbAdminPassword);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-password': LbAdminPassword;
  }
}
