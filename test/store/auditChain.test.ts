/**
 * verifyAuditChain (server/store/auditChain.ts) on its own: the first problem reported, chain or row, is the
 * same whatever the page size, and each event's row is checked once, in order.
 */
import { hashAuditEvent, verifyAuditChain, type AuditPageCheck } from '../../server/store/auditChain.js';
import type { AuditEvent, AuditVerification } from '../../server/store/types.js';

const COUNT = 40;

function chain(): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prevHash = '';
  for (let seq = 1; seq <= COUNT; seq += 1) {
    const unhashed = {
      seq,
      at: `2025-04-01T09:00:${String(seq).padStart(2, '0')}.000Z`,
      actor: 'chair@oda.example.org',
      action: 'catalogue.put',
      subject: 'catalogue',
      digestBefore: null,
      digestAfter: `sha256:${seq}`,
      detailDigest: null,
      prevHash,
    } as const;
    prevHash = hashAuditEvent(unhashed);
    events.push({ ...unhashed, hash: prevHash });
  }
  return events;
}

/** Rewrites event `seq` with its hash recomputed: the chain breaks at the next event's prevHash. */
function rewrite(events: AuditEvent[], seq: number): void {
  const i = events.findIndex((e) => e.seq === seq);
  const forged = { ...events[i]!, actor: 'mallory@example.org' };
  events[i] = { ...forged, hash: hashAuditEvent(forged) };
}

/** Verifies with every page size from 1 to past the end; the result must be one and the same. */
async function verifyAtEveryPageSize(events: AuditEvent[], badRows: number[]): Promise<AuditVerification> {
  const results: AuditVerification[] = [];
  for (let pageSize = 1; pageSize <= COUNT + 1; pageSize += 1) {
    const seen: number[] = [];
    const checkPage: AuditPageCheck = async (page) => {
      seen.push(...page.map((e) => e.seq));
      const bad = page.find((e) => badRows.includes(e.seq));
      return bad ? { seq: bad.seq, reason: `row ${bad.seq}` } : null;
    };
    const read = async (afterSeq: number, limit: number) => events.filter((e) => e.seq > afterSeq).slice(0, limit);
    results.push(await verifyAuditChain(read, pageSize, checkPage));
    // Each row checked once, in order.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
  }
  for (const result of results) expect(result).toEqual(results[0]);
  return results[0]!;
}

test('an intact chain with intact rows verifies', async () => {
  expect(await verifyAtEveryPageSize(chain(), [])).toEqual({ ok: true, checked: COUNT });
});

test('a row problem is found on any page, the last event included', async () => {
  expect(await verifyAtEveryPageSize(chain(), [30])).toMatchObject({ ok: false, checked: 29, problem: { seq: 30 } });
  expect(await verifyAtEveryPageSize(chain(), [COUNT])).toMatchObject({ checked: COUNT - 1, problem: { seq: COUNT } });
});

test('a row problem before an edited event is the one reported', async () => {
  const events = chain();
  events[24] = { ...events[24]!, actor: 'mallory@example.org' };
  const edited = await verifyAtEveryPageSize(events, []);
  expect(edited).toMatchObject({ ok: false, checked: 24, problem: { seq: 25 } });
  expect(edited.problem?.reason).toMatch(/the event was edited/);
  expect(await verifyAtEveryPageSize(events, [18])).toEqual({
    ok: false,
    checked: 17,
    problem: { seq: 18, reason: 'row 18' },
  });
  expect(await verifyAtEveryPageSize(events, [24])).toMatchObject({ checked: 23, problem: { seq: 24 } });
  expect(await verifyAtEveryPageSize(events, [26])).toMatchObject({ checked: 24, problem: { seq: 25 } });
});

test('a row problem before a gap is the one reported', async () => {
  const events = chain().filter((e) => e.seq !== 25);
  expect(await verifyAtEveryPageSize(events, [])).toMatchObject({ checked: 24, problem: { seq: 26 } });
  expect(await verifyAtEveryPageSize(events, [24])).toMatchObject({ checked: 23, problem: { seq: 24 } });
});

test('at a broken prevHash the event before it is not checked against its row, on any page', async () => {
  const events = chain();
  rewrite(events, 24);
  const broken = await verifyAtEveryPageSize(events, [24]);
  expect(broken).toMatchObject({ ok: false, checked: 24, problem: { seq: 25 } });
  expect(broken.problem?.reason).toMatch(/prevHash does not match the hash of event 24/);
  expect(await verifyAtEveryPageSize(events, [23, 24])).toMatchObject({ checked: 22, problem: { seq: 23 } });
});
