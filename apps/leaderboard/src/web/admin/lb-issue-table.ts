import { LitElement, html } from 'lit';
import type { SheetIssue } from '../api.js';
import { adminMessages } from './admin-messages.js';
import { formatInteger } from '../format.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';

/** Every problem of a refused file, by row and column, in the reader's language. */
export class LbIssueTable extends LitElement {
  static override properties = {
    issues: { attribute: false },
    caption: {},
    locale: {},
  };

  declare issues: SheetIssue[];
  declare caption: string;
  declare locale: Locale;

  constructor() {
    super();
    this.issues = [];
    this.caption = '';
    this.locale = 'vi';
  }

  static override styles = [sharedStyles];

  override render() {
    const t = adminMessages(this.locale);
    return html`<div class="scroll" role="region" aria-label=${this.caption} tabindex="0">
      <table class="issues">
        <caption>
          ${this.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">${t.row}</th>
            <th scope="col">${t.column}</th>
            <th scope="col">${t.message}</th>
          </tr>
        </thead>
        <tbody>
          ${this.issues.map(
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
}

if (!customElements.get('lb-issue-table')) customElements.define('lb-issue-table', LbIssueTable);

declare global {
  interface HTMLElementTagNameMap {
    'lb-issue-table': LbIssueTable;
  }
}
