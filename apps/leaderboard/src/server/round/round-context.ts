import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Grant } from '../../contract.js';
import type { EvidenceFile, RoundEntry, RoundUnitState } from '../../contract-round.js';
import { checkPhase, openPhase, phaseIds, type PhaseId, type Round, type RoundAction } from '../../process/phases.js';
import { roundCriteria, type RoundCriterionInfo } from '../../process/round-criteria.js';
import { holds, unitsHeld } from '../../roles.js';
import type { EntryRow, EvidenceRow, UnitRoundRow, Where } from '../../store/round.js';
import { signedIn } from '../auth/guard.js';
import type { Campaign } from '../campaigns/campaign.js';
import { HttpError } from '../errors.js';

/**
 * What every route of a round needs: the campaign and its round, the criteria, who the reader is
 * and which units they work on, the phase checks and the shapes the API answers with. Who may see
 * and do what (ADR 0020):
 * - a unit officer: their unit's sheet only; the appraisal from the explanation phase on;
 * - an appraiser: the units assigned (or all), everything on their sheets;
 * - the council and an administrator: every unit.
 */
export class RoundContext {
  readonly criteria: RoundCriterionInfo[];
  readonly byId: Map<string, RoundCriterionInfo>;

  constructor(
    readonly app: FastifyInstance,
    readonly campaign: Campaign,
    readonly round: Round,
    readonly grants: readonly Grant[],
  ) {
    this.criteria = roundCriteria(campaign.ruleSet, round);
    this.byId = new Map(this.criteria.map((c) => [c.id, c]));
  }

  static of(app: FastifyInstance, request: FastifyRequest, campaignId: string): RoundContext {
    const campaign = app.campaigns.require(campaignId);
    if (!campaign.round) throw new HttpError('no_round');
    return new RoundContext(app, campaign, campaign.round, signedIn(request).account.grants);
  }

  get now(): Date {
    return this.app.clock();
  }

  get openPhase(): PhaseId | null {
    return openPhase(this.round, this.now);
  }

  /** Refused (409, with the phase's name and dates) unless `action`'s phase is open now. */
  requirePhase(action: RoundAction): void {
    const refusal = checkPhase(this.round, action, this.now);
    if (refusal) throw new HttpError('outside_phase', { detail: refusal.message });
  }

  get isCouncil(): boolean {
    return holds(this.grants, 'council', this.campaign.id);
  }

  get isAdmin(): boolean {
    return holds(this.grants, 'admin', null);
  }

  officerUnits(): string[] | '*' {
    return unitsHeld(this.grants, 'officer', this.campaign.id);
  }

  appraiserUnits(): string[] | '*' {
    return unitsHeld(this.grants, 'appraiser', this.campaign.id);
  }

  isOfficerOf(unitId: string): boolean {
    const units = this.officerUnits();
    return units === '*' || units.includes(unitId);
  }

  isAppraiserOf(unitId: string): boolean {
    const units = this.appraiserUnits();
    return units === '*' || units.includes(unitId);
  }

  /** Reads every part of a unit's sheet: its appraiser, the council, an administrator. */
  readsAll(unitId: string): boolean {
    return this.isCouncil || this.isAdmin || this.isAppraiserOf(unitId);
  }

  mayRead(unitId: string): boolean {
    return this.readsAll(unitId) || this.isOfficerOf(unitId);
  }

  /** The unit of the roster, for a reader who may read it (else 403; 404 for a unit not in the roster). */
  unit(unitId: string): Where {
    const unit = this.campaign.unit(unitId);
    if (!unit) throw new HttpError('unit_not_found', { detail: { vi: unitId, en: unitId } });
    if (!this.mayRead(unitId)) throw new HttpError('forbidden');
    return { campaignId: this.campaign.id, unitId, unitName: unit.name };
  }

  criterion(criterionId: string): RoundCriterionInfo {
    const c = this.byId.get(criterionId);
    if (!c) throw new HttpError('criterion_not_found', { detail: { vi: criterionId, en: criterionId } });
    return c;
  }

  requireOfficer(unitId: string): Where {
    const where = this.unit(unitId);
    if (!this.isOfficerOf(unitId)) throw new HttpError('forbidden');
    return where;
  }

  requireAppraiser(unitId: string): Where {
    const where = this.unit(unitId);
    if (!this.isAppraiserOf(unitId)) throw new HttpError('forbidden');
    return where;
  }

  /** The units the reader works on, in the roster's order. */
  visibleUnits(): { id: string; name: string }[] {
    return this.campaign.roster.filter((u) => this.mayRead(u.id)).map((u) => ({ id: u.id, name: u.name }));
  }

  /** A unit sees its appraisal from the explanation phase on; its appraisers and the council always. */
  seesAppraisal(unitId: string): boolean {
    if (this.readsAll(unitId)) return true;
    const phase = this.openPhase;
    const explanation = phaseIds.indexOf('explanation');
    if (phase !== null) return phaseIds.indexOf(phase) >= explanation;
    // Between phases: after the explanation phase opened.
    const opens = this.round.phases.find((p) => p.id === 'explanation')?.opensAt;
    return opens !== undefined && this.now.getTime() >= Date.parse(opens);
  }

  state(unit: { id: string; name: string }, entries: readonly EntryRow[], files: readonly EvidenceRow[], row: UnitRoundRow | undefined): RoundUnitState {
    const withFiles = new Set(files.map((f) => f.criterionId));
    const byCriterion = new Map(entries.map((e) => [e.criterionId, e]));
    let done = 0;
    let missingEvidence = 0;
    let appraised = 0;
    let total = 0;
    for (const c of this.criteria) {
      const e = byCriterion.get(c.id);
      if (e?.appraisal.points != null) appraised += 1;
      if (!c.selfAssessed) continue;
      total += 1;
      const points = e?.self.points ?? null;
      if (points !== null) done += 1;
      if (c.evidenceRequired && points !== null && points !== 'x' && Number(points) !== 0 && !withFiles.has(c.id)) missingEvidence += 1;
    }
    return {
      unitId: unit.id,
      name: unit.name,
      submittedAt: row?.submittedAt ?? null,
      submittedBy: row?.submittedBy ?? null,
      confirmedAt: row?.confirmedAt ?? null,
      confirmedBy: row?.confirmedBy ?? null,
      done,
      total,
      missingEvidence,
      appraised,
    };
  }

  evidenceFile(f: EvidenceRow): EvidenceFile {
    return {
      id: f.id,
      criterionId: f.criterionId,
      stage: f.stage,
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      mediaType: f.mediaType,
      uploadedAt: f.uploadedAt,
      uploadedBy: f.uploadedBy,
      url: `/api/campaigns/${encodeURIComponent(this.campaign.id)}/round/evidence/${f.id}`,
    };
  }

  /** Every criterion of the unit's sheet, in the document's order, as this reader may see it. */
  entries(unitId: string, rows: readonly EntryRow[], files: readonly EvidenceRow[], seesAppraisal: boolean): RoundEntry[] {
    const byCriterion = new Map(rows.map((e) => [e.criterionId, e]));
    return this.criteria.map((c) => {
      const e = byCriterion.get(c.id);
      return {
        criterionId: c.id,
        self: e?.self ?? { points: null, note: '', at: null, by: null },
        appraisal: seesAppraisal ? (e?.appraisal ?? { points: null, comment: '', at: null, by: null }) : null,
        explanation: e?.explanation ?? null,
        answer: seesAppraisal ? (e?.answer ?? null) : null,
        evidence: files.filter((f) => f.criterionId === c.id && f.unitId === unitId).map((f) => this.evidenceFile(f)),
      };
    });
  }
}
