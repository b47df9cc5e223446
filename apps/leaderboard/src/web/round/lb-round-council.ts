import { LitElement, css, html, nothing } from 'lit';
import type { RoundDifference, RoundOverview } from '../../contract-round.js';
import { type AdminApi, refusalWithIssues } from '../admin/admin-api.js';
import { adminStyles } from '../admin/admin-styles.js';
import { type Notice, announceChange, noticeView } from '../admin/notice.js';
import { formatDecimal } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import { roundMessages } from './round-messages.js';

/**
 * What the council reads before it signs: every criterion whose appraised points differ from the
 * self-assessed ones, with the appraisal's comment; and, in the final phase, its confirmation of
 * the appraisal of every unit (finalising is the finalise form's, on the decision).
 *
 * @fires round-changed - the units were confirmed.
 */
export class LbRoundCouncil extends LitElement {
  static override properties = {
    api: { attribute: false },
    overview: { attribute: false },
    locale: {},
    differences: { state: true },
    notice: { state: true },
  };

  declare api: AdminApi;
  declare overview: RoundOverview;
  declare locale: Locale;
  declare differences: RoundDifference[];
  declare notice: Notice;

  constructor() {
    super();
    this.locale = 'vi';
    this.differences = [];
    this.notice = null;
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .scroll {
        overflow-x: auto;
      }
      td,
      th {
        text-align: left;
        vertical-align: top;
        padding: 0.25rem 0.5rem;
      }
    `,
  ];

  override updated(changed: Map<string, unknown>) {
    if (changed.has('overview')) void this.load();
  }

  private async load() {
    const answer = await this.api.differences(this.overview.campaignId);
    this.differences = answer.ok && answer.body ? answer.body.differences : [];
  }

  private async confirm() {
    const t = roundMessages(this.locale);
    const answer = await this.api.confirmAppraisal(this.overview.campaignId);
    if (answer.ok && answer.body) {
      this.notice = { kind: 'ok', text: t.confirmedAll(answer.body.confirmed) };
      this.dispatchEvent(new CustomEvent('round-changed', { bubbles: true, composed: true }));
      announceChange(this);
    } else {
      this.notice = { kind: 'error', text: refusalWithIssues(answer, this.locale, t.failed) };
    }
  }

  override render() {
    const t = roundMessages(this.locale);
    const p = (v: string | null) => (v === null ? '—' : v === 'x' ? 'x' : formatDecimal(v, this.locale));
    return html`<section aria-labelledby="differences-title">
      <h3 id="differences-title">${t.differences}</h3>
      ${this.differences.length === 0
        ? html`<p>${t.noDifferences}</p>`
        : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="differences-title">
            <table class="differences">
              <thead>
                <tr><th scope="col">${t.unit}</th><th scope="col">${t.criterion}</th><th scope="col">${t.self}</th><th scope="col">${t.appraisedShort}</th><th scope="col">${t.comment}</th></tr>
              </thead>
              <tbody>
                ${this.differences.map(
                  (d) => html`<tr>
                    <td>${d.unitName}</td>
                    <td>${d.number ?? ''} ${pick(d.label, this.locale)}</td>
                    <td>${p(d.self)}</td>
                    <td>${p(d.appraised)}</td>
                    <td>${d.comment}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      ${this.overview.may.council && this.overview.openPhase === 'final'
        ? html`<button type="button" class="primary confirm-all" @click=${this.confirm}>${t.confirmAll}</button>`
        : nothing}
      ${noticeView(this.notice)}
    </section>`;
  }
}

if (!customElements.get('lb-round-council')) customElements.define('lb-round-council', LbRoundCouncil);

declare global {
  interface HTMLElementTagNameMap {
    'lb-round-council': LbRoundCouncil;
  }
}
