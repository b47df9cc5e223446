import multipart from '@fastify/multipart';
import { parseAccountsFile } from '@thidua/stats-io';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountSchema, campaignParamsSchema, grantSchema, type Grant, type SheetIssue } from '../../contract.js';
import { extendBodySchema, phaseParamsSchema } from '../../contract-round.js';
import { extendPhase, roundSchema, type Round } from '../../process/phases.js';
import { roundCriteria } from '../../process/round-criteria.js';
import { withSelfAssessment } from '../../process/round-rule-set.js';
import type { RuleSet } from '@thidua/scoring';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { signedIn } from '../auth/guard.js';
import { HttpError } from '../errors.js';
import { readUpload, rawUploadTypes } from './admin.js';
import { accountView } from './auth.js';
import { errorResponses, security } from './responses.js';

/** What a round cannot be on this rule set: nothing to assess, or criteria it names that the tree does not have. */
function roundProblems(ruleSet: RuleSet, round: Round): SheetIssue[] {
  const ids = new Set<string>();
  const walk = (c: { id: string; children?: readonly { id: string }[] | undefined }) => {
    ids.add(c.id);
    for (const child of c.children ?? []) walk(child as typeof c);
  };
  if (ruleSet.score?.criteria) walk(ruleSet.score.criteria);
  const issue = (field: string, vi: string, en: string): SheetIssue => ({ row: null, column: null, field, code: 'invalid_round', message: { vi, en } });
  const problems: SheetIssue[] = [];
  if (roundCriteria(ruleSet, round).length === 0) {
    problems.push(issue('ruleSet', 'Bộ quy tắc không có tiêu chí nào chấm bằng điểm nhập: không có gì để tự đánh giá, thẩm định', 'The rule set has no criterion scored by entered points: nothing to self-assess or appraise'));
  }
  for (const field of ['selfAssessed', 'evidenceOptional'] as const) {
    for (const id of round[field] ?? []) {
      if (!ids.has(id)) problems.push(issue(field, `Không có tiêu chí "${id}" trong bộ tiêu chí`, `No criterion "${id}" in the criteria tree`));
    }
  }
  return problems;
}

/**
 * The administrator's part in an index's round (ADR 0020): setting its phases, extending one (to
 * a later close, never into the next phase; audited from what to what), and importing a sheet of
 * the officers, appraisers and council members with their units.
 */
export const roundAdminRoutes: FastifyPluginAsyncZod<{ bodyLimit: number }> = async (app, opts) => {
  app.addContentTypeParser(rawUploadTypes, { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: opts.bodyLimit, files: 1, fields: 10, parts: 20 } });
  const adminOnly = { tags: ['admin'], 'x-required-role': 'admin' as const, security };

  app.put(
    '/api/campaigns/:campaignId/admin/round',
    {
      schema: {
        ...adminOnly,
        summary: 'Vòng chấm điểm — set the round of an index campaign: its five phases (Vietnam time) and settings',
        params: campaignParamsSchema,
        body: z.unknown(),
        response: { 200: z.object({ round: roundSchema }), ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'campaign_not_found', 'invalid_round', 'campaign_finalized') },
      },
    },
    async (request) => {
      const campaign = app.campaigns.require(request.params.campaignId);
      if (campaign.timeline.finalisation) throw new HttpError('campaign_finalized');
      const parsed = roundSchema.safeParse(request.body);
      if (!parsed.success) {
        const issues: SheetIssue[] = parsed.error.issues.map((i) => ({
          row: null,
          column: null,
          field: i.path.join('.'),
          code: 'invalid_round',
          message: { vi: `${i.path.join('.')}: ${i.message}`, en: `${i.path.join('.')}: ${i.message}` },
        }));
        throw new HttpError('invalid_round', { issues });
      }
      const round = parsed.data;
      const problems = roundProblems(campaign.ruleSet, round);
      if (problems.length > 0) throw new HttpError('invalid_round', { issues: problems });
      const actor = signedIn(request).actor;
      // The round publishes through a rule set that names each criterion's self-assessed points and comment.
      const ruleSet = withSelfAssessment(campaign.ruleSet);
      if (ruleSet !== campaign.ruleSet) {
        app.campaigns.replaceRuleSet(campaign.id, ruleSet, actor);
        await app.campaigns.refreshResults(campaign.id, actor);
      }
      app.campaigns.setRound(campaign.id, round, actor);
      return { round };
    },
  );

  app.post(
    '/api/campaigns/:campaignId/admin/round/phases/:phase/extend',
    {
      schema: {
        ...adminOnly,
        summary: 'Gia hạn — extend a phase to a later close (not into the next phase); audited from what to what',
        params: phaseParamsSchema,
        body: extendBodySchema,
        response: { 200: z.object({ round: roundSchema }), ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'campaign_not_found', 'no_round', 'invalid_round', 'campaign_finalized') },
      },
    },
    async (request) => {
      const campaign = app.campaigns.require(request.params.campaignId);
      if (!campaign.round) throw new HttpError('no_round');
      if (campaign.timeline.finalisation) throw new HttpError('campaign_finalized');
      const phase = request.params.phase;
      const extended = extendPhase(campaign.round, phase, request.body.closesAt);
      if ('refused' in extended) throw new HttpError('invalid_round', { detail: extended.refused });
      const from = campaign.round.phases.find((p) => p.id === phase)?.closesAt ?? null;
      app.store.round.setRound(campaign.id, extended.round, 'round_phase_extended', { phase, from, to: request.body.closesAt }, signedIn(request).actor, app.clock().toISOString());
      campaign.reload();
      return { round: extended.round };
    },
  );

  app.post(
    '/api/admin/accounts/import',
    {
      bodyLimit: opts.bodyLimit,
      schema: {
        ...adminOnly,
        summary: 'Nhập danh sách tài khoản — a sheet of accounts and their roles and units (Tên đăng nhập, Họ tên, Vai trò, Mã đợt thi đua, Mã đơn vị)',
        description:
          'CSV or XLSX, one row a role. New accounts are created, each with a password shown once; existing ones gain the sheet\u2019s roles. ' +
          'Every problem by row and column; a refused sheet changes nothing.',
        consumes: ['text/csv', 'application/octet-stream', 'multipart/form-data'],
        body: z.unknown().meta({ type: 'string', format: 'binary' }),
        response: {
          200: z.object({ accounts: z.array(z.object({ account: accountSchema, password: z.string().optional() })) }),
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'missing_file', 'invalid_multipart', 'unsupported_media_type', 'body_too_large', 'invalid_accounts_sheet'),
        },
      },
    },
    async (request) => {
      const { bytes, fileName } = await readUpload(request, 'tai-khoan');
      const parsed = await parseAccountsFile(bytes, { fileName });
      const issues = [...parsed.issues];
      const flagged = new Set(parsed.issues.map((i) => i.row));
      const byUser = new Map<string, { username: string; displayName: string; grants: Grant[] }>();
      for (const r of parsed.rows) {
        const issue = (field: string, vi: string, en: string) => issues.push({ row: r.row, column: null, field, code: 'invalid_value', message: { vi, en } });
        const campaign = app.campaigns.get(r.campaignId);
        if (!campaign) issue('campaignId', `Không có đợt thi đua "${r.campaignId}"`, `No campaign "${r.campaignId}"`);
        else if (r.unitId !== null && !campaign.unit(r.unitId)) issue('unitId', `Đợt thi đua "${r.campaignId}" không có đơn vị "${r.unitId}"`, `Campaign "${r.campaignId}" has no unit "${r.unitId}"`);
        const grant = grantSchema.safeParse({ role: r.role, campaignId: r.campaignId, ...(r.unitId !== null ? { unitId: r.unitId } : {}) });
        if (!grant.success && !flagged.has(r.row)) issue('role', `Vai trò không hợp lệ: ${grant.error.issues[0]?.message ?? ''}`, `Invalid role: ${grant.error.issues[0]?.message ?? ''}`);
        if (!/^[a-z0-9][a-z0-9._-]{1,63}$/i.test(r.username)) issue('username', `Tên đăng nhập "${r.username}" chỉ gồm chữ không dấu, số, ". _ -"`, `User name "${r.username}": ASCII letters, digits, ". _ -" only`);
        const person = byUser.get(r.username.toLowerCase()) ?? { username: r.username, displayName: r.displayName, grants: [] };
        if (grant.success) person.grants.push(grant.data);
        byUser.set(r.username.toLowerCase(), person);
      }
      if (issues.length > 0) throw new HttpError('invalid_accounts_sheet', { issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) });
      const passwords = new Map<string, string>();
      const items = await Promise.all(
        [...byUser.values()].map(async (p) => {
          if (app.store.accounts.findByUsername(p.username)) return { ...p, passwordHash: null };
          const password = generatePassword();
          passwords.set(p.username.toLowerCase(), password);
          return { ...p, passwordHash: await hashPassword(password) };
        }),
      );
      const done = app.store.accounts.importAccounts(items, signedIn(request).actor, app.clock().toISOString());
      return {
        accounts: done.map((a) => {
          const password = passwords.get(a.username.toLowerCase());
          return { account: accountView(a), ...(password ? { password } : {}) };
        }),
      };
    },
  );
};
