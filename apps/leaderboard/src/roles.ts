import type { Grant, Role } from './contract.js';

/**
 * Who may do what. A route names what it requires (`x-required-role` in its schema, so the OpenAPI
 * document says it too): one of the roles; "member" (any role on the route's campaign); or
 * "signed-in" (any account). A role is held on one campaign or on every campaign ("*"); an
 * administrator holds every role everywhere. Shared by the server, which enforces it, and the admin
 * page, which offers only what the signed-in person may do.
 */
export type Requirement = Role | 'member' | 'signed-in';

export function holds(grants: readonly Grant[], required: Requirement, campaignId: string | null): boolean {
  if (required === 'signed-in') return true;
  if (grants.some((g) => g.role === 'admin')) return true;
  if (required === 'admin') return false;
  const onCampaign = (g: Grant) => g.campaignId === '*' || g.campaignId === campaignId;
  if (required === 'member') return grants.some(onCampaign);
  return grants.some((g) => g.role === required && onCampaign(g));
}

/**
 * The campaigns whose audit log a person reads: `'*'` for every campaign. A unit officer's grant
 * alone does not open a campaign's log: it names every unit's points (ADR 0020).
 */
export function memberCampaigns(grants: readonly Grant[]): string[] | '*' {
  const readers = grants.filter((g) => g.role !== 'officer');
  if (readers.some((g) => g.campaignId === '*')) return '*';
  return [...new Set(readers.map((g) => g.campaignId))];
}

/** The roles' names for people, Vietnamese and English. */
export const roleNames: Record<Role, { vi: string; en: string }> = {
  clerk: { vi: 'cán bộ tổng hợp số liệu', en: 'statistics clerk' },
  publisher: { vi: 'người công bố', en: 'publisher' },
  council: { vi: 'Hội đồng Thi đua – Khen thưởng', en: 'emulation council' },
  admin: { vi: 'quản trị viên', en: 'administrator' },
  officer: { vi: 'cán bộ đầu mối của đơn vị', en: 'unit officer' },
  appraiser: { vi: 'thành viên Tổ giúp việc (thẩm định)', en: 'appraiser' },
};

/**
 * The units of a campaign a person works on in its round in `role` (ADR 0020): '*' for every unit
 * (an appraiser with no unit named, or an administrator); otherwise the units named, maybe none.
 */
export function unitsHeld(grants: readonly Grant[], role: 'officer' | 'appraiser', campaignId: string): string[] | '*' {
  if (grants.some((g) => g.role === 'admin')) return '*';
  const mine = grants.filter((g) => g.role === role && g.campaignId === campaignId);
  if (role === 'appraiser' && mine.some((g) => g.unitId === undefined)) return '*';
  return [...new Set(mine.flatMap((g) => (g.unitId === undefined ? [] : [g.unitId])))];
}
