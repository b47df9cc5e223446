import { LitElement, html } from 'lit';
import { type AdminApi, errorText } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, bringIntoView, noticeView } from './notice.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';

/** The administrator's back-up: a consistent copy of the database, made while the server runs, downloaded. */
export class LbAdminBackup extends LitElement {
  static override properties = {
    api: { attribute: false },
    locale: {},
    busy: { state: true },
    notice: { state: true },
  };

  declare api: AdminApi | undefined;
  declare locale: Locale;
  declare busy: boolean;
  declare notice: Notice;

  constructor() {
    super();
    this.api = undefined;
    this.locale = 'vi';
    this.busy = false;
    this.notice = null;
  }

  static override styles = [sharedStyles, adminStyles];

  private async backup() {
    const t = adminMessages(this.locale);
    if (!this.api) return;
    this.busy = true;
    try {
      const result = await this.api.backup();
      if (result.ok) {
        const url = URL.createObjectURL(result.blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = result.fileName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        this.notice = { kind: 'ok', text: t.backupDone(result.fileName) };
      } else {
        this.notice = { kind: 'error', text: errorText(result.answer, this.locale, t.requestFailed) };
      }
      void bringIntoView(this, '.notice');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = adminMessages(this.locale);
    return html`<section aria-labelledby="backup-title">
      <h2 id="backup-title">${t.backupTitle}</h2>
      <p class="hint">${t.backupHint}</p>
      <button type="button" class="backup" ?disabled=${this.busy} @click=${this.backup}>${this.busy ? t.working : t.backupButton}</button>
      ${noticeView(this.notice)}
    </section>`;
  }
}

if (!customElements.get('lb-admin-backup')) customElements.define('lb-admin-backup', LbAdminBackup);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-backup': LbAdminBackup;
  }
}
