/**
 * The shapes of the leaderboard HTTP API (docs/architecture.md) as the pages read them, and the
 * few requests the browser makes. Everything shown comes from these responses: the pages never
 * recompute a score, rank, prize, reason or gap.
 */
import type { Evaluation, LocalizedText, Prize, UnitResult } from '@thidua/scoring';

export interface CampaignPrize {
  id: string;
  label: LocalizedText;
  count: number;
  amountVnd: number;
}

export interface CampaignGroup {
  id: string;
  name: LocalizedText;
  shortName: LocalizedText;
  minOnlineSharePercent: string;
  minResolvedOnline: number;
  firstPrizeMinOnlineSharePercent: string | null;
  prizes: CampaignPrize[];
}

export interface Campaign {
  id: string;
  title: LocalizedText;
  period: { start: string; end: string; timeZone: string };
  ruleSetId: string;
  sample: boolean;
  groups: CampaignGroup[];
}

export interface SnapshotMeta {
  id: number;
  asOf: string;
  sourceFileName: string;
  sha256: string;
  rowCount: number;
  createdBy: string;
  createdAt: string;
  retracted: boolean;
  sample: boolean;
}

export interface RankChange {
  previousRank: number | null;
  /** previousRank − rank: positive = moved up. */
  change: number | null;
}

export type PublicationStatus = 'provisional' | 'final';

export interface LeaderboardResponse {
  campaign: Campaign;
  status: PublicationStatus;
  snapshot: SnapshotMeta | null;
  previousSnapshot: { id: number; asOf: string } | null;
  evaluation: Evaluation | null;
  rankChanges: Record<string, RankChange>;
}

export interface UnitHistoryPoint {
  snapshotId: number;
  asOf: string;
  score: string | null;
  rank: number | null;
  eligible: boolean;
  prize: Prize | null;
}

export interface UnitResponse {
  campaign: Campaign;
  unit: { id: string; name: string; group: string };
  status: PublicationStatus;
  snapshot: SnapshotMeta | null;
  result: UnitResult | null;
  rankChange: RankChange | null;
  history: UnitHistoryPoint[];
}

export interface SheetIssue {
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  message: LocalizedText;
}

export interface ApiError {
  error: string;
  message: string;
  issues?: SheetIssue[];
}

/** The `snapshot` server-sent event. */
export interface SnapshotEvent {
  type: 'published' | 'retracted' | 'finalized';
  snapshotId: number | null;
  asOf: string | null;
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
