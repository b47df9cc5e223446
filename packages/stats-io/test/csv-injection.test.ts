import fc from 'fast-check';
import { evaluate, type UnitInput } from '@thidua/scoring';
import { describe, expect, it } from 'vitest';
import { awardsCsv, neutraliseCell, rankingCsv, statisticsCsv, templateCsv, type CsvDialect, type ExportMeta } from '../src/index.js';
import { roster, ruleSet, units } from './fixtures.js';

/**
 * Formula injection through a line break (issue 17): a spreadsheet that splits rows at every bare CR
 * or LF — even inside a quoted cell — reads the rest of the cell as a new row of unquoted CSV. No
 * cell it reads that way may start a formula, whatever text an official typed into a name, a roster
 * or a decision.
 */

const triggers = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * The cells a careless spreadsheet sees: rows at every CR or LF (quotes ignored), then each row split
 * at the delimiter, honouring quotes only within the row. A quoted cell's value is what is between
 * its quotes (a doubled quote is one quote); the rest of the cell is appended as the spreadsheet does.
 */
function carelessCells(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  for (const row of text.replace(/^\ufeff/, '').split(/[\r\n]/)) {
    let i = 0;
    while (i <= row.length) {
      let value = '';
      if (row[i] === '"') {
        i++;
        while (i < row.length) {
          if (row[i] === '"' && row[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (row[i] === '"') {
            i++;
            break;
          } else value += row[i++];
        }
      }
      while (i < row.length && row[i] !== delimiter) value += row[i++];
      cells.push(value);
      i++;
    }
  }
  return cells;
}

function formulaCells(bytes: Uint8Array, delimiter: string): string[] {
  return carelessCells(new TextDecoder().decode(bytes), delimiter).filter((c) => triggers.has(c.charAt(0)));
}

const hostileText = fc.string({
  unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", ' ', 'a', 'ă', '1'),
  minLength: 1,
  maxLength: 24,
}).filter((s) => s.trim() !== ''); // a unit must have a name

const dialects: [CsvDialect, string][] = [
  ['standard', ','],
  ['excel-vn', ';'],
];

function hostileUnits(names: string[]): UnitInput[] {
  return units.map((u, i) => ({ ...u, name: names[i % names.length] as string }));
}

describe('CSV exports never carry a live formula, even split at a line break', () => {
  it('the careless splitter finds the formula the old writer let through ("Nguyen\\n=1+2")', () => {
    // What the writer did before: the cell quoted only for CRLF, the guard on the first character.
    const old = '\ufeffNguyen\n=1+2,x\r\n';
    expect(carelessCells(old, ',')).toContain('=1+2');
    expect(neutraliseCell('Nguyen\n=1+2')).toBe("Nguyen\n'=1+2");
  });

  it('a decision field, a unit name and a roster name with "\\n=1+2" come out neutralised', () => {
    const evaluation = evaluate(hostileUnits(['Xã A\n=1+2']), ruleSet);
    const meta: ExportMeta = {
      ruleSet,
      status: 'final',
      asOf: '2023-12-31',
      inputSha256: 'ab'.repeat(32),
      sample: false,
      generatedAt: '2024-01-05T03:00:00.000Z',
      decision: { number: '12/QĐ-UBND', date: '2024-01-05', signerName: 'Nguyen\n=1+2', signerTitle: 'Chủ tịch\r@SUM(A1)', kind: 'Quyết định\r\n+cmd' },
    };
    for (const [dialect, delimiter] of dialects) {
      expect(formulaCells(awardsCsv(evaluation, meta, { dialect }), delimiter)).toEqual([]);
      expect(formulaCells(rankingCsv(evaluation, meta, { dialect }), delimiter)).toEqual([]);
    }
    expect(formulaCells(templateCsv({ ruleSet, roster: roster.map((r) => ({ ...r, name: 'Xã B\n-2+3' })) }), ',')).toEqual([]);
  });

  it('every cell holding CR, LF, the delimiter or a quote is quoted', () => {
    const text = new TextDecoder().decode(templateCsv({ ruleSet, roster: [{ id: 'a', name: 'x\ry', group: 'communes' }, { id: 'b', name: 'p"q', group: 'communes' }, { id: 'c', name: 'm,n', group: 'communes' }] }));
    expect(text).toContain('"x\ry"');
    expect(text).toContain('"p""q"');
    expect(text).toContain('"m,n"');
  });

  it('property: any text in any export, provisional or final, in both dialects', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 4 }), hostileText, hostileText, fc.boolean(), (names, signer, title, final) => {
        const list = hostileUnits(names);
        const evaluation = evaluate(list, ruleSet);
        const meta: ExportMeta = {
          ruleSet,
          status: final ? 'final' : 'provisional',
          asOf: '2023-12-31',
          inputSha256: 'cd'.repeat(32),
          sample: !final,
          generatedAt: '2024-01-05T03:00:00.000Z',
          units: list,
          decision: final ? { number: title, date: '2024-01-05', signerName: signer, signerTitle: title, kind: signer } : null,
        };
        for (const [dialect, delimiter] of dialects) {
          expect(formulaCells(awardsCsv(evaluation, meta, { dialect }), delimiter)).toEqual([]);
          expect(formulaCells(rankingCsv(evaluation, meta, { dialect }), delimiter)).toEqual([]);
        }
        const hostileRoster = roster.map((r, i) => ({ ...r, name: names[i % names.length] as string }));
        expect(formulaCells(templateCsv({ ruleSet, roster: hostileRoster }), ',')).toEqual([]);
        expect(formulaCells(statisticsCsv(list, ruleSet), ',')).toEqual([]);
        expect(formulaCells(statisticsCsv(list, ruleSet, { headers: 'titles' }), ',')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
