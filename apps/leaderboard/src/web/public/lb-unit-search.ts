import { LitElement, css, html, nothing } from 'lit';
import { unitPageUrl } from '../api.js';
import { formatInteger, searchKey } from '../format.js';
import { type Locale, messages } from '../i18n.js';
import { sharedStyles } from '../styles.js';

export interface SearchUnit {
  id: string;
  name: string;
  /** The group's name as shown, e.g. "Nhóm 2". */
  groupName: string;
}

const maxResults = 12;

/**
 * One search over every group of a campaign, insensitive to diacritics ("tam xuan" finds "Xã Tam
 * Xuân I"): the matches are links to the units' pages, and Enter opens the first. It is a combobox
 * (WAI-ARIA 1.2): ArrowDown and ArrowUp move through the suggestions (`aria-activedescendant`),
 * Enter opens the one chosen, Escape closes the list, then clears the box. Without JavaScript the
 * form reloads the page with ?q=, which the server renders with the same matches, as links.
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
    active: { state: true },
    closed: { state: true },
  };

  declare campaignId: string;
  declare units: SearchUnit[];
  declare complete: boolean;
  declare query: string;
  declare locale: Locale;
  /** The suggestion chosen with the arrow keys; -1: none (the text box itself). */
  declare active: number;
  /** The list closed with Escape, until the reader types again. */
  declare closed: boolean;

  constructor() {
    super();
    this.campaignId = '';
    this.units = [];
    this.complete = true;
    this.query = '';
    this.locale = 'vi';
    this.active = -1;
    this.closed = false;
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
      li a:focus-visible,
      li a.active {
        background: var(--lb-accent-bg);
      }
      li a.active {
        outline: 2px solid var(--lb-accent, #0b57a3);
        outline-offset: -2px;
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
    const found = this.found();
    const chosen = found[this.active] ?? found[0];
    if (!chosen) return;
    event.preventDefault();
    location.assign(unitPageUrl(this.campaignId, chosen.id));
  }

  private onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.active = -1;
    this.closed = false;
  }

  /** The combobox's keys; Enter submits the form, which opens the suggestion chosen. */
  private onKey(event: KeyboardEvent) {
    const shown = Math.min(this.found().length, maxResults);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (shown === 0) return;
      event.preventDefault();
      this.closed = false;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = Math.max(-1, Math.min(shown - 1, this.active + step));
      void this.updateComplete.then(() => this.renderRoot.querySelector(`#search-option-${this.active}`)?.scrollIntoView({ block: 'nearest' }));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!this.closed && shown > 0) this.closed = true;
      else this.query = '';
      this.active = -1;
    }
  }

  private onFocus() {
    if (!this.complete) this.dispatchEvent(new CustomEvent('need-units', { bubbles: true, composed: true }));
  }

  override render() {
    const t = messages(this.locale).search;
    const found = this.found();
    const open = found.length > 0 && !this.closed;
    return html`<form role="search" method="get" @submit=${this.onSubmit}>
      <label for="unit-search">${t.label}</label>
      <div class="row">
        <input
          id="unit-search"
          name="q"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-controls="search-results"
          aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${open && this.active >= 0 ? `search-option-${this.active}` : nothing}
          autocomplete="off"
          placeholder=${t.placeholder}
          .value=${this.query}
          aria-describedby="search-status"
          @focus=${this.onFocus}
          @input=${this.onInput}
          @keydown=${this.onKey}
        />
        <button type="submit"><span aria-hidden="true">→</span><span class="sr-only">${t.label}</span></button>
      </div>
      <p id="search-status" class="sr-only" role="status">${this.query ? t.results(formatInteger(found.length, this.locale)) : ''}</p>
      ${this.query && found.length === 0 ? html`<p class="none">${t.noMatch}</p>` : nothing}
      ${open
        ? html`<ul class="results" id="search-results" role="listbox" aria-label=${t.label}>
            ${found.slice(0, maxResults).map(
              (u, i) =>
                html`<li role="none">
                  <a role="option" id=${`search-option-${i}`} aria-selected=${i === this.active ? 'true' : 'false'} class=${i === this.active ? 'active' : ''} href=${unitPageUrl(this.campaignId, u.id)}
                    >${u.name}<span class="group">${t.inGroup(u.groupName)}</span></a
                  >
                </li>`,
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
