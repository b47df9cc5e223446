import { LitElement, css, html, nothing } from 'lit';
import { type AdminApi, errorText } from './admin-api.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Notice, announceChange, bringIntoView, noticeView } from './notice.js';
import type { CampaignSummary, SnapshotComparison, SnapshotMeta, SnapshotRetraction } from '../api.js';
import './lb-upload-comparison.js';
import { formatDate, formatInteger, formatMoment } from '../format.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';

type Pending = { snapshotId: number; action: 'publish' | 'retract' } | null;
/** An answer, shown under the row it is about. */
type RowNotice = { snapshotId: number; notice: Notice } | null;

/**
 * The campaign's snapshots with their state — waiting to be published, shown now, published
 * (history), replaced, retracted — and, for a publisher, publishing a pending one and retracting
 * one, each after a confirmation that appears in the snapshot's own row.
 */
export class LbAdminSnapshots extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaign: { attribute: false },
    snapshots: { attribute: false },
    mayPublish: { attribute: false },
    locale: {},
    busy: { state: true },
    confirming: { state: true },
    notice: { state: true },
    comparison: { state: true },
  };

  declare api: AdminApi | undefined;
  declare campaign: CampaignSummary | undefined;
  declare snapshots: SnapshotMeta[];
  declare mayPublish: boolean;
  declare locale: Locale;
  declare busy: boolean;
  declare confirming: Pending;
  declare notice: RowNotice;
  /**
   * What the act being confirmed changes (null while it loads): a pending upload compared with what
   * is published now, or a retraction, the comparison in reverse.
   */
  declare comparison: SnapshotComparison | SnapshotRetraction | 'failed' | null;

  constructor() {
    super();
    this.api = undefined;
    this.campaign = undefined;
    this.snapshots = [];
    this.mayPublish = false;
    this.locale = 'vi';
    this.busy = false;
    this.confirming = null;
    this.notice = null;
    this.comparison = null;
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      tr.under td > * {
        position: sticky;
        left: 0;
        max-width: min(40rem, calc(100vw - 3.5rem));
        box-sizing: border-box;
      }
      /*
       * On a phone each snapshot is a card: its date, then each field under its label, then its
       * actions — in view, never off the side of a table that scrolls.
       */
      @media (max-width: 40rem) {
        table.snapshots,
        table.snapshots tbody,
        table.snapshots tr,
        table.snapshots th,
        table.snapshots td {
          display: block;
        }
        table.snapshots thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        table.snapshots tbody tr:not(.under) {
          border: 1px solid var(--lb-border);
          border-radius: 0.5rem;
          padding: 0.5rem 0.75rem;
          margin-top: 0.75rem;
        }
        table.snapshots tbody tr.under td {
          padding: 0.5rem 0 0;
        }
        table.snapshots tbody tr.under td > * {
          position: static;
          max-width: none;
        }
        table.snapshots th,
        table.snapshots td {
          border: 0;
          padding: 0.15rem 0;
          text-align: start;
        }
        table.snapshots td[data-label]::before {
          content: attr(data-label) ': ';
          color: var(--lb-muted);
        }
        table.snapshots td.file {
          overflow-wrap: anywhere;
        }
      }
    `,
  ];

  private confirm(snapshotId: number, action: 'publish' | 'retract') {
    this.confirming = { snapshotId, action };
    this.notice = null;
    this.comparison = null;
    void bringIntoView(this, '.confirm');
    // The publisher publishes what they see: the clerk's comparison, made again against what is
    // published now; and retracts what they see: the same comparison, in reverse.
    if (this.api && this.campaign) {
      const asked = action === 'publish' ? this.api.comparison(this.campaign.id, snapshotId) : this.api.retraction(this.campaign.id, snapshotId);
      void asked.then((answer) => {
        if (this.confirming?.snapshotId !== snapshotId || this.confirming.action !== action) return;
        this.comparison = answer.ok && answer.body ? answer.body : 'failed';
      });
    }
  }

  private async act(s: SnapshotMeta, action: 'publish' | 'retract') {
    const t = adminMessages(this.locale);
    this.confirming = null;
    if (!this.api || !this.campaign) return;
    this.busy = true;
    try {
      const answer = action === 'publish' ? await this.api.publish(this.campaign.id, s.id) : await this.api.retract(this.campaign.id, s.id);
      const date = formatDate(s.asOf, this.locale);
      let notice: Notice;
      if (answer.ok && answer.body) {
        const state = answer.body.snapshot.state;
        const shown = this.snapshots.find((o) => o.state === 'live');
        notice =
          action === 'retract'
            ? { kind: 'ok', text: t.retractDone(date) }
            : state === 'published' && shown
              ? { kind: 'warn', text: t.publishedOlder(date, formatDate(shown.asOf, this.locale)) }
              : { kind: 'ok', text: t.published(date) };
        announceChange(this);
      } else {
        notice = { kind: 'error', text: errorText(answer, this.locale, t.requestFailed) };
      }
      this.notice = { snapshotId: s.id, notice };
      void bringIntoView(this, '.notice');
    } finally {
      this.busy = false;
    }
  }

  private stateCell(s: SnapshotMeta, closed: boolean) {
    const t = adminMessages(this.locale);
    // A pending upload of a final or archived campaign waits for nothing: it will never be published.
    if (s.state === 'pending' && closed) return html`<span class="state retracted">${t.neverPublished}</span>`;
    const zone = this.campaign?.period.timeZone;
    const when = (by: string | null, at: string | null) => (by && at ? html`<br /><span class="hint">${t.stateBy(by, formatMoment(at, this.locale, zone))}</span>` : nothing);
    const label = html`<span class="state ${s.state}">${t.states[s.state]}</span>`;
    switch (s.state) {
      case 'replaced':
        return html`${label} ${s.replacedBy === null ? nothing : t.replacedBy(formatInteger(s.replacedBy, this.locale))}`;
      case 'retracted':
        return html`${label}${when(s.retractedBy, s.retractedAt)}`;
      case 'pending':
        return label;
      default:
        return html`${label}${when(s.publishedBy, s.publishedAt)}`;
    }
  }

  private actions(s: SnapshotMeta, closed: boolean) {
    const t = adminMessages(this.locale);
    if (!this.mayPublish || closed || s.state === 'retracted' || s.state === 'replaced') return nothing;
    if (this.confirming?.snapshotId === s.id) return nothing;
    return html`<div class="row">
      ${s.state === 'pending' ? html`<button type="button" class="primary publish-snapshot" ?disabled=${this.busy} @click=${() => this.confirm(s.id, 'publish')}>${t.publishAction}</button>` : nothing}
      <button type="button" class="danger retract" ?disabled=${this.busy} @click=${() => this.confirm(s.id, 'retract')}>${t.retract}</button>
    </div>`;
  }

  /**
   * Under a row, across the table: its confirmation, or the answer to what was done to it. Kept at
   * the left edge of a table that scrolls sideways on a phone, so it is seen where the row is.
   */
  private under(s: SnapshotMeta) {
    const t = adminMessages(this.locale);
    const date = formatDate(s.asOf, this.locale);
    if (this.confirming?.snapshotId === s.id) {
      const publish = this.confirming.action === 'publish';
      return html`<tr class="under" data-for=${s.id}>
        <td colspan="5">
          <div class="confirm" role="group" aria-label=${publish ? t.publishAction : t.retract}>
            <p>${publish ? t.publishConfirm(date) : t.retractConfirm(date)}</p>
            <!-- The act first, in view on a phone; what it changes below it. -->
            <div class="row">
              <button type="button" class=${publish ? 'primary confirm-publish' : 'danger primary confirm-retract'} @click=${() => this.act(s, publish ? 'publish' : 'retract')}>
                ${publish ? t.publishAction : t.retract}
              </button>
              <button type="button" @click=${() => (this.confirming = null)}>${t.cancel}</button>
            </div>
            ${this.comparisonView(publish)}
          </div>
        </td>
      </tr>`;
    }
    if (this.notice?.snapshotId === s.id) return html`<tr class="under" data-for=${s.id}><td colspan="5">${noticeView(this.notice.notice)}</td></tr>`;
    return nothing;
  }

  /**
   * What the act changes. Publishing: the warnings (what it replaces first), then the comparison the
   * clerk saw. Retracting: what public view changes, then the comparison in reverse.
   */
  private comparisonView(publish: boolean) {
    const t = adminMessages(this.locale);
    const c = this.comparison;
    if (c === null) return html`<p class="hint" role="status">${publish ? t.loadingComparison : t.loadingRetraction}</p>`;
    if (c === 'failed') return html`<p class="hint">${t.requestFailed}</p>`;
    const groupNames = Object.fromEntries((this.campaign?.leaders ?? []).map((g) => [g.groupId, g.groupName]));
    if ('changes' in c) {
      const date = formatDate(c.snapshot.asOf, this.locale);
      const after = c.standsFor ? formatDate(c.standsFor.asOf, this.locale) : null;
      const effect =
        c.changes === 'nothing'
          ? t.retractionNothing
          : c.changes === 'board'
            ? after
              ? t.retractionBoard(after)
              : t.retractionBoardEmpty
            : after
              ? t.retractionHistory(date, after)
              : t.retractionHistoryEmpty(date);
      return html`<p class="retraction-effect" data-changes=${c.changes}>${effect}</p>
        ${c.comparison && c.standsFor
          ? html`<lb-upload-comparison
              .comparison=${c.comparison}
              .groupNames=${groupNames}
              .reverse=${{ retracted: c.snapshot.asOf, after: c.standsFor.asOf }}
              locale=${this.locale}
            ></lb-upload-comparison>`
          : nothing}`;
    }
    return html`${c.warnings.length > 0
        ? html`<ul class="warnings">
            ${c.warnings.map((w) => html`<li data-code=${w.code}>${this.locale === 'vi' ? w.message.vi : w.message.en}</li>`)}
          </ul>`
        : nothing}
      <lb-upload-comparison .comparison=${c.comparison} .groupNames=${groupNames} locale=${this.locale}></lb-upload-comparison>`;
  }

  override render() {
    const t = adminMessages(this.locale);
    const campaign = this.campaign;
    if (!campaign) return nothing;
    const closed = campaign.archived || campaign.status === 'final';
    return html`<section aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">${t.snapshotsTitle}</h2>
      ${this.snapshots.length === 0
        ? html`<p class="hint">${t.noSnapshots}</p>`
        : html`<div class="scroll" tabindex="0" role="region" aria-label=${t.snapshotsTable}>
            <table class="snapshots">
              <thead>
                <tr>
                  <th scope="col">${t.snapshotAsOf}</th>
                  <th scope="col">${t.snapshotFile}</th>
                  <th scope="col" class="num">${t.snapshotRows}</th>
                  <th scope="col">${t.snapshotBy}</th>
                  <th scope="col">${t.snapshotState}</th>
                </tr>
              </thead>
              <tbody>
                ${this.snapshots.map(
                  (s) => html`<tr data-snapshot-id=${s.id} data-state=${s.state} class=${s.state === 'retracted' ? 'retracted' : ''}>
                    <th scope="row">${formatDate(s.asOf, this.locale)}</th>
                    <td class="file" data-label=${t.snapshotFile}>${s.sourceFileName}</td>
                    <td class="num" data-label=${t.snapshotRows}>${formatInteger(s.rowCount, this.locale)}</td>
                    <td data-label=${t.snapshotBy}>${s.createdBy}<br /><span class="hint">${formatMoment(s.createdAt, this.locale, campaign.period.timeZone)}</span></td>
                    <td class="state-cell">${this.stateCell(s, closed)} ${this.actions(s, closed)}</td>
                  </tr>
                  ${this.under(s)}`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }
}

if (!customElements.get('lb-admin-snapshots')) customElements.define('lb-admin-snapshots', LbAdminSnapshots);

declare global {
  interface HTMLElementTagNameMap {
    'lb-admin-snapshots': LbAdminSnapshots;
  }
}
