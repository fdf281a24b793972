/**
 * Tokens whose signature and claims were verified, kept so that a client sending the same bearer token on
 * every request does not pay for an ECDSA verification each time. Keyed by the whole token text (a token with
 * any other byte is verified afresh), bounded in number, and a kept token is used only while its own
 * `exp` / `nbf`, with the same tolerance, still allow it: caching never lengthens a token's life.
 */
import type { JWTPayload } from 'jose';

export interface VerifiedTokens {
  /** The payload of `token` when it was verified before and is still within exp / nbf at `now`. */
  get(token: string, now: Date): JWTPayload | undefined;
  /** Keeps a verified token (only one with an `exp`). */
  set(token: string, payload: JWTPayload): void;
}

export function verifiedTokens(opts: { toleranceSeconds: number; max?: number }): VerifiedTokens {
  const max = opts.max ?? 1000;
  const kept = new Map<string, JWTPayload>();
  return {
    get(token, now) {
      const payload = kept.get(token);
      if (payload === undefined) return undefined;
      const seconds = now.getTime() / 1000;
      const live =
        typeof payload.exp === 'number' &&
        seconds < payload.exp + opts.toleranceSeconds &&
        (payload.nbf === undefined || seconds >= payload.nbf - opts.toleranceSeconds);
      if (!live) kept.delete(token);
      return live ? payload : undefined;
    },
    set(token, payload) {
      if (typeof payload.exp !== 'number') return;
      if (kept.size >= max) kept.delete(kept.keys().next().value!);
      kept.set(token, Object.freeze({ ...payload }));
    },
  };
}
