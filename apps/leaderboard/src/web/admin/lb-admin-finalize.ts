import { LitElement, html, nothing } from 'lit';
import type { Decision } from '../../contract.js';
import type { AdminApi } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, act, announceChange, bringIntoView, noticeView } from './notice.js';
import type { CampaignSummary } from '../api.js';
import { formatDate, parseDateVi } from '../format.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';

/**
 * The council's finalisation: the award decision's number, date and signer, then a confirmation
 * that names the figures the result rests on. Afterwards the campaign is read-only.
 */
export class LbAdminFinalize extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaign: { attribute: false },
    locale: {},
    decision: { state: true },
    confirming: { state: true },
    busy: { state: true },
    notice: { state: true },
    dateError: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaign: CampaignSummary | undefined;
  declare locale: Locale;
  declare decision: Decision | null;
  declare confirming: boolean;
  declare busy: boolean;
  declare notice: Notice;
  /** The decision's date typed is not a date. */
  declare dateError: boolean;

  constructor() {
    super();
    this.api = undefined;
    this.campaign = undefined;
    this.locale = 'vi';
    this.decision = null;
    this.confirming = false;
    this.busy = false;
    this.notice = null;
    this.dateError = false;
  }

  static override styles = [sharedStyles, adminStyles];

  private review(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    // The decision's date as the council types it (31/12/2023), whatever the browser's language.
    const date = parseDateVi(text('date'));
    this.dateError = date === null;
    if (date === null) return;
    this.decision = { number: text('number'), date, signerName: text('signer-name'), signerTitle: text('signer-title') };
    this.confirming = true;
    this.notice = null;
    void bringIntoView(this, '.confirm');
  }

  private async finalize() {
    this.confirming = false;
    const { api, campaign, decision } = this;
    if (!api || !campaign || !decision) return;
    await act(
      this,
      () => api.finalize(campaign.id, decision),
      () => {
        announceChange(this);
        return { kind: 'ok', text: adminMessages(this.locale).finalizeDone };
      },
    );
  }

  override render() {
    const t = adminMessages(this.locale);
    const campaign = this.campaign;
    if (!campaign || campaign.archived) return nothing;
    if (campaign.status === 'final') return this.notice ? html`<section aria-labelledby="finalize-title"><h2 id="finalize-title">${t.finalizeTitle}</h2>${noticeView(this.notice)}</section>` : nothing;
    // An index round is finalised on its appraised points, stored as of the period's end (ADR 0020).
    const latest = campaign.latestAsOf ?? (campaign.round ? campaign.period.end : null);
    return html`<section aria-labelledby="finalize-title">
      <h2 id="finalize-title">${t.finalizeTitle}</h2>
      ${latest === null
        ? html`<p class="hint">${t.nothingToFinalize}</p>`
        : html`<p class="hint">${t.finalizeHint}</p>
            <form @submit=${this.review}>
              <label for="number">${t.decisionNumber}</label>
              <input id="number" name="number" type="text" required maxlength="60" aria-describedby="number-hint" .value=${this.decision?.number ?? ''} />
              <p id="number-hint" class="hint">${t.decisionNumberHint}</p>
              <label for="date">${t.decisionDate} <span class="hint">(${t.dateFormat})</span></label>
              <input
                id="date"
                name="date"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                placeholder="15/01/2024"
                required
                aria-describedby="date-hint"
                aria-invalid=${this.dateError ? 'true' : 'false'}
                .value=${this.decision ? formatDate(this.decision.date, 'vi') : ''}
              />
              ${this.dateError ? html`<p id="date-hint" class="notice error" role="alert">${t.dateInvalid}</p>` : html`<p id="date-hint" class="hint">${t.dateFormat}</p>`}
              <label for="signer-name">${t.signerName}</label>
              <input id="signer-name" name="signer-name" type="text" required maxlength="120" .value=${this.decision?.signerName ?? ''} />
              <label for="signer-title">${t.signerTitle}</label>
              <input id="signer-title" name="signer-title" type="text" required maxlength="120" aria-describedby="signer-title-hint" .value=${this.decision?.signerTitle ?? ''} />
              <p id="signer-title-hint" class="hint">${t.signerTitleHint}</p>
              <div class="row"><button type="submit" class="danger finalize" ?disabled=${this.busy || this.confirming}>${t.finalize}</button></div>
            </form>
            ${this.confirming && this.decision
              ? html`<div class="confirm" role="group" aria-label=${t.finalizeTitle}>
                  <p>${t.finalizeConfirm(formatDate(latest, this.locale))}</p>
                  <p>${t.decisionLine(undefined, this.decision.number, formatDate(this.decision.date, this.locale), `${this.decision.signerTitle} ${this.decision.signerName}`)}</p>
                  <button type="button" class="danger primary confirm-finalize" @click=${this.finalize}>${t.finalizeYes}</button>
                  <button type="button" @click=${() => (this.confirming = false)}>${t.cancel}</button>
                </div>`
              : nothing}`}
      ${noticeView(this.notice)}
    </section>`;
  }
}

if (!customElements.get('lb-admin-finalize')) customElements.define('lb-admin-finalize', LbAdminFinalize);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-finalize': LbAdminFinalize;
  }
}
