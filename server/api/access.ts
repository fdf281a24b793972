/**
 * Who may call what. One place for the authorisation rules (issue 3): a line manager reads and writes only
 * their own organisation; the PMG does everything; viewers read the catalogue, registers and sign-offs and
 * the audit trail (read-only oversight, e.g. an information-governance lead).
 */
import type { Principal } from '../auth/types.js';
import { ProblemError } from '../http/problem.js';

export type Access =
  /** No token needed (health, readiness, the OpenAPI document). */
  | 'public'
  /** Any member of the partnership. */
  | 'member'
  /** PMG members only. */
  | 'pmg'
  /** PMG members and viewers. */
  | 'oversight'
  /** The PMG, or the line manager of the organisation named by the `:id` path parameter. */
  | 'own-organisation';

export const ACCESS_DESCRIPTIONS: Record<Access, string> = {
  public: 'No token needed.',
  member: 'Any member of the partnership.',
  pmg: 'PMG members only.',
  oversight: 'PMG members and viewers.',
  'own-organisation': 'The PMG, or the line manager of this organisation.',
};

/** Throws a 403 problem unless `principal` may use a route with this access rule. */
export function checkAccess(access: Access, principal: Principal, organisationId: string | undefined): void {
  switch (access) {
    case 'public':
    case 'member':
      return;
    case 'pmg':
      if (principal.role === 'pmg') return;
      throw new ProblemError('forbidden', 'Only a member of the PMG may do this.');
    case 'oversight':
      if (principal.role === 'pmg' || principal.role === 'viewer') return;
      throw new ProblemError('forbidden', 'Only PMG members and viewers may see this.');
    case 'own-organisation':
      if (principal.role === 'pmg') return;
      if (principal.role === 'line-manager' && principal.organisationId !== null) {
        if (principal.organisationId === organisationId) return;
        throw new ProblemError(
          'forbidden',
          `You can see and change only your own organisation’s workbook (${principal.organisationId}), not ${organisationId ?? 'this one'}.`,
        );
      }
      throw new ProblemError('forbidden', 'Only the PMG and the organisation’s line manager may see or change this.');
  }
}
