import { LitElement, html, nothing } from 'lit';
import { type AdminApi, errorText, notify } from './admin/admin-api.js';
import { adminMessages } from './admin/admin-messages.js';
import { adminStyles } from './admin/admin-styles.js';
import type { CampaignSummary, SnapshotMeta } from './api.js';
import { formatDate, formatDateTime, formatInteger } from './format.js';
import { type Locale, messages } from './i18n.js';
import { sharedStyles } from './styles.js';

/** The campaign's published snapshots (retract one, with a confirmation), and finalising. */
export class LbAdminSnapshots extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaign: { attribute: false },
    snapshots: { attribute: false },
    locale: {},
    busy: { state: true },
    confirmRetract: { state: true },
    confirmFinalize: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaign: CampaignSummary | undefined;
  declare snapshots: SnapshotMeta[];
  declare locale: Locale;
  declare busy: boolean;
  declare confirmRetract: number | null;
  declare confirmFinalize: boolean;

  constructor() {
    super();
    this.api = undefined;
    this.campaign = undefined;
    this.snapshots = [];
    this.locale = 'vi';
    this.busy = false;
    this.confirmRetract = null;
    this.confirmFinalize = false;
  }

  static override styles = [sharedStyles, adminStyles];

  private async retract(s: SnapshotMeta) {
    const t = adminMessages(this.locale);
    this.confirmRetract = null;
    if (!this.api || !this.campaign) return;
    this.busy = true;
    try {
      const answer = await this.api.retract(this.campaign.id, s.id);
      if (answer.ok) notify(this, 'ok', t.retractDone(formatDate(s.asOf, this.locale)), true);
      else notify(this, 'error', errorText(answer, t.requestFailed));
    } finally {
      this.busy = false;
    }
  }

  private async finalize() {
    const t = adminMessages(this.locale);
    this.confirmFinalize = false;
    if (!this.api || !this.campaign) return;
    this.busy = true;
    try {
      const answer = await this.api.finalize(this.campaign.id);
      if (answer.ok) notify(this, 'ok', t.finalizeDone, true);
      else notify(this, 'error', errorText(answer, t.requestFailed));
    } finally {
      this.busy = false;
    }
  }

  private state(s: SnapshotMeta, closed: boolean) {
    const t = adminMessages(this.locale);
    if (s.retracted) return t.retracted;
    if (s.superseded) return t.superseded;
    if (this.confirmRetract === s.id) {
      return html`<span class="confirm" role="group" aria-label=${t.retract}>
        ${t.retractConfirm(formatDate(s.asOf, this.locale))}
        <button type="button" class="danger primary" @click=${() => this.retract(s)}>${t.retract}</button>
        <button type="button" @click=${() => (this.confirmRetract = null)}>${t.cancel}</button>
      </span>`;
    }
    return html`${t.active}
      <button type="button" class="danger" ?disabled=${closed || this.busy} @click=${() => (this.confirmRetract = s.id)}>${t.retract}</button>`;
  }

  override render() {
    const t = adminMessages(this.locale);
    const campaign = this.campaign;
    if (!campaign) return nothing;
    const closed = campaign.archived || campaign.status === 'final';
    return html`<section aria-labelledby="snapshots-title">
        <h2 id="snapshots-title">${t.snapshotsTitle}</h2>
        ${this.snapshots.length === 0
          ? html`<p class="hint">${messages(this.locale).noData}</p>`
          : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="snapshots-title">
              <table class="snapshots">
                <thead>
                  <tr>
                    <th scope="col">${t.snapshotAsOf}</th>
                    <th scope="col">${t.snapshotFile}</th>
                    <th scope="col" class="num">${t.snapshotRows}</th>
                    <th scope="col">${t.snapshotBy}</th>
                    <th scope="col">${t.snapshotAt}</th>
                    <th scope="col">${t.snapshotState}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.snapshots.map(
                    (s) => html`<tr data-snapshot-id=${s.id} class=${s.retracted ? 'retracted' : ''}>
                      <th scope="row">${formatDate(s.asOf, this.locale)}</th>
                      <td class="file">${s.sourceFileName}</td>
                      <td class="num">${formatInteger(s.rowCount, this.locale)}</td>
                      <td>${s.createdBy}</td>
                      <td>${formatDateTime(s.createdAt, this.locale, campaign.period.timeZone)}</td>
                      <td>${this.state(s, closed)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      </section>
      <section aria-labelledby="finalize-title">
        <h2 id="finalize-title">${t.finalizeTitle}</h2>
        <p class="hint">${campaign.status === 'final' ? t.alreadyFinal : t.finalizeHint}</p>
        ${this.confirmFinalize
          ? html`<div class="confirm" role="group" aria-label=${t.finalizeTitle}>
              <button type="button" class="danger primary" @click=${this.finalize}>${t.finalizeConfirm}</button>
              <button type="button" @click=${() => (this.confirmFinalize = false)}>${t.cancel}</button>
            </div>`
          : html`<button type="button" class="danger finalize" ?disabled=${closed || this.busy} @click=${() => (this.confirmFinalize = true)}>${t.finalize}</button>`}
      </section>`;
  }
}

if (!customElements.get('lb-admin-snapshots')) customElements.define('lb-admin-snapshots', LbAdminSnapshots);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-snapshots': LbAdminSnapshots;
  }
}
