/**
 * Evidence files (issue 15, its first part): judged before storage — an HTML page named ".pdf",
 * an SVG, a ZIP bomb dressed as a DOCX, a 200 MB file, "../" in a name are refused — and kept
 * content-addressed in a real folder, read back byte-identical. The routes, roles and phases that
 * use them (and the "nothing stored" of a refused upload) are still to come.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { zip, zipBombDocx } from './round-fixtures.js';
import { afterAll, describe, expect, it } from 'vitest';
import { nuiThanh2023 } from '@thidua/scoring';
import { templateXlsx } from '@thidua/stats-io';
import { defaultEvidenceLimits } from '../src/evidence/allowed-types.js';
import { evidenceName, inspectEvidence } from '../src/evidence/inspect-evidence.js';
import { LocalEvidenceStorage } from '../src/store/evidence-storage.js';

const folder = mkdtempSync(join(tmpdir(), 'lb-evidence-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('evidence files are refused before storage when hostile, with the reason in both languages', () => {
  const refusals: [string, () => Promise<Buffer> | Buffer, string, string][] = [
    ['an HTML page named .pdf', () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 'bien-ban.pdf', 'evidence_type_not_allowed'],
    ['an SVG (a script can hide in it)', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'so-do.svg', 'evidence_type_not_allowed'],
    ['an SVG named .png', () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'anh.png', 'evidence_type_not_allowed'],
    [
      'a ZIP bomb dressed as a DOCX (200 MB of zeros packed into a few hundred KB)',
      zipBombDocx,
      'bao-cao.docx',
      'evidence_zip_unsafe',
    ],
    ['a 200 MB file', () => Buffer.concat([pdf, Buffer.alloc(200 * 1024 * 1024)]), 'to-trinh.pdf', 'evidence_too_large'],
    ['"../" in the name', () => pdf, '../../etc/passwd.pdf', 'evidence_bad_name'],
    ['a Windows path in the name', () => pdf, '..\\..\\boot.pdf', 'evidence_bad_name'],
    ['a folder in the name', () => pdf, 'tai-lieu/bien-ban.pdf', 'evidence_bad_name'],
    ['a control character in the name', () => pdf, 'bien\u0000ban.pdf', 'evidence_bad_name'],
    ['an empty file', () => Buffer.alloc(0), 'trong.pdf', 'evidence_empty'],
    ['a plain ZIP (not one of the office formats)', () => zip([{ name: 'a.txt', data: Buffer.from('x') }]), 'ho-so.docx', 'evidence_type_not_allowed'],
  ];

  it.each(refusals)('%s', async (_name, make, fileName, code) => {
    const verdict = await inspectEvidence(await make(), fileName);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.code).toBe(code);
    expect(verdict.message.vi.length).toBeGreaterThan(10);
    expect(verdict.message.en.length).toBeGreaterThan(10);
  });

  it("refuses a file that would take the unit's evidence over its limit", async () => {
    const verdict = await inspectEvidence(pdf, 'bien-ban.pdf', defaultEvidenceLimits.maxUnitBytes - 10);
    expect(verdict).toMatchObject({ ok: false, code: 'evidence_unit_full' });
  });
});

describe('allowed files are recognised by content and kept by their SHA-256', () => {
  it('a PDF, a PNG and an XLSX (the statistics template) are accepted, their names kept as shown', async () => {
    expect(await inspectEvidence(pdf, ' Biên bản kiểm tra.pdf ')).toMatchObject({ ok: true, name: 'Biên bản kiểm tra.pdf', type: { ext: 'pdf', preview: true } });
    expect(await inspectEvidence(png, 'ảnh.png')).toMatchObject({ ok: true, type: { ext: 'png' } });
    const xlsx = Buffer.from(await templateXlsx({ ruleSet: nuiThanh2023 }));
    expect(await inspectEvidence(xlsx, 'bieu-mau.xlsx')).toMatchObject({ ok: true, type: { ext: 'xlsx', zip: true } });
    // A PDF named .docx is a PDF: the content decides.
    expect(await inspectEvidence(pdf, 'that-ra-la-pdf.docx')).toMatchObject({ ok: true, type: { ext: 'pdf' } });
  });

  it('serves a stored PDF back byte-identical; the same file twice is kept once; no path is built from a name', () => {
    const storage = new LocalEvidenceStorage(join(folder, 'kept'));
    const { sha256, size } = storage.put(pdf);
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(size).toBe(pdf.length);
    expect(storage.get(sha256)?.equals(pdf)).toBe(true);
    expect(storage.put(pdf).sha256).toBe(sha256);
    expect(readdirSync(join(folder, 'kept', sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);
    for (const hostile of ['../../etc/passwd', `${sha256}/../x`, sha256.toUpperCase(), '']) {
      expect(storage.get(hostile)).toBeNull();
      expect(storage.has(hostile)).toBe(false);
    }
  });

  it('a name is shown as written (trimmed, NFC), never used as a path', () => {
    expect(evidenceName('  Quyết định 125.pdf ')).toBe('Quyết định 125.pdf');
    expect(evidenceName('Quye\u0301t.pdf')).toBe('Quyét.pdf'.normalize('NFC'));
    expect(evidenceName('..')).toBeNull();
    expect(evidenceName('a/b')).toBeNull();
  });
});
