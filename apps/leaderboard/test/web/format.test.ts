import { describe, expect, it } from 'vitest';
import {
  formatApproximate,
  formatFormula,
  collator,
  formatDate,
  formatMoment,
  parseDateVi,
  formatDecimal,
  formatInteger,
  formatMoney,
  formatMonth,
  formatPercent,
  searchKey,
} from '../../src/web/format.js';
import { adminMessages } from '../../src/web/admin/admin-messages.js';
import { localeFromCookie, messages } from '../../src/web/i18n.js';

const nbsp = '\u00a0';

describe('format.ts: one place for every figure, vi-VN and en', () => {
  it('reads a date as an official types it, whatever the browser\u2019s language; refuses what is not a date', () => {
    for (const typed of ['31/12/2023', '31-12-2023', '31.12.2023', ' 31/12/2023 ', '2023-12-31']) expect(parseDateVi(typed)).toBe('2023-12-31');
    expect(parseDateVi('1/6/2023')).toBe('2023-06-01');
    for (const bad of ['31/02/2023', '12/31/2023', '2023-13-01', '31/12/23', '', 'hôm nay']) expect(parseDateVi(bad)).toBeNull();
  });

  it('says an instant as a sentence does, in Vietnam time: "lúc 08:58 ngày 06/12/2026"', () => {
    expect(formatMoment('2026-12-06T01:58:00.000Z', 'vi')).toBe('lúc 08:58 ngày 06/12/2026');
    expect(formatMoment('2026-12-06T01:58:00.000Z', 'en')).toBe('at 08:58 on 06/12/2026');
    // Past midnight in Vietnam, still the 5th in UTC.
    expect(formatMoment('2026-12-05T17:30:00.000Z', 'vi')).toBe('lúc 00:30 ngày 06/12/2026');
    expect(formatMoment('not a date', 'vi')).toBe('not a date');
  });

  it('writes money as integer đồng: 7.000.000 ₫ (vi), 7,000,000 ₫ (en)', () => {
    expect(formatMoney(7_000_000, 'vi')).toBe(`7.000.000${nbsp}₫`);
    expect(formatMoney(7_000_000, 'en')).toBe(`7,000,000${nbsp}₫`);
    expect(formatMoney(0, 'vi')).toBe(`0${nbsp}₫`);
  });

  it('keeps exactly the digits the evaluation published', () => {
    expect(formatPercent('65.00', 'vi')).toBe('65,00%');
    expect(formatPercent('64.99', 'vi')).toBe('64,99%');
    expect(formatPercent('65.00', 'en')).toBe('65.00%');
    expect(formatDecimal('0.1', 'vi')).toBe('0,1');
    expect(formatDecimal('1', 'vi')).toBe('1');
    expect(formatDecimal('87.35', 'vi')).toBe('87,35');
    expect(formatDecimal('1234.5', 'vi')).toBe('1.234,5');
    expect(formatDecimal('1234.5', 'en')).toBe('1,234.5');
    // More digits than a float holds exactly: still exact.
    expect(formatDecimal('65.5027932961', 'vi')).toBe('65,5027932961');
    expect(formatDecimal('0.30000000000000004441', 'en')).toBe('0.30000000000000004441');
    expect(formatDecimal('-1.20', 'vi')).toBe('-1,20');
    expect(formatDecimal('not a number', 'vi')).toBe('not a number');
  });

  it('writes a formula\u2019s numbers the page\u2019s way, and a value that is not exact as about 4 places', () => {
    expect(formatFormula('49.97 + 28.666', 'vi')).toBe('49,97 + 28,666');
    expect(formatFormula('1168', 'vi')).toBe('1.168');
    expect(formatFormula('6 × 300 / (0 → 1200)', 'vi')).toBe('6 × 300 / (0 → 1.200)');
    expect(formatFormula('49.97 + 28.666', 'en')).toBe('49.97 + 28.666');
    expect(formatApproximate('69.5238095238', 'vi')).toBe('≈ 69,5238');
    expect(formatApproximate('0.3333333333', 'en')).toBe('≈ 0.3333');
  });

  it('writes calendar dates as 31/12/2023 with no time-zone shift', () => {
    expect(formatDate('2023-12-31', 'vi')).toBe('31/12/2023');
    expect(formatDate('2023-06-01', 'en')).toBe('01/06/2023');
    expect(formatMonth('2023-12-31', 'vi')).toBe('12/2023');
    expect(formatInteger(1432, 'vi')).toBe('1.432');
    // 17:30 UTC is already the next day in Việt Nam (UTC+7).
    expect(formatMoment('2023-12-31T17:30:00Z', 'vi')).toBe('lúc 00:30 ngày 01/01/2024');
  });

  it('sorts names in Vietnamese order and searches without diacritics', () => {
    // Vietnamese alphabet: a < ă < â < b … d < đ; a code-point sort would put Đ and Ă last.
    const names = ['Xã Tam Đà', 'Xã Tam Bình', 'Xã Tam Dân', 'Xã Tam Ăn', 'Xã Tam Anh Nam', 'Thị trấn Núi Thành'];
    expect([...names].sort(collator('vi').compare)).toEqual([
      'Thị trấn Núi Thành',
      'Xã Tam Anh Nam',
      'Xã Tam Ăn',
      'Xã Tam Bình',
      'Xã Tam Dân',
      'Xã Tam Đà',
    ]);
    expect(searchKey('Xã Tam Xuân II')).toContain('tam xuan');
    expect(searchKey('Đà Nẵng')).toBe('da nang');
  });
});

describe('i18n.ts', () => {
  it('reads the language cookie and ignores anything else', () => {
    expect(localeFromCookie('a=1; lang=en; b=2')).toBe('en');
    expect(localeFromCookie('lang=fr')).toBeNull();
    expect(localeFromCookie(undefined)).toBeNull();
  });

  it('has every message in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(messages('en')).sort()).toEqual(keys(messages('vi')).sort());
    expect(keys(adminMessages('en')).sort()).toEqual(keys(adminMessages('vi')).sort());
    // The move's name comes from the rule set, not from the page.
    expect(messages('vi').unit.gapPassUnit('37', 'hồ sơ trực tuyến đúng hạn', 'Xã Tam Hải')).toBe('Cần thêm 37 hồ sơ trực tuyến đúng hạn để vượt Xã Tam Hải.');
  });
});
