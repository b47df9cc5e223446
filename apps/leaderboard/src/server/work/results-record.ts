import { createHash } from 'node:crypto';
import type { Evaluation, RuleSet } from '@thidua/scoring';
import type { ResultsRecord } from '../../store/results.js';
import { compressPart } from '../plugins/spliced-gzip.js';

/** What identifies a rule set's content: results made under another are made again. */
export function ruleSetSha256(ruleSet: RuleSet): string {
  return createHash('sha256').update(JSON.stringify(ruleSet)).digest('hex');
}

/**
 * An evaluation (without gaps) as it is stored: serialised once as the leaderboard serves it (and
 * compressed once, for gzip answers spliced around it), and one row a unit in the evaluation's
 * order. Every figure is the library's, as it gave it.
 */
export function resultsRecord(evaluation: Evaluation, ruleSetSha: string): ResultsRecord {
  const json = Buffer.from(JSON.stringify(evaluation));
  // Each unit's place among its group's ranked units, and its tie run: what its page says of its standing.
  const ranked = new Map(evaluation.groups.map((g) => [g.id, g.ranking.length]));
  const tieOf = new Map<string, string>();
  for (const g of evaluation.groups) {
    for (const tie of g.ties) {
      const text = JSON.stringify(tie);
      for (const id of tie.unitIds) tieOf.set(id, text);
    }
  }
  return {
    ruleSetSha256: ruleSetSha,
    libraryVersion: evaluation.libraryVersion,
    totalAwarded: evaluation.totalAwarded,
    evaluation: { bytes: json, deflated: compressPart(json), sha256: createHash('sha256').update(json).digest('base64url') },
    units: evaluation.units.map((u) => ({
      unitId: u.unitId,
      groupId: u.groupId,
      rank: u.rank,
      score: u.score,
      eligible: u.eligible,
      classId: u.class ?? null,
      prizeJson: u.prize ? JSON.stringify(u.prize) : null,
      resultJson: JSON.stringify(u),
      groupRanked: ranked.get(u.groupId) ?? 0,
      tieJson: tieOf.get(u.unitId) ?? null,
    })),
  };
}
