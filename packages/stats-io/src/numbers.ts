/**
 * Reading a number of cases written as text (every CSV cell, and XLSX cells formatted as text).
 *
 * Accepted: plain digits ("1234"), and digits grouped by thousands with dots ("1.234",
 * "12.345.678", the Vietnamese convention) or spaces ("1 234"). A count is a whole number, so a dot
 * followed by exactly three digits can only be a thousands separator. A leading minus is read, so
 * that the scoring library reports the value as negative rather than as unreadable.
 *
 * Refused: a comma grouping ("1,234" — a Vietnamese reader sees one point two three four, an
 * English reader sees 1234: ambiguous), decimals ("3,5", "1.5"), and anything else ("12a").
 */
export type CountReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'ambiguous' }
  | { kind: 'invalid' };

export function readCount(raw: string): CountReading {
  const text = raw.replace(/[\s\u00a0]+/gu, ' ').trim();
  if (text === '') return { kind: 'empty' };
  const m = /^(-?)(\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+)$/.exec(text);
  if (m) {
    const digits = (m[2] ?? '').replace(/[. ]/g, '');
    const value = Number(digits);
    return { kind: 'number', value: m[1] === '-' && value !== 0 ? -value : value };
  }
  if (/^-?\d{1,3}(?:,\d{3})+$/.test(text)) return { kind: 'ambiguous' };
  return { kind: 'invalid' };
}
