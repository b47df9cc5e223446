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

/**
 * Reading entered points written as text: a decimal with a point or, as Vietnamese spreadsheets
 * write it, a comma ("0,75"); "x" for a criterion that did not arise. The value stays the decimal
 * as written ("0.75"), so that the scoring library reads exactly what the official typed.
 */
export type PointsReading = { kind: 'empty' } | { kind: 'points'; value: string } | { kind: 'notApplicable' } | { kind: 'invalid' };

export function readPoints(raw: string): PointsReading {
  const text = raw.replace(/[\s\u00a0]+/gu, '').trim();
  if (text === '') return { kind: 'empty' };
  if (text === 'x' || text === 'X') return { kind: 'notApplicable' };
  const m = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!m) return { kind: 'invalid' };
  return { kind: 'points', value: `${m[1]}${m[2]}${m[3] === undefined ? '' : `.${m[3]}`}` };
}
