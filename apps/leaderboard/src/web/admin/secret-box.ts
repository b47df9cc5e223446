import { html, type TemplateResult } from 'lit';
import type { Locale } from '../i18n.js';
import { adminMessages } from './admin-messages.js';

/**
 * A password or token shown once: what it is, the value, that it cannot be seen again, a copy
 * button and "Đã lưu" to close it. Without a clipboard (plain HTTP, an old browser) the copy button
 * selects the value for the reader to copy.
 */
export function secretBox(opts: { label: string; value: string; locale: Locale; valueClass?: string; onSaved: () => void }): TemplateResult {
  const t = adminMessages(opts.locale);
  const copy = async (event: Event) => {
    try {
      await navigator.clipboard.writeText(opts.value);
    } catch {
      const box = (event.target as HTMLElement).closest('.secret-box')?.querySelector('.secret');
      if (box) getSelection()?.selectAllChildren(box);
    }
  };
  return html`<div class="secret-box confirm" role="group" aria-label=${opts.label}>
    <p>${opts.label}</p>
    <p class="secret ${opts.valueClass ?? ''}" tabindex="0">${opts.value}</p>
    <p class="warning"><strong>${t.secretOnce}</strong></p>
    <div class="row">
      <button type="button" class="copy-secret" @click=${copy}>${t.copy}</button>
      <button type="button" class="primary secret-saved" @click=${opts.onSaved}>${t.saved}</button>
    </div>
  </div>`;
}
