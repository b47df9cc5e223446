import { crc32, deflateRawSync } from 'node:zlib';
/** What the round's tests share: a PDF, and phases in March–April 2024 (Vietnam time) with a gap after the appraisal. */
/** A minimal PDF: what its magic bytes say. */
export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export const roundPhases = {
  phases: [
    { id: 'self_assessment', opensAt: '2024-03-01T08:00:00+07:00', closesAt: '2024-03-15T17:00:00+07:00' },
    { id: 'appraisal', opensAt: '2024-03-15T17:00:00+07:00', closesAt: '2024-03-25T12:00:00+07:00' },
    { id: 'explanation', opensAt: '2024-03-25T17:00:00+07:00', closesAt: '2024-03-30T17:00:00+07:00' },
    { id: 'explanation_review', opensAt: '2024-03-30T17:00:00+07:00', closesAt: '2024-04-05T17:00:00+07:00' },
    { id: 'final', opensAt: '2024-04-05T17:00:00+07:00', closesAt: null },
  ],
  publishEvidence: false,
  selfAssessed: ['I'],
};

/** A ZIP written by hand (stored or deflated entries), for fixtures a library would refuse to make. */
export function zip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflate ? deflateRawSync(e.data, { level: 9 }) : e.data;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);

/** A ZIP bomb dressed as a DOCX: 200 MB of zeros packed into a few hundred KB. */
export function zipBombDocx(): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: 'word/document.xml', data: Buffer.alloc(200 * 1024 * 1024), deflate: true },
  ]);
}
