import { LitElement, css, html, nothing } from 'lit';
import type { EvidenceFile, EvidenceStage, RoundCriterion, RoundEntry } from '../../contract-round.js';
import { type AdminApi, errorText } from '../admin/admin-api.js';
import { adminStyles } from '../admin/admin-styles.js';
import { formatDecimal, formatMoment } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import { roundMessages } from './round-messages.js';

/** What the reader may do with this criterion now (the sheet works it out from the phase and the roles). */
export interface CriterionAbilities {
  selfAssess: boolean;
  appraise: boolean;
  explain: boolean;
  answer: boolean;
}

const points = (v: string | null, locale: Locale) => (v === null ? null : v === 'x' ? 'x' : formatDecimal(v, locale));

/**
 * One criterion of a unit's sheet: its number, name and maximum; the unit's points, note and
 * evidence files; the appraisal's points and comment; the unit's explanation and the appraiser's
 * answer — each editable only by whom and when the server allows (the page offers only that, the
 * server decides). Points and notes are saved as they are typed (a draft until "Nộp").
 *
 * @fires entry-changed - detail: the entry as the server saved it.
 */
export class LbRoundCriterion extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaignId: { attribute: false },
    unitId: { attribute: false },
    criterion: { attribute: false },
    entry: { attribute: false },
    may: { attribute: false },
    locale: {},
    status: { state: true },
    error: { state: true },
  };

  declare api: AdminApi;
  declare campaignId: string;
  declare unitId: string;
  declare criterion: RoundCriterion;
  declare entry: RoundEntry;
  declare may: CriterionAbilities;
  declare locale: Locale;
  declare status: string;
  declare error: string;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.locale = 'vi';
    this.status = '';
    this.error = '';
    this.may = { selfAssess: false, appraise: false, explain: false, answer: false };
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        border-top: 1px solid var(--lb-border, #ccc);
        padding: 0.75rem 0;
      }
      h4 {
        margin: 0 0 0.25rem;
        font-size: 1rem;
      }
      .max {
        font-weight: normal;
        color: var(--lb-muted, #555);
      }
      .parts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
        gap: 0.5rem 1rem;
      }
      fieldset {
        margin: 0;
        min-width: 0;
      }
      label {
        display: block;
        margin-top: 0.25rem;
      }
      input[type='text'],
      textarea,
      select {
        width: 100%;
        box-sizing: border-box;
      }
      ul {
        margin: 0.25rem 0;
        padding-left: 1.2rem;
      }
      .file {
        overflow-wrap: anywhere;
      }
      .preview img,
      .preview iframe {
        max-width: 100%;
        border: 1px solid var(--lb-border, #ccc);
      }
      .preview iframe {
        width: 100%;
        height: 20rem;
      }
      .read {
        margin: 0.25rem 0;
      }
      .need {
        color: var(--lb-warn, #8a4b00);
      }
    `,
  ];

  private get t() {
    return roundMessages(this.locale);
  }

  private changed(entry: RoundEntry) {
    this.entry = entry;
    this.dispatchEvent(new CustomEvent<RoundEntry>('entry-changed', { detail: entry, bubbles: true, composed: true }));
  }

  private async save(part: 'self' | 'appraisal' | 'explanation' | 'answer', body: unknown) {
    this.status = this.t.saving;
    this.error = '';
    const answer = await this.api.saveEntry(this.campaignId, this.unitId, this.criterion.id, part, body);
    if (answer.ok && answer.body) {
      this.changed(answer.body.entry);
      this.status = this.t.saved(formatMoment(new Date().toISOString(), this.locale));
    } else {
      this.status = '';
      this.error = errorText(answer, this.locale, this.t.failed);
    }
  }

  /** Saved a moment after the last key (drafts are saved as they are typed); a file chosen is attached, not typed. */
  private draft(part: 'self' | 'appraisal', ev: Event) {
    if ((ev.target as HTMLElement).matches('input[type=file]')) return;
    clearTimeout(this.timer);
    this.status = this.t.saving;
    this.timer = setTimeout(() => {
      const value = (id: string) => (this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${this.domId(id)}`)?.value ?? '').trim();
      const p = value(part === 'self' ? 'self' : 'appraised');
      const body = part === 'self' ? { points: p === '' ? null : p, note: value('note') } : { points: p === '' ? null : p, comment: value('comment') };
      void this.save(part, body);
    }, 500);
  }

  private async attach(input: HTMLInputElement, stage: EvidenceStage) {
    const file = input.files?.[0];
    if (!file) return;
    this.status = this.t.saving;
    this.error = '';
    const answer = await this.api.attachEvidence(this.campaignId, this.unitId, this.criterion.id, file, stage);
    input.value = '';
    if (answer.ok && answer.body) {
      this.changed({ ...this.entry, evidence: [...this.entry.evidence, answer.body.file] });
      this.status = this.t.saved(formatMoment(answer.body.file.uploadedAt, this.locale));
    } else {
      this.status = '';
      this.error = errorText(answer, this.locale, this.t.failed);
    }
  }

  private async removeFile(file: EvidenceFile) {
    const answer = await this.api.removeEvidence(this.campaignId, this.unitId, file.id);
    if (answer.ok) this.changed({ ...this.entry, evidence: this.entry.evidence.filter((f) => f.id !== file.id) });
    else this.error = errorText(answer, this.locale, this.t.failed);
  }

  private domId(part: string) {
    return `c-${this.criterion.id.replace(/[^A-Za-z0-9]/g, '_')}-${part}`;
  }

  private files(stage: EvidenceStage, editable: boolean) {
    const t = this.t;
    const files = this.entry.evidence.filter((f) => f.stage === stage);
    return html`${files.length === 0 && stage === 'self_assessment'
        ? html`<p class="read ${this.criterion.evidenceRequired && this.entry.self.points !== null && this.entry.self.points !== 'x' ? 'need' : ''}">
            ${this.criterion.evidenceRequired ? t.evidenceNeeded : t.noEvidence}
          </p>`
        : nothing}
      <ul class="files">
        ${files.map(
          (f) => html`<li class="file">
            <a href=${f.url} target="_blank" rel="noopener">${f.name}</a> (${Math.ceil(f.size / 1024)} KB, SHA-256 ${f.sha256.slice(0, 10)}…; ${t.by(f.uploadedBy.name, formatMoment(f.uploadedAt, this.locale))})
            ${editable ? html`<button type="button" class="remove-file" @click=${() => this.removeFile(f)}>${t.remove}</button>` : nothing}
            ${f.mediaType === 'application/pdf' || f.mediaType.startsWith('image/')
              ? html`<details class="preview">
                  <summary>${t.preview}</summary>
                  ${f.mediaType === 'application/pdf' ? html`<iframe src=${f.url} title=${f.name} loading="lazy"></iframe>` : html`<img src=${f.url} alt=${f.name} loading="lazy" />`}
                </details>`
              : nothing}
          </li>`,
        )}
      </ul>
      ${editable
        ? html`<label for=${this.domId(`file-${stage}`)}>${t.attach}</label>
            <input id=${this.domId(`file-${stage}`)} class="attach" type="file" accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt" @change=${(e: Event) => this.attach(e.target as HTMLInputElement, stage)} />`
        : nothing}`;
  }

  private selfPart() {
    const t = this.t;
    const c = this.criterion;
    const e = this.entry;
    if (!c.selfAssessed) return html`<fieldset class="self"><legend>${t.selfPoints}</legend><p class="read">${t.appraisalOnly}</p></fieldset>`;
    if (!this.may.selfAssess) {
      return html`<fieldset class="self">
        <legend>${t.selfPoints}</legend>
        <p class="read self-points">${points(e.self.points, this.locale) ?? t.notYet}</p>
        ${e.self.note ? html`<p class="read self-note">${e.self.note}</p>` : nothing}
        <h5>${t.evidence}</h5>
        ${this.files('self_assessment', false)}
      </fieldset>`;
    }
    return html`<fieldset class="self" @input=${(ev: Event) => this.draft('self', ev)}>
      <legend>${t.selfPoints}</legend>
      <label for=${this.domId('self')}>${c.notApplicable ? t.pointsHintX : t.pointsHint}</label>
      <input id=${this.domId('self')} name="points" type="text" inputmode="decimal" autocomplete="off" .value=${e.self.points === null ? '' : points(e.self.points, this.locale) ?? ''} />
      <label for=${this.domId('note')}>${t.selfNote}</label>
      <textarea id=${this.domId('note')} name="note" rows="2" .value=${e.self.note}></textarea>
      <h5>${t.evidence}</h5>
      ${this.files('self_assessment', true)}
    </fieldset>`;
  }

  private appraisalPart() {
    const t = this.t;
    const a = this.entry.appraisal;
    // Not shown to the unit yet (the sheet says so once, above its criteria).
    if (a === null) return nothing;
    if (!this.may.appraise) {
      return html`<fieldset class="appraisal">
        <legend>${t.appraisal}</legend>
        <p class="read appraised-points">${points(a.points, this.locale) ?? t.notYet}</p>
        ${a.comment ? html`<p class="read comment">${a.comment}</p>` : nothing}
      </fieldset>`;
    }
    return html`<fieldset class="appraisal" @input=${(ev: Event) => this.draft('appraisal', ev)}>
      <legend>${t.appraisal}</legend>
      <label for=${this.domId('appraised')}>${t.appraisedPoints}</label>
      <input id=${this.domId('appraised')} name="points" type="text" inputmode="decimal" autocomplete="off" .value=${a.points === null ? '' : points(a.points, this.locale) ?? ''} />
      <label for=${this.domId('comment')}>${t.comment}</label>
      <textarea id=${this.domId('comment')} name="comment" rows="2" .value=${a.comment}></textarea>
    </fieldset>`;
  }

  private explanationPart() {
    const t = this.t;
    const e = this.entry;
    const shown = e.explanation !== null || this.may.explain;
    if (!shown) return nothing;
    return html`<fieldset class="explanation">
      <legend>${t.explanation}</legend>
      ${this.may.explain
        ? html`<label for=${this.domId('explain')}>${t.explanation}</label>
            <textarea id=${this.domId('explain')} name="explanation" rows="3" .value=${e.explanation?.text ?? ''}></textarea>
            <button type="button" class="send-explanation" @click=${() => {
              const text = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${this.domId('explain')}`)?.value.trim() ?? '';
              void this.save('explanation', { text });
            }}>${t.explain}</button>
            ${this.files('explanation', true)}`
        : html`<p class="read explanation-text">${e.explanation?.text}</p>
            ${this.files('explanation', false)}`}
      ${this.answerPart()}
    </fieldset>`;
  }

  private answerPart() {
    const t = this.t;
    const e = this.entry;
    if (this.may.answer && e.explanation) {
      return html`<div class="answer-form">
        <label for=${this.domId('outcome')}>${t.answer}</label>
        <select id=${this.domId('outcome')} name="outcome">
          <option value="kept">${t.kept}</option>
          <option value="changed">${t.changed}</option>
        </select>
        <label for=${this.domId('new-points')}>${t.newPoints}</label>
        <input id=${this.domId('new-points')} name="new-points" type="text" inputmode="decimal" autocomplete="off" />
        <label for=${this.domId('reason')}>${t.reason}</label>
        <textarea id=${this.domId('reason')} name="reason" rows="2"></textarea>
        <button type="button" class="send-answer" @click=${() => {
          const value = (part: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${this.domId(part)}`)?.value.trim() ?? '';
          const outcome = value('outcome');
          void this.save('answer', { outcome, reason: value('reason'), ...(outcome === 'changed' ? { points: value('new-points') } : {}) });
        }}>${t.sendAnswer}</button>
      </div>`;
    }
    if (!e.answer) return nothing;
    return html`<p class="read answer">
      <strong>${e.answer.outcome === 'changed' ? t.answerChanged : t.answerKept}</strong>: ${e.answer.reason}
    </p>`;
  }

  override render() {
    const t = this.t;
    const c = this.criterion;
    return html`<article aria-labelledby=${this.domId('title')}>
      <h4 id=${this.domId('title')}>${c.number ?? ''} ${pick(c.label, this.locale)} <span class="max">(${t.max(formatDecimal(c.max, this.locale))})</span></h4>
      <div class="parts">${this.selfPart()} ${this.appraisalPart()} ${this.explanationPart()}</div>
      ${this.status ? html`<p class="hint save-status" role="status">${this.status}</p>` : nothing}
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
    </article>`;
  }
}

if (!customElements.get('lb-round-criterion')) customElements.define('lb-round-criterion', LbRoundCriterion);

declare global {
  interface HTMLElementTagNameMap {
    'lb-round-criterion': LbRoundCriterion;
  }
}
