/**
 * Maps Microsoft Entra group memberships to a partnership role, for users who are not listed in the
 * catalogue's members: config `groupMap: { [groupId]: { role, organisationId? } }`.
 */
import { compareCodeUnits } from '../../shared/order.js';
import { MEMBER_ROLES, type MemberRole } from '../../shared/types.js';

export interface GroupGrant {
  role: MemberRole;
  /** Required for line managers: the organisation they write for. */
  organisationId?: string;
}

export type GroupMap = Record<string, GroupGrant>;

export type GroupMapping =
  | { kind: 'member'; role: MemberRole; organisationId: string | null; groupId: string }
  | { kind: 'none' }
  | { kind: 'ambiguous'; organisationIds: string[] };

/** When a user is in several mapped groups, the strongest role wins. */
const RANK: Record<MemberRole, number> = { pmg: 3, 'line-manager': 2, viewer: 1 };

/** Throws an Error naming the group when an entry is not usable; returns the map with lower-case group ids. */
export function checkGroupMap(groupMap: GroupMap): GroupMap {
  const checked: GroupMap = {};
  for (const [groupId, grant] of Object.entries(groupMap)) {
    if (groupId.trim() === '') throw new Error('groupMap has an entry with an empty group id.');
    if (typeof grant !== 'object' || grant === null || !MEMBER_ROLES.includes(grant.role)) {
      throw new Error(`groupMap entry for group ${groupId} needs a role: one of ${MEMBER_ROLES.join(', ')}.`);
    }
    if (grant.role === 'line-manager' && !grant.organisationId) {
      throw new Error(`groupMap entry for group ${groupId} maps to line-manager but names no organisationId.`);
    }
    checked[groupId.trim().toLowerCase()] = grant;
  }
  return checked;
}

/**
 * The grant of the user's strongest mapped group. Line-manager groups of different organisations are
 * ambiguous (the user could write for either), so they give no access rather than a guess.
 */
export function mapGroups(groupIds: readonly string[], groupMap: GroupMap): GroupMapping {
  const matches = groupIds
    .map((id) => id.toLowerCase())
    .filter((id) => Object.hasOwn(groupMap, id))
    .map((id) => ({ groupId: id, grant: groupMap[id] as GroupGrant }))
    .sort((a, b) => RANK[b.grant.role] - RANK[a.grant.role] || compareCodeUnits(a.groupId, b.groupId));
  const best = matches[0];
  if (best === undefined) return { kind: 'none' };
  const top = matches.filter((m) => m.grant.role === best.grant.role);
  const organisationIds = [...new Set(top.map((m) => m.grant.organisationId ?? null))];
  if (organisationIds.length > 1) {
    if (best.grant.role === 'line-manager') {
      return { kind: 'ambiguous', organisationIds: organisationIds.filter((o): o is string => o !== null).sort() };
    }
    return { kind: 'member', role: best.grant.role, organisationId: null, groupId: best.groupId };
  }
  return { kind: 'member', role: best.grant.role, organisationId: organisationIds[0] ?? null, groupId: best.groupId };
}
