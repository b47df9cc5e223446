/**
 * The API as the pages read it: the response types are the contract's (type-only imports: nothing
 * of zod or the server reaches the browser), the addresses of a campaign's API and pages, and the
 * few requests the browser makes. Everything shown comes from these responses: the pages never
 * recompute a score, rank, prize, reason or gap.
 */
export type {
  ApiErrorBody,
  AuditEntry,
  CampaignGroup,
  CampaignInfo,
  CampaignSummary,
  Decision,
  CampaignsResponse,
  LeaderboardPageState,
  LeaderboardResponse,
  PublicationStatus,
  RankChange,
  SheetIssue,
  SnapshotComparison,
  SnapshotRetraction,
  SnapshotEvent,
  SnapshotMeta,
  UnitHistoryPoint,
  UnitIndexResponse,
  UnitResponse,
  UploadResult,
} from '../contract.js';

/** A campaign's API address: `/api/campaigns/<id>/<path>`. */
export function apiUrl(campaignId: string, path: string): string {
  return `/api/campaigns/${encodeURIComponent(campaignId)}/${path}`;
}

/** A campaign's page address: `/c/<id>/` and below. */
export function pageUrl(campaignId: string, path = ''): string {
  return `/c/${encodeURIComponent(campaignId)}/${path}`;
}

export function unitPageUrl(campaignId: string, unitId: string): string {
  return pageUrl(campaignId, `units/${encodeURIComponent(unitId)}`);
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return (await response.json()) as T;
}

/** Reads the JSON a page embedded for its first render (a data block, never executed). */
export function readEmbeddedState<T>(id: string | null): T | undefined {
  if (!id) return undefined;
  const node = document.getElementById(id);
  if (!node?.textContent) return undefined;
  return JSON.parse(node.textContent) as T;
}
