import { LitElement, css, html, nothing } from 'lit';
import { unitPageUrl } from './api.js';
import { formatInteger, searchKey } from './format.js';
import { type Locale, messages } from './i18n.js';
import { sharedStyles } from './styles.js';

export interface SearchUnit {
  id: string;
  name: string;
  /** The group's name as shown, e.g. "Nhóm 2". */
  groupName: string;
}

const maxResults = 12;

/**
 * One search over every group of a campaign, insensitive to diacritics ("tam xuan" finds "Xã Tam
 * Xuân I"): the matches are links to the units' pages, and Enter opens the first. Without
 * JavaScript the form reloads the page with ?q=, which the server renders with the same matches.
 *
 * @fires need-units - when the reader starts searching and the page holds only part of the roster.
 */
export class LbUnitSearch extends LitElement {
  static override properties = {
    campaignId: { attribute: 'campaign-id' },
    units: { attribute: false },
    complete: { type: Boolean },
    query: {},
    locale: {},
  };

  declare campaignId: string;
  declare units: SearchUnit[];
  declare complete: boolean;
  declare query: string;
  declare locale: Locale;

  constructor() {
    super();
    this.campaignId = '';
    this.units = [];
    this.complete = true;
    this.query = '';
    this.locale = 'vi';
  }

  static override styles = [
    sharedStyles,
    css`
      form {
        margin: 0.5rem 0 0.25rem;
      }
      label {
        display: block;
        font-weight: 600;
        font-size: 0.9rem;
        margin-bottom: 0.2rem;
      }
      .row {
        display: flex;
        gap: 0.4rem;
      }
      input {
        font: inherit;
        flex: 1;
        min-width: 0;
        min-height: 40px;
        padding: 0.35rem 0.6rem;
        border: 1px solid #6b7580;
        border-radius: 6px;
      }
      button {
        min-height: 40px;
      }
      ul {
        list-style: none;
        margin: 0.35rem 0 0;
        padding: 0;
        border: 1px solid var(--lb-border);
        border-radius: 6px;
      }
      li + li {
        border-top: 1px solid var(--lb-border);
      }
      li a {
        display: block;
        padding: 0.5rem 0.6rem;
        min-height: 24px;
        text-decoration: none;
      }
      li a:hover,
      li a:focus-visible {
        background: var(--lb-accent-bg);
      }
      .group {
        color: var(--lb-muted);
        font-size: 0.85rem;
        margin-left: 0.35rem;
      }
      .none {
        color: var(--lb-muted);
        margin: 0.35rem 0 0;
      }
    `,
  ];

  private found(): SearchUnit[] {
    const q = searchKey(this.query);
    if (q === '') return [];
    return this.units.filter((u) => searchKey(u.name).includes(q) || searchKey(u.id).includes(q));
  }

  private onSubmit(event: Event) {
    const first = this.found()[0];
    if (!first) return;
    event.preventDefault();
    location.assign(unitPageUrl(this.campaignId, first.id));
  }

  private onFocus() {
    if (!this.complete) this.dispatchEvent(new CustomEvent('need-units', { bubbles: true, composed: true }));
  }

  override render() {
    const t = messages(this.locale).search;
    const found = this.found();
    return html`<form role="search" method="get" @submit=${this.onSubmit}>
      <label for="unit-search">${t.label}</label>
      <div class="row">
        <input
          id="unit-search"
          name="q"
          type="search"
          autocomplete="off"
          placeholder=${t.placeholder}
          .value=${this.query}
          aria-describedby="search-status"
          @focus=${this.onFocus}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        <button type="submit"><span aria-hidden="true">→</span><span class="sr-only">${t.label}</span></button>
      </div>
      <p id="search-status" class="sr-only" role="status">${this.query ? t.results(formatInteger(found.length, this.locale)) : ''}</p>
      ${this.query && found.length === 0 ? html`<p class="none">${t.noMatch}</p>` : nothing}
      ${found.length > 0
        ? html`<ul class="results">
            ${found.slice(0, maxResults).map(
              (u) => html`<li><a href=${unitPageUrl(this.campaignId, u.id)}>${u.name}<span class="group">${t.inGroup(u.groupName)}</span></a></li>`,
            )}
          </ul>`
        : nothing}
    </form>`;
  }
}

if (!customElements.get('lb-unit-search')) customElements.define('lb-unit-search', LbUnitSearch);

declare global {
  interface HTMLElementTagNameMap {
    'lb-unit-search': LbUnitSearch;
  }
}
