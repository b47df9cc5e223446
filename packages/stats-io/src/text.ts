/**
 * Small text helpers shared by the reader and the writers: header matching, the formula-injection
 * guard, and the date formats officials read (dd/mm/yyyy).
 */

/**
 * Folds a header or a group name for matching: accents removed (đ → d), lower case, every run of
 * punctuation, underscores or spaces collapsed to one space. "Mã đơn vị", "MA DON VI",
 * " ma_don_vi " and "Mã đơn vị (*)" all fold to "ma don vi".
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Trims, collapses inner whitespace (including no-break spaces) and normalises to NFC. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
}

const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * The formula-injection guard (OWASP "CSV injection"): a text cell that begins with = + - @, a tab
 * or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of
 * running it. Every text cell the package writes, in CSV and XLSX, goes through here; numbers are
 * written as numbers and never need it.
 */
export function neutraliseCell(value: string): string {
  const first = value.charAt(0);
  return formulaTriggers.has(first) ? `'${value}` : value;
}

/** The inverse for text read back from our own files: "'=x" → "=x"; anything else unchanged. */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && formulaTriggers.has(value.charAt(1)) ? value.slice(1) : value;
}

/** "2023-12-31" → "31/12/2023" (the form Vietnamese documents use). */
export function formatDateVi(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** An ISO timestamp shown as "dd/mm/yyyy HH:mm" in the campaign's time zone. */
export function formatDateTimeVi(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
