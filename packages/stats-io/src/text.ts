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
const isBreak = (ch: string) => ch === '\r' || ch === '\n';

/**
 * The formula-injection guard (OWASP "CSV injection"): a text cell that begins with = + - @, a tab
 * or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of
 * running it — and so does every line of a cell, since a spreadsheet that splits rows at a bare CR or
 * LF starts a new row (and a new cell) with what follows the break ("Nguyen\n=1+2" is written
 * "Nguyen\n'=1+2"). `cellStarts` adds the characters after which such a spreadsheet may start a
 * cell in that new row (the CSV's delimiter and quote, for a cell holding a break). Every text cell
 * the package writes, in CSV and XLSX, goes through here; numbers are written as numbers and never
 * need it.
 */
export function neutraliseCell(value: string, cellStarts: string = ''): string {
  let out = '';
  let cellStart = true;
  for (const ch of value) {
    if (cellStart && formulaTriggers.has(ch)) out += "'";
    out += ch;
    cellStart = isBreak(ch) || cellStarts.includes(ch);
  }
  return out;
}

/** The inverse for text read back from our own files: "'=x" → "=x" at the start of each line; anything else unchanged. */
export function unneutraliseCell(value: string): string {
  if (!value.includes("'")) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const lineStart = i === 0 || isBreak(value.charAt(i - 1));
    if (ch === "'" && lineStart && formulaTriggers.has(value.charAt(i + 1))) continue;
    out += ch;
  }
  return out;
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

/** What a name, title or decision field may not hold, and why (text-safety, issue 17). */
export type TextProblemKind = 'line_break' | 'control_character' | 'bidi_control' | 'invisible_character';

export interface TextProblem {
  kind: TextProblemKind;
  /** The offending character as U+XXXX. */
  codePoint: string;
  message: { vi: string; en: string };
}

const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const invisibles = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0]/u;
const lineBreaks = /[\n\r\u0085\u2028\u2029]/u;
const controls = /[\p{Cc}\p{Co}\p{Cs}]/u;

const problemWords: Record<TextProblemKind, { vi: string; en: string }> = {
  line_break: { vi: 'xuống dòng', en: 'a line break' },
  control_character: { vi: 'ký tự điều khiển', en: 'a control character' },
  bidi_control: { vi: 'ký tự đảo hướng chữ (bidi)', en: 'a bidirectional-text control' },
  invisible_character: { vi: 'ký tự vô hình (độ rộng bằng 0)', en: 'an invisible (zero-width) character' },
};

/**
 * The first character of a name, title or decision field that a person could not see or that could
 * make it look like another text: control characters, line breaks (unless `lines: 'many'`), bidi
 * overrides and isolates, zero-width and other invisible characters. Null when the text is clean.
 * The message says which, so the official can retype the field.
 */
export function textProblem(value: string, opts: { lines?: 'one' | 'many'; field?: { vi: string; en: string } } = {}): TextProblem | null {
  const many = opts.lines === 'many';
  for (const ch of value) {
    let kind: TextProblemKind | null = null;
    if (lineBreaks.test(ch)) kind = many && (ch === '\n' || ch === '\r') ? null : 'line_break';
    else if (bidiControls.test(ch)) kind = 'bidi_control';
    else if (invisibles.test(ch)) kind = 'invisible_character';
    else if (controls.test(ch)) kind = 'control_character';
    if (kind === null) continue;
    const codePoint = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const words = problemWords[kind];
    const field = opts.field ?? { vi: 'Nội dung', en: 'The text' };
    return {
      kind,
      codePoint,
      message: {
        vi: `${field.vi} chứa ${words.vi} (${codePoint}), không được phép; hãy gõ lại trường này.`,
        en: `${field.en} contains ${words.en} (${codePoint}), which is not allowed; retype the field.`,
      },
    };
  }
  return null;
}
