import type {
  Account,
  AuditEntry,
  CampaignsResponse,
  Decision,
  Finalisation,
  Grant,
  SessionResponse,
  SheetIssue,
  SnapshotComparison,
  SnapshotRetraction,
  SnapshotMeta,
  TokenInfo,
  UploadResult,
} from '../../contract.js';
import type { EvidenceFile, EvidenceStage, RoundDifference, RoundEntry, RoundOverview, RoundSheet, RoundUnitState } from '../../contract-round.js';
import type { ApiErrorBody } from '../api.js';
import type { Locale } from '../i18n.js';
import { apiUrl } from '../api.js';

/** An answer of the admin API: the status, and the body (or the error body). */
export interface Answer<T> {
  ok: boolean;
  status: number;
  body: T | null;
  error: ApiErrorBody | null;
  /** Every problem of a refused file, by row and column. */
  issues: SheetIssue[];
}

export interface PresetInfo {
  id: string;
  title: { vi: string; en: string };
}

const changing = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one client every admin element uses. The session is the browser's cookie (HttpOnly: the page
 * never sees it); every change carries the CSRF token the server gave at sign-in. Each answer is
 * read the same way (the error's message "vi — en" and its issues). The page decides nothing; the
 * server does.
 */
export class AdminApi {
  private csrf: string | null = null;

  /** Called when the server says the session is gone (401): the page shows the sign-in form. */
  onSignedOut: () => void = () => {};

  /** A request with the session's cookie, and the CSRF token on a change. */
  private request(url: string, init: RequestInit = {}): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) };
    if (changing.has(method) && this.csrf) headers['x-csrf-token'] = this.csrf;
    return fetch(url, { ...init, headers, credentials: 'same-origin' });
  }

  /** The answer read the same way every time: the body, or the error and its issues. */
  private async read<T>(url: string, response: Response): Promise<Answer<T>> {
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { error: 'invalid_response', message: text };
    }
    if (response.ok) return { ok: true, status: response.status, body: body as T, error: null, issues: [] };
    const error = body as ApiErrorBody | null;
    if (response.status === 401 && !url.startsWith('/api/auth/')) this.onSignedOut();
    return { ok: false, status: response.status, body: null, error, issues: error?.issues ?? [] };
  }

  private async call<T>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
    return this.read<T>(url, await this.request(url, init));
  }

  private json(method: string, body: unknown): RequestInit {
    return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }

  private remember<T extends SessionResponse>(answer: Answer<T>): Answer<T> {
    if (answer.ok && answer.body) this.csrf = answer.body.csrfToken;
    return answer;
  }

  // ── the session ──────────────────────────────────────────────────────────────────────

  async session(): Promise<Answer<SessionResponse>> {
    return this.remember(await this.call<SessionResponse>('/api/auth/session'));
  }

  async login(username: string, password: string): Promise<Answer<SessionResponse>> {
    return this.remember(await this.call<SessionResponse>('/api/auth/login', this.json('POST', { username, password })));
  }

  async logout(): Promise<Answer<SessionResponse>> {
    const answer = await this.call<SessionResponse>('/api/auth/logout', { method: 'POST' });
    this.csrf = null;
    return answer;
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<Answer<SessionResponse>> {
    return this.remember(await this.call<SessionResponse>('/api/auth/password', this.json('POST', { currentPassword, newPassword })));
  }

  // ── campaigns ────────────────────────────────────────────────────────────────────────

  campaigns(): Promise<Answer<CampaignsResponse>> {
    return this.call('/api/campaigns');
  }

  /** Every campaign an official may work on, index rounds in progress included. */
  workCampaigns(): Promise<Answer<CampaignsResponse>> {
    return this.call('/api/admin/campaigns');
  }

  presets(): Promise<Answer<{ presets: PresetInfo[] }>> {
    return this.call('/api/presets');
  }

  createCampaign(body: { id: string; preset?: string; ruleSetText?: string }): Promise<Answer<unknown>> {
    return this.call('/api/admin/campaigns', this.json('POST', body));
  }

  uploadRoster(campaignId: string, file: File): Promise<Answer<{ roster: unknown[] }>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.call(apiUrl(campaignId, 'admin/roster'), { method: 'PUT', body: form });
  }

  archive(campaignId: string): Promise<Answer<unknown>> {
    return this.call(apiUrl(campaignId, 'admin/archive'), { method: 'POST' });
  }

  // ── statistics ───────────────────────────────────────────────────────────────────────

  /** Every snapshot with its state, pending ones included. */
  snapshots(campaignId: string): Promise<Answer<{ snapshots: SnapshotMeta[] }>> {
    return this.call(apiUrl(campaignId, 'admin/snapshots'));
  }

  upload(campaignId: string, file: File, asOf: string, opts: { dryRun: boolean; publish?: boolean }): Promise<Answer<UploadResult>> {
    const form = new FormData();
    form.append('file', file, file.name);
    const query = new URLSearchParams({ asOf });
    if (opts.dryRun) query.set('dryRun', '1');
    if (opts.publish !== undefined) query.set('publish', opts.publish ? '1' : '0');
    return this.call(`${apiUrl(campaignId, 'admin/snapshots')}?${query}`, { method: 'POST', body: form });
  }

  /** A stored upload against what is published now (what its publisher reads before publishing). */
  comparison(campaignId: string, snapshotId: number): Promise<Answer<SnapshotComparison>> {
    return this.call(apiUrl(campaignId, `admin/snapshots/${snapshotId}/comparison`));
  }

  /** What retracting a snapshot would change: the comparison in reverse. */
  retraction(campaignId: string, snapshotId: number): Promise<Answer<SnapshotRetraction>> {
    return this.call(apiUrl(campaignId, `admin/snapshots/${snapshotId}/retraction`));
  }

  publish(campaignId: string, snapshotId: number): Promise<Answer<{ snapshot: SnapshotMeta }>> {
    return this.call(apiUrl(campaignId, `admin/snapshots/${snapshotId}/publish`), { method: 'POST' });
  }

  retract(campaignId: string, snapshotId: number): Promise<Answer<{ snapshot: SnapshotMeta }>> {
    return this.call(apiUrl(campaignId, `admin/snapshots/${snapshotId}`), { method: 'DELETE' });
  }

  finalize(campaignId: string, decision: Decision): Promise<Answer<{ status: 'final'; snapshot: SnapshotMeta; finalisation: Finalisation }>> {
    return this.call(apiUrl(campaignId, 'admin/finalize'), this.json('POST', { decision }));
  }

  audit(campaignId: string | null, before?: number): Promise<Answer<{ entries: AuditEntry[] }>> {
    const query = new URLSearchParams({ limit: '100' });
    if (campaignId) query.set('campaign', campaignId);
    if (before !== undefined) query.set('before', String(before));
    return this.call(`/api/admin/audit?${query}`);
  }

  // ── accounts ─────────────────────────────────────────────────────────────────────────

  accounts(): Promise<Answer<{ accounts: Account[] }>> {
    return this.call('/api/admin/accounts');
  }

  createAccount(body: { username: string; displayName: string; grants: Grant[] }): Promise<Answer<{ account: Account; password?: string }>> {
    return this.call('/api/admin/accounts', this.json('POST', body));
  }

  updateAccount(id: number, change: { displayName?: string; grants?: Grant[]; disabled?: boolean }): Promise<Answer<{ account: Account }>> {
    return this.call(`/api/admin/accounts/${id}`, this.json('PATCH', change));
  }

  resetPassword(id: number): Promise<Answer<{ password: string }>> {
    return this.call(`/api/admin/accounts/${id}/password`, { method: 'POST' });
  }

  tokens(id: number): Promise<Answer<{ tokens: TokenInfo[] }>> {
    return this.call(`/api/admin/accounts/${id}/tokens`);
  }

  createToken(id: number, label: string): Promise<Answer<{ token: string; info: TokenInfo }>> {
    return this.call(`/api/admin/accounts/${id}/tokens`, this.json('POST', { label }));
  }

  revokeToken(id: number, tokenId: number): Promise<Answer<{ tokens: TokenInfo[] }>> {
    return this.call(`/api/admin/accounts/${id}/tokens/${tokenId}`, { method: 'DELETE' });
  }

  // ── an index's round (ADR 0020) ─────────────────────────────────────────────────────

  round(campaignId: string): Promise<Answer<RoundOverview>> {
    return this.call(apiUrl(campaignId, 'round'));
  }

  roundSheet(campaignId: string, unitId: string): Promise<Answer<RoundSheet>> {
    return this.call(apiUrl(campaignId, `round/units/${encodeURIComponent(unitId)}`));
  }

  /** One criterion of a unit: `part` is the self-assessment, the appraisal, the explanation or the answer. */
  saveEntry(campaignId: string, unitId: string, criterionId: string, part: 'self' | 'appraisal' | 'explanation' | 'answer', body: unknown): Promise<Answer<{ entry: RoundEntry }>> {
    return this.call(apiUrl(campaignId, `round/units/${encodeURIComponent(unitId)}/criteria/${encodeURIComponent(criterionId)}/${part}`), this.json('PUT', body));
  }

  /** "Nộp" (submit) or withdraw the unit's self-assessment. */
  submission(campaignId: string, unitId: string, action: 'submit' | 'withdraw'): Promise<Answer<{ state: RoundUnitState }>> {
    return this.call(apiUrl(campaignId, `round/units/${encodeURIComponent(unitId)}/${action}`), { method: 'POST' });
  }

  /** "Thống nhất": the appraisal takes the self-assessed points, of a task or of every criterion. */
  agree(campaignId: string, unitId: string, taskId?: string): Promise<Answer<{ changed: number }>> {
    return this.call(apiUrl(campaignId, `round/units/${encodeURIComponent(unitId)}/agree`), this.json('POST', taskId ? { taskId } : {}));
  }

  differences(campaignId: string): Promise<Answer<{ differences: RoundDifference[] }>> {
    return this.call(apiUrl(campaignId, 'round/differences'));
  }

  confirmAppraisal(campaignId: string, unitIds?: string[]): Promise<Answer<{ confirmed: number }>> {
    return this.call(apiUrl(campaignId, 'round/confirm'), this.json('POST', unitIds ? { unitIds } : {}));
  }

  attachEvidence(campaignId: string, unitId: string, criterionId: string, file: File, stage: EvidenceStage): Promise<Answer<{ file: EvidenceFile }>> {
    const url = `${apiUrl(campaignId, `round/units/${encodeURIComponent(unitId)}/criteria/${encodeURIComponent(criterionId)}/evidence`)}?stage=${stage}`;
    return this.call(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) }, body: file });
  }

  removeEvidence(campaignId: string, unitId: string, fileId: number): Promise<Answer<{ removed: number }>> {
    return this.call(apiUrl(campaignId, `round/units/${encodeURIComponent(unitId)}/evidence/${fileId}`), { method: 'DELETE' });
  }

  /** A sheet of accounts and their roles and units (CSV, XLSX): new accounts with their passwords, shown once. */
  importAccounts(file: File): Promise<Answer<{ accounts: { account: Account; password?: string }[] }>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.call('/api/admin/accounts/import', { method: 'POST', body: form });
  }

  setRound(campaignId: string, round: RoundOverview['round']): Promise<Answer<{ round: RoundOverview['round'] }>> {
    return this.call(apiUrl(campaignId, 'admin/round'), this.json('PUT', round));
  }

  extendPhase(campaignId: string, phase: string, closesAt: string): Promise<Answer<{ round: RoundOverview['round'] }>> {
    return this.call(apiUrl(campaignId, `admin/round/phases/${phase}/extend`), this.json('POST', { closesAt }));
  }

  /** The database as a file, for the browser to save. */
  async backup(): Promise<{ ok: true; blob: Blob; fileName: string } | { ok: false; answer: Answer<unknown> }> {
    const response = await this.request('/api/admin/backup', { method: 'POST' });
    if (!response.ok) return { ok: false, answer: await this.read('/api/admin/backup', response) };
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'thidua-backup.sqlite';
    return { ok: true, blob: await response.blob(), fileName };
  }
}

/** The refusal and its first problems (e.g. criteria not appraised, unit by criterion), in one line. */
export function refusalWithIssues(answer: Answer<unknown>, locale: Locale, fallback: (status: string) => string, shown = 5): string {
  return [errorText(answer, locale, fallback), ...answer.issues.slice(0, shown).map((i) => i.message[locale])].join(' · ');
}

/** The server's message of a refused request in the page's language, or the status. */
export function errorText(answer: Answer<unknown>, locale: Locale, fallback: (status: string) => string): string {
  return answer.error?.text?.[locale] ?? answer.error?.message ?? fallback(String(answer.status));
}
