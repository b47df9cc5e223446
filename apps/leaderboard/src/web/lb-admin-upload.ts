import { LitElement, html, nothing } from 'lit';
import type { Evaluation } from '@thidua/scoring';
import { type AdminApi, errorText, notify } from './admin/admin-api.js';
import { adminMessages } from './admin/admin-messages.js';
import { adminStyles } from './admin/admin-styles.js';
import { type CampaignSummary, type SheetIssue, type UploadResult, apiUrl } from './api.js';
import { formatDate, formatDecimal, formatInteger, formatMoney } from './format.js';
import { type Locale, messages, pick } from './i18n.js';
import { sharedStyles } from './styles.js';
import './lb-issue-table.js';

/**
 * Checking a statistics file (a dry run: every issue by row and column, and a preview of the
 * result), then publishing exactly that file for that date; the template to fill in.
 */
export class LbAdminUpload extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaign: { attribute: false },
    locale: {},
    asOf: { state: true },
    file: { state: true },
    busy: { state: true },
    result: { state: true },
    issues: { state: true },
    checked: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaign: CampaignSummary | undefined;
  declare locale: Locale;
  declare asOf: string;
  declare file: File | null;
  declare busy: boolean;
  declare result: UploadResult | null;
  declare issues: SheetIssue[];
  /** A dry run of exactly this file and date succeeded: publishing is offered. */
  declare checked: boolean;

  constructor() {
    super();
    this.api = undefined;
    this.campaign = undefined;
    this.locale = 'vi';
    this.asOf = '';
    this.file = null;
    this.busy = false;
    this.result = null;
    this.issues = [];
    this.checked = false;
  }

  static override styles = [sharedStyles, adminStyles];

  private async upload(dryRun: boolean) {
    const t = adminMessages(this.locale);
    if (!this.api || !this.campaign || !this.file || !this.asOf) return;
    this.busy = true;
    try {
      const answer = await this.api.upload(this.campaign.id, this.file, this.asOf, dryRun);
      this.issues = answer.issues;
      if (answer.ok && answer.body) {
        this.result = answer.body;
        this.checked = dryRun;
        if (dryRun) notify(this, 'ok', t.dryRunOk(formatInteger(answer.body.rowCount, this.locale)));
        else notify(this, 'ok', t.published(formatDate(this.asOf, this.locale)), true);
      } else {
        this.result = null;
        this.checked = false;
        notify(this, 'error', answer.issues.length ? t.issuesTitle(formatInteger(answer.issues.length, this.locale)) : errorText(answer, t.requestFailed));
      }
    } catch (error) {
      notify(this, 'error', String(error));
    } finally {
      this.busy = false;
    }
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
    if (!campaign) return nothing;
    const closed = campaign.archived || campaign.status === 'final';
    return html`<section aria-labelledby="upload-title">
        <h2 id="upload-title">${t.uploadTitle}</h2>
        ${closed ? html`<p class="hint">${campaign.archived ? t.archived : t.alreadyFinal}</p>` : nothing}
        <label for="file">${t.fileLabel}</label>
        <input
          id="file"
          type="file"
          accept=".csv,.xlsx,.json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          ?disabled=${closed}
          @change=${(e: Event) => {
            this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
            this.checked = false;
            this.result = null;
            this.issues = [];
          }}
        />
        <label for="asof">${t.asOfLabel}</label>
        <input
          id="asof"
          type="date"
          min=${campaign.period.start}
          max=${campaign.period.end}
          .value=${this.asOf}
          ?disabled=${closed}
          @input=${(e: Event) => {
            this.asOf = (e.target as HTMLInputElement).value;
            this.checked = false;
          }}
        />
        <div class="row">
          <button type="button" class="dry-run" ?disabled=${closed || this.busy || !this.file || !this.asOf} @click=${() => this.upload(true)}>${t.dryRun}</button>
          <button type="button" class="primary publish" ?disabled=${closed || this.busy || !this.checked} @click=${() => this.upload(false)}>${t.publish}</button>
          ${this.busy ? html`<span role="status">${t.working}</span>` : nothing}
        </div>
        ${this.issues.length
          ? html`<lb-issue-table .issues=${this.issues} caption=${t.issuesTitle(formatInteger(this.issues.length, this.locale))} locale=${this.locale}></lb-issue-table>`
          : nothing}
        ${this.result?.warnings.length
          ? html`<lb-issue-table .issues=${this.result.warnings} caption=${t.warningsTitle(formatInteger(this.result.warnings.length, this.locale))} locale=${this.locale}></lb-issue-table>`
          : nothing}
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
