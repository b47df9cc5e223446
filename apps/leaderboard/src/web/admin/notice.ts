import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { Locale } from '../i18n.js';
import { type Answer, errorText } from './admin-api.js';
import { adminMessages } from './admin-messages.js';

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

/** An admin element that runs actions: busy while one runs, its answer shown as its notice. */
export interface ActingElement extends LitElement {
  busy: boolean;
  notice: Notice;
  locale: Locale;
}

/**
 * Runs one action of an admin element: busy while it runs; then `done`'s notice for an answer that
 * went through, or the server's refusal in the page's language — brought into view either way.
 */
export async function act<T>(host: ActingElement, work: () => Promise<Answer<T>>, done: (body: T) => Notice): Promise<boolean> {
  host.busy = true;
  try {
    const answer = await work();
    const ok = answer.ok && answer.body !== null;
    host.notice = ok ? done(answer.body as T) : { kind: 'error', text: errorText(answer, host.locale, adminMessages(host.locale).requestFailed) };
    void bringIntoView(host, '.notice, .secret-box');
    return ok;
  } finally {
    host.busy = false;
  }
}
