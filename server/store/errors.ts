import { DomainError } from '../errors/domainError.js';

/** Errors the store throws for conditions a caller must handle (the API maps them to 404/409/412). */
export class VersionConflictError extends DomainError {
  readonly kind = 'version-conflict';

  constructor(
    readonly subject: string,
    readonly expected: number | null,
    readonly current: number | null,
  ) {
    super(
      `${subject} is at version ${current ?? 'none'}, not ${expected ?? 'none'}: someone else saved a change first. Reload and try again.`,
    );
    this.name = 'VersionConflictError';
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';

  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A sign-off that was withdrawn: that version is not signed again; the partner signs the next one. */
export class SignOffWithdrawnError extends DomainError {
  readonly kind = 'sign-off-withdrawn';

  constructor(
    readonly registerVersion: number,
    readonly organisationId: string,
    readonly withdrawnBy: string,
    readonly withdrawnAt: string,
  ) {
    super(
      `${organisationId} withdrew its sign-off of register version ${registerVersion} (${withdrawnBy}, ${withdrawnAt}); it signs the next register version the PMG consolidates.`,
    );
    this.name = 'SignOffWithdrawnError';
  }
}
