import { fileTypeFromBuffer } from 'file-type';
import yauzl from 'yauzl';
import type { LocalizedText } from '@thidua/scoring';
import { allowedEvidenceTypes, defaultEvidenceLimits, type EvidenceLimits, type EvidenceType } from './allowed-types.js';

/**
 * Whether a file may be kept as evidence, decided before anything is stored: its size, its name
 * (a name is only ever shown, never a path: "../" and control characters are refused), its type by
 * content — an HTML page named ".pdf" or an SVG is neither — and, for the office formats (a ZIP
 * inside), what the ZIP's central directory says it would unpack to, without unpacking it.
 */

export type EvidenceRefusal = { code: EvidenceRefusalCode; message: LocalizedText };
export type EvidenceVerdict = { ok: true; type: EvidenceType; name: string; size: number } | ({ ok: false } & EvidenceRefusal);

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
const allowedList = allowedEvidenceTypes.map((t) => t.label).join(', ');

/** Every reason a file is refused, in both languages (docs/errors-http.md). */
export const evidenceRefusals = {
  evidence_too_large: (size: number, max: number) => ({
    vi: `Tệp ${mb(size)} vượt quá giới hạn ${mb(max)} cho mỗi tệp`,
    en: `The file is ${mb(size)}, over the ${mb(max)} limit for one file`,
  }),
  evidence_unit_full: (total: number, max: number) => ({
    vi: `Tổng dung lượng tài liệu kiểm chứng của đơn vị sẽ là ${mb(total)}, vượt giới hạn ${mb(max)}`,
    en: `The unit's evidence would total ${mb(total)}, over its ${mb(max)} limit`,
  }),
  evidence_empty: () => ({ vi: 'Tệp rỗng (0 byte): không có gì để lưu', en: 'The file is empty (0 bytes): nothing to keep' }),
  evidence_bad_name: (name: string) => ({
    vi: `Tên tệp "${name}" không hợp lệ: không được chứa đường dẫn (/, \\, ..) hay ký tự điều khiển`,
    en: `The file name "${name}" is not allowed: no paths (/, \\, ..) or control characters`,
  }),
  evidence_type_not_allowed: (name: string) => ({
    vi: `Nội dung tệp "${name}" không phải là ${allowedList} (kiểm tra theo nội dung, không theo tên tệp)`,
    en: `The content of "${name}" is not ${allowedList} (checked by content, not by name)`,
  }),
  evidence_zip_unsafe: (why: string) => ({
    vi: `Tệp văn phòng (DOCX/XLSX/ODT) không an toàn để lưu: ${why}`,
    en: `The office file (DOCX/XLSX/ODT) is not safe to keep: ${why}`,
  }),
} as const;

export type EvidenceRefusalCode = keyof typeof evidenceRefusals;

const refuse = <C extends EvidenceRefusalCode>(code: C, ...args: Parameters<(typeof evidenceRefusals)[C]>): { ok: false } & EvidenceRefusal => ({
  ok: false,
  code,
  message: (evidenceRefusals[code] as (...a: unknown[]) => LocalizedText)(...args),
});

/**
 * A file name as shown beside the evidence: trimmed, NFC, at most 200 characters. null when it
 * holds a path or a control character (it is refused, not repaired: the official sees why).
 */
export function evidenceName(name: string): string | null {
  const clean = name.normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  if (clean === '' || clean === '.' || clean.includes('..') || /[/\\\u0000-\u001f\u007f]/.test(clean)) return null;
  return clean.slice(0, 200);
}

/** What a ZIP's central directory says, read without unpacking: entry count, total and worst ratio. */
function zipDirectory(bytes: Buffer, limits: EvidenceLimits): Promise<string | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return resolve(err ? err.message : 'not a ZIP');
      let entries = 0;
      let unpacked = 0;
      const stop = (why: string | null) => {
        zip.close();
        resolve(why);
      };
      zip.on('error', (e: Error) => stop(e.message));
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        unpacked += entry.uncompressedSize;
        if (entries > limits.maxZipEntries) return stop(`more than ${limits.maxZipEntries} entries`);
        if (unpacked > limits.maxZipUnpackedBytes) return stop(`it would unpack to more than ${mb(limits.maxZipUnpackedBytes)}`);
        if (entry.uncompressedSize > limits.maxZipRatio * Math.max(entry.compressedSize, 1) && entry.uncompressedSize > 1024 * 1024) {
          return stop(`"${entry.fileName}" would unpack to ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} times its size`);
        }
        zip.readEntry();
      });
      zip.on('end', () => stop(null));
      zip.readEntry();
    });
  });
}

/**
 * The verdict on one file: allowed (its type by content, its name as shown) or refused with the
 * reason. `unitBytes` is what the unit already keeps, for the per-unit limit.
 */
export async function inspectEvidence(bytes: Buffer, name: string, unitBytes = 0, limits: EvidenceLimits = defaultEvidenceLimits): Promise<EvidenceVerdict> {
  if (bytes.length > limits.maxFileBytes) return refuse('evidence_too_large', bytes.length, limits.maxFileBytes);
  if (unitBytes + bytes.length > limits.maxUnitBytes) return refuse('evidence_unit_full', unitBytes + bytes.length, limits.maxUnitBytes);
  if (bytes.length === 0) return refuse('evidence_empty');
  const shown = evidenceName(name);
  if (shown === null) return refuse('evidence_bad_name', name);
  // A ZIP (the office formats) is measured by its directory first: recognising its type reads
  // entries, and a ZIP bomb must be refused before anything is unpacked.
  if (bytes.subarray(0, 4).equals(zipSignature)) {
    const unsafe = await zipDirectory(bytes, limits);
    if (unsafe !== null) return refuse('evidence_zip_unsafe', unsafe);
  }
  const detected = await fileTypeFromBuffer(bytes);
  const type = allowedEvidenceTypes.find((t) => t.mime === detected?.mime);
  if (!type) return refuse('evidence_type_not_allowed', shown);
  return { ok: true, type, name: shown, size: bytes.length };
}
