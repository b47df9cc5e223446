import { LitElement, html, nothing } from 'lit';
import { type AdminApi, errorText } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, noticeView } from './notice.js';
import type { AuditEntry } from '../api.js';
import { formatDate, formatTime, localDay } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';

/**
 * The audit log of one campaign (and the server's own lines), newest first, day by day, each line
 * the server's sentence with its time in front — "07:27 — Nguyễn Văn A thu hồi kỳ số liệu đến
 * ngày 31/12/2023 (so-lieu-thang-12.xlsx)". Older lines a hundred at a time.
 */
export class LbAdminAudit extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaignId: { attribute: 'campaign-id' },
    timeZone: { attribute: false },
    locale: {},
    entries: { state: true },
    complete: { state: true },
    notice: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaignId: string;
  declare timeZone: string;
  declare locale: Locale;
  declare entries: AuditEntry[] | null;
  /** Every line is loaded. */
  declare complete: boolean;
  declare notice: Notice;

  constructor() {
    super();
    this.api = undefined;
    this.campaignId = '';
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.locale = 'vi';
    this.entries = null;
    this.complete = false;
    this.notice = null;
  }

  static override styles = [sharedStyles, adminStyles];

  protected override willUpdate(changed: Map<string, unknown>) {
    // Another campaign's log is another log.
    if (changed.has('campaignId') && changed.get('campaignId') !== undefined) {
      this.entries = null;
      this.complete = false;
    }
  }

  /** Reloads the newest lines, when the log is open (a change was just made). */
  async refresh() {
    if (this.entries !== null) await this.load(false);
  }

  private async load(more: boolean) {
    const t = adminMessages(this.locale);
    if (!this.api) return;
    const before = more ? this.entries?.at(-1)?.id : undefined;
    const answer = await this.api.audit(this.campaignId || null, before);
    if (answer.ok && answer.body) {
      const page = answer.body.entries;
      this.entries = more ? [...(this.entries ?? []), ...page] : page;
      this.complete = page.length < 100;
      this.notice = null;
    } else {
      this.notice = { kind: 'error', text: errorText(answer, this.locale, t.requestFailed) };
    }
  }

  private days(entries: AuditEntry[]) {
    const days: { day: string; entries: AuditEntry[] }[] = [];
    for (const e of entries) {
      const day = localDay(e.at, this.timeZone);
      const last = days.at(-1);
      if (last?.day === day) last.entries.push(e);
      else days.push({ day, entries: [e] });
    }
    return days;
  }

  override render() {
    const t = adminMessages(this.locale);
    return html`<section aria-labelledby="audit-title">
      <h2 id="audit-title">${t.auditTitle}</h2>
      ${this.entries === null ? html`<button type="button" class="load-audit" @click=${() => this.load(false)}>${t.load}</button>` : nothing}
      ${noticeView(this.notice)}
      ${this.entries
        ? html`${this.days(this.entries).map(
              (d) => html`<h3>${formatDate(d.day, this.locale)}</h3>
                <ol class="audit">
                  ${d.entries.map(
                    (e) => html`<li class=${e.outcome} data-action=${e.action}>
                      <time datetime=${e.at}>${formatTime(new Date(e.at), this.locale, this.timeZone)}</time> — ${pick(e.text, this.locale)}
                    </li>`,
                  )}
                </ol>`,
            )}
            ${this.complete ? nothing : html`<div class="row"><button type="button" class="more-audit" @click=${() => this.load(true)}>${t.more}</button></div>`}`
        : nothing}
    </section>`;
  }
}

if (!customElements.get('lb-admin-audit')) customElements.define('lb-admin-audit', LbAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-audit': LbAdminAudit;
  }
}
