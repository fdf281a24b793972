/**
 * Errors of the service operations, free of HTTP: the API maps them to problem responses (422, 403, 409,
 * 412, 428) and the CLI prints their messages.
 */
import type { Issue } from '../../shared/issues.js';
import { issueReport, type IssueReport } from '../../shared/issueReport.js';
import { DomainError } from '../errors/domainError.js';

/** A workbook (or raw tables) with errors: nothing was stored. Carries every issue, errors and warnings. */
export class ValidationFailed extends DomainError {
  readonly kind = 'invalid-workbook';

  constructor(
    readonly issues: Issue[],
    readonly organisationId: string | null = null,
    /** The counts of every issue and the first ones listed (given when `issues` holds only those). */
    readonly report: IssueReport = issueReport(issues),
  ) {
    const { errors } = report;
    super(
      `The workbook${organisationId ? ` for ${organisationId}` : ''} has ${errors} error${errors === 1 ? '' : 's'}; nothing was stored.`,
    );
    this.name = 'ValidationFailed';
  }
}

/** The caller may not do this (a sign-off for another organisation, say). */
export class NotPermitted extends DomainError {
  readonly kind = 'not-permitted';

  constructor(message: string) {
    super(message);
    this.name = 'NotPermitted';
  }
}

/** The request is well formed but the data makes it impossible (no catalogue yet, not a governing partner). */
export class NotPossible extends DomainError {
  constructor(
    message: string,
    readonly kind:
      'no-catalogue' | 'not-governing' | 'unknown-organisation' | 'invalid-catalogue' | 'organisation-required',
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'NotPossible';
  }
}

/**
 * A versioned write's precondition (If-Match / If-None-Match) does not hold: the version named is not the
 * current one (412), or a version exists and none was named (`required`: 428).
 */
export class PreconditionFailed extends DomainError {
  readonly kind: 'precondition-failed' | 'precondition-required';
  readonly currentVersion: number | null;
  readonly required: boolean;
  /** What is wrong with the If-Match header, when it is the header itself. */
  readonly ifMatchDetail: string | null;

  constructor(message: string, opts: { currentVersion: number | null; required?: boolean; ifMatchDetail?: string }) {
    super(message);
    this.name = 'PreconditionFailed';
    this.currentVersion = opts.currentVersion;
    this.required = opts.required ?? false;
    this.kind = this.required ? 'precondition-required' : 'precondition-failed';
    this.ifMatchDetail = opts.ifMatchDetail ?? null;
  }
}
