/**
 * The store's closed sets of values as const arrays, like MEMBER_ROLES in shared/types.ts: the API's schemas
 * enumerate them, and the type checks below fail if a value is added to or removed from the store's types
 * without these arrays following.
 */
import type { AuditAction, SubmissionSourceKind } from '../store/types.js';

/** How a submission arrived: the Excel add-in, a file upload, the CLI's import, or a PUT of raw tables. */
export const SUBMISSION_SOURCE_KINDS = [
  'addin',
  'upload',
  'cli',
  'api',
] as const satisfies readonly SubmissionSourceKind[];

/** The sources a PUT of raw tables may name (an upload and the CLI say theirs themselves). */
export const PUT_SOURCE_KINDS = ['addin', 'api'] as const satisfies readonly SubmissionSourceKind[];

/** What an audit event records. */
export const AUDIT_ACTIONS = [
  'catalogue.put',
  'submission.create',
  'register.create',
  'signoff.create',
  'signoff.withdraw',
] as const satisfies readonly AuditAction[];

/** True only when the array lists every member of the union (`satisfies` above checks the other direction). */
type Lists<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const everySource: Lists<SubmissionSourceKind, (typeof SUBMISSION_SOURCE_KINDS)[number]> = true;
const everyAction: Lists<AuditAction, (typeof AUDIT_ACTIONS)[number]> = true;
void everySource;
void everyAction;
