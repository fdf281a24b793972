/**
 * The audit hash chain: each event's hash is the sha256 hex of the canonical JSON of the event without its
 * hash (and without detailDigest when it has none, so events written before details were kept hash as they
 * did), and each event names the hash of the one before it. Verification streams through the events in pages.
 */
import { canonicalJson } from '../../shared/digest.js';
import { nativeSha256Hex } from './nativeDigest.js';
import type { AuditEvent, AuditVerification } from './types.js';

export type UnhashedAuditEvent = Omit<AuditEvent, 'hash'>;

export function hashAuditEvent(event: UnhashedAuditEvent): string {
  const { seq, at, actor, action, subject, digestBefore, digestAfter, detailDigest, prevHash } = event;
  const hashed = { seq, at, actor, action, subject, digestBefore, digestAfter, prevHash };
  return nativeSha256Hex(canonicalJson(detailDigest === null ? hashed : { ...hashed, detailDigest }));
}

/** Reads up to `limit` events with seq > afterSeq, in seq order. */
export type AuditPageReader = (afterSeq: number, limit: number) => Promise<AuditEvent[]>;

/** Checks what a page of events (already verified as a chain) describes; the first problem, or null. */
export type AuditPageCheck = (events: readonly AuditEvent[]) => Promise<{ seq: number; reason: string } | null>;

/**
 * Recomputes the whole chain from the first event and reports the first event found wrong: a gap in the
 * sequence (an event deleted), a prevHash that does not match the event before (inserted, removed or
 * reordered), or a hash that does not match the content (edited). `checkPage`, when given, then checks each
 * page against what it describes (the stored rows).
 */
export async function verifyAuditChain(
  readPage: AuditPageReader,
  pageSize = 1000,
  checkPage?: AuditPageCheck,
): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = '';
  let checked = 0;
  for (;;) {
    const page = await readPage(expectedSeq - 1, pageSize);
    for (const event of page) {
      if (event.seq !== expectedSeq) {
        const missing =
          event.seq === expectedSeq + 1 ? `event ${expectedSeq} is` : `events ${expectedSeq} to ${event.seq - 1} are`;
        return fail(checked, event.seq, `${missing} missing before it: the chain was cut (events deleted)`);
      }
      if (event.prevHash !== prevHash) {
        const before = expectedSeq === 1 ? 'the start of the chain' : `the hash of event ${expectedSeq - 1}`;
        return fail(
          checked,
          event.seq,
          `its prevHash does not match ${before}: an event was inserted, removed or rewritten before it`,
        );
      }
      if (hashAuditEvent(event) !== event.hash) {
        return fail(checked, event.seq, 'its content does not match its hash: the event was edited');
      }
      prevHash = event.hash;
      expectedSeq += 1;
      checked += 1;
    }
    const problem = checkPage ? await checkPage(page) : null;
    if (problem) return { ok: false, checked: problem.seq - 1, problem };
    if (page.length < pageSize) return { ok: true, checked };
  }
}

function fail(checked: number, seq: number, reason: string): AuditVerification {
  return { ok: false, checked, problem: { seq, reason: `Audit event ${seq}: ${reason}.` } };
}
