import { LitElement, css, html, nothing } from 'lit';
import type { Evaluation } from '@thidua/scoring';
import type { ApiError, SheetIssue, SnapshotMeta } from './api.js';
import { formatDate, formatDateTime, formatDecimal, formatInteger, formatMoney } from './format.js';
import { type Locale, followLocaleChanges, messages, pick, settleLocale } from './i18n.js';
import { sharedStyles } from './styles.js';
import './lb-language-switch.js';

const tokenKey = 'thidua.adminToken';

interface UploadResult {
  dryRun?: boolean;
  snapshot?: SnapshotMeta | null;
  rowCount?: number;
  evaluation?: Evaluation | null;
  issues?: SheetIssue[];
  warnings?: SheetIssue[];
}

interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  outcome?: string;
  snapshotId?: number | null;
  detail?: Record<string, unknown>;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Phòng Nội vụ's page (/admin): keep the admin token for the session, check a statistics file
 * (dry run: every issue by row and column), publish it, retract a snapshot, finalise the results,
 * download the template, read the audit log. Every decision is the server's; this page only asks.
 *
 * @fires snapshot-published - after a successful publish; detail: the SnapshotMeta.
 */
export class LbAdmin extends LitElement {
  static override properties = {
    locale: { reflect: true },
    token: { state: true },
    tokenDraft: { state: true },
    asOf: { state: true },
    file: { state: true },
    busy: { state: true },
    notice: { state: true },
    result: { state: true },
    issues: { state: true },
    checked: { state: true },
    snapshots: { state: true },
    confirmRetract: { state: true },
    confirmFinalize: { state: true },
    audit: { state: true },
  };

  declare locale: Locale;
  declare token: string;
  declare tokenDraft: string;
  declare asOf: string;
  declare file: File | null;
  declare busy: boolean;
  declare notice: Notice;
  declare result: UploadResult | null;
  declare issues: SheetIssue[];
  /** A dry run of exactly this file and date succeeded: publishing is offered. */
  declare checked: boolean;
  declare snapshots: SnapshotMeta[];
  declare confirmRetract: number | null;
  declare confirmFinalize: boolean;
  declare audit: AuditEntry[] | null;

  constructor() {
    super();
    this.locale = 'vi';
    this.token = '';
    this.tokenDraft = '';
    this.asOf = '';
    this.file = null;
    this.busy = false;
    this.notice = null;
    this.result = null;
    this.issues = [];
    this.checked = false;
    this.snapshots = [];
    this.confirmRetract = null;
    this.confirmFinalize = false;
    this.audit = null;
    followLocaleChanges(this);
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        max-width: 68rem;
        margin: 0 auto;
        padding: 0 1rem 2rem;
      }
      header {
        display: flex;
        justify-content: space-between;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        border-bottom: 3px solid var(--lb-accent);
        padding: 1rem 0 0.5rem;
      }
      h1 {
        margin: 0;
        font-size: 1.5rem;
      }
      section {
        border: 1px solid var(--lb-border);
        border-radius: 8px;
        padding: 0.75rem 1rem 1rem;
        margin-top: 1rem;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.15rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin: 0.5rem 0 0.25rem;
      }
      input[type='password'],
      input[type='text'],
      input[type='date'],
      input[type='file'] {
        font: inherit;
        padding: 0.35rem 0.5rem;
        border: 1px solid #6b7580;
        border-radius: 6px;
        max-width: 100%;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.5rem;
      }
      .hint {
        color: var(--lb-muted);
        font-size: 0.9rem;
      }
      .notice {
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
        margin: 0.75rem 0 0;
      }
      .notice.ok {
        background: #e6f4ea;
        color: var(--lb-up);
      }
      .notice.error {
        background: #fce8e6;
        color: var(--lb-down);
      }
      .confirm {
        background: var(--lb-warn-bg);
        color: var(--lb-warn-text);
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
        margin-top: 0.5rem;
      }
      button.danger {
        border-color: var(--lb-down);
        color: var(--lb-down);
      }
      button.danger.primary {
        background: var(--lb-down);
        color: #fff;
      }
      tr.retracted td,
      tr.retracted th {
        color: var(--lb-muted);
        text-decoration: line-through;
      }
      table.snapshots td,
      table.snapshots th {
        white-space: nowrap;
      }
      @media (max-width: 480px) {
        section {
          padding: 0.5rem 0.6rem 0.75rem;
        }
      }
      pre {
        white-space: pre-wrap;
        margin: 0;
        font-size: 0.8rem;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.loadSnapshots();
  }

  protected override firstUpdated() {
    this.locale = settleLocale(this.locale);
    try {
      this.token = sessionStorage.getItem(tokenKey) ?? '';
    } catch {
      this.token = '';
    }
  }

  private get t() {
    return messages(this.locale).admin;
  }

  private saveToken(event: Event) {
    event.preventDefault();
    const token = this.tokenDraft.trim();
    if (!token) return;
    this.token = token;
    this.tokenDraft = '';
    try {
      sessionStorage.setItem(tokenKey, token);
    } catch {
      // The token still works for this page view.
    }
    this.notice = { kind: 'ok', text: this.t.tokenSaved };
  }

  private forgetToken() {
    this.token = '';
    try {
      sessionStorage.removeItem(tokenKey);
    } catch {
      // Nothing stored.
    }
  }

  private async request(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', authorization: `Bearer ${this.token}`, ...init.headers },
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { error: 'invalid_response', message: text };
    }
    return { status: response.status, body };
  }

  private errorText(status: number, body: unknown): string {
    const error = body as Partial<ApiError> | null;
    return error?.message ?? this.t.requestFailed(String(status));
  }

  private async loadSnapshots() {
    try {
      const response = await fetch('/api/snapshots', { headers: { accept: 'application/json' } });
      if (response.ok) this.snapshots = ((await response.json()) as { snapshots: SnapshotMeta[] }).snapshots;
    } catch {
      // The list stays as it was; the next action reloads it.
    }
  }

  private async upload(dryRun: boolean) {
    const t = this.t;
    if (!this.token) {
      this.notice = { kind: 'error', text: t.needToken };
      return;
    }
    if (!this.file || !this.asOf) return;
    this.busy = true;
    this.notice = null;
    try {
      const form = new FormData();
      form.append('file', this.file, this.file.name);
      const query = `asOf=${encodeURIComponent(this.asOf)}${dryRun ? '&dryRun=1' : ''}`;
      const { status, body } = await this.request(`/api/admin/snapshots?${query}`, { method: 'POST', body: form });
      const result = body as UploadResult & Partial<ApiError>;
      this.issues = result?.issues ?? [];
      if (status >= 200 && status < 300 && this.issues.length === 0) {
        this.result = result;
        if (dryRun) {
          this.checked = true;
          this.notice = { kind: 'ok', text: t.dryRunOk(formatInteger(result.rowCount ?? 0, this.locale)) };
        } else {
          this.checked = false;
          this.notice = { kind: 'ok', text: t.published(formatDate(this.asOf, this.locale)) };
          this.dispatchEvent(new CustomEvent('snapshot-published', { detail: result.snapshot ?? null, bubbles: true, composed: true }));
          await this.loadSnapshots();
        }
      } else {
        this.result = null;
        this.checked = false;
        this.notice = {
          kind: 'error',
          text: this.issues.length ? t.issuesTitle(formatInteger(this.issues.length, this.locale)) : this.errorText(status, body),
        };
      }
    } catch (error) {
      this.notice = { kind: 'error', text: String(error) };
    } finally {
      this.busy = false;
    }
  }

  private async retract(id: number) {
    this.confirmRetract = null;
    this.busy = true;
    try {
      const { status, body } = await this.request(`/api/admin/snapshots/${id}`, { method: 'DELETE' });
      this.notice = status < 300 ? { kind: 'ok', text: `${this.t.retracted}: #${id}` } : { kind: 'error', text: this.errorText(status, body) };
      await this.loadSnapshots();
    } finally {
      this.busy = false;
    }
  }

  private async finalize() {
    this.confirmFinalize = false;
    this.busy = true;
    try {
      const { status, body } = await this.request('/api/admin/finalize', { method: 'POST' });
      this.notice = status < 300 ? { kind: 'ok', text: this.t.finalizeDone } : { kind: 'error', text: this.errorText(status, body) };
      await this.loadSnapshots();
    } finally {
      this.busy = false;
    }
  }

  private async loadAudit() {
    if (!this.token) {
      this.notice = { kind: 'error', text: this.t.needToken };
      return;
    }
    const { status, body } = await this.request('/api/admin/audit');
    if (status >= 300) {
      this.notice = { kind: 'error', text: this.errorText(status, body) };
      return;
    }
    const b = body as AuditEntry[] | { entries?: AuditEntry[]; audit?: AuditEntry[] };
    this.audit = Array.isArray(b) ? b : (b.entries ?? b.audit ?? []);
  }

  private issuesTable(issues: SheetIssue[], caption: string) {
    const t = this.t;
    return html`<div class="scroll" role="region" aria-label=${caption} tabindex="0">
      <table class="issues">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">${t.row}</th>
            <th scope="col">${t.column}</th>
            <th scope="col">${t.message}</th>
          </tr>
        </thead>
        <tbody>
          ${issues.map(
            (i) => html`<tr data-code=${i.code}>
              <td class="num">${i.row === null ? t.wholeFile : formatInteger(i.row, this.locale)}</td>
              <td>${i.column ?? '—'}</td>
              <td>${pick(i.message, this.locale)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private preview(evaluation: Evaluation) {
    return html`<h3>${this.t.previewTitle}</h3>
      ${evaluation.groups.map(
        (g) => html`<div class="scroll" role="region" aria-label=${pick(g.name, this.locale)} tabindex="0">
          <table class="preview" data-group=${g.id}>
            <caption>
              ${pick(g.name, this.locale)}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">${messages(this.locale).col.rank}</th>
                <th scope="col">${messages(this.locale).col.unit}</th>
                <th scope="col" class="num">${messages(this.locale).col.score}</th>
                <th scope="col">${messages(this.locale).col.prize}</th>
              </tr>
            </thead>
            <tbody>
              ${g.ranking.map((r) => {
                const unit = evaluation.units.find((u) => u.unitId === r.unitId);
                return html`<tr>
                  <td class="num">${formatInteger(r.rank, this.locale)}</td>
                  <td>${unit?.unitName ?? r.unitId}</td>
                  <td class="num">${formatDecimal(r.score, this.locale)}</td>
                  <td>${unit?.prize ? `${pick(unit.prize.label, this.locale)} · ${formatMoney(unit.prize.amount, this.locale)}` : ''}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>`,
      )}`;
  }

  private snapshotsTable() {
    const t = this.t;
    if (this.snapshots.length === 0) return html`<p class="hint">${messages(this.locale).noData}</p>`;
    return html`<div class="scroll" tabindex="0">
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
              <td>${formatDateTime(s.createdAt, this.locale)}</td>
              <td>
                ${s.retracted
                  ? t.retracted
                  : this.confirmRetract === s.id
                    ? html`<span class="confirm" role="group" aria-label=${t.retract}>
                        ${t.retractConfirm(formatDate(s.asOf, this.locale))}
                        <button type="button" class="danger primary" @click=${() => this.retract(s.id)}>${t.retract}</button>
                        <button type="button" @click=${() => (this.confirmRetract = null)}>${t.finalizeCancel}</button>
                      </span>`
                    : html`${t.active}
                        <button
                          type="button"
                          class="danger"
                          ?disabled=${!this.token || this.busy}
                          @click=${() => (this.confirmRetract = s.id)}
                        >
                          ${t.retract}
                        </button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const t = this.t;
    const result = this.result;
    return html`<header>
        <h1>${t.title}</h1>
        <lb-language-switch .locale=${this.locale}></lb-language-switch>
      </header>
      <main>
        <p class="hint"><a href="/">${messages(this.locale).unit.back}</a></p>
        <div role="status" aria-live="polite">
          ${this.notice ? html`<p class="notice ${this.notice.kind}">${this.notice.text}</p>` : nothing}
        </div>
        <section aria-labelledby="token-title">
          <h2 id="token-title">${t.tokenLabel}</h2>
          ${this.token
            ? html`<p>${t.tokenSaved}</p>
                <button type="button" @click=${this.forgetToken}>${t.tokenForget}</button>`
            : html`<form @submit=${this.saveToken}>
                <label for="token">${t.tokenLabel}</label>
                <div class="row">
                  <input
                    id="token"
                    type="password"
                    autocomplete="off"
                    .value=${this.tokenDraft}
                    @input=${(e: Event) => (this.tokenDraft = (e.target as HTMLInputElement).value)}
                  />
                  <button type="submit" class="primary">${t.tokenSave}</button>
                </div>
                <p class="hint">${t.tokenHint}</p>
              </form>`}
        </section>

        <section aria-labelledby="upload-title">
          <h2 id="upload-title">${t.uploadTitle}</h2>
          <label for="file">${t.fileLabel}</label>
          <input
            id="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
            .value=${this.asOf}
            @input=${(e: Event) => {
              this.asOf = (e.target as HTMLInputElement).value;
              this.checked = false;
            }}
          />
          <div class="row">
            <button type="button" class="dry-run" ?disabled=${this.busy || !this.file || !this.asOf} @click=${() => this.upload(true)}>
              ${t.dryRun}
            </button>
            <button
              type="button"
              class="primary publish"
              ?disabled=${this.busy || !this.checked}
              @click=${() => this.upload(false)}
            >
              ${t.publish}
            </button>
            ${this.busy ? html`<span>${t.working}</span>` : nothing}
          </div>
          ${this.issues.length ? this.issuesTable(this.issues, t.issuesTitle(formatInteger(this.issues.length, this.locale))) : nothing}
          ${result?.warnings?.length
            ? this.issuesTable(result.warnings, t.warningsTitle(formatInteger(result.warnings.length, this.locale)))
            : nothing}
          ${result?.evaluation ? this.preview(result.evaluation) : nothing}
        </section>

        <section aria-labelledby="template-title">
          <h2 id="template-title">${t.templateTitle}</h2>
          <div class="row">
            <a class="button" href="/api/template.csv" download>${t.templateCsv}</a>
            <a class="button" href="/api/template.xlsx" download>${t.templateXlsx}</a>
          </div>
        </section>

        <section aria-labelledby="snapshots-title">
          <h2 id="snapshots-title">${t.snapshotsTitle}</h2>
          ${this.snapshotsTable()}
        </section>

        <section aria-labelledby="finalize-title">
          <h2 id="finalize-title">${t.finalizeTitle}</h2>
          <p class="hint">${t.finalizeHint}</p>
          ${this.confirmFinalize
            ? html`<div class="confirm" role="group" aria-label=${t.finalizeTitle}>
                <button type="button" class="danger primary" @click=${this.finalize}>${t.finalizeConfirm}</button>
                <button type="button" @click=${() => (this.confirmFinalize = false)}>${t.finalizeCancel}</button>
              </div>`
            : html`<button type="button" class="danger" ?disabled=${!this.token || this.busy} @click=${() => (this.confirmFinalize = true)}>
                ${t.finalize}
              </button>`}
        </section>

        <section aria-labelledby="audit-title">
          <h2 id="audit-title">${t.auditTitle}</h2>
          <button type="button" ?disabled=${!this.token} @click=${this.loadAudit}>${t.load}</button>
          ${this.audit
            ? html`<div class="scroll" tabindex="0">
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
                    ${this.audit.map(
                      (a) => html`<tr>
                        <td>${formatDateTime(a.at, this.locale)}</td>
                        <td>${a.actor}</td>
                        <td>${a.action}${a.outcome ? ` (${a.outcome})` : ''}</td>
                        <td><pre>${a.detail ? JSON.stringify(a.detail, null, 1) : ''}</pre></td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
            : nothing}
        </section>
      </main>`;
  }
}

if (!customElements.get('lb-admin')) customElements.define('lb-admin', LbAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin': LbAdmin;
  }
}
