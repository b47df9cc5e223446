import { LitElement, css, html, nothing } from 'lit';
import type { RoundCriterion, RoundEntry, RoundOverview, RoundSheet } from '../../contract-round.js';
import { type AdminApi, errorText, refusalWithIssues } from '../admin/admin-api.js';
import { adminStyles } from '../admin/admin-styles.js';
import { type Notice, noticeView } from '../admin/notice.js';
import { formatMoment } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import type { CriterionAbilities } from './lb-round-criterion.js';
import { roundMessages } from './round-messages.js';
import './lb-round-criterion.js';

/**
 * One unit's sheet in the round: its progress (criteria done of all, missing evidence), "Nộp" and
 * withdrawal for its officer, then every criterion under its task — the task with "Thống nhất"
 * for an appraiser in the appraisal phase. What each reader may change follows the phase and their
 * role; the server checks both again.
 *
 * @fires round-changed - the unit's state changed (submitted, agreed): the list reloads.
 */
export class LbRoundSheet extends LitElement {
  static override properties = {
    api: { attribute: false },
    overview: { attribute: false },
    unitId: { attribute: false },
    locale: {},
    sheet: { state: true },
    notice: { state: true },
  };

  declare api: AdminApi;
  declare overview: RoundOverview;
  declare unitId: string;
  declare locale: Locale;
  declare sheet: RoundSheet | null;
  declare notice: Notice;

  constructor() {
    super();
    this.locale = 'vi';
    this.sheet = null;
    this.notice = null;
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      section.task {
        margin-top: 1rem;
      }
      .task-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: baseline;
        justify-content: space-between;
      }
      h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .state p {
        margin: 0.2rem 0;
      }
    `,
  ];

  override updated(changed: Map<string, unknown>) {
    if (changed.has('unitId') || changed.has('overview')) void this.load();
  }

  async load() {
    const answer = await this.api.roundSheet(this.overview.campaignId, this.unitId);
    this.sheet = answer.ok ? answer.body : null;
    if (!answer.ok) this.notice = { kind: 'error', text: errorText(answer, this.locale, roundMessages(this.locale).failed) };
  }

  /** What the reader may do with one criterion: the server's abilities for the sheet, and the criterion's own nature. */
  private may(c: RoundCriterion, e: RoundEntry): CriterionAbilities {
    const may = this.sheet?.may;
    return {
      selfAssess: (may?.selfAssess ?? false) && c.selfAssessed,
      appraise: may?.appraise ?? false,
      explain: (may?.explain ?? false) && e.appraisal !== null,
      answer: may?.answer ?? false,
    };
  }

  private async submission(action: 'submit' | 'withdraw') {
    const answer = await this.api.submission(this.overview.campaignId, this.unitId, action);
    if (answer.ok) {
      this.notice = null;
      await this.load();
      this.dispatchEvent(new CustomEvent('round-changed', { bubbles: true, composed: true }));
    } else this.notice = { kind: 'error', text: errorText(answer, this.locale, roundMessages(this.locale).failed) };
  }

  private async agree(taskId: string) {
    const t = roundMessages(this.locale);
    const answer = await this.api.agree(this.overview.campaignId, this.unitId, taskId);
    this.notice = answer.ok && answer.body ? { kind: 'ok', text: t.agreed(answer.body.changed) } : { kind: 'error', text: errorText(answer, this.locale, t.failed) };
    await this.load();
  }

  /** The council confirms this unit's appraisal. */
  private async confirmUnit() {
    const answer = await this.api.confirmAppraisal(this.overview.campaignId, [this.unitId]);
    if (answer.ok) {
      this.notice = null;
      await this.load();
      this.dispatchEvent(new CustomEvent('round-changed', { bubbles: true, composed: true }));
    } else {
      const t = roundMessages(this.locale);
      this.notice = { kind: 'error', text: refusalWithIssues(answer, this.locale, t.failed) };
    }
  }

  private stateView() {
    const t = roundMessages(this.locale);
    const s = this.sheet?.state;
    if (!s) return nothing;
    const may = this.sheet?.may;
    return html`<div class="state" role="status">
      <p class="progress">${t.progress(s.done, s.total)}${s.missingEvidence > 0 ? html` · <span class="need">${t.missingEvidence(s.missingEvidence)}</span>` : nothing}</p>
      <p class="submission">${s.submittedAt ? t.submitted(formatMoment(s.submittedAt, this.locale), s.submittedBy ?? '') : t.notSubmitted}</p>
      ${s.confirmedAt ? html`<p>${t.confirmed(formatMoment(s.confirmedAt, this.locale))}</p>` : nothing}
      ${may?.confirm
        ? html`<button type="button" class="confirm-unit" @click=${this.confirmUnit}>${t.confirmUnit}</button>`
        : nothing}
      ${this.sheet?.entries.every((e) => e.appraisal === null) ? html`<p class="hint appraisal-hidden">${t.hidden}</p>` : nothing}
      ${may?.withdraw
        ? html`<p class="hint">${t.submittedNote}</p><button type="button" class="withdraw" @click=${() => this.submission('withdraw')}>${t.withdraw}</button>`
        : nothing}
      ${may?.submit ? html`<button type="button" class="primary submit" @click=${() => this.submission('submit')}>${t.submit}</button>` : nothing}
    </div>`;
  }

  override render() {
    const t = roundMessages(this.locale);
    const sheet = this.sheet;
    if (!sheet) return noticeView(this.notice);
    const entries = new Map(sheet.entries.map((e) => [e.criterionId, e]));
    const tasks: { id: string; number: string | null; label: RoundCriterion['taskLabel']; criteria: RoundCriterion[] }[] = [];
    for (const c of this.overview.criteria) {
      const last = tasks.at(-1);
      if (last?.id === c.taskId) last.criteria.push(c);
      else tasks.push({ id: c.taskId, number: c.taskNumber, label: c.taskLabel, criteria: [c] });
    }
    const agreeing = sheet.may.appraise;
    return html`<h3 class="unit-name">${sheet.state.name}</h3>
      ${this.stateView()} ${noticeView(this.notice)}
      ${tasks.map(
        (task) => html`<section class="task" aria-labelledby=${`task-${task.id}`}>
          <div class="task-head">
            <h3 id=${`task-${task.id}`}>${pick(task.label, this.locale)}</h3>
            ${agreeing && task.criteria.some((c) => c.selfAssessed)
              ? html`<button type="button" class="agree" data-task=${task.id} @click=${() => this.agree(task.id)}>${t.agreeTask}</button>`
              : nothing}
          </div>
          ${task.criteria.map((c) => {
            const e = entries.get(c.id);
            return e
              ? html`<lb-round-criterion
                  .api=${this.api}
                  .campaignId=${this.overview.campaignId}
                  .unitId=${this.unitId}
                  .criterion=${c}
                  .entry=${e}
                  .may=${this.may(c, e)}
                  locale=${this.locale}
                  data-criterion=${c.id}
                  @entry-changed=${(ev: CustomEvent<RoundEntry>) => this.refreshState(ev.detail)}
                ></lb-round-criterion>`
              : nothing;
          })}
        </section>`,
      )}`;
  }

  /**
   * After a criterion saved: its entry as the server answered (the sheet passes entries down, so it
   * keeps the newest), and the unit's progress (criteria done, evidence missing) read again.
   */
  private async refreshState(entry: RoundEntry) {
    if (this.sheet) this.sheet = { ...this.sheet, entries: this.sheet.entries.map((e) => (e.criterionId === entry.criterionId ? entry : e)) };
    const answer = await this.api.roundSheet(this.overview.campaignId, this.unitId);
    if (answer.ok && answer.body && this.sheet) this.sheet = { ...this.sheet, state: answer.body.state };
  }
}

if (!customElements.get('lb-round-sheet')) customElements.define('lb-round-sheet', LbRoundSheet);

declare global {
  interface HTMLElementTagNameMap {
    'lb-round-sheet': LbRoundSheet;
  }
}
