import { DomainError } from '../errors/domainError.js';

/** An error the user can fix: printed as one line, never with a stack trace. */
export class UserError extends DomainError {
  readonly kind = 'command-refused';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
