import { LitElement, css, html, nothing } from 'lit';
import type { RoundOverview } from '../../contract-round.js';
import { type AdminApi, refusalWithIssues } from '../admin/admin-api.js';
import { adminStyles } from '../admin/admin-styles.js';
import { type Notice, noticeView } from '../admin/notice.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import { roundMessages } from './round-messages.js';

type Round = RoundOverview['round'];

/** A moment as a datetime-local value in Vietnam time ("2024-03-01T08:00"), and back with its offset. */
const toLocal = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16);
const fromLocal = (value: string) => `${value}:00+07:00`;

/**
 * The administrator's setting of a round's phases (Vietnam time) and whether its evidence is
 * published once final; and an extension of one phase to a later close, audited as such. The
 * server checks the order and refuses an extension into the next phase, saying why.
 *
 * @fires round-changed - the phases changed.
 */
export class LbRoundPhases extends LitElement {
  static override properties = {
    api: { attribute: false },
    overview: { attribute: false },
    locale: {},
    notice: { state: true },
  };

  declare api: AdminApi;
  declare overview: RoundOverview;
  declare locale: Locale;
  declare notice: Notice;

  constructor() {
    super();
    this.locale = 'vi';
    this.notice = null;
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      fieldset {
        margin: 0.5rem 0;
      }
      .pair {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
    `,
  ];

  private value(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
  }

  private async answered(answer: Awaited<ReturnType<AdminApi['setRound']>>) {
    const t = roundMessages(this.locale);
    if (answer.ok) {
      this.notice = { kind: 'ok', text: t.phasesSaved };
      this.dispatchEvent(new CustomEvent('round-changed', { bubbles: true, composed: true }));
    } else {
      this.notice = { kind: 'error', text: refusalWithIssues(answer, this.locale, t.failed) };
    }
  }

  private async save(event: Event) {
    event.preventDefault();
    const round: Round = {
      ...this.overview.round,
      phases: this.overview.round.phases.map((p) => ({
        id: p.id,
        opensAt: fromLocal(this.value(`opens-${p.id}`)),
        closesAt: p.closesAt === null ? null : fromLocal(this.value(`closes-${p.id}`)),
      })),
      publishEvidence: this.renderRoot.querySelector<HTMLInputElement>('#publish-evidence')?.checked ?? false,
    };
    await this.answered(await this.api.setRound(this.overview.campaignId, round));
  }

  private async extend(phase: string) {
    await this.answered(await this.api.extendPhase(this.overview.campaignId, phase, fromLocal(this.value(`extend-${phase}`))));
  }

  override render() {
    const t = roundMessages(this.locale);
    const round = this.overview.round;
    return html`<details class="phases-editor">
      <summary>${t.phasesEdit}</summary>
      <form @submit=${this.save}>
        <p class="hint">${t.phasesHint}</p>
        ${round.phases.map(
          (p) => html`<fieldset>
            <legend>${t.phase[p.id]}</legend>
            <div class="pair">
              <span><label for=${`opens-${p.id}`}>${t.opens}</label> <input id=${`opens-${p.id}`} type="datetime-local" required .value=${toLocal(p.opensAt)} /></span>
              ${p.closesAt !== null
                ? html`<span><label for=${`closes-${p.id}`}>${t.closes}</label> <input id=${`closes-${p.id}`} type="datetime-local" required .value=${toLocal(p.closesAt)} /></span>`
                : nothing}
            </div>
            ${p.closesAt !== null
              ? html`<div class="pair">
                  <span><label for=${`extend-${p.id}`}>${t.extendTo}</label> <input id=${`extend-${p.id}`} type="datetime-local" .value=${toLocal(p.closesAt)} /></span>
                  <button type="button" class="extend" data-phase=${p.id} @click=${() => this.extend(p.id)}>${t.extend}</button>
                </div>`
              : nothing}
          </fieldset>`,
        )}
        <label><input id="publish-evidence" type="checkbox" .checked=${round.publishEvidence} /> ${t.publishEvidence}</label>
        <div class="row"><button type="submit" class="primary save-phases">${t.savePhases}</button></div>
      </form>
      ${noticeView(this.notice)}
    </details>`;
  }
}

if (!customElements.get('lb-round-phases')) customElements.define('lb-round-phases', LbRoundPhases);

declare global {
  interface HTMLElementTagNameMap {
    'lb-round-phases': LbRoundPhases;
  }
}
