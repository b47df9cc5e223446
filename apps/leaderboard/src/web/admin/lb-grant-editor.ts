import { LitElement, css, html, nothing } from 'lit';
import type { Grant, Role } from '../../contract.js';
import { adminMessages } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { type Locale, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';

const roles: Role[] = ['clerk', 'publisher', 'council', 'admin', 'officer', 'appraiser'];

/**
 * The roles of an account, one line each: a role, and the campaign it is held on (or every
 * campaign; an administrator's is always every campaign).
 *
 * @fires grants-changed - detail: the grants as edited.
 */
export class LbGrantEditor extends LitElement {
  static override properties = {
    grants: { attribute: false },
    campaigns: { attribute: false },
    locale: {},
    label: {},
  };

  declare grants: Grant[];
  declare campaigns: { id: string; title: { vi: string; en: string } }[];
  declare locale: Locale;
  /** Prefix of the controls' ids and names (several editors on one page). */
  declare label: string;

  constructor() {
    super();
    this.grants = [];
    this.campaigns = [];
    this.locale = 'vi';
    this.label = 'grant';
  }

  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      /* Why the campaign cannot be chosen, on its own line under the role. */
      .grant .why {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  private change(grants: Grant[]) {
    this.grants = grants;
    this.dispatchEvent(new CustomEvent<Grant[]>('grants-changed', { detail: grants, bubbles: true, composed: true }));
  }

  private set(i: number, patch: Partial<Grant>) {
    this.change(
      this.grants.map((g, k) => {
        if (k !== i) return g;
        const next: Grant = { ...g, ...patch };
        if (next.role === 'admin') return { role: 'admin', campaignId: '*' };
        if (next.role !== 'officer' && next.role !== 'appraiser') return { role: next.role, campaignId: next.campaignId };
        return next.unitId ? next : { role: next.role, campaignId: next.campaignId };
      }),
    );
  }

  override render() {
    const t = adminMessages(this.locale);
    return html`<fieldset class="grants">
      <legend>${t.accountRoles}</legend>
      ${this.grants.map(
        (g, i) => html`<div class="row grant">
          <label class="sr-only" for=${`${this.label}-role-${i}`}>${t.grantRole}</label>
          <select id=${`${this.label}-role-${i}`} class="grant-role" @change=${(e: Event) => this.set(i, { role: (e.target as HTMLSelectElement).value as Role })}>
            ${roles.map((r) => html`<option value=${r} ?selected=${r === g.role}>${t.roles[r]}</option>`)}
          </select>
          <label class="sr-only" for=${`${this.label}-campaign-${i}`}>${t.grantCampaign}</label>
          <select
            id=${`${this.label}-campaign-${i}`}
            class="grant-campaign"
            aria-describedby=${g.role === 'admin' ? `${this.label}-why-${i}` : nothing}
            ?disabled=${g.role === 'admin'}
            @change=${(e: Event) => this.set(i, { campaignId: (e.target as HTMLSelectElement).value })}
          >
            <option value="*" ?selected=${g.campaignId === '*'}>${t.everyCampaign}</option>
            ${this.campaigns.map((c) => html`<option value=${c.id} ?selected=${c.id === g.campaignId}>${pick(c.title, this.locale)}</option>`)}
          </select>
          ${g.role === 'officer' || g.role === 'appraiser'
            ? html`<label for=${`${this.label}-unit-${i}`}>${t.grantUnit}</label>
                <input
                  id=${`${this.label}-unit-${i}`}
                  class="grant-unit"
                  .value=${g.unitId ?? ''}
                  aria-describedby=${`${this.label}-unit-why-${i}`}
                  @change=${(e: Event) => this.set(i, { unitId: (e.target as HTMLInputElement).value.trim() })}
                />
                <p class="hint why" id=${`${this.label}-unit-why-${i}`}>${t.grantUnitHint}</p>`
            : nothing}
          <button type="button" class="remove-grant" @click=${() => this.change(this.grants.filter((_, k) => k !== i))}>${t.removeGrant}</button>
          ${g.role === 'admin' ? html`<p class="hint why" id=${`${this.label}-why-${i}`}>${t.adminEveryCampaign}</p>` : nothing}
        </div>`,
      )}
      <div class="row">
        <button type="button" class="add-grant" @click=${() => this.change([...this.grants, { role: 'clerk', campaignId: this.campaigns[0]?.id ?? '*' }])}>${t.addGrant}</button>
      </div>
    </fieldset>`;
  }
}

if (!customElements.get('lb-grant-editor')) customElements.define('lb-grant-editor', LbGrantEditor);

declare global {
  interface HTMLElementTagNameMap {
    'lb-grant-editor': LbGrantEditor;
  }
}
