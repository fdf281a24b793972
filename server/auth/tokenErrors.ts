/**
 * Turns what jose throws while verifying a bearer token into an AuthError whose message says, in plain words,
 * what is wrong with the token. Messages never carry a stack trace or an internal error text.
 */
import { decodeProtectedHeader, errors } from 'jose';
import { AuthError } from './types.js';

/** What the verifier expected, so a message can say what it wanted instead. */
export interface TokenExpectations {
  issuer: string;
  audiences: readonly string[];
  algorithm: string;
}

function claimText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return value.map(claimText).join(', ');
  return 'none';
}

function timeText(seconds: unknown): string {
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : 'an unknown time';
}

function headerAlg(token: string): string | null {
  try {
    const alg = decodeProtectedHeader(token).alg;
    return typeof alg === 'string' ? alg : null;
  } catch {
    return null;
  }
}

/** Thrown by a key getter when the issuer's published keys cannot be fetched (network, HTTP status, bad JSON). */
export class IssuerKeysUnavailableError extends Error {
  constructor() {
    super("The issuer's signing keys are unavailable");
    this.name = 'IssuerKeysUnavailableError';
  }
}

const KEYS_UNAVAILABLE = "The token could not be checked: the issuer's signing keys are unavailable. Try again later.";

export function toAuthError(err: unknown, token: string, expected: TokenExpectations): AuthError {
  if (err instanceof AuthError) return err;
  if (err instanceof errors.JWTExpired) {
    return new AuthError(`The token expired at ${timeText(err.payload.exp)}; sign in again.`);
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    const payload = err.payload;
    switch (err.claim) {
      case 'nbf':
        return new AuthError(`The token is not valid yet (not before ${timeText(payload.nbf)}).`);
      case 'aud':
        return new AuthError(
          err.reason === 'missing'
            ? 'The token names no audience (aud).'
            : `The token was issued for another audience (${claimText(payload.aud)}), not for this service (${claimText(
                [...expected.audiences],
              )}).`,
        );
      case 'iss':
        return new AuthError(
          err.reason === 'missing'
            ? 'The token names no issuer (iss).'
            : `The token comes from the wrong issuer (${claimText(payload.iss)}); expected ${claimText(expected.issuer)}.`,
        );
      case 'exp':
        return new AuthError('The token has no expiry time (exp).');
      default:
        return new AuthError(`The token's "${err.claim}" claim is invalid (${err.reason}).`);
    }
  }
  if (err instanceof errors.JOSEAlgNotAllowed) {
    const alg = headerAlg(token);
    if (alg !== null && alg.toLowerCase() === 'none') {
      return new AuthError(
        `The token is unsigned (alg "none"); only ${expected.algorithm} signed tokens are accepted.`,
      );
    }
    return new AuthError(
      `The token is signed with ${alg === null ? 'an unknown algorithm' : `"${alg}"`}; only ${expected.algorithm} is accepted.`,
    );
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError('The token signature is invalid (bad signature): it was not signed by the issuer.');
  }
  if (err instanceof errors.JWKSNoMatchingKey) {
    return new AuthError(
      'The token signature is invalid (bad signature): it was signed by a key the issuer does not publish.',
    );
  }
  if (err instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError('The token does not say which signing key it uses (kid), and the issuer publishes several.');
  }
  if (
    err instanceof IssuerKeysUnavailableError ||
    err instanceof errors.JWKSTimeout ||
    err instanceof errors.JWKSInvalid
  ) {
    return new AuthError(KEYS_UNAVAILABLE);
  }
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) {
    return new AuthError('The token is malformed: it is not a signed JSON Web Token.');
  }
  if (err instanceof errors.JOSEError) {
    return new AuthError('The token could not be validated.');
  }
  return new AuthError('The token could not be validated.');
}
