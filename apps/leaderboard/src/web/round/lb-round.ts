import { LitElement, css, html, nothing } from 'lit';
import type { RoundOverview } from '../../contract-round.js';
import { type AdminApi, refusalWithIssues } from '../admin/admin-api.js';
import { type Notice, announceChange, noticeView } from '../admin/notice.js';
import { defaultPhases } from '../../process/default-phases.js';
import { adminStyles } from '../admin/admin-styles.js';
import { formatMoment } from '../format.js';
import type { Locale } from '../i18n.js';
import { sharedStyles } from '../styles.js';
import { roundMessages } from './round-messages.js';
import './lb-round-council.js';
import './lb-round-phases.js';
import './lb-round-sheet.js';

/**
 * An index's round on the officials' page (issue 15): its phases with their dates (the open one
 * marked), the units the reader works on with their progress, the chosen unit's sheet, and for the
 * council and the appraisers the differences. Nothing shows for a campaign without a round.
 */
export class LbRound extends LitElement {
  static override properties = {
    api: { attribute: false },
    campaignId: { attribute: 'campaign-id' },
    startable: { type: Boolean },
    notice: { state: true },
    locale: {},
    overview: { state: true },
    unitId: { state: true },
  };

  declare api: AdminApi;
  declare campaignId: string;
  declare locale: Locale;
  declare overview: RoundOverview | null;
  declare unitId: string;
  /** An administrator may open a round here (the campaign's criteria are scored by entered points, it has none, it is not final). */
  declare startable: boolean;
  declare notice: Notice;

  constructor() {
    super();
    this.locale = 'vi';
    this.campaignId = '';
    this.overview = null;
    this.unitId = '';
    this.startable = false;
    this.notice = null;
    this.addEventListener('round-changed', () => void this.load());
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      ol.phases {
        padding-left: 1.2rem;
      }
      ol.phases li.open {
        font-weight: bold;
      }
      ul.units {
        list-style: none;
        padding: 0;
      }
      ul.units li {
        margin: 0.25rem 0;
      }
      ul.units button {
        width: 100%;
        text-align: left;
      }
      ul.units button[aria-current='true'] {
        outline: 3px solid var(--lb-accent);
      }
    `,
  ];

  override updated(changed: Map<string, unknown>) {
    if (changed.has('campaignId')) {
      this.unitId = '';
      void this.load();
    }
  }

  async load() {
    if (!this.campaignId) return;
    const answer = await this.api.round(this.campaignId);
    this.overview = answer.ok ? answer.body : null;
    const units = this.overview?.units ?? [];
    if (!units.some((u) => u.unitId === this.unitId) && units.length === 1) this.unitId = units[0]?.unitId ?? '';
  }

  /** Opens a round with phases from today (the administrator then sets the real dates). */
  private async start() {
    const t = roundMessages(this.locale);
    const answer = await this.api.setRound(this.campaignId, { phases: defaultPhases(new Date()), publishEvidence: false });
    if (answer.ok) {
      this.notice = null;
      await this.load();
      announceChange(this);
    } else this.notice = { kind: 'error', text: refusalWithIssues(answer, this.locale, t.failed) };
  }

  override render() {
    const o = this.overview;
    const t = roundMessages(this.locale);
    if (!o) {
      return this.startable
        ? html`<section aria-labelledby="round-title">
            <h2 id="round-title">${t.title}</h2>
            <p class="hint">${t.startHint}</p>
            <button type="button" class="start-round" @click=${this.start}>${t.start}</button>
            ${noticeView(this.notice)}
          </section>`
        : nothing;
    }
    const readsDifferences = o.may.council || o.may.appraise || o.may.admin;
    return html`<section aria-labelledby="round-title">
      <h2 id="round-title">${t.title}</h2>
      ${o.sample ? html`<p class="banner sample" role="note">${t.sample}</p>` : nothing}
      <h3>${t.phases}</h3>
      <ol class="phases">
        ${o.round.phases.map(
          (p) => html`<li class=${p.id === o.openPhase ? 'open' : ''} aria-current=${p.id === o.openPhase ? 'step' : 'false'}>
            ${t.phase[p.id]}: ${t.from(formatMoment(p.opensAt, this.locale))}${p.closesAt ? html`, ${t.until(formatMoment(p.closesAt, this.locale))}` : nothing}
            ${p.id === o.openPhase ? html` — ${t.openNow}` : nothing}
          </li>`,
        )}
      </ol>
      ${o.openPhase === null ? html`<p class="hint">${t.between}</p>` : nothing}
      ${o.may.admin ? html`<lb-round-phases .api=${this.api} .overview=${o} locale=${this.locale}></lb-round-phases>` : nothing}
      <h3 id="round-units">${t.units}</h3>
      <ul class="units" aria-labelledby="round-units">
        ${o.units.map(
          (u) => html`<li>
            <button type="button" class="unit" data-unit=${u.unitId} aria-current=${u.unitId === this.unitId ? 'true' : 'false'} @click=${() => (this.unitId = u.unitId)}>
              <strong>${u.name}</strong> — ${t.progress(u.done, u.total)}${u.missingEvidence > 0 ? `, ${t.missingEvidence(u.missingEvidence)}` : ''};
              ${t.appraised(u.appraised, o.criteria.length)}; ${u.submittedAt ? t.submitted(formatMoment(u.submittedAt, this.locale), u.submittedBy ?? '') : t.notSubmitted}
            </button>
          </li>`,
        )}
      </ul>
      ${this.unitId ? html`<lb-round-sheet .api=${this.api} .overview=${o} .unitId=${this.unitId} locale=${this.locale}></lb-round-sheet>` : nothing}
      ${readsDifferences ? html`<lb-round-council .api=${this.api} .overview=${o} locale=${this.locale}></lb-round-council>` : nothing}
    </section>`;
  }
}

if (!customElements.get('lb-round')) customElements.define('lb-round', LbRound);

declare global {
  interface HTMLElementTagNameMap {
    'lb-round': LbRound;
  }
}
