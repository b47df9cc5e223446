import type { ApiErrorBody, AuditEntry, CampaignsResponse, SheetIssue, SnapshotMeta, UploadResult } from '../api.js';
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

/**
 * The one client every admin element uses: the token on every request, each answer read the same
 * way (the error's message "vi — en" and its issues). The page decides nothing; the server does.
 */
export class AdminApi {
  constructor(private readonly token: () => string) {}

  private async call<T>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
    const response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', authorization: `Bearer ${this.token()}`, ...init.headers },
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { error: 'invalid_response', message: text };
    }
    if (response.ok) return { ok: true, status: response.status, body: body as T, error: null, issues: [] };
    const error = body as ApiErrorBody | null;
    return { ok: false, status: response.status, body: null, error, issues: error?.issues ?? [] };
  }

  campaigns(): Promise<Answer<CampaignsResponse>> {
    return this.call('/api/campaigns');
  }

  presets(): Promise<Answer<{ presets: PresetInfo[] }>> {
    return this.call('/api/presets');
  }

  createCampaign(body: { id: string; preset?: string; ruleSetText?: string }): Promise<Answer<unknown>> {
    return this.call('/api/admin/campaigns', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  uploadRoster(campaignId: string, file: File): Promise<Answer<{ roster: unknown[] }>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.call(apiUrl(campaignId, 'admin/roster'), { method: 'PUT', body: form });
  }

  archive(campaignId: string): Promise<Answer<unknown>> {
    return this.call(apiUrl(campaignId, 'admin/archive'), { method: 'POST' });
  }

  snapshots(campaignId: string): Promise<Answer<{ snapshots: SnapshotMeta[] }>> {
    return this.call(apiUrl(campaignId, 'snapshots'));
  }

  upload(campaignId: string, file: File, asOf: string, dryRun: boolean): Promise<Answer<UploadResult>> {
    const form = new FormData();
    form.append('file', file, file.name);
    const query = `asOf=${encodeURIComponent(asOf)}${dryRun ? '&dryRun=1' : ''}`;
    return this.call(`${apiUrl(campaignId, 'admin/snapshots')}?${query}`, { method: 'POST', body: form });
  }

  retract(campaignId: string, snapshotId: number): Promise<Answer<{ snapshot: SnapshotMeta }>> {
    return this.call(apiUrl(campaignId, `admin/snapshots/${snapshotId}`), { method: 'DELETE' });
  }

  finalize(campaignId: string): Promise<Answer<{ status: 'final'; snapshot: SnapshotMeta }>> {
    return this.call(apiUrl(campaignId, 'admin/finalize'), { method: 'POST' });
  }

  audit(campaignId: string | null): Promise<Answer<{ entries: AuditEntry[] }>> {
    return this.call(`/api/admin/audit${campaignId ? `?campaign=${encodeURIComponent(campaignId)}` : ''}`);
  }
}

/** Tells the page shell to show a notice (and whether something changed that others should reload). */
export function notify(from: HTMLElement, kind: 'ok' | 'error', text: string, changed = false): void {
  from.dispatchEvent(new CustomEvent('admin-notice', { detail: { kind, text, changed }, bubbles: true, composed: true }));
}

/** The server's message of a refused request, or the status. */
export function errorText(answer: Answer<unknown>, fallback: (status: string) => string): string {
  return answer.error?.message ?? fallback(String(answer.status));
}
