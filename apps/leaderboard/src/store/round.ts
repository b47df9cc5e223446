import type Database from 'better-sqlite3';
import type { Actor } from '../contract.js';
import type { EvidenceStage } from '../contract-round.js';
import type { Round } from '../process/phases.js';
import type { AuditInput } from './store.js';

/**
 * The round of an index (ADR 0020), in the database: its phases on the campaign, each unit's
 * self-assessment, appraisal, explanations and answers per criterion, submissions and the council's
 * confirmations, and the evidence files' lines (their bytes are kept by SHA-256 apart:
 * evidence-storage.ts). Speaks SQL for these tables only; every change is one transaction with its
 * audit line, saying from what to what.
 */

export interface EntryRow {
  unitId: string;
  criterionId: string;
  self: { points: string | null; note: string; at: string | null; by: string | null };
  appraisal: { points: string | null; comment: string; at: string | null; by: string | null };
  explanation: { text: string; at: string | null; by: string | null } | null;
  answer: { outcome: 'kept' | 'changed'; reason: string; at: string | null; by: string | null } | null;
}

export interface UnitRoundRow {
  unitId: string;
  submittedAt: string | null;
  submittedBy: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface EvidenceRow {
  id: number;
  unitId: string;
  criterionId: string;
  stage: EvidenceStage;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  uploadedAt: string;
  uploadedBy: Actor;
}

interface RawEntry {
  unit_id: string;
  criterion_id: string;
  self_points: string | null;
  self_note: string;
  self_at: string | null;
  self_by: string | null;
  appraised_points: string | null;
  comment: string;
  appraised_at: string | null;
  appraised_by: string | null;
  explanation: string | null;
  explained_at: string | null;
  explained_by: string | null;
  answer: 'kept' | 'changed' | null;
  answer_reason: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

interface RawEvidence {
  id: number;
  unit_id: string;
  criterion_id: string;
  stage: EvidenceStage;
  name: string;
  size: number;
  sha256: string;
  media_type: string;
  uploaded_at: string;
  uploaded_by: string;
  uploaded_by_name: string;
}

interface RawUnit {
  unit_id: string;
  submitted_at: string | null;
  submitted_by: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
}

const toUnit = (r: RawUnit): UnitRoundRow => ({ unitId: r.unit_id, submittedAt: r.submitted_at, submittedBy: r.submitted_by, confirmedAt: r.confirmed_at, confirmedBy: r.confirmed_by });

const toEntry = (r: RawEntry): EntryRow => ({
  unitId: r.unit_id,
  criterionId: r.criterion_id,
  self: { points: r.self_points, note: r.self_note, at: r.self_at, by: r.self_by },
  appraisal: { points: r.appraised_points, comment: r.comment, at: r.appraised_at, by: r.appraised_by },
  explanation: r.explanation === null ? null : { text: r.explanation, at: r.explained_at, by: r.explained_by },
  answer: r.answer === null ? null : { outcome: r.answer, reason: r.answer_reason ?? '', at: r.answered_at, by: r.answered_by },
});

const toEvidence = (r: RawEvidence): EvidenceRow => ({
  id: r.id,
  unitId: r.unit_id,
  criterionId: r.criterion_id,
  stage: r.stage,
  name: r.name,
  size: r.size,
  sha256: r.sha256,
  mediaType: r.media_type,
  uploadedAt: r.uploaded_at,
  uploadedBy: { username: r.uploaded_by, name: r.uploaded_by_name },
});

/** Who and where, for each change's audit line: the campaign, the unit (with its name), the criterion. */
export interface Where {
  campaignId: string;
  unitId: string;
  unitName: string;
}

export class RoundStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: (entry: AuditInput) => number,
  ) {}

  // ── the round's phases ─────────────────────────────────────────────────────────────────

  /** Sets (or replaces) the campaign's round; `detail` says what changed for the audit line. */
  setRound(campaignId: string, round: Round, action: 'round_set' | 'round_phase_extended', detail: Record<string, unknown>, actor: Actor, at: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE campaigns SET round_json = ? WHERE id = ?').run(JSON.stringify(round), campaignId);
      this.audit({ at, actor, action, outcome: 'ok', campaignId, detail });
    })();
  }

  // ── entries ────────────────────────────────────────────────────────────────────────────

  entries(campaignId: string, unitId?: string): EntryRow[] {
    const rows =
      unitId === undefined
        ? this.db.prepare('SELECT * FROM round_entries WHERE campaign_id = ?').all(campaignId)
        : this.db.prepare('SELECT * FROM round_entries WHERE campaign_id = ? AND unit_id = ?').all(campaignId, unitId);
    return (rows as RawEntry[]).map(toEntry);
  }

  private entry(campaignId: string, unitId: string, criterionId: string): EntryRow | null {
    const r = this.db.prepare('SELECT * FROM round_entries WHERE campaign_id = ? AND unit_id = ? AND criterion_id = ?').get(campaignId, unitId, criterionId) as RawEntry | undefined;
    return r ? toEntry(r) : null;
  }

  private ensureEntry(campaignId: string, unitId: string, criterionId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO round_entries (campaign_id, unit_id, criterion_id) VALUES (?, ?, ?)').run(campaignId, unitId, criterionId);
  }

  /** A draft of the unit's own points and note (saved as the officer types); a line only when something changed. */
  saveSelf(w: Where, criterionId: string, value: { points: string | null; note: string }, actor: Actor, at: string): EntryRow {
    return this.db.transaction(() => {
      this.ensureEntry(w.campaignId, w.unitId, criterionId);
      const before = this.entry(w.campaignId, w.unitId, criterionId) as EntryRow;
      if (before.self.points === value.points && before.self.note === value.note) return before;
      this.db
        .prepare('UPDATE round_entries SET self_points = ?, self_note = ?, self_at = ?, self_by = ? WHERE campaign_id = ? AND unit_id = ? AND criterion_id = ?')
        .run(value.points, value.note, at, actor.name, w.campaignId, w.unitId, criterionId);
      this.audit({
        at,
        actor,
        action: 'self_assessment_saved',
        outcome: 'ok',
        campaignId: w.campaignId,
        detail: { ...w, criterionId, from: { points: before.self.points, note: before.self.note }, to: value },
      });
      return this.entry(w.campaignId, w.unitId, criterionId) as EntryRow;
    })();
  }

  /** The appraiser's points and comment for one criterion. */
  appraise(w: Where, criterionId: string, value: { points: string | null; comment: string }, actor: Actor, at: string): EntryRow {
    return this.db.transaction(() => {
      this.ensureEntry(w.campaignId, w.unitId, criterionId);
      const before = this.entry(w.campaignId, w.unitId, criterionId) as EntryRow;
      if (before.appraisal.points === value.points && before.appraisal.comment === value.comment) return before;
      this.setAppraisal(w, criterionId, value.points, value.comment, actor, at);
      this.audit({
        at,
        actor,
        action: 'appraisal_saved',
        outcome: 'ok',
        campaignId: w.campaignId,
        detail: { ...w, criterionId, from: { points: before.appraisal.points, comment: before.appraisal.comment }, to: value },
      });
      return this.entry(w.campaignId, w.unitId, criterionId) as EntryRow;
    })();
  }

  private setAppraisal(w: Where, criterionId: string, points: string | null, comment: string, actor: Actor, at: string): void {
    this.db
      .prepare('UPDATE round_entries SET appraised_points = ?, comment = ?, appraised_at = ?, appraised_by = ? WHERE campaign_id = ? AND unit_id = ? AND criterion_id = ?')
      .run(points, comment, at, actor.name, w.campaignId, w.unitId, criterionId);
  }

  /**
   * "Thống nhất": the appraised points become the self-assessed ones, for the criteria given (a task,
   * or the whole unit), in one action and one audit line listing each change. Criteria without
   * self-assessed points are left as they are. Returns how many changed.
   */
  agree(w: Where, criterionIds: readonly string[], taskId: string | null, actor: Actor, at: string): number {
    return this.db.transaction(() => {
      const changes: { criterionId: string; from: string | null; to: string }[] = [];
      for (const criterionId of criterionIds) {
        const e = this.entry(w.campaignId, w.unitId, criterionId);
        if (!e || e.self.points === null || e.appraisal.points === e.self.points) continue;
        this.setAppraisal(w, criterionId, e.self.points, e.appraisal.comment, actor, at);
        changes.push({ criterionId, from: e.appraisal.points, to: e.self.points });
      }
      this.audit({ at, actor, action: 'appraisal_agreed', outcome: 'ok', campaignId: w.campaignId, detail: { ...w, taskId, changes } });
      return changes.length;
    })();
  }

  explain(w: Where, criterionId: string, text: string, actor: Actor, at: string): EntryRow {
    return this.db.transaction(() => {
      this.ensureEntry(w.campaignId, w.unitId, criterionId);
      const before = this.entry(w.campaignId, w.unitId, criterionId) as EntryRow;
      this.db
        .prepare('UPDATE round_entries SET explanation = ?, explained_at = ?, explained_by = ? WHERE campaign_id = ? AND unit_id = ? AND criterion_id = ?')
        .run(text, at, actor.name, w.campaignId, w.unitId, criterionId);
      this.audit({ at, actor, action: 'explanation_filed', outcome: 'ok', campaignId: w.campaignId, detail: { ...w, criterionId, from: before.explanation?.text ?? null, to: text } });
      return this.entry(w.campaignId, w.unitId, criterionId) as EntryRow;
    })();
  }

  /** The appraiser's answer to an explanation: kept (with a reason), or changed to new points. */
  answer(w: Where, criterionId: string, value: { outcome: 'kept' | 'changed'; reason: string; points: string | null }, actor: Actor, at: string): EntryRow {
    return this.db.transaction(() => {
      const before = this.entry(w.campaignId, w.unitId, criterionId) as EntryRow;
      this.db
        .prepare('UPDATE round_entries SET answer = ?, answer_reason = ?, answered_at = ?, answered_by = ? WHERE campaign_id = ? AND unit_id = ? AND criterion_id = ?')
        .run(value.outcome, value.reason, at, actor.name, w.campaignId, w.unitId, criterionId);
      if (value.outcome === 'changed') this.setAppraisal(w, criterionId, value.points, before.appraisal.comment, actor, at);
      this.audit({
        at,
        actor,
        action: 'explanation_answered',
        outcome: 'ok',
        campaignId: w.campaignId,
        detail: { ...w, criterionId, outcome: value.outcome, reason: value.reason, from: before.appraisal.points, to: value.outcome === 'changed' ? value.points : before.appraisal.points },
      });
      return this.entry(w.campaignId, w.unitId, criterionId) as EntryRow;
    })();
  }

  /**
   * Each unit's progress, counted by the database in one pass (a national round has hundreds of
   * thousands of entries): criteria self-assessed (of `selfAssessed`), criteria appraised (of
   * `all`), and criteria that need evidence (`evidenceRequired`) with points other than "x" or 0
   * and no file. One unit, or every unit of the campaign.
   */
  progress(
    campaignId: string,
    unitId: string | null,
    criteria: { all: readonly string[]; selfAssessed: readonly string[]; evidenceRequired: readonly string[] },
  ): Map<string, { done: number; appraised: number; missingEvidence: number }> {
    const rows = this.db
      .prepare(
        `WITH self AS (SELECT value AS id FROM json_each(?)), evidence AS (SELECT value AS id FROM json_each(?)), every AS (SELECT value AS id FROM json_each(?))
         SELECT e.unit_id AS unitId,
           SUM(e.self_points IS NOT NULL AND e.criterion_id IN self) AS done,
           SUM(e.appraised_points IS NOT NULL AND e.criterion_id IN every) AS appraised,
           SUM(e.criterion_id IN evidence AND e.self_points IS NOT NULL AND e.self_points <> 'x' AND CAST(e.self_points AS REAL) <> 0
             AND NOT EXISTS (SELECT 1 FROM evidence_files f WHERE f.campaign_id = e.campaign_id AND f.unit_id = e.unit_id
               AND f.criterion_id = e.criterion_id AND f.removed_at IS NULL)) AS missingEvidence
         FROM round_entries e WHERE e.campaign_id = ? AND (? IS NULL OR e.unit_id = ?) GROUP BY e.unit_id`,
      )
      .all(JSON.stringify(criteria.selfAssessed), JSON.stringify(criteria.evidenceRequired), JSON.stringify(criteria.all), campaignId, unitId, unitId) as {
      unitId: string;
      done: number;
      appraised: number;
      missingEvidence: number;
    }[];
    return new Map(rows.map((r) => [r.unitId, { done: r.done, appraised: r.appraised, missingEvidence: r.missingEvidence }]));
  }

  // ── submissions and confirmations ──────────────────────────────────────────────────────

  units(campaignId: string): Map<string, UnitRoundRow> {
    const rows = this.db.prepare('SELECT * FROM round_units WHERE campaign_id = ?').all(campaignId) as RawUnit[];
    return new Map(rows.map((r) => [r.unit_id, toUnit(r)]));
  }

  unit(campaignId: string, unitId: string): UnitRoundRow {
    const r = this.db.prepare('SELECT * FROM round_units WHERE campaign_id = ? AND unit_id = ?').get(campaignId, unitId) as RawUnit | undefined;
    return r ? toUnit(r) : { unitId, submittedAt: null, submittedBy: null, confirmedAt: null, confirmedBy: null };
  }

  /** "Nộp" (submitted: true) locks the self-assessment; withdrawing (false) opens it again. */
  setSubmitted(w: Where, submitted: boolean, detail: Record<string, unknown>, actor: Actor, at: string): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO round_units (campaign_id, unit_id) VALUES (?, ?)').run(w.campaignId, w.unitId);
      this.db
        .prepare('UPDATE round_units SET submitted_at = ?, submitted_by = ? WHERE campaign_id = ? AND unit_id = ?')
        .run(submitted ? at : null, submitted ? actor.name : null, w.campaignId, w.unitId);
      this.audit({ at, actor, action: submitted ? 'self_assessment_submitted' : 'self_assessment_withdrawn', outcome: 'ok', campaignId: w.campaignId, detail: { ...w, ...detail } });
    })();
  }

  /** The council confirms the appraisal of these units (one line for all of them). */
  confirm(campaignId: string, units: readonly { unitId: string; unitName: string }[], actor: Actor, at: string): void {
    this.db.transaction(() => {
      const insert = this.db.prepare('INSERT OR IGNORE INTO round_units (campaign_id, unit_id) VALUES (?, ?)');
      const update = this.db.prepare('UPDATE round_units SET confirmed_at = ?, confirmed_by = ? WHERE campaign_id = ? AND unit_id = ?');
      for (const u of units) {
        insert.run(campaignId, u.unitId);
        update.run(at, actor.name, campaignId, u.unitId);
      }
      this.audit({ at, actor, action: 'appraisal_confirmed', outcome: 'ok', campaignId, detail: { units: units.map((u) => u.unitName), count: units.length } });
    })();
  }

  // ── evidence files ─────────────────────────────────────────────────────────────────────

  evidence(campaignId: string, unitId?: string): EvidenceRow[] {
    const rows =
      unitId === undefined
        ? this.db.prepare('SELECT * FROM evidence_files WHERE campaign_id = ? AND removed_at IS NULL ORDER BY id').all(campaignId)
        : this.db.prepare('SELECT * FROM evidence_files WHERE campaign_id = ? AND unit_id = ? AND removed_at IS NULL ORDER BY id').all(campaignId, unitId);
    return (rows as RawEvidence[]).map(toEvidence);
  }

  evidenceFile(campaignId: string, id: number): EvidenceRow | null {
    const r = this.db.prepare('SELECT * FROM evidence_files WHERE campaign_id = ? AND id = ? AND removed_at IS NULL').get(campaignId, id) as RawEvidence | undefined;
    return r ? toEvidence(r) : null;
  }

  /** The bytes a unit keeps as evidence, counted against its limit. */
  evidenceBytes(campaignId: string, unitId: string): number {
    const r = this.db.prepare('SELECT COALESCE(SUM(size), 0) AS n FROM evidence_files WHERE campaign_id = ? AND unit_id = ? AND removed_at IS NULL').get(campaignId, unitId) as { n: number };
    return r.n;
  }

  addEvidence(
    w: Where,
    file: { criterionId: string; stage: EvidenceStage; name: string; size: number; sha256: string; mediaType: string },
    actor: Actor,
    at: string,
  ): EvidenceRow {
    return this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO evidence_files (campaign_id, unit_id, criterion_id, stage, name, size, sha256, media_type, uploaded_at, uploaded_by, uploaded_by_name)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(w.campaignId, w.unitId, file.criterionId, file.stage, file.name, file.size, file.sha256, file.mediaType, at, actor.username, actor.name);
      this.audit({ at, actor, action: 'evidence_attached', outcome: 'ok', campaignId: w.campaignId, detail: { ...w, ...file } });
      return this.evidenceFile(w.campaignId, Number(info.lastInsertRowid)) as EvidenceRow;
    })();
  }

  removeEvidence(w: Where, file: EvidenceRow, actor: Actor, at: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE evidence_files SET removed_at = ?, removed_by = ? WHERE id = ?').run(at, actor.username, file.id);
      this.audit({ at, actor, action: 'evidence_removed', outcome: 'ok', campaignId: w.campaignId, detail: { ...w, criterionId: file.criterionId, name: file.name, sha256: file.sha256 } });
    })();
  }

  /** Every SHA-256 a file line names (the files a back-up must carry). */
  evidenceHashes(): string[] {
    return (this.db.prepare('SELECT DISTINCT sha256 FROM evidence_files').all() as { sha256: string }[]).map((r) => r.sha256);
  }
}
