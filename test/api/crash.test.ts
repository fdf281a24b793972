/**
 * Crash safety (issue 3): the real service process (server/main.ts via tsx, SQLite, dev auth) receives a
 * stream of submissions from several line managers in parallel and is killed with SIGKILL after a seeded
 * number of 201 answers, with requests still in flight. Restarted on the same data folder, it still holds
 * every acknowledged submission (same version and digest), each organisation's versions have no holes, the
 * database passes its integrity check and the audit chain verifies.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateDevIssuer } from '../../server/auth/devIssuer.js';
import { memberLookup } from '../../server/services/members.js';
import { createStore } from '../../server/store/createStore.js';
import { LEEDS, POLICE, UNIVERSITY, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, setCell } from '../helpers/rawTables.js';
import { startService, type Service } from '../helpers/service.js';
import { jsonTables, MEMBERS } from '../helpers/testApp.js';

/** The seed of the kill point; change it to explore another interleaving. */
const SEED = 20250401;
/** Each writer sends at most this many submissions (the kill comes long before). */
const MAX_PER_WRITER = 60;

const WRITERS = [
  { organisationId: LEEDS, email: MEMBERS.leeds },
  { organisationId: POLICE, email: MEMBERS.police },
  { organisationId: UNIVERSITY, email: MEMBERS.university },
] as const;

/** mulberry32: a small seeded generator, so the kill point is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid workbook whose first commitment says which write it was, so every version has its own digest. */
function tablesFor(organisationId: string, n: number) {
  const tables = goodRawTables(testCatalogue(), organisationId);
  setCell(tables, 'Commitments', 1, 'Description', `Data analyst for the partnership (write ${n})`);
  return jsonTables(tables);
}

/** The service on loopback with dev auth, no rate limit and no add-in, HOME in the test's temp folder. */
function serviceOptions(dataDir: string) {
  return {
    home: dir,
    dataDir,
    env: { HOST: '127.0.0.1', AUTH_MODE: 'dev', RATE_LIMIT_WRITES: '0', ADDIN_DIR: path.join(dir, 'no-addin') },
  };
}

interface Acknowledged {
  organisationId: string;
  version: number;
  digest: string;
  etag: string | null;
}

let dir: string;
let running: Service | null = null;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-crash-'));
});
afterEach(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  running = null;
  await rm(dir, { recursive: true, force: true });
});

test('SIGKILL in the middle of a stream of submissions loses nothing that was answered 201', async () => {
  const dataDir = path.join(dir, 'data');
  const sqlitePath = path.join(dataDir, 'oda-register.db');

  // The test partnership instead of the demo (the service seeds only an empty database), and tokens from
  // the same development issuer the service will load from the data folder.
  const setup = await createStore({ sqlitePath });
  await setup.putCatalogue(testCatalogue(), { actor: 'setup@test', expectedVersion: null });
  const issuer = await loadOrCreateDevIssuer(dataDir);
  const lookupMember = memberLookup(setup);
  const tokens = new Map<string, string>();
  for (const email of [...WRITERS.map((w) => w.email), MEMBERS.pmg]) {
    tokens.set(email, await issuer.mint({ email, lookupMember }));
  }
  await setup.close();

  const random = seeded(SEED);
  const killAfter = 12 + Math.floor(random() * 24); // 12..35 acknowledged submissions
  const acknowledged: Acknowledged[] = [];
  /** Organisations whose last request got no answer: that write may or may not have been stored. */
  const unanswered = new Set<string>();
  let inFlight = 0;
  let inFlightAtKill = -1;

  const first = await startService(serviceOptions(dataDir));
  running = first;

  async function writer(organisationId: string, email: string): Promise<void> {
    let version: number | null = null;
    for (let n = 1; n <= MAX_PER_WRITER && inFlightAtKill < 0; n++) {
      inFlight++;
      let res: Response;
      try {
        res = await fetch(`${first.base}/organisations/${organisationId}/submission`, {
          method: 'PUT',
          headers: {
            Authorization: `Bearer ${tokens.get(email)}`,
            'Content-Type': 'application/json',
            ...(version === null ? {} : { 'If-Match': `"${version}"` }),
          },
          body: JSON.stringify({ tables: tablesFor(organisationId, n) }),
        });
      } catch {
        // The process died under this request.
        inFlight--;
        unanswered.add(organisationId);
        return;
      }
      if (res.status !== 201) throw new Error(`${organisationId} write ${n}: ${res.status} ${await res.text()}`);
      let body: { version: number; digest: string };
      try {
        body = (await res.json()) as { version: number; digest: string };
      } catch {
        // The answer was cut off by the kill: not an acknowledgement.
        inFlight--;
        unanswered.add(organisationId);
        return;
      }
      inFlight--;
      acknowledged.push({ organisationId, version: body.version, digest: body.digest, etag: res.headers.get('etag') });
      version = body.version;
      if (acknowledged.length === killAfter && inFlightAtKill < 0) {
        inFlightAtKill = inFlight;
        first.child.kill('SIGKILL');
      }
    }
  }

  await Promise.all(WRITERS.map((w) => writer(w.organisationId, w.email)));
  const death = await first.exited;
  expect(death.signal).toBe('SIGKILL');
  // Answers already on their way when the kill landed (a group commit answers several at once) count too.
  expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
  // The other writers were waiting for answers when the process died.
  expect(inFlightAtKill).toBeGreaterThan(0);
  for (const a of acknowledged) expect(a.etag).toBe(`"${a.version}"`);

  // Restart on the same data folder.
  const second = await startService(serviceOptions(dataDir));
  running = second;
  const pmg = { Authorization: `Bearer ${tokens.get(MEMBERS.pmg)}` };

  for (const a of acknowledged) {
    const res = await fetch(`${second.base}/organisations/${a.organisationId}/submissions/${a.version}`, {
      headers: pmg,
    });
    expect({ ...a, status: res.status }).toEqual({ ...a, status: 200 });
    const body = (await res.json()) as { version: number; digest: string };
    expect({ organisationId: a.organisationId, version: body.version, digest: body.digest }).toEqual({
      organisationId: a.organisationId,
      version: a.version,
      digest: a.digest,
    });
  }

  for (const { organisationId } of WRITERS) {
    const res = await fetch(`${second.base}/organisations/${organisationId}/submissions`, { headers: pmg });
    expect(res.status).toBe(200);
    const versions = ((await res.json()) as { versions: { version: number }[] }).versions.map((v) => v.version);
    const acked = acknowledged.filter((a) => a.organisationId === organisationId).map((a) => a.version);
    const highestAcked = acked.length ? Math.max(...acked) : 0;
    // No holes: newest first, n..1.
    expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => versions.length - i));
    // At most the one unanswered write beyond what was acknowledged.
    expect(versions.length).toBeGreaterThanOrEqual(highestAcked);
    expect(versions.length).toBeLessThanOrEqual(highestAcked + (unanswered.has(organisationId) ? 1 : 0));
  }

  const verify = await fetch(`${second.base}/audit/verify`, { headers: pmg });
  expect(verify.status).toBe(200);
  expect(await verify.json()).toMatchObject({ ok: true });

  // The restarted service carries on from the last stored version.
  const leedsAcked = acknowledged.filter((a) => a.organisationId === LEEDS);
  const current = await fetch(`${second.base}/organisations/${LEEDS}/submission`, { headers: pmg });
  const etag = current.status === 200 ? current.headers.get('etag') : null;
  expect(etag === null ? 0 : Number(etag.replace(/"/g, ''))).toBeGreaterThanOrEqual(
    leedsAcked.length ? Math.max(...leedsAcked.map((a) => a.version)) : 0,
  );
  const next = await fetch(`${second.base}/organisations/${LEEDS}/submission`, {
    method: 'PUT',
    headers: { ...pmg, 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : {}) },
    body: JSON.stringify({ tables: tablesFor(LEEDS, 1000) }),
  });
  expect(next.status).toBe(201);

  second.child.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
  running = null;

  const store = await createStore({ sqlitePath });
  try {
    expect(await store.checkIntegrity()).toMatchObject({ ok: true });
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
    const events = await store.listAudit({ limit: 1000 });
    const stored = (await Promise.all(WRITERS.map((w) => store.submissionHistory(w.organisationId)))).flat();
    // One audit event per stored submission (the restart's extra write included), none missing or extra.
    expect(events.filter((e) => e.action === 'submission.create')).toHaveLength(stored.length);
    expect(stored.length).toBeGreaterThanOrEqual(killAfter + 1);
  } finally {
    await store.close();
  }
}, 90_000);
