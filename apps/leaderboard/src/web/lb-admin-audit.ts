import { LitElement, html, nothing } from 'lit';
import { type AdminApi, errorText, notify } from './admin/admin-api.js';
import { adminMessages } from './admin/admin-messages.js';
import { adminStyles } from './admin/admin-styles.js';
import type { AuditEntry } from './api.js';
import { formatDateTime } from './format.js';
import type { Locale } from './i18n.js';
import { sharedStyles } from './styles.js';

/** The append-only audit log of one campaign (and the server's own lines), newest first. */
export class LbAdminAudit extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaignId: { attribute: 'campaign-id' },
    locale: {},
    entries: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaignId: string;
  declare locale: Locale;
  declare entries: AuditEntry[] | null;

  constructor() {
    super();
    this.api = undefined;
    this.campaignId = '';
    this.locale = 'vi';
    this.entries = null;
  }

  static override styles = [sharedStyles, adminStyles];

  private async load() {
    const t = adminMessages(this.locale);
    if (!this.api) return;
    const answer = await this.api.audit(this.campaignId || null);
    if (answer.ok && answer.body) this.entries = answer.body.entries;
    else notify(this, 'error', errorText(answer, t.requestFailed));
  }

  override render() {
    const t = adminMessages(this.locale);
    return html`<section aria-labelledby="audit-title">
      <h2 id="audit-title">${t.auditTitle}</h2>
      <button type="button" class="load-audit" @click=${this.load}>${t.load}</button>
      ${this.entries
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="audit-title">
            <table class="audit">
              <thead>
                <tr>
                  <th scope="col">${t.auditWhen}</th>
                  <th scope="col">${t.auditWho}</th>
                  <th scope="col">${t.auditAction}</th>
                  <th scope="col">${t.auditDetail}</th>
                </tr>
              </thead>
              <tbody>
                ${this.entries.map(
                  (a) => html`<tr>
                    <td>${formatDateTime(a.at, this.locale)}</td>
                    <td>${a.actor}</td>
                    <td>${a.action} (${a.outcome})</td>
                    <td><pre>${JSON.stringify(a.detail, null, 1)}</pre></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
    </section>`;
  }
}

if (!customElements.get('lb-admin-audit')) customElements.define('lb-admin-audit', LbAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-audit': LbAdminAudit;
  }
}
