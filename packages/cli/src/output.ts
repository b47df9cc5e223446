import { writeFileSync } from 'node:fs';
import type { LocalizedText } from '@thidua/scoring';

/** The language of the command's own output: Vietnamese by default, English with --lang en. */
export type Lang = 'vi' | 'en';

/** Thrown for a wrong command line: exit code 2, the message, and a pointer to --help. */
export class UsageError extends Error {
  readonly text: LocalizedText;
  readonly command: string | undefined;
  constructor(text: LocalizedText, command?: string) {
    super(text.en);
    this.text = text;
    this.command = command;
  }
}

/**
 * Thrown for a user-caused failure that is not about the command line (exit code 1, no stack):
 * a headline in both languages, then detail lines (each already bilingual).
 */
export class UserError extends Error {
  readonly text: LocalizedText;
  readonly lines: string[];
  constructor(text: LocalizedText, lines: string[] = []) {
    super(text.en);
    this.text = text;
    this.lines = lines;
  }
}

/** Both languages, the chosen one first: "vi — en" (or "en — vi"). */
export function both(text: LocalizedText, lang: Lang): string {
  return lang === 'vi' ? `${text.vi} — ${text.en}` : `${text.en} — ${text.vi}`;
}

export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

/** Writes to a file, or to standard output when no file is named. */
export function emit(content: string | Uint8Array, out: string | undefined): void {
  if (out !== undefined) {
    writeFileSync(out, content);
    return;
  }
  process.stdout.write(content);
}

/** Progress lines on stderr, only when asked for (long inputs), never mixed into stdout. */
export class Progress {
  private readonly started = Date.now();
  constructor(private readonly enabled: boolean) {}
  step(text: LocalizedText): void {
    if (!this.enabled) return;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    process.stderr.write(`… [${seconds} s] ${text.vi} — ${text.en}\n`);
  }
}

/** Columns a string takes in a terminal: combining marks take none (NFD Vietnamese stays aligned). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.normalize('NFC')) if (!/\p{M}/u.test(ch)) width++;
  return width;
}

export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** An aligned plain-text table: a header, a rule, then rows. */
export function textTable(header: string[], rows: string[][], align: ('left' | 'right')[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatVnd(amount: number, lang: Lang): string {
  return lang === 'vi' ? `${new Intl.NumberFormat('vi-VN').format(amount)} đ` : `${new Intl.NumberFormat('en-US').format(amount)} VND`;
}

/** A decimal string from the library shown with the language's decimal mark ("87,50" in Vietnamese). */
export function formatDecimal(value: string | null, lang: Lang): string {
  if (value === null) return '—';
  return lang === 'vi' ? value.replace('.', ',') : value;
}
