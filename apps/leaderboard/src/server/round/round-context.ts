import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Grant } from '../../contract.js';
import type { EvidenceFile, RoundEntry, RoundUnitState, SheetAbilities } from '../../contract-round.js';
import { checkPhase, openPhase, phaseIds, type PhaseId, type Round, type RoundAction } from '../../process/phases.js';
import { roundCriteria, type RoundCriterionInfo } from '../../process/round-criteria.js';
import { holds, unitsHeld } from '../../roles.js';
import type { EntryRow, EvidenceRow, Where } from '../../store/round.js';
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

  /**
   * What the reader may do on the unit's sheet now: the roles, phases and locks the routes check
   * (each route also says which of them refused, and why).
   */
  abilities(unitId: string, state: RoundUnitState): SheetAbilities {
    const phase = this.openPhase;
    const officer = this.isOfficerOf(unitId);
    const appraiser = this.isAppraiserOf(unitId);
    const submitted = state.submittedAt !== null;
    const confirmed = state.confirmedAt !== null;
    return {
      selfAssess: officer && phase === 'self_assessment' && !submitted,
      submit: officer && phase === 'self_assessment' && !submitted,
      withdraw: officer && phase === 'self_assessment' && submitted,
      appraise: appraiser && phase === 'appraisal' && !confirmed,
      explain: officer && phase === 'explanation',
      answer: appraiser && phase === 'explanation_review',
      confirm: this.isCouncil && phase === 'final' && !confirmed && this.campaign.timeline.finalisation === null,
    };
  }

  /** The criteria the progress counts, by what each needs. */
  private get progressCriteria() {
    return (this.progressCriteriaValue ??= {
      all: this.criteria.map((c) => c.id),
      selfAssessed: this.criteria.filter((c) => c.selfAssessed).map((c) => c.id),
      evidenceRequired: this.criteria.filter((c) => c.evidenceRequired).map((c) => c.id),
    });
  }
  private progressCriteriaValue: { all: string[]; selfAssessed: string[]; evidenceRequired: string[] } | undefined;

  /** Each unit's state — submitted, confirmed, its progress — for `units` (counted by the database: store/round.ts). */
  states(units: readonly { id: string; name: string }[], one = false): RoundUnitState[] {
    const id = this.campaign.id;
    const store = this.app.store.round;
    const progress = store.progress(id, one ? (units[0]?.id ?? null) : null, this.progressCriteria);
    const first = units[0];
    const rows = one && first ? new Map([[first.id, store.unit(id, first.id)]]) : store.units(id);
    const total = this.progressCriteria.selfAssessed.length;
    return units.map((u) => {
      const p = progress.get(u.id) ?? { done: 0, appraised: 0, missingEvidence: 0 };
      const row = rows.get(u.id);
      return {
        unitId: u.id,
        name: u.name,
        submittedAt: row?.submittedAt ?? null,
        submittedBy: row?.submittedBy ?? null,
        confirmedAt: row?.confirmedAt ?? null,
        confirmedBy: row?.confirmedBy ?? null,
        total,
        ...p,
      };
    });
  }

  state(unit: { id: string; name: string }): RoundUnitState {
    return this.states([unit], true)[0] as RoundUnitState;
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
    return this.criteria.map((c) => this.entry(c, unitId, byCriterion.get(c.id), files, seesAppraisal));
  }

  /** One criterion of the unit's sheet (its row, if any, and the unit's files), as this reader may see it. */
  entry(c: RoundCriterionInfo, unitId: string, e: EntryRow | undefined, files: readonly EvidenceRow[], seesAppraisal: boolean): RoundEntry {
    return {
      criterionId: c.id,
      self: e?.self ?? { points: null, note: '', at: null, by: null },
      appraisal: seesAppraisal ? (e?.appraisal ?? { points: null, comment: '', at: null, by: null }) : null,
      explanation: e?.explanation ?? null,
      answer: seesAppraisal ? (e?.answer ?? null) : null,
      evidence: files.filter((f) => f.criterionId === c.id && f.unitId === unitId).map((f) => this.evidenceFile(f)),
    };
  }
}
