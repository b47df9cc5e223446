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
