/**
 * The development sign-in's list of members: grouped by organisation (members without one, such as the PMG
 * and viewers, first), each naming its role and organisation, so nobody signs in as the wrong person by
 * accepting a default. The list has no default: the user chooses.
 */
import type { DevMember } from '../../api/client.js';

export const ROLE_NAMES: Record<DevMember['role'], string> = {
  'line-manager': 'line manager',
  pmg: 'PMG',
  viewer: 'viewer',
};

/** The group of members without an organisation. */
export const NO_ORGANISATION = 'Partnership-wide (no organisation)';

export interface DevMemberGroup {
  label: string;
  options: { value: string; label: string }[];
}

export function devMemberLabel(m: DevMember): string {
  return `${m.email} (${ROLE_NAMES[m.role]}, ${m.organisationName ?? m.organisationId ?? 'no organisation'})`;
}

export function devMemberGroups(members: readonly DevMember[]): DevMemberGroup[] {
  const groups = new Map<string, DevMember[]>();
  for (const m of members) {
    const label = m.organisationName ?? m.organisationId ?? NO_ORGANISATION;
    groups.set(label, [...(groups.get(label) ?? []), m]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_ORGANISATION ? -1 : b === NO_ORGANISATION ? 1 : a.localeCompare(b, 'en-GB')))
    .map(([label, list]) => ({
      label,
      options: [...list]
        .sort((a, b) => a.role.localeCompare(b.role) || a.email.localeCompare(b.email))
        .map((m) => ({ value: m.email, label: devMemberLabel(m) })),
    }));
}
