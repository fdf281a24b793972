/**
 * The same digests as shared/digest.ts (SHA-256 of the RFC 8785 canonical JSON, `canonicalJson` of shared/),
 * hashed with node:crypto instead of the portable JavaScript SHA-256 the add-in needs: several times faster
 * for a submission, on the service's write path. test/store/nativeDigest.test.ts checks that they agree.
 */
import { hash } from 'node:crypto';
import { canonicalJson } from '../../shared/digest.js';

/**
 * sha256 hex of the UTF-8 bytes of `text` (a lone surrogate encodes as U+FFFD, as with TextEncoder). The
 * one-shot `crypto.hash` (Node >= 20.12), not a `createHash` object: the same bytes hashed, but a Hash object
 * cost about 14 µs more per call here, and a PUT hashes three times (its body, its details, its audit event).
 */
export function nativeSha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** `digestOf(value)` of shared/digest.ts: `sha256:<hex>` of the canonical JSON of a JSON value. */
export function nativeDigestOf(value: unknown): string {
  return `sha256:${nativeSha256Hex(canonicalJson(value))}`;
}
