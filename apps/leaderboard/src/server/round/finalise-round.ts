import { statisticsCsv } from '@thidua/stats-io';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Decision } from '../../contract.js';
import { signedIn } from '../auth/guard.js';
import { isRealDate } from '../campaigns/timeline.js';
import { HttpError } from '../errors.js';
import { RoundContext } from './round-context.js';
import { roundUnits } from './round-snapshot.js';

/**
 * The council finalises a round on its decision (ADR 0020): in the final phase, every unit confirmed
 * and every criterion appraised, the round's points become the campaign's one snapshot (as of the
 * period's end, uploaded as any statistics are: checked, evaluated, stored with its results), which
 * is then finalised as in ADR 0013. From then on the scorecards are public.
 */
export async function finaliseRound(app: FastifyInstance, request: FastifyRequest, campaignId: string, decision: Decision) {
  const ctx = RoundContext.of(app, request, campaignId);
  ctx.requirePhase('finalise_round');
  if (ctx.campaign.timeline.finalisation) throw new HttpError('campaign_finalized');
  if (!isRealDate(decision.date)) {
    throw new HttpError('invalid_request', { detail: { vi: `ngày quyết định "${decision.date}"`, en: `decision date "${decision.date}"` } });
  }
  const { units, issues } = roundUnits(ctx.campaign, ctx.criteria, app.store.round.entries(campaignId), app.store.round.units(campaignId));
  if (issues.length > 0) throw new HttpError('round_incomplete', { issues });
  const actor = signedIn(request).actor;
  const changes = app.campaigns.changes(campaignId);
  await changes.upload({
    bytes: statisticsCsv(units, ctx.campaign.ruleSet),
    fileName: `${campaignId}-ket-qua-tham-dinh.csv`,
    asOf: ctx.campaign.ruleSet.period.end,
    actor,
    dryRun: false,
    publish: true,
    sample: ctx.campaign.sample,
  });
  return changes.finalize(decision, actor);
}
