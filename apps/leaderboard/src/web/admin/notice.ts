import { html, nothing, type LitElement, type TemplateResult } from 'lit';

/** What an action answered, shown beside the action itself. */
export type Notice = { kind: 'ok' | 'error' | 'warn'; text: string } | null;

/** A notice as a paragraph: errors are alerts, the rest polite status messages. */
export function noticeView(notice: Notice): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  return html`<p class="notice ${notice.kind}" role=${notice.kind === 'error' ? 'alert' : 'status'} tabindex="-1">${notice.text}</p>`;
}

/**
 * Brings what an action changed into view once rendered — its notice, or a confirmation that
 * appeared — where the official is looking (a confirmation off-screen is one nobody sees).
 */
export async function bringIntoView(element: LitElement, selector = '.notice, .confirm'): Promise<void> {
  await element.updateComplete;
  const target = element.renderRoot.querySelector<HTMLElement>(selector);
  if (!target) return;
  target.scrollIntoView({ block: 'nearest', behavior: 'auto' });
  const focusable = target.matches('.notice') ? target : target.querySelector<HTMLElement>('button, input');
  focusable?.focus({ preventScroll: true });
}

/** Tells the page shell that something changed that other sections show (they reload). */
export function announceChange(from: HTMLElement): void {
  from.dispatchEvent(new CustomEvent('admin-changed', { bubbles: true, composed: true }));
}
