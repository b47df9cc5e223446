/**
 * The shapes of the leaderboard HTTP API (docs/architecture.md) as the pages read them, and the
 * few requests the browser makes. Everything shown comes from these responses: the pages never
 * recompute a score, rank, prize, reason or gap.
 */
import type { SheetIssue } from '@thidua/stats-io';
import type { CampaignInfo } from '../server/campaign-service.js';

// The response types are the server's own (type-only imports: nothing of the server is bundled),
// so a change to the API cannot drift from what the pages read.
export type {
  LeaderboardResponse,
  RankChange,
  SnapshotEvent,
  SnapshotMeta,
  UnitResponse,
  CampaignInfo as Campaign,
  Status as PublicationStatus,
  UnitHistoryEntry as UnitHistoryPoint,
} from '../server/campaign-service.js';
export type { SheetIssue } from '@thidua/stats-io';

export type CampaignGroup = CampaignInfo['groups'][number];
export type CampaignPrize = CampaignGroup['prizes'][number];

export interface ApiError {
  error: string;
  message: string;
  issues?: SheetIssue[];
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
