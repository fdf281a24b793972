/**
 * Errors of the service operations, free of HTTP: the API maps them to problem responses (422, 403, 409,
 * 404) and the CLI prints their messages.
 */
import { countIssues, type Issue } from '../../shared/issues.js';

/** A workbook (or raw tables) with errors: nothing was stored. Carries every issue, errors and warnings. */
export class ValidationFailed extends Error {
  constructor(
    readonly issues: Issue[],
    readonly organisationId: string | null = null,
  ) {
    const { errors } = countIssues(issues);
    super(
      `The workbook${organisationId ? ` for ${organisationId}` : ''} has ${errors} error${errors === 1 ? '' : 's'}; nothing was stored.`,
    );
    this.name = 'ValidationFailed';
  }
}

/** The caller may not do this (a sign-off for another organisation, say). */
export class NotPermitted extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotPermitted';
  }
}

/** The request is well formed but the data makes it impossible (no catalogue yet, not a governing partner). */
export class NotPossible extends Error {
  constructor(
    message: string,
    readonly reason:
      'no-catalogue' | 'not-governing' | 'unknown-organisation' | 'invalid-catalogue' | 'organisation-required',
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'NotPossible';
  }
}
