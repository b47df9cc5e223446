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

/** The campaigns on which a person holds some role: `'*'` for every campaign. */
export function memberCampaigns(grants: readonly Grant[]): string[] | '*' {
  if (grants.some((g) => g.campaignId === '*')) return '*';
  return [...new Set(grants.map((g) => g.campaignId))];
}

/** The roles' names for people, Vietnamese and English. */
export const roleNames: Record<Role, { vi: string; en: string }> = {
  clerk: { vi: 'cán bộ tổng hợp số liệu', en: 'statistics clerk' },
  publisher: { vi: 'người công bố', en: 'publisher' },
  council: { vi: 'Hội đồng Thi đua – Khen thưởng', en: 'emulation council' },
  admin: { vi: 'quản trị viên', en: 'administrator' },
};
