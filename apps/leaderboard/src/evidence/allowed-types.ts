/**
 * Tài liệu kiểm chứng — the evidence files a unit may attach to its self-assessment (issue 15): the
 * types officials actually send, recognised by their content (magic bytes), never by their name.
 * Served back with this content type; PDFs and images can be previewed in the page.
 */
export const allowedEvidenceTypes = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF', preview: true, zip: false },
  { ext: 'jpg', mime: 'image/jpeg', label: 'JPEG', preview: true, zip: false },
  { ext: 'png', mime: 'image/png', label: 'PNG', preview: true, zip: false },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX', preview: false, zip: true },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX', preview: false, zip: true },
  { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text', label: 'ODT', preview: false, zip: true },
] as const;

export type EvidenceType = (typeof allowedEvidenceTypes)[number];

/** Limits checked before anything is stored (the server's defaults; a deployment may lower them). */
export interface EvidenceLimits {
  /** One file, in bytes. */
  maxFileBytes: number;
  /** All of one unit's files together, in bytes. */
  maxUnitBytes: number;
  /** A DOCX, XLSX or ODT (a ZIP inside): at most this many entries… */
  maxZipEntries: number;
  /** …unpacking to at most this many bytes in all… */
  maxZipUnpackedBytes: number;
  /** …none of them more than this many times its packed size (a ZIP bomb is thousands of times). */
  maxZipRatio: number;
}

export const defaultEvidenceLimits: EvidenceLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnitBytes: 200 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxZipUnpackedBytes: 100 * 1024 * 1024,
  maxZipRatio: 200,
};
