/**
 * Every number, percentage, amount of money and date the pages show goes through this module, so
 * Vietnamese readers see 7.000.000 ₫, 65,00% and 31/12/2023, and English readers 7,000,000 ₫,
 * 65.00% and 31/12/2023. Figures arrive from the server as decimal strings ("65.00", "87.3"):
 * they are shown with exactly the digits the evaluation published, never re-rounded here.
 */
import type { Locale } from './i18n.js';

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(intlLocale[locale], {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    cache.set(key, nf);
  }
  return nf;
}

/** Whole numbers of cases or ranks: 1.234 (vi), 1,234 (en). */
export function formatInteger(value: number, locale: Locale): string {
  return numberFormat(locale, 0).format(value);
}

/**
 * A decimal string from the evaluation ("87.35", "-1.2", "0.3"), with its own number of decimals.
 * Formatting the string itself (Intl.NumberFormat v3 accepts decimal strings) keeps every digit
 * exact: no float ever rounds a published score.
 */
export function formatDecimal(value: string, locale: Locale): string {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const decimals = match[1]?.length ?? 0;
  return numberFormat(locale, decimals).format(value as unknown as number);
}

/**
 * A formula from the library ("49.97 + 28.666", "6 × 300 / 1200") with every number written the
 * page's way — "49,97 + 28,666", "1.168" — so that the working uses one decimal separator.
 */
export function formatFormula(formula: string, locale: Locale): string {
  return formula.replace(/\d+(?:\.\d+)?/g, (n) => formatDecimal(n, locale));
}

/**
 * A value the working could not write exactly (a repeating decimal, given to 10 places): about,
 * to 4 places — "≈ 69,5238" — rather than ten digits "rounded for display".
 */
export function formatApproximate(value: string, locale: Locale): string {
  const [whole, fraction = ''] = value.split('.');
  const short = fraction.length > 4 ? String(Number(`${whole}.${fraction}`).toFixed(4)).replace(/0+$/, '').replace(/\.$/, '') : value;
  return `≈ ${formatDecimal(short, locale)}`;
}

/** A percentage given as a decimal string of percent points: "65.00" → "65,00%". */
export function formatPercent(value: string, locale: Locale): string {
  return `${formatDecimal(value, locale)}%`;
}

/** A percent floor from the rule set ("65", "62.5") → "65%", "62,5%". */
export const formatFloor = formatPercent;

const moneyCache = new Map<Locale, Intl.NumberFormat>();
/** Integer đồng: 7.000.000 ₫ in both languages (the currency sign stays after the amount). */
export function formatMoney(amountVnd: number, locale: Locale): string {
  let nf = moneyCache.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 0 });
    moneyCache.set(locale, nf);
  }
  // A no-break space keeps the amount and its sign on one line.
  return `${nf.format(amountVnd)}\u00a0₫`;
}

const dateCache = new Map<Locale, Intl.DateTimeFormat>();
/** A calendar date "2023-12-31" → "31/12/2023", without any time-zone shift. */
export function formatDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  let df = dateCache.get(locale);
  if (!df) {
    df = new Intl.DateTimeFormat(intlLocale[locale], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateCache.set(locale, df);
  }
  return df.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** The month of a calendar date, for chart axes: "2023-12-31" → "12/2023". */
export function formatMonth(isoDate: string, locale: Locale): string {
  return formatDate(isoDate, locale).slice(3);
}

const momentCache = new Map<string, Intl.DateTimeFormat>();
/**
 * An instant as a sentence says it, in the campaign's time zone: "lúc 08:58 ngày 06/12/2026" (vi),
 * "at 08:58 on 06/12/2026" (en) — the time before the date, each with its word.
 */
export function formatMoment(iso: string, locale: Locale, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let df = momentCache.get(timeZone);
  if (!df) {
    df = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    momentCache.set(timeZone, df);
  }
  const parts = df.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}`;
  const day = `${get('day')}/${get('month')}/${get('year')}`;
  return locale === 'vi' ? `lúc ${time} ngày ${day}` : `at ${time} on ${day}`;
}

const timeCache = new Map<Locale, Intl.DateTimeFormat>();
/** The time of day of an instant in the campaign's time zone: "07:32". */
export function formatTime(date: Date, locale: Locale, timeZone = 'Asia/Ho_Chi_Minh'): string {
  let df = timeCache.get(locale);
  if (!df || df.resolvedOptions().timeZone !== timeZone) {
    df = new Intl.DateTimeFormat(intlLocale[locale], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
    timeCache.set(locale, df);
  }
  return df.format(date);
}

const dayCache = new Map<string, Intl.DateTimeFormat>();
/** The calendar date of an instant in the campaign's time zone, "2023-12-31": days of an audit log. */
export function localDay(iso: string, timeZone = 'Asia/Ho_Chi_Minh'): string {
  let df = dayCache.get(timeZone);
  if (!df) {
    df = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    dayCache.set(timeZone, df);
  }
  return df.format(new Date(iso));
}

const collators = new Map<Locale, Intl.Collator>();
/** Vietnamese collation for unit names (Đà after Dân, Ă after A), used by every sort by name. */
export function collator(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
    collators.set(locale, c);
  }
  return c;
}

/**
 * Search key: lower case without diacritics, so "tam xuan" finds "Xã Tam Xuân I" and
 * "nui thanh" finds "Thị trấn Núi Thành" (đ is a letter of its own, folded to d).
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/**
 * A date as an official types it — "31/12/2023" (or 31-12-2023, 31.12.2023, 1/6/2023), or
 * "2023-12-31" — as YYYY-MM-DD; null when it is not a real calendar date. Typed dates never depend
 * on the browser's language (a native date field shows mm/dd/yyyy in an English browser).
 */
export function parseDateVi(text: string): string | null {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (!y || !m || !d) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
