import { LitElement, html, nothing } from 'lit';
import { type AdminApi, type PresetInfo, errorText } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, announceChange, bringIntoView, noticeView } from './notice.js';
import type { CampaignSummary, SheetIssue } from '../api.js';
import { formatInteger } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import './lb-issue-table.js';

/**
 * Making and closing campaigns: create one from a preset or a rule-set file (its problems listed
 * with line and column), replace the selected campaign's roster with a sheet (by row and column),
 * archive it (with a confirmation).
 *
 * @fires campaign-created - detail: the new campaign's id.
 */
export class LbAdminCampaigns extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaign: { attribute: false },
    presets: { attribute: false },
    locale: {},
    newId: { state: true },
    source: { state: true },
    preset: { state: true },
    ruleSetFile: { state: true },
    rosterFile: { state: true },
    confirmRoster: { state: true },
    issues: { state: true },
    busy: { state: true },
    confirmArchive: { state: true },
    notice: { state: true },
    noticeAt: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaign: CampaignSummary | undefined;
  declare presets: PresetInfo[];
  declare locale: Locale;
  declare newId: string;
  declare source: 'preset' | 'file';
  declare preset: string;
  declare ruleSetFile: File | null;
  declare rosterFile: File | null;
  /** Replacing the roster waits for a confirmation that says what it replaces. */
  declare confirmRoster: boolean;
  declare issues: SheetIssue[];
  declare busy: boolean;
  declare confirmArchive: boolean;
  declare notice: Notice;
  /** Which section the notice belongs to: it is shown there. */
  declare noticeAt: 'roster' | 'archive' | 'create';

  constructor() {
    super();
    this.api = undefined;
    this.campaign = undefined;
    this.presets = [];
    this.locale = 'vi';
    this.newId = '';
    this.source = 'preset';
    this.preset = '';
    this.ruleSetFile = null;
    this.rosterFile = null;
    this.confirmRoster = false;
    this.issues = [];
    this.busy = false;
    this.confirmArchive = false;
    this.notice = null;
    this.noticeAt = 'create';
  }

  private say(at: 'roster' | 'archive' | 'create', kind: 'ok' | 'error', text: string, changed = false) {
    this.noticeAt = at;
    this.notice = { kind, text };
    if (changed) announceChange(this);
    void bringIntoView(this, '.notice');
  }

  private here(at: 'roster' | 'archive' | 'create') {
    return this.noticeAt === at ? noticeView(this.notice) : nothing;
  }

  static override styles = [sharedStyles, adminStyles];

  private async create(event: Event) {
    event.preventDefault();
    const t = adminMessages(this.locale);
    if (!this.api || !this.newId) return;
    this.busy = true;
    try {
      const body =
        this.source === 'preset'
          ? { id: this.newId, preset: this.preset || this.presets[0]?.id || '' }
          : { id: this.newId, ruleSetText: this.ruleSetFile ? await this.ruleSetFile.text() : '' };
      const answer = await this.api.createCampaign(body);
      this.issues = answer.issues;
      if (answer.ok) {
        this.say('create', 'ok', t.created(this.newId), true);
        this.dispatchEvent(new CustomEvent('campaign-created', { detail: this.newId, bubbles: true, composed: true }));
        this.newId = '';
      } else {
        this.say('create', 'error', errorText(answer, this.locale, t.requestFailed));
      }
    } finally {
      this.busy = false;
    }
  }

  private async uploadRoster() {
    const t = adminMessages(this.locale);
    this.confirmRoster = false;
    if (!this.api || !this.campaign || !this.rosterFile) return;
    this.busy = true;
    try {
      const answer = await this.api.uploadRoster(this.campaign.id, this.rosterFile);
      this.issues = answer.issues;
      if (answer.ok && answer.body) this.say('roster', 'ok', t.rosterDone(formatInteger(answer.body.roster.length, this.locale)), true);
      else this.say('roster', 'error', errorText(answer, this.locale, t.requestFailed));
    } finally {
      this.busy = false;
    }
  }

  private async archive() {
    const t = adminMessages(this.locale);
    this.confirmArchive = false;
    if (!this.api || !this.campaign) return;
    const answer = await this.api.archive(this.campaign.id);
    if (answer.ok) this.say('archive', 'ok', t.archived, true);
    else this.say('archive', 'error', errorText(answer, this.locale, t.requestFailed));
  }

  override render() {
    const t = adminMessages(this.locale);
    const campaign = this.campaign;
    const closed = !campaign || campaign.archived || campaign.status === 'final';
    const issues = this.issues.length
      ? html`<lb-issue-table .issues=${this.issues} caption=${t.issuesTitle(formatInteger(this.issues.length, this.locale))} locale=${this.locale}></lb-issue-table>`
      : nothing;
    return html`${campaign
        ? html`<section aria-labelledby="roster-title">
              <h2 id="roster-title">${t.rosterTitle}</h2>
              <p class="hint">${t.rosterHint}</p>
              <label for="roster-file">${t.rosterFile}</label>
              <input
                id="roster-file"
                type="file"
                accept=".csv,.xlsx"
                aria-describedby=${closed ? 'roster-why' : nothing}
                ?disabled=${closed}
                @change=${(e: Event) => (this.rosterFile = (e.target as HTMLInputElement).files?.[0] ?? null)}
              />
              ${this.confirmRoster && this.rosterFile
                ? html`<div class="confirm" role="group" aria-label=${t.rosterUpload}>
                    <p>${t.confirmRoster(this.rosterFile.name, pick(campaign.title, this.locale), formatInteger(campaign.units, this.locale))}</p>
                    <div class="row">
                      <button type="button" class="danger primary confirm-roster" ?disabled=${this.busy} @click=${this.uploadRoster}>${t.confirmAction(t.rosterUpload)}</button>
                      <button type="button" @click=${() => (this.confirmRoster = false)}>${t.cancel}</button>
                    </div>
                  </div>`
                : html`<div class="row">
                    <button
                      type="button"
                      class="roster-upload"
                      aria-describedby="roster-why"
                      ?disabled=${closed || this.busy || !this.rosterFile}
                      @click=${() => {
                        this.confirmRoster = true;
                        void bringIntoView(this, '.confirm');
                      }}
                    >
                      ${t.rosterUpload}
                    </button>
                  </div>
                  <p class="hint" id="roster-why">${closed ? (campaign.archived ? t.rosterClosedArchived : t.rosterClosedFinal) : this.rosterFile ? '' : t.rosterChooseFile}</p>`}
              ${this.here('roster')} ${this.noticeAt === 'roster' ? issues : nothing}
            </section>
            <section aria-labelledby="archive-title">
              <h2 id="archive-title">${t.archiveTitle}</h2>
              <p class="hint" id="archive-why">${campaign.archived ? t.archived : t.archiveHint}</p>
              ${this.confirmArchive
                ? html`<div class="confirm" role="group" aria-label=${t.archiveTitle}>
                    <p>${t.archiveConfirm(pick(campaign.title, this.locale))}</p>
                    <div class="row">
                      <button type="button" class="danger primary confirm-archive" @click=${this.archive}>${t.archive.replace('…', '')}</button>
                      <button type="button" class="cancel-confirm" @click=${() => (this.confirmArchive = false)}>${t.cancel}</button>
                    </div>
                  </div>`
                : html`<button
                    type="button"
                    class="danger archive"
                    aria-describedby="archive-why"
                    ?disabled=${campaign.archived}
                    @click=${() => {
                      this.confirmArchive = true;
                      void bringIntoView(this, '.confirm');
                    }}
                  >
                    ${t.archive}
                  </button>`}
              ${this.here('archive')}
            </section>`
        : nothing}
      <section aria-labelledby="create-title">
        <h2 id="create-title">${t.createTitle}</h2>
        <form @submit=${this.create}>
          <label for="new-id">${t.createId}</label>
          <input id="new-id" type="text" required pattern="[a-z0-9][a-z0-9\\-]{0,63}" aria-describedby="new-id-hint" .value=${this.newId} @input=${(e: Event) => (this.newId = (e.target as HTMLInputElement).value.trim())} />
          <p id="new-id-hint" class="hint">${t.createIdHint}</p>
          <fieldset>
            <legend>${t.createFrom}</legend>
            <label><input type="radio" name="source" value="preset" .checked=${this.source === 'preset'} @change=${() => (this.source = 'preset')} /> ${t.fromPreset}</label>
            <label><input type="radio" name="source" value="file" .checked=${this.source === 'file'} @change=${() => (this.source = 'file')} /> ${t.fromFile}</label>
          </fieldset>
          ${this.source === 'preset'
            ? html`<label for="preset">${t.fromPreset}</label>
                <select id="preset" @change=${(e: Event) => (this.preset = (e.target as HTMLSelectElement).value)}>
                  ${this.presets.map((p) => html`<option value=${p.id} ?selected=${p.id === this.preset}>${pick(p.title, this.locale)} (${p.id})</option>`)}
                </select>`
            : html`<label for="rule-set-file">${t.ruleSetFile}</label>
                <input id="rule-set-file" type="file" accept=".json,application/json" @change=${(e: Event) => (this.ruleSetFile = (e.target as HTMLInputElement).files?.[0] ?? null)} />`}
          <div class="row">
            <button type="submit" class="primary create-campaign" aria-describedby="create-why" ?disabled=${this.busy || !this.newId}>${t.create}</button>
          </div>
          <p class="hint" id="create-why">${this.newId ? '' : t.createNeedsId}</p>
        </form>
        ${this.here('create')} ${this.noticeAt === 'create' ? issues : nothing}
      </section>`;
  }
}

if (!customElements.get('lb-admin-campaigns')) customElements.define('lb-admin-campaigns', LbAdminCampaigns);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-campaigns': LbAdminCampaigns;
  }
}
