import type { LocalizedText } from '@thidua/scoring';

const viNumber = new Intl.NumberFormat('vi-VN');
const enNumber = new Intl.NumberFormat('en');
const mb = (bytes: number, format: Intl.NumberFormat) => `${format.format(Math.round(bytes / 1024 / 1024))} MB`;

/**
 * Every sheet-level code this package raises, with its Vietnamese and English message. Codes of
 * the scoring library (on_time_exceeds_online…) pass through unchanged, with the field names in
 * their messages replaced by the column titles of the file.
 */
export const sheetMessages = {
  empty_file: () => ({
    vi: 'Tệp rỗng: không có dòng tiêu đề cũng không có số liệu.',
    en: 'The file is empty: no header row and no data.',
  }),
  no_data_rows: () => ({
    vi: 'Tệp chỉ có dòng tiêu đề, không có dòng số liệu nào.',
    en: 'The file has a header row but no data rows.',
  }),
  unsupported_format: () => ({
    vi: 'Tệp Excel 97-2003 (.xls) không được hỗ trợ: hãy lưu lại dưới dạng .xlsx hoặc .csv (UTF-8).',
    en: 'Excel 97-2003 files (.xls) are not supported: save the file as .xlsx or CSV (UTF-8).',
  }),
  unreadable_file: (detail: string) => ({
    vi: `Không đọc được tệp Excel (.xlsx): ${detail}`,
    en: `The Excel file (.xlsx) cannot be read: ${detail}`,
  }),
  too_many_rows: (limit: number) => ({
    vi: `Tệp có hơn ${viNumber.format(limit)} dòng, vượt giới hạn: hãy xóa các dòng thừa (hoặc tách tệp).`,
    en: `The file has more than ${enNumber.format(limit)} rows, over the limit: remove the extra rows (or split the file).`,
  }),
  too_many_columns: (limit: number) => ({
    vi: `Dòng này có hơn ${viNumber.format(limit)} cột, vượt giới hạn: tệp có đúng là bảng số liệu không?`,
    en: `This row has more than ${enNumber.format(limit)} columns, over the limit: is the file really the statistics sheet?`,
  }),
  cell_too_long: (limit: number) => ({
    vi: `Một ô của dòng này dài hơn ${viNumber.format(limit)} ký tự, vượt giới hạn (thiếu dấu ngoặc kép đóng?).`,
    en: `A cell of this row is longer than ${enNumber.format(limit)} characters, over the limit (an unclosed quote?).`,
  }),
  xlsx_too_large: (limit: number, found: number) => ({
    vi: `Tệp Excel khi giải nén lớn hơn ${mb(limit, viNumber)} (ít nhất ${mb(found, viNumber)}), vượt giới hạn: hãy xóa ảnh, các trang tính thừa, hoặc lưu thành CSV.`,
    en: `The Excel file unzips to more than ${mb(limit, enNumber)} (at least ${mb(found, enNumber)}), over the limit: remove pictures and extra sheets, or save as CSV.`,
  }),
  xlsx_too_many_entries: (limit: number, found: number) => ({
    vi: `Tệp Excel chứa ${viNumber.format(found)} tệp con, nhiều hơn giới hạn ${viNumber.format(limit)}: có đúng là tệp .xlsx không?`,
    en: `The Excel file holds ${enNumber.format(found)} parts, more than the limit of ${enNumber.format(limit)}: is it really an .xlsx file?`,
  }),
  not_utf8: () => ({
    vi: 'Tệp CSV không phải mã UTF-8: trong Excel hãy chọn "Lưu dưới dạng" → "CSV UTF-8 (phân cách bằng dấu phẩy)".',
    en: 'The CSV file is not UTF-8: in Excel use "Save as" → "CSV UTF-8 (Comma delimited)".',
  }),
  csv_syntax: (detail: string) => ({
    vi: `Tệp CSV sai cú pháp (ví dụ thiếu dấu ngoặc kép đóng): ${detail}`,
    en: `The CSV file is malformed (e.g. an unclosed quote): ${detail}`,
  }),
  missing_column: (titleVi: string, titleEn: string, key: string, suggestion?: { header: string; letter: string }) => ({
    vi: `Thiếu cột bắt buộc "${titleVi}" (hoặc "${key}").${suggestion ? ` Có phải cột "${suggestion.header}" (cột ${suggestion.letter}) bị gõ sai không?` : ''}`,
    en: `Required column "${titleEn}" (or "${key}") is missing.${suggestion ? ` Did you mean column "${suggestion.header}" (column ${suggestion.letter})?` : ''}`,
  }),
  /** Warning: a total row under the table. */
  total_row: (text: string) => ({
    vi: `Dòng tổng cộng được bỏ qua (tổng do phần mềm tự tính): "${text}".`,
    en: `Total row ignored (the software adds up by itself): "${text}".`,
  }),
  duplicate_column: (header: string, first: string) => ({
    vi: `Cột "${header}" trùng với cột "${first}" đã có.`,
    en: `Column "${header}" repeats column "${first}".`,
  }),
  /** Warning: the column is ignored. */
  unknown_column: (header: string) => ({
    vi: `Cột "${header}" không thuộc mẫu biểu nên được bỏ qua.`,
    en: `Column "${header}" is not part of the template and is ignored.`,
  }),
  /** Warning: a row with no unit id and no figure. */
  ignored_row: (text: string) => ({
    vi: `Dòng không có mã đơn vị và không có số liệu nên được bỏ qua: "${text}".`,
    en: `Row without a unit id or any figure, ignored: "${text}".`,
  }),
  not_a_count: (column: string, raw: string) => ({
    vi: `Cột "${column}": "${raw}" không phải là số nguyên. Ghi số hồ sơ bằng chữ số, ví dụ 1234 hoặc 1.234.`,
    en: `Column "${column}": "${raw}" is not a whole number. Write the number of cases in digits, e.g. 1234 or 1.234.`,
  }),
  not_points: (column: string, raw: string) => ({
    vi: `Cột "${column}": "${raw}" không phải là số điểm. Ghi số thập phân, ví dụ 0,75 hoặc 0.75 (hoặc "x" nếu nhiệm vụ không phát sinh, nếu được phép).`,
    en: `Column "${column}": "${raw}" is not a number of points. Write a decimal, e.g. 0.75 (or "x" where the task did not arise, if allowed).`,
  }),
  ambiguous_number: (column: string, raw: string) => ({
    vi: `Cột "${column}": "${raw}" không rõ nghĩa (dấu phẩy là dấu thập phân hay phân cách hàng nghìn?). Ghi số không có dấu phân cách, ví dụ 1234.`,
    en: `Column "${column}": "${raw}" is ambiguous (decimal comma or thousands separator?). Write the number without separators, e.g. 1234.`,
  }),
  /** A required cell left blank (the library's `required`, on a sheet). */
  required: (column: string) => ({
    vi: `Ô thuộc cột "${column}" đang để trống.`,
    en: `The cell in column "${column}" is empty.`,
  }),
  unknown_group: (raw: string, accepted: string) => ({
    vi: `Nhóm "${raw}" không có trong bộ quy tắc. Ghi một trong: ${accepted}.`,
    en: `Group "${raw}" is not in the rule set. Write one of: ${accepted}.`,
  }),
  duplicate_id: (id: string, firstRow: number) => ({
    vi: `Mã đơn vị "${id}" bị trùng: đã có ở dòng ${firstRow}.`,
    en: `Unit id "${id}" is repeated: already on row ${firstRow}.`,
  }),
  unknown_unit: (id: string) => ({
    vi: `Đơn vị "${id}" không có trong danh sách đơn vị của đợt thi đua.`,
    en: `Unit "${id}" is not in the campaign roster.`,
  }),
  missing_unit: (id: string, name: string) => ({
    vi: `Thiếu số liệu của đơn vị "${name}" (mã ${id}).`,
    en: `No statistics for unit "${name}" (id ${id}).`,
  }),
  name_mismatch: (written: string, expected: string, id: string) => ({
    vi: `Tên đơn vị "${written}" không khớp với danh sách đơn vị: mã ${id} là "${expected}".`,
    en: `Unit name "${written}" does not match the roster: id ${id} is "${expected}".`,
  }),
  group_mismatch: (written: string, expected: string, id: string) => ({
    vi: `Đơn vị mã ${id} thuộc "${expected}" theo danh sách đơn vị, không phải "${written}".`,
    en: `Unit ${id} belongs to "${expected}" in the roster, not "${written}".`,
  }),
  invalid_unit_id: (id: string) => ({
    vi: `Mã đơn vị "${id}" không hợp lệ: chỉ dùng chữ cái, chữ số và ". _ -" (không dấu, không khoảng trắng).`,
    en: `Unit id "${id}" is invalid: use ASCII letters, digits and ". _ -" only (no accents, no spaces).`,
  }),
  duplicate_unit: (id: string) => ({
    vi: `Mã đơn vị "${id}" bị trùng trong danh sách đơn vị.`,
    en: `Duplicate unit id "${id}" in the roster.`,
  }),
  missing_name: () => ({
    vi: 'Thiếu tên đơn vị.',
    en: 'The unit name is missing.',
  }),
} satisfies Record<string, (...args: never[]) => LocalizedText>;

export type SheetCode = keyof typeof sheetMessages;
