/**
 * The one base of the errors that say what went wrong in words for the user: a refusal, a missing thing, a
 * file that cannot be read, a busy service. Their message is one sentence meant to be shown as it is; the API
 * answers each `kind` with its problem (server/http/domainProblems.ts) and the CLI prints the message as one
 * line (server/cli/program.ts). Anything else thrown is a programmer error: a plain Error, logged, never shown.
 * A few plain Errors are signals that one module catches and says again as a domain error (ZipFormatError as a
 * WorkbookFileError, IssuerKeysUnavailableError and GraphDirectoryError as an AuthError).
 */

/** What kind of failure a domain error is; each has one problem response (server/http/domainProblems.ts). */
export type DomainErrorKind =
  /** A workbook (or its raw tables) with errors: ValidationFailed. */
  | 'invalid-workbook'
  /** A file that cannot be read as a workbook, or one larger than the limit: WorkbookFileError. */
  | 'unreadable-workbook'
  | 'workbook-too-large'
  /** The caller may not do this: NotPermitted, and an AuthError for a user the PMG must place itself. */
  | 'not-permitted'
  /** Not possible with the data as it is: NotPossible, and the store's SignOffWithdrawnError (`sign-off-withdrawn`). */
  | 'no-catalogue'
  | 'not-governing'
  | 'unknown-organisation'
  | 'invalid-catalogue'
  | 'organisation-required'
  | 'sign-off-withdrawn'
  /** If-Match names an older version, or none was named: PreconditionFailed. */
  | 'precondition-failed'
  | 'precondition-required'
  /** The store: NotFoundError, VersionConflictError. */
  | 'not-found'
  | 'version-conflict'
  /** The worker threads: WorkersBusy, WorkTimedOut. */
  | 'workers-busy'
  | 'work-timed-out'
  /** The token is missing or invalid, or names someone who is not a member: AuthError. */
  | 'unauthenticated'
  | 'not-a-member'
  /** The development issuer refused (production, an unreadable key, an unknown email): DevIssuerError. */
  | 'dev-issuer-refused'
  /** Files and settings given to the CLI or at start-up. */
  | 'invalid-catalogue-file'
  | 'not-an-appendix'
  | 'invalid-configuration'
  | 'cannot-start'
  /** A command-line mistake: UserError. */
  | 'command-refused';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
}
