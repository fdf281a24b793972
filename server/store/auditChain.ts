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

/** Checks the stored rows of events already verified as a chain, given in order; the first problem, or null. */
export type AuditPageCheck = (events: readonly AuditEvent[]) => Promise<{ seq: number; reason: string } | null>;

/**
 * Recomputes the whole chain from the first event and reports the first event found wrong: a gap in the
 * sequence (an event deleted), a prevHash that does not match the event before (inserted, removed or
 * reordered), or a hash that does not match the content (edited). `checkPage`, when given, also checks the
 * events against what they describe (the stored rows), and a row problem at an event before the chain's first
 * problem is the one reported, whatever the page size.
 *
 * An event's row is checked once the next event names its hash (or it is the last event), so the last event of
 * a page waits for the next page. When event i's prevHash does not match, event i-1 is most likely the one
 * rewritten or inserted: its row is not checked and the break at i is reported. Before a gap or an edited
 * event, every event is checked.
 */
export async function verifyAuditChain(
  readPage: AuditPageReader,
  pageSize = 1000,
  checkPage?: AuditPageCheck,
): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = '';
  let checked = 0;
  /** Events verified as a chain whose rows are not yet checked (at most a page and one). */
  let unchecked: AuditEvent[] = [];
  const checkRows = async (events: readonly AuditEvent[]): Promise<AuditVerification | null> => {
    const problem = checkPage && events.length > 0 ? await checkPage(events) : null;
    return problem ? { ok: false, checked: problem.seq - 1, problem } : null;
  };
  const chainFails = async (vouched: readonly AuditEvent[], seq: number, reason: string): Promise<AuditVerification> =>
    (await checkRows(vouched)) ?? fail(checked, seq, reason);
  for (;;) {
    const page = await readPage(expectedSeq - 1, pageSize);
    for (const event of page) {
      if (event.seq !== expectedSeq) {
        const missing =
          event.seq === expectedSeq + 1 ? `event ${expectedSeq} is` : `events ${expectedSeq} to ${event.seq - 1} are`;
        return chainFails(unchecked, event.seq, `${missing} missing before it: the chain was cut (events deleted)`);
      }
      if (event.prevHash !== prevHash) {
        const before = expectedSeq === 1 ? 'the start of the chain' : `the hash of event ${expectedSeq - 1}`;
        return chainFails(
          unchecked.slice(0, -1),
          event.seq,
          `its prevHash does not match ${before}: an event was inserted, removed or rewritten before it`,
        );
      }
      if (hashAuditEvent(event) !== event.hash) {
        return chainFails(unchecked, event.seq, 'its content does not match its hash: the event was edited');
      }
      unchecked.push(event);
      prevHash = event.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.length < pageSize) return (await checkRows(unchecked)) ?? { ok: true, checked };
    const last = unchecked.pop();
    const problem = await checkRows(unchecked);
    if (problem) return problem;
    unchecked = last ? [last] : [];
  }
}

function fail(checked: number, seq: number, reason: string): AuditVerification {
  return { ok: false, checked, problem: { seq, reason: `Audit event ${seq}: ${reason}.` } };
}
