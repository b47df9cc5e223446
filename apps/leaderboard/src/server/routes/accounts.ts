import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountParamsSchema,
  accountResponseSchema,
  accountsResponseSchema,
  createAccountBodySchema,
  createTokenBodySchema,
  resetPasswordResponseSchema,
  tokenCreatedResponseSchema,
  tokenParamsSchema,
  tokensResponseSchema,
  updateAccountBodySchema,
  type Grant,
} from '../../contract.js';
import type { AccountRecord } from '../../store/accounts.js';
import { signedIn } from '../auth/guard.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { generateToken, sha256Hex } from '../auth/tokens.js';
import { HttpError } from '../errors.js';
import { accountView } from './auth.js';
import { errorResponses, security } from './responses.js';

const adminOnly = { tags: ['accounts'], 'x-required-role': 'admin' as const, security };

/**
 * The administrator's work on accounts: who may do what, on which campaign; passwords reset (the
 * new one shown once); tokens for scripts (shown once, kept as a hash). The last administrator who
 * can sign in cannot lose the role or be disabled.
 */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const accounts = app.store.accounts;
  const now = () => app.clock().toISOString();

  const requireAccount = (id: number): AccountRecord => {
    const a = accounts.get(id);
    if (!a) throw new HttpError('account_not_found');
    return a;
  };
  const checkCampaigns = (grants: readonly Grant[]) => {
    for (const g of grants) {
      const campaign = g.campaignId === '*' ? null : app.campaigns.get(g.campaignId);
      if (g.campaignId !== '*' && !campaign) throw new HttpError('campaign_not_found', { detail: { vi: g.campaignId, en: g.campaignId } });
      if (g.unitId !== undefined && !campaign?.unit(g.unitId)) throw new HttpError('unit_not_found', { detail: { vi: `${g.campaignId}: ${g.unitId}`, en: `${g.campaignId}: ${g.unitId}` } });
    }
  };
  const isUsableAdmin = (a: AccountRecord) => a.disabledAt === null && a.passwordHash !== null && a.grants.some((g) => g.role === 'admin');

  app.get(
    '/api/admin/accounts',
    { schema: { ...adminOnly, summary: 'Tài khoản — every account with its roles', response: { 200: accountsResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'rate_limited') } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { accounts: accounts.list().map(accountView) };
    },
  );

  app.post(
    '/api/admin/accounts',
    {
      schema: {
        ...adminOnly,
        summary: 'Tạo tài khoản — create an account with its roles; without a password, one is generated and shown once',
        body: createAccountBodySchema,
        response: { 201: accountResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'account_exists', 'campaign_not_found') },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (accounts.findByUsername(body.username)) throw new HttpError('account_exists', { detail: { vi: body.username, en: body.username } });
      checkCampaigns(body.grants);
      const password = body.password ?? generatePassword();
      const account = accounts.create(
        { username: body.username, displayName: body.displayName, passwordHash: await hashPassword(password), grants: body.grants },
        signedIn(request).actor,
        now(),
      );
      return reply.code(201).send({ account: accountView(account), ...(body.password === undefined ? { password } : {}) });
    },
  );

  app.patch(
    '/api/admin/accounts/:accountId',
    {
      schema: {
        ...adminOnly,
        summary: 'Sửa tài khoản — rename, change roles, disable (its sessions end) or enable',
        params: accountParamsSchema,
        body: updateAccountBodySchema,
        response: {
          200: accountResponseSchema,
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'account_not_found', 'campaign_not_found', 'last_admin'),
        },
      },
    },
    async (request) => {
      const before = requireAccount(request.params.accountId);
      const change = request.body;
      if (change.grants) checkCampaigns(change.grants);
      const losesAdmin = isUsableAdmin(before) && (change.disabled === true || (change.grants !== undefined && !change.grants.some((g) => g.role === 'admin')));
      if (losesAdmin && accounts.countUsableAdmins() <= 1) throw new HttpError('last_admin');
      const account = accounts.update(
        before.id,
        {
          ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
          ...(change.grants !== undefined ? { grants: change.grants } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
        },
        signedIn(request).actor,
        now(),
      );
      return { account: accountView(account) };
    },
  );

  app.post(
    '/api/admin/accounts/:accountId/password',
    {
      schema: {
        ...adminOnly,
        summary: 'Đặt lại mật khẩu — a new generated password, shown once; the account\u2019s sessions end',
        params: accountParamsSchema,
        response: { 200: resetPasswordResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'account_not_found') },
      },
    },
    async (request, reply) => {
      const account = requireAccount(request.params.accountId);
      const password = generatePassword();
      accounts.setPassword(account.id, await hashPassword(password), signedIn(request).actor, now());
      reply.header('cache-control', 'no-store');
      return { password };
    },
  );

  app.get(
    '/api/admin/accounts/:accountId/tokens',
    {
      schema: {
        ...adminOnly,
        summary: 'Mã truy cập — an account\u2019s tokens for scripts (labels and dates; the tokens themselves are never shown again)',
        params: accountParamsSchema,
        response: { 200: tokensResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'rate_limited', 'invalid_request', 'account_not_found') },
      },
    },
    async (request) => ({ tokens: accounts.tokensOf(requireAccount(request.params.accountId).id) }),
  );

  app.post(
    '/api/admin/accounts/:accountId/tokens',
    {
      schema: {
        ...adminOnly,
        summary: 'Tạo mã truy cập — a bearer token for a script acting as this account, shown once',
        params: accountParamsSchema,
        body: createTokenBodySchema,
        response: { 201: tokenCreatedResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'account_not_found') },
      },
    },
    async (request, reply) => {
      const account = requireAccount(request.params.accountId);
      const token = generateToken();
      const info = accounts.createToken(account.id, request.body.label, sha256Hex(token), signedIn(request).actor, now());
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ token, info });
    },
  );

  app.delete(
    '/api/admin/accounts/:accountId/tokens/:tokenId',
    {
      schema: {
        ...adminOnly,
        summary: 'Thu hồi mã truy cập — revoke a token (kept, marked revoked)',
        params: tokenParamsSchema,
        response: { 200: tokensResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'account_not_found', 'token_not_found') },
      },
    },
    async (request) => {
      const account = requireAccount(request.params.accountId);
      const revoked = accounts.revokeToken(account.id, request.params.tokenId, signedIn(request).actor, now());
      if (!revoked) throw new HttpError('token_not_found');
      return { tokens: accounts.tokensOf(account.id) };
    },
  );
};
