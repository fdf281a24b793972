/**
 * The role matrix of a register version as a heat map: one row per activity (in the order the register first
 * names them), one column per organisation that holds any role, each cell the letters of its roles (R, A, C,
 * I, with the full words for screen readers). Activities with no accountable or more than one accountable
 * partner are marked, as the register's issues name them.
 */
import { enumLabel, RACI_ROLE } from '../../../shared/enums.js';
import type { Register } from '../../../shared/types.js';

export const RACI_KEY: { letter: string; role: string; label: string }[] = RACI_ROLE.options.map((o) => ({
  letter: o.label.charAt(0),
  role: o.id,
  label: o.label,
}));

export interface MatrixCell {
  /** "R", "A/C", or "" when the organisation has no role. */
  letters: string;
  /** "Responsible", "Accountable and consulted", or "No role". */
  words: string;
  /** The first role's letter, for the cell's colour; null when empty. */
  tone: string | null;
  leads: string[];
}

export interface RoleMatrix {
  organisations: { id: string; name: string }[];
  rows: { activityId: string; activity: string; accountable: number; cells: MatrixCell[] }[];
}

const ORDER = new Map(RACI_KEY.map((k, i) => [k.role, i]));

export function roleMatrix(register: Register): RoleMatrix {
  const withRoles = new Set(register.roles.map((r) => r.organisationId));
  const organisations = register.organisations.filter((o) => withRoles.has(o.id)).map(({ id, name }) => ({ id, name }));
  const activities = new Map<string, string>();
  for (const r of register.roles) if (!activities.has(r.activityId)) activities.set(r.activityId, r.activity);
  const rows = [...activities].map(([activityId, activity]) => {
    const here = register.roles.filter((r) => r.activityId === activityId);
    const cells = organisations.map((o): MatrixCell => {
      const mine = here
        .filter((r) => r.organisationId === o.id)
        .sort((a, b) => (ORDER.get(a.role) ?? 9) - (ORDER.get(b.role) ?? 9));
      const roles = [...new Set(mine.map((r) => r.role))];
      const labels = roles.map((r) => enumLabel(RACI_ROLE, r));
      const words =
        labels.length === 0 ? 'No role' : labels.map((l, i) => (i === 0 ? l : l.toLowerCase())).join(' and ');
      return {
        letters: labels.map((l) => l.charAt(0)).join('/'),
        words,
        tone: labels[0]?.charAt(0) ?? null,
        leads: mine.map((r) => r.namedLead).filter((n): n is string => Boolean(n)),
      };
    });
    const accountable = new Set(here.filter((r) => r.role === 'accountable').map((r) => r.organisationId)).size;
    return { activityId, activity, accountable, cells };
  });
  return { organisations, rows };
}
