import { LitElement, html, nothing } from 'lit';
import type { Evaluation } from '@thidua/scoring';
import { type AdminApi, errorText } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, announceChange, bringIntoView, noticeView } from './notice.js';
import { type CampaignSummary, type SheetIssue, type UploadResult, apiUrl } from '../api.js';
import { formatDate, formatDecimal, formatInteger, formatMoney, parseDateVi } from '../format.js';
import { type Locale, messages, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import './lb-issue-table.js';
import './lb-upload-comparison.js';

/**
 * Checking a statistics file (a dry run: every issue by row and column, what it changes against the
 * published figures, the warnings, and a preview of the result), then sending exactly that file for
 * that date — published at once by someone who may publish, else left for a publisher; the
 * template to fill in. Every message appears here, beside the buttons.
 */
export class LbAdminUpload extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaign: { attribute: false },
    locale: {},
    asOf: { state: true },
    asOfText: { state: true },
    file: { state: true },
    busy: { state: true },
    result: { state: true },
    issues: { state: true },
    checked: { state: true },
    mayPublish: { attribute: false },
    notice: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaign: CampaignSummary | undefined;
  declare locale: Locale;
  /** The as-of date as YYYY-MM-DD, once the text typed is a date within the period; else ''. */
  declare asOf: string;
  /** The as-of date as typed ("31/12/2023"). */
  declare asOfText: string;
  declare file: File | null;
  declare busy: boolean;
  declare result: UploadResult | null;
  declare issues: SheetIssue[];
  /** A dry run of exactly this file and date succeeded: publishing is offered. */
  declare checked: boolean;
  /** The signed-in person may publish on this campaign: the upload is published at once. */
  declare mayPublish: boolean;
  declare notice: Notice;

  constructor() {
    super();
    this.api = undefined;
    this.campaign = undefined;
    this.locale = 'vi';
    this.asOf = '';
    this.asOfText = '';
    this.file = null;
    this.busy = false;
    this.result = null;
    this.issues = [];
    this.checked = false;
    this.mayPublish = false;
    this.notice = null;
  }

  private say(kind: 'ok' | 'error' | 'warn', text: string) {
    this.notice = { kind, text };
    void bringIntoView(this, '.notice');
  }

  static override styles = [sharedStyles, adminStyles];

  private async upload(dryRun: boolean) {
    const t = adminMessages(this.locale);
    if (!this.api || !this.campaign || !this.file || !this.asOf) return;
    this.busy = true;
    try {
      const answer = await this.api.upload(this.campaign.id, this.file, this.asOf, { dryRun, publish: this.mayPublish });
      this.issues = answer.issues;
      const date = formatDate(this.asOf, this.locale);
      if (answer.ok && answer.body) {
        const result = answer.body;
        this.result = dryRun ? result : null;
        this.checked = dryRun;
        if (dryRun) this.say('ok', t.dryRunOk(formatInteger(result.rowCount, this.locale)));
        else {
          const shown = result.comparison.olderThanShown && result.comparison.shownAsOf;
          if (result.snapshot?.state === 'pending') this.say('ok', t.pendingSaved(date));
          else if (shown) this.say('warn', t.publishedOlder(date, formatDate(shown, this.locale)));
          else this.say('ok', t.published(date));
          this.file = null;
          const input = this.renderRoot.querySelector<HTMLInputElement>('#file');
          if (input) input.value = '';
          announceChange(this);
        }
      } else {
        this.result = null;
        this.checked = false;
        this.say('error', answer.issues.length ? t.issuesTitle(formatInteger(answer.issues.length, this.locale)) : errorText(answer, this.locale, t.requestFailed));
      }
    } catch (error) {
      this.say('error', String(error));
    } finally {
      this.busy = false;
    }
  }

  /** The typed date as YYYY-MM-DD when it is a real date within the campaign period; '' otherwise. */
  private dateWithin(text: string): string {
    const iso = parseDateVi(text);
    const period = this.campaign?.period;
    return iso && period && iso >= period.start && iso <= period.end ? iso : '';
  }

  /** Beside the date: the period, or what is wrong with the date typed. */
  private asOfHint(): string {
    const t = adminMessages(this.locale);
    const period = this.campaign?.period;
    if (!period) return '';
    const [from, to] = [formatDate(period.start, this.locale), formatDate(period.end, this.locale)];
    if (this.asOfText.trim() === '' || this.asOf) return t.periodHint(from, to);
    return parseDateVi(this.asOfText) ? t.dateOutside(from, to) : t.dateInvalid;
  }

  private preview(evaluation: Evaluation) {
    const all = messages(this.locale);
    const t = adminMessages(this.locale);
    return html`<h3>${t.previewTitle}</h3>
      ${evaluation.groups.map((g) => {
        const byId = new Map(evaluation.units.map((u) => [u.unitId, u]));
        const units = g.ranking.length ? g.ranking.map((id) => byId.get(id)) : evaluation.units.filter((u) => u.groupId === g.id);
        return html`<div class="scroll" role="region" aria-label=${pick(g.name, this.locale)} tabindex="0">
          <table class="preview" data-group=${g.id}>
            <caption>
              ${pick(g.name, this.locale)}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">${all.col.rank}</th>
                <th scope="col">${all.col.unit}</th>
                <th scope="col" class="num">${all.col.score}</th>
                <th scope="col">${all.col.prize}</th>
              </tr>
            </thead>
            <tbody>
              ${units.map(
                (u) => html`<tr>
                  <td class="num">${u?.rank == null ? '' : formatInteger(u.rank, this.locale)}</td>
                  <td>${u?.unitName ?? ''}</td>
                  <td class="num">${u?.score == null ? '—' : formatDecimal(u.score, this.locale)}</td>
                  <td>${u?.prize ? `${pick(u.prize.label, this.locale)} · ${formatMoney(u.prize.amount, this.locale)}` : ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
      })}`;
  }

  override render() {
    const t = adminMessages(this.locale);
    const campaign = this.campaign;
    if (!campaign || campaign.archived || campaign.status === 'final') return nothing;
    const groupNames = Object.fromEntries((this.result?.evaluation.groups ?? []).map((g) => [g.id, g.name]));
    // One error summary: the notice says how many and that nothing was stored; the table lists them.
    const issues = this.issues.length ? html`<lb-issue-table .issues=${this.issues} caption=${t.issuesCaption} locale=${this.locale}></lb-issue-table>` : nothing;
    const r = this.result;
    const n = (x: number) => formatInteger(x, this.locale);
    return html`<section aria-labelledby="upload-title">
        <h2 id="upload-title">${t.uploadTitle}</h2>
        <p class="hint">${t.uploadHint}</p>
        <label for="file">${t.fileLabel}</label>
        <input
          id="file"
          type="file"
          accept=".csv,.xlsx,.json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          @change=${(e: Event) => {
            this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
            this.checked = false;
            this.result = null;
            this.issues = [];
            this.notice = null;
          }}
        />
        <label for="asof">${t.asOfLabel} <span class="hint">(${t.dateFormat})</span></label>
        <input
          id="asof"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          placeholder="31/12/2023"
          aria-describedby="asof-hint"
          aria-invalid=${this.asOfText && !this.asOf ? 'true' : 'false'}
          .value=${this.asOfText}
          @input=${(e: Event) => {
            this.asOfText = (e.target as HTMLInputElement).value;
            this.asOf = this.dateWithin(this.asOfText);
            this.checked = false;
            this.result = null;
          }}
        />
        <p class="hint" id="asof-hint">${this.asOfHint()}</p>
        <div class="row">
          <button type="button" class="dry-run" aria-describedby="dry-run-why" ?disabled=${this.busy || !this.file || !this.asOf} @click=${() => this.upload(true)}>${t.dryRun}</button>
          ${this.busy ? html`<span role="status">${t.working}</span>` : nothing}
        </div>
        <p class="hint" id="dry-run-why">${!this.file ? t.dryRunNeedsFile : !this.asOf ? t.dryRunNeedsDate : ''}</p>
        ${noticeView(this.notice)}
        ${this.checked
          ? html`<!-- The verdict and the primary action first, above what they sum up. -->
              ${r ? html`<p class="verdict">${t.verdict(n(r.warnings.length), n(r.comparison.inputChangeCount), n(r.comparison.rankMoves.length), n(r.comparison.prizeChanges.length))}</p>` : nothing}
              <div class="row send">
                ${this.mayPublish
                  ? html`<button type="button" class="primary publish" ?disabled=${this.busy} @click=${() => this.upload(false)}>${t.publish}</button>`
                  : html`<button type="button" class="primary publish" ?disabled=${this.busy} @click=${() => this.upload(false)}>${t.sendForPublishing}</button>
                      <span class="hint">${t.sendHint}</span>`}
              </div>`
          : nothing}
        ${issues}
        ${this.result?.warnings.length
          ? html`<lb-issue-table class="warnings" .issues=${this.result.warnings} caption=${t.warningsTitle(formatInteger(this.result.warnings.length, this.locale))} locale=${this.locale}></lb-issue-table>`
          : nothing}
        ${this.result ? html`<lb-upload-comparison .comparison=${this.result.comparison} .groupNames=${groupNames} locale=${this.locale}></lb-upload-comparison>` : nothing}
        ${this.result ? this.preview(this.result.evaluation) : nothing}
      </section>
      <section aria-labelledby="template-title">
        <h2 id="template-title">${t.templateTitle}</h2>
        <div class="row">
          <a class="button" href=${apiUrl(campaign.id, 'template.csv')} download>${t.templateCsv}</a>
          <a class="button" href=${apiUrl(campaign.id, 'template.xlsx')} download>${t.templateXlsx}</a>
        </div>
      </section>`;
  }
}

if (!customElements.get('lb-admin-upload')) customElements.define('lb-admin-upload', LbAdminUpload);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-upload': LbAdminUpload;
  }
}
