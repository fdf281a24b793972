/**
 * The issues a partner must see before it signs off a register version: every issue that names or involves
 * its organisation (its own, and a cross-partner one whose message names it), blocking ones first, then the
 * register-wide blockers that do not involve it (while there is one, the register is not ready for the MoU).
 */
import type { Issue } from '../../../shared/issues.js';
import type { Register } from '../../../shared/types.js';

export interface SignOffIssues {
  /** Issues of this organisation or naming it, errors first (each group in register order). */
  ours: Issue[];
  /** Errors of the register that do not involve this organisation. */
  registerWide: Issue[];
}

function involves(issue: Issue, organisation: { id: string; name: string }): boolean {
  if (issue.organisationId === organisation.id) return true;
  return issue.message.includes(organisation.name) || issue.message.includes(organisation.id);
}

export function signOffIssues(register: Register, organisationId: string): SignOffIssues {
  const org = register.organisations.find((o) => o.id === organisationId);
  if (!org) return { ours: [], registerWide: register.issues.filter((i) => i.severity === 'error') };
  const ours = register.issues.filter((i) => involves(i, org));
  return {
    ours: [...ours.filter((i) => i.severity === 'error'), ...ours.filter((i) => i.severity !== 'error')],
    registerWide: register.issues.filter((i) => i.severity === 'error' && !involves(i, org)),
  };
}
