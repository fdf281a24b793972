/**
 * The problem response of each kind of domain error (server/errors/domainError.ts): its problem type (which
 * gives the status and title, http/problem.ts), the error's message as the detail, and the members and headers
 * a kind adds. A kind that is never the answer to a request (a CLI or start-up refusal) has none: should one
 * reach the error handler it is a 500, logged.
 */
import { formatProblem } from '../../shared/catalogue.js';
import type { AuthError } from '../auth/types.js';
import type { DomainError, DomainErrorKind } from '../errors/domainError.js';
import type { WorkbookFileError } from '../import/workbookFileError.js';
import type { NotPermitted, NotPossible, PreconditionFailed, ValidationFailed } from '../services/errors.js';
import { pointerOf } from '../requests/fieldErrors.js';
import type { NotFoundError, SignOffWithdrawnError, VersionConflictError } from '../store/errors.js';
import type { WorkersBusy, WorkTimedOut } from '../workers/errors.js';
import { ProblemError, type ProblemBody, type ProblemKind } from './problem.js';

/** The domain errors a request can meet, for the types of the table's functions. */
type RequestError =
  | ValidationFailed
  | WorkbookFileError
  | NotPermitted
  | NotPossible
  | PreconditionFailed
  | NotFoundError
  | VersionConflictError
  | SignOffWithdrawnError
  | WorkersBusy
  | WorkTimedOut
  | AuthError;

/** The class (or classes) whose `kind` can be K. */
type ErrorOfKind<K, E = RequestError> = E extends { readonly kind: infer EK } ? (K extends EK ? E : never) : never;

interface ProblemRule<E> {
  problem: ProblemKind;
  /** Members beyond type, title, status and detail (the error's message), and the headers to send. */
  more?: (err: E) => { extensions?: Partial<ProblemBody>; headers?: Record<string, string> };
}

/** `organisations[3].sector` -> `/body/organisations/3/sector` */
function catalogueProblemPointer(path: string): string {
  return pointerOf(
    '/body',
    path
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter((p) => p !== ''),
  );
}

const aboutTheOrganisation = (err: Error) => ({
  extensions: { errors: [{ pointer: '/body/organisationId', detail: err.message }] },
});
const aboutTheFile = (err: Error) => ({ extensions: { errors: [{ pointer: '/body/file', detail: err.message }] } });
const retryAfter = (err: WorkersBusy | WorkTimedOut) => ({
  headers: { 'Retry-After': String(err.retryAfterSeconds) },
});
const currentVersion = (current: number | null, etag: boolean) => ({
  extensions: { currentVersion: current },
  headers: etag && current !== null ? { ETag: `"${current}"` } : ({} as Record<string, string>),
});
const ifMatch = (err: PreconditionFailed) => {
  const { extensions, headers } = currentVersion(err.currentVersion, !err.required);
  return {
    extensions: {
      ...extensions,
      ...(err.ifMatchDetail ? { errors: [{ pointer: '/headers/if-match', detail: err.ifMatchDetail }] } : {}),
    },
    headers,
  };
};

const PROBLEMS: { [K in DomainErrorKind]: ProblemRule<ErrorOfKind<K>> | null } = {
  'invalid-workbook': {
    problem: 'invalid-workbook',
    // The first ISSUE_LIST_LIMIT issues, and the counts of all of them (shared/issueReport.ts).
    more: (err) => ({
      extensions: {
        organisationId: err.organisationId,
        issues: err.report.issues,
        truncated: err.report.truncated,
        byCode: err.report.byCode,
        errorCount: err.report.errors,
        warningCount: err.report.warnings,
      },
    }),
  },
  'unreadable-workbook': { problem: 'unreadable-workbook', more: aboutTheFile },
  'workbook-too-large': { problem: 'payload-too-large', more: aboutTheFile },
  'not-permitted': { problem: 'forbidden' },
  'no-catalogue': { problem: 'no-catalogue' },
  'not-governing': { problem: 'unprocessable', more: aboutTheOrganisation },
  'unknown-organisation': { problem: 'unprocessable', more: aboutTheOrganisation },
  'invalid-catalogue': {
    problem: 'invalid-catalogue',
    more: (err) => ({
      extensions: {
        errors: err.problems.map((p) => ({ pointer: catalogueProblemPointer(p.path), detail: formatProblem(p) })),
      },
    }),
  },
  'organisation-required': { problem: 'invalid-request', more: aboutTheOrganisation },
  'sign-off-withdrawn': { problem: 'conflict' },
  'precondition-failed': { problem: 'precondition-failed', more: ifMatch },
  'precondition-required': { problem: 'precondition-required', more: ifMatch },
  'not-found': { problem: 'not-found' },
  'version-conflict': { problem: 'precondition-failed', more: (err) => currentVersion(err.current, true) },
  'workers-busy': { problem: 'service-busy', more: retryAfter },
  'work-timed-out': { problem: 'service-busy', more: retryAfter },
  unauthenticated: {
    problem: 'unauthorized',
    more: (err) => {
      // A header value must be visible ASCII; the message may quote token text (an alg, a tenant id).
      const description = err.message.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
      return {
        headers: {
          'WWW-Authenticate': `Bearer realm="oda-register", error="invalid_token", error_description="${description}"`,
        },
      };
    },
  },
  'not-a-member': { problem: 'not-a-member' },
  'dev-issuer-refused': null,
  'invalid-catalogue-file': null,
  'not-an-appendix': null,
  'invalid-configuration': null,
  'cannot-start': null,
  'command-refused': null,
};

/** The problem a domain error is answered with; null for a kind no request should meet (a 500). */
export function domainProblem(err: DomainError): ProblemError | null {
  // The table's function for a kind takes the class that declares that kind.
  const rule = PROBLEMS[err.kind] as ProblemRule<DomainError> | null;
  if (!rule) return null;
  return new ProblemError(rule.problem, err.message, rule.more?.(err) ?? {});
}
