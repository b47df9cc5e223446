import { html, nothing } from 'lit';
import type { Decision, SnapshotMeta } from '../api.js';
import { formatDate, formatMoment } from '../format.js';
import { type Locale, messages } from '../i18n.js';

/**
 * When the figures shown were published — "Công bố lúc 08:58 ngày 06/12/2026" — and, once final,
 * the decision they rest on: "Chính thức theo Quyết định số 125/QĐ-UBND ngày 15/01/2024". Every
 * public page says both, under its heading.
 */
export function publicationLine(snapshot: SnapshotMeta | null, decision: Decision | null, locale: Locale, timeZone: string) {
  const t = messages(locale);
  if (!snapshot?.publishedAt) return nothing;
  return html`<p class="published">
    <span>${t.publishedAt(formatMoment(snapshot.publishedAt, locale, timeZone))}</span>${decision
      ? html` · <span class="decision">${t.finalUnder(decision.kind ?? null, decision.number, formatDate(decision.date, locale))}</span>`
      : nothing}
  </p>`;
}
