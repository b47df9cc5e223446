import { LitElement, html, nothing } from 'lit';
import type { Account } from '../../contract.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import { type AdminApi, errorText } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, announceChange, noticeView } from './notice.js';
import { secretBox } from './secret-box.js';

/**
 * Imports a sheet of accounts and what each works on (issue 15: the officers, appraisers and
 * council of an index round): a refused sheet lists every problem by row and column; an accepted
 * one shows each new account's password once.
 */
export class LbAccountsImport extends LitElement {
  static override properties = {
    api: { attribute: false },
    locale: {},
    notice: { state: true },
    problems: { state: true },
    created: { state: true },
  };

  declare api: AdminApi;
  declare locale: Locale;
  declare notice: Notice;
  declare problems: string[];
  declare created: { account: Account; password: string }[];

  constructor() {
    super();
    this.locale = 'vi';
    this.notice = null;
    this.problems = [];
    this.created = [];
  }

  static override styles = [sharedStyles, adminStyles];

  private async send(event: Event) {
    event.preventDefault();
    const t = adminMessages(this.locale);
    const input = this.renderRoot.querySelector<HTMLInputElement>('#accounts-file');
    const file = input?.files?.[0];
    if (!file) return;
    const answer = await this.api.importAccounts(file);
    if (answer.ok && answer.body) {
      this.problems = [];
      this.created = answer.body.accounts.flatMap((a) => (a.password ? [{ account: a.account, password: a.password }] : []));
      this.notice = { kind: 'ok', text: t.importDone(answer.body.accounts.length, this.created.length) };
      announceChange(this);
    } else {
      this.created = [];
      this.problems = answer.issues.map((i) => `${i.row !== null ? `${t.importRow(i.row)}: ` : ''}${i.message[this.locale]}`);
      this.notice = { kind: 'error', text: errorText(answer, this.locale, t.failed) };
    }
  }

  override render() {
    const t = adminMessages(this.locale);
    return html`<section aria-labelledby="import-title">
      <h3 id="import-title">${t.importTitle}</h3>
      <p class="hint" id="import-hint">${t.importHint}</p>
      <form @submit=${this.send}>
        <label for="accounts-file">${t.importFile}</label>
        <input id="accounts-file" type="file" accept=".csv,.xlsx" aria-describedby="import-hint" required />
        <div class="row"><button type="submit" class="import-accounts">${t.importSend}</button></div>
      </form>
      ${noticeView(this.notice)}
      ${this.problems.length ? html`<ul class="issues">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      ${this.created.map((c, i) =>
        secretBox({
          label: t.importPassword(c.account.username, c.account.displayName),
          value: c.password,
          locale: this.locale,
          onSaved: () => (this.created = this.created.filter((_, k) => k !== i)),
        }),
      )}
    </section>`;
  }
}

if (!customElements.get('lb-accounts-import')) customElements.define('lb-accounts-import', LbAccountsImport);

declare global {
  interface HTMLElementTagNameMap {
    'lb-accounts-import': LbAccountsImport;
  }
}
