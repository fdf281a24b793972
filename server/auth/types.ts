/** Who is calling, once a bearer token has been validated. */
import type { MemberRole } from '../../shared/types.js';
import { DomainError } from '../errors/domainError.js';

export interface Principal {
  /** Lower-case email (or UPN) of the user. */
  email: string;
  name: string | null;
  /** The token's subject (oid for Entra). */
  subject: string;
  role: MemberRole;
  /** The organisation a line manager writes for; null for PMG members and viewers without one. */
  organisationId: string | null;
  tokenKind: 'dev' | 'entra';
}

export interface Authenticator {
  readonly mode: 'dev' | 'entra';
  /** Validates a bearer token and maps it to a member of the catalogue; throws AuthError when it cannot. */
  authenticate(token: string, options?: AuthenticateOptions): Promise<Principal>;
}

export interface AuthenticateOptions {
  /**
   * Looks the member up instead of the authenticator's own lookup: the API passes one over the catalogue it
   * read for the request, so that authentication and the handler see the same catalogue.
   */
  lookupMember?: MemberLookup;
}

/** What the catalogue says of a member: their role and, for a line manager, their organisation. */
export interface MemberGrant {
  role: MemberRole;
  organisationId: string | null;
}

/** Looks a user up in the current catalogue's members (by lower-case email). */
export type MemberLookup = (email: string) => Promise<MemberGrant | null>;

export class AuthError extends DomainError {
  constructor(
    message: string,
    /** 401: the token is missing or invalid; 403: valid, but the user is not a member. */
    readonly status: 401 | 403 = 401,
    /** A 403 is a user who is not a member, unless the PMG must place a member itself (`not-permitted`). */
    readonly kind: 'unauthenticated' | 'not-a-member' | 'not-permitted' = status === 403
      ? 'not-a-member'
      : 'unauthenticated',
  ) {
    super(message);
    this.name = 'AuthError';
  }
}
