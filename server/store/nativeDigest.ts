/**
 * The same digests as shared/digest.ts (SHA-256 of the RFC 8785 canonical JSON, `canonicalJson` of shared/),
 * hashed with node:crypto instead of the portable JavaScript SHA-256 the add-in needs: several times faster
 * for a submission, on the service's write path. test/store.nativeDigest.test.ts checks that they agree.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/digest.js';

/** sha256 hex of the UTF-8 bytes of `text` (a lone surrogate encodes as U+FFFD, as with TextEncoder). */
export function nativeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `digestOf(value)` of shared/digest.ts: `sha256:<hex>` of the canonical JSON of a JSON value. */
export function nativeDigestOf(value: unknown): string {
  return `sha256:${nativeSha256Hex(canonicalJson(value))}`;
}
