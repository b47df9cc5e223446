import { LitElement, css, html } from 'lit';
import { type Locale, locales, messages } from './i18n.js';
import { sharedStyles } from './styles.js';

/**
 * Vietnamese / English switch. Without JavaScript the links reload the page with `?lang=` (the
 * server remembers it in a cookie); with JavaScript the page switches in place.
 *
 * @fires locale-changed - detail: the chosen Locale; bubbles out of shadow roots.
 */
export class LbLanguageSwitch extends LitElement {
  static override properties = {
    locale: { reflect: true },
  };

  declare locale: Locale;

  constructor() {
    super();
    this.locale = 'vi';
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      nav {
        display: flex;
        gap: 0.25rem;
      }
      a {
        padding: 0.2rem 0.5rem;
        border-radius: 4px;
        text-decoration: none;
        border: 1px solid var(--lb-border);
        color: var(--lb-accent);
        font-size: 0.9rem;
      }
      a[aria-current='true'] {
        background: var(--lb-accent);
        border-color: var(--lb-accent);
        color: #fff;
      }
    `,
  ];

  override render() {
    const t = messages(this.locale);
    return html`<nav aria-label=${t.language}>
      ${locales.map(
        (l) =>
          html`<a
            href=${`?lang=${l}`}
            lang=${l}
            hreflang=${l}
            aria-current=${l === this.locale ? 'true' : 'false'}
            @click=${(e: Event) => this.choose(e, l)}
            >${t.languageName[l]}</a
          >`,
      )}
    </nav>`;
  }

  private choose(event: Event, locale: Locale) {
    event.preventDefault();
    if (locale === this.locale) return;
    this.dispatchEvent(new CustomEvent<Locale>('locale-changed', { detail: locale, bubbles: true, composed: true }));
  }
}

if (!customElements.get('lb-language-switch')) customElements.define('lb-language-switch', LbLanguageSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'lb-language-switch': LbLanguageSwitch;
  }
}
