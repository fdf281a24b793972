/**
 * The store against real databases: a SQLite file always, and PostgreSQL when TEST_DATABASE_URL is set
 * (eval "$(.ci/start-postgres.sh)"). Each test gets a fresh database.
 */
import { createStore } from '../../server/store/createStore.js';
import { NotFoundError, VersionConflictError } from '../../server/store/errors.js';
import { hashAuditEvent } from '../../server/store/auditChain.js';
import { MIGRATIONS } from '../../server/store/migrations/index.js';
import type { AuditAction, Store, StoredSubmission } from '../../server/store/types.js';
import type { Clock } from '../../server/clock.js';
import { canonicalJson, digestOf } from '../../shared/digest.js';
import { REGISTER_SCHEMA, type Catalogue, type Register, type Submission } from '../../shared/types.js';
import type { Issue } from '../../shared/issues.js';
import { rejection } from '../helpers/rejection.js';
import { availableBackends, type TestDatabase } from '../support/storeBackends.js';

const ACTOR = 'chair@oda.example.org';

const catalogue: Catalogue = {
  partnership: {
    id: 'northshire-oda',
    name: 'Northshire Office of Data Analytics',
    governanceModel: 'horizontal',
    mouStart: '2025-04-01',
    mouEnd: '2028-03-31',
  },
  organisations: [
    { id: 'city-police', name: 'City Police', sector: 'police', involvement: 'governance' },
    { id: 'health-trust', name: 'Health Trust', sector: 'health', involvement: 'data-provider' },
    {
      id: 'north-county-council',
      name: 'North County Council',
      sector: 'local-government',
      involvement: 'governance-and-funding',
    },
  ],
  activities: [{ id: 'data-sharing', name: 'Data sharing agreements' }],
  members: [{ email: ACTOR, role: 'pmg' }],
};

function submission(organisationId: string, contactName = 'Alex Morgan'): Submission {
  return {
    organisationId,
    about: {
      organisationId,
      organisationName: organisationId,
      sector: null,
      involvement: null,
      fundingTier: null,
      signatory: 'Sam Lee',
      signedOn: '2025-04-10',
    },
    contacts: [
      {
        name: contactName,
        jobTitle: 'Head of Insight',
        email: 'alex.morgan@example.org',
        phone: null,
        contactRole: 'point-of-contact',
        primary: true,
      },
    ],
    commitments: [
      {
        ref: 'C1',
        resourceType: 'analyst-time',
        description: 'Analyst time for the programme',
        quantity: 0.5,
        unit: 'fte',
        start: '2025-04-01',
        end: null,
        project: 'Core programme',
        status: 'agreed',
        notes: null,
      },
    ],
    roles: [],
    participation: [],
  };
}

const warning: Issue = {
  severity: 'warning',
  code: 'commitment/outside-mou-period',
  message: 'The commitment starts before the MoU period.',
  organisationId: 'north-county-council',
  sheet: 'Commitments',
  row: 2,
  cell: 'F2',
};

/** A small but honest register: the store does not care how consolidation works, only what it is given. */
function buildRegister(input: {
  version: number;
  catalogue: Catalogue;
  sources: StoredSubmission[];
  createdAt: string;
}): Register {
  const content = {
    schema: REGISTER_SCHEMA,
    partnership: input.catalogue.partnership,
    sources: input.sources.map((s) => ({
      organisationId: s.organisationId,
      submissionVersion: s.version,
      digest: s.digest,
    })),
    organisations: input.catalogue.organisations.map((o) => ({
      id: o.id,
      name: o.name,
      sector: o.sector,
      involvement: o.involvement,
      tier: o.tier ?? null,
      signatory: null,
      signedOn: null,
      stake: 0,
    })),
    contacts: input.sources.flatMap((s) =>
      s.submission.contacts.map((c) => ({ ...c, organisationId: s.organisationId })),
    ),
    commitments: [],
    roles: [],
    participation: [],
    totals: { byOrganisation: [] },
    issues: input.sources.flatMap((s) => s.warnings),
  } satisfies Omit<Register, 'version' | 'createdAt' | 'digest'>;
  return { ...content, version: input.version, createdAt: input.createdAt, digest: digestOf(content) };
}

/** Each call is one second later than the last, from 1 April 2025 09:00 UTC. */
function steppingClock(): Clock {
  let t = Date.parse('2025-04-01T09:00:00.000Z');
  return { now: () => new Date((t += 1000)) };
}

describe.each(availableBackends())('store on $name', (backend) => {
  let database: TestDatabase;
  let store: Store;
  const extraStores: Store[] = [];

  beforeEach(async () => {
    database = await backend.create();
    store = await createStore({ ...database.options, clock: steppingClock() });
  });

  afterEach(async () => {
    await store.close();
    for (const s of extraStores.splice(0)) await s.close();
    await database.drop();
  });

  async function openAnother(): Promise<Store> {
    const another = await createStore({ ...database.options, clock: steppingClock() });
    extraStores.push(another);
    return another;
  }

  async function append(organisationId: string, baseVersion: number | null, contactName?: string) {
    return store.appendSubmission({
      organisationId,
      baseVersion,
      submission: submission(organisationId, contactName),
      warnings: [],
      actor: `${organisationId}@example.org`,
      source: 'upload',
    });
  }

  it('reports its kind and passes its integrity check', async () => {
    expect(store.kind).toBe(backend.name);
    await append('city-police', null);
    const integrity = await store.checkIntegrity();
    expect(integrity.ok).toBe(true);
    expect(integrity.detail).toContain('1 submissions');
    expect(integrity.detail).toContain('1 audit events');
  });

  describe('submissions', () => {
    it('numbers versions per organisation and keeps what was submitted', async () => {
      const first = await store.appendSubmission({
        organisationId: 'north-county-council',
        baseVersion: null,
        submission: submission('north-county-council'),
        warnings: [warning],
        actor: 'lm@ncc.example.org',
        source: 'addin',
        fileName: 'ncc.xlsx',
      });
      expect(first).toMatchObject({
        organisationId: 'north-county-council',
        version: 1,
        digest: digestOf(submission('north-county-council')),
        submittedBy: 'lm@ncc.example.org',
        submittedAt: '2025-04-01T09:00:01.000Z',
        source: 'addin',
        fileName: 'ncc.xlsx',
      });
      const second = await append('north-county-council', 1, 'Jo Smith');
      const other = await append('city-police', null);
      expect([second.version, other.version]).toEqual([2, 1]);
      expect(second.fileName).toBeNull();

      const stored = await store.getSubmission('north-county-council', 1);
      expect(stored?.submission).toEqual(submission('north-county-council'));
      expect(stored?.warnings).toEqual([warning]);
      expect(stored?.digest).toBe(first.digest);
      expect((await store.latestSubmission('north-county-council'))?.submission.contacts[0]?.name).toBe('Jo Smith');
      expect(await store.getSubmission('north-county-council', 3)).toBeNull();
      expect(await store.latestSubmission('health-trust')).toBeNull();
    });

    it('works out the digest of canonical text itself: one offered by the caller is not taken', async () => {
      const canonical = canonicalJson(submission('city-police'));
      const stored = await store.appendSubmission({
        organisationId: 'city-police',
        baseVersion: null,
        canonical,
        warnings: [],
        actor: ACTOR,
        source: 'api',
        // What a caller could hand over before the store worked out every digest itself.
        ...({ digest: 'sha256:not-the-digest' } as object),
      });
      expect(stored.digest).toBe(digestOf(submission('city-police')));
      expect((await store.getSubmission('city-police', 1))?.digest).toBe(stored.digest);
    });

    it('refuses a write based on a stale version and stores nothing (the 412 case)', async () => {
      await append('north-county-council', null);
      await append('north-county-council', 1);

      const stale = await rejection(append('north-county-council', 1, 'Overwriter'));
      expect(stale).toBeInstanceOf(VersionConflictError);
      expect(stale).toMatchObject({ expected: 1, current: 2 });
      expect((stale as Error).message).toMatch(/north-county-council is at version 2, not 1/);

      const asIfNew = await rejection(append('north-county-council', null));
      expect(asIfNew).toMatchObject({ expected: null, current: 2 });
      const ahead = await rejection(append('health-trust', 4));
      expect(ahead).toMatchObject({ expected: 4, current: null });

      expect((await store.submissionHistory('north-county-council')).map((s) => s.version)).toEqual([2, 1]);
      expect(await store.latestSubmission('health-trust')).toBeNull();
      expect(await store.listAudit()).toHaveLength(2);
    });

    it('refuses a submission for another organisation than the one named, storing nothing', async () => {
      const error = await rejection(
        store.appendSubmission({
          organisationId: 'city-police',
          baseVersion: null,
          submission: submission('north-county-council'),
          warnings: [],
          actor: ACTOR,
          source: 'api',
        }),
      );
      expect((error as Error).message).toMatch(/for organisation "north-county-council", not "city-police"/);
      expect(await store.latestSubmissions()).toEqual([]);
      expect(await store.listAudit()).toEqual([]);
    });

    it('lists history newest first and the latest submission of every organisation in id order', async () => {
      await append('north-county-council', null, 'First');
      await append('city-police', null, 'Police one');
      await append('north-county-council', 1, 'Second');
      await append('north-county-council', 2, 'Third');
      await append('city-police', 1, 'Police two');

      const history = await store.submissionHistory('north-county-council');
      expect(history[0]).not.toHaveProperty('submission');
      const versions = await Promise.all(history.map((s) => store.getSubmission(s.organisationId, s.version)));
      expect(versions.map((s) => [s?.version, s?.submission.contacts[0]?.name])).toEqual([
        [3, 'Third'],
        [2, 'Second'],
        [1, 'First'],
      ]);
      expect(await store.submissionHistory('health-trust')).toEqual([]);

      const latest = await store.latestSubmissions();
      expect(latest.map((s) => [s.organisationId, s.version, s.submission.contacts[0]?.name])).toEqual([
        ['city-police', 2, 'Police two'],
        ['north-county-council', 3, 'Third'],
      ]);
    });

    it('turns a version taken by a writer outside the store into a conflict, waiting without blocking', async () => {
      await database.raw('begin');
      await database.raw(
        `insert into submissions (organisation_id, version, digest, body, warnings, submitted_by, submitted_at, source)
         values ('health-trust', 1, 'sha256:00', '{}', '[]', 'other-program', '2025-04-01T08:00:00.000Z', 'cli')`,
      );
      const pending = rejection(append('health-trust', null));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await database.raw('commit');
      const error = await pending;
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(error).toMatchObject({ expected: null, current: 1 });
      expect((await store.submissionHistory('health-trust')).map((s) => s.submittedBy)).toEqual(['other-program']);
    });

    it('lets exactly one of 20 concurrent writers on the same version win', async () => {
      await append('north-county-council', null);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => append('north-county-council', 1, `Writer ${i}`)),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const r of lost) expect(r.reason).toBeInstanceOf(VersionConflictError);

      const history = await store.submissionHistory('north-county-council');
      expect(history.map((s) => s.version)).toEqual([2, 1]);
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: 2 });
    });
  });

  describe('catalogue', () => {
    it('versions the catalogue and refuses a stale expectedVersion', async () => {
      expect(await store.getCatalogue()).toBeNull();
      const first = await store.putCatalogue(catalogue, { actor: ACTOR, expectedVersion: null });
      expect(first).toMatchObject({ version: 1, digest: digestOf(catalogue), updatedBy: ACTOR });

      const renamed = { ...catalogue, partnership: { ...catalogue.partnership, name: 'Northshire ODA' } };
      const second = await store.putCatalogue(renamed, { actor: ACTOR, expectedVersion: 1 });
      expect(second.version).toBe(2);

      const stale = await rejection(
        store.putCatalogue(catalogue, { actor: 'other@oda.example.org', expectedVersion: 1 }),
      );
      expect(stale).toBeInstanceOf(VersionConflictError);
      expect(stale).toMatchObject({ expected: 1, current: 2 });
      const asIfFirst = await rejection(store.putCatalogue(catalogue, { actor: ACTOR, expectedVersion: null }));
      expect(asIfFirst).toMatchObject({ expected: null, current: 2 });

      const current = await store.getCatalogue();
      expect(current?.version).toBe(2);
      expect(current?.catalogue.partnership.name).toBe('Northshire ODA');

      // Without expectedVersion the write is unconditional.
      expect((await store.putCatalogue(catalogue, { actor: ACTOR })).version).toBe(3);
      expect((await store.listAudit()).map((e) => [e.action, e.digestBefore, e.digestAfter])).toEqual([
        ['catalogue.put', null, digestOf(catalogue)],
        ['catalogue.put', digestOf(catalogue), digestOf(renamed)],
        ['catalogue.put', digestOf(renamed), digestOf(catalogue)],
      ]);
    });
    it('sees a catalogue another process put at once, and hands out one that cannot be changed by accident', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR, expectedVersion: null });
      const before = await store.getCatalogue();
      expect(before?.version).toBe(1);
      expect(Object.isFrozen(before?.catalogue.organisations[0])).toBe(true);
      expect(() => before!.catalogue.members.push({ email: 'x@y.org', role: 'viewer' })).toThrow(TypeError);

      const other = await openAnother();
      const renamed = { ...catalogue, partnership: { ...catalogue.partnership, name: 'Renamed elsewhere' } };
      await other.putCatalogue(renamed, { actor: ACTOR, expectedVersion: 1 });
      const after = await store.getCatalogue();
      expect(after).toMatchObject({ version: 2, digest: digestOf(renamed) });
      expect(after?.catalogue.partnership.name).toBe('Renamed elsewhere');
      expect((await store.getCatalogue())?.catalogue).toEqual(renamed);
    });
  });

  describe('writes at the same time', () => {
    it('commits concurrent writes to different organisations together, each with its own audit event', async () => {
      const organisations = ['north-county-council', 'city-police', 'health-trust'];
      await Promise.all(organisations.map((id) => append(id, null)));
      const results = await Promise.allSettled([
        ...organisations.map((id) => append(id, 1, `Second for ${id}`)),
        append('north-county-council', 5, 'Stale'),
        ...organisations.map((id) => append(id, 1, 'Too late')),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
      ]);
      for (const id of organisations) {
        const latest = await store.latestSubmission(id);
        expect(latest?.version).toBe(2);
        expect(latest?.submission.contacts[0]?.name).toBe(`Second for ${id}`);
        expect(await store.latestSubmissionVersion(id)).toBe(2);
      }
      expect(await store.latestSubmissionVersion('nobody')).toBeNull();
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: 6 });
    });
  });

  describe('registers', () => {
    it('refuses to consolidate before there is a catalogue', async () => {
      await append('city-police', null);
      const error = await rejection(store.createRegister(buildRegister, { actor: ACTOR }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toMatch(/no partnership catalogue/);
      expect(await store.latestRegister()).toBeNull();
    });

    it('builds numbered registers from the latest submissions and never changes one', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      await append('north-county-council', null, 'First');
      await append('north-county-council', 1, 'Second');
      await append('city-police', null);

      const seen: { version: number; sources: [string, number][] }[] = [];
      const first = await store.createRegister(
        (input) => {
          seen.push({ version: input.version, sources: input.sources.map((s) => [s.organisationId, s.version]) });
          return buildRegister(input);
        },
        { actor: ACTOR },
      );
      expect(seen).toEqual([
        {
          version: 1,
          sources: [
            ['city-police', 1],
            ['north-county-council', 2],
          ],
        },
      ]);
      expect(first).toMatchObject({ version: 1, createdBy: ACTOR, digest: first.register.digest });
      expect(first.register.contacts.map((c) => c.name)).toEqual(['Alex Morgan', 'Second']);

      await append('north-county-council', 2, 'Third');
      const second = await store.createRegister(buildRegister, { actor: ACTOR });
      expect(second.version).toBe(2);
      expect(second.register.contacts.map((c) => c.name)).toEqual(['Alex Morgan', 'Third']);
      expect(second.digest).not.toBe(first.digest);

      expect(await store.getRegister(1)).toEqual(first);
      expect(await store.latestRegister()).toEqual(second);
      expect((await store.listRegisters()).map((r) => r.version)).toEqual([2, 1]);
      expect(await store.getRegister(3)).toBeNull();

      const audit = (await store.listAudit()).filter((e) => e.action === 'register.create');
      expect(audit.map((e) => [e.subject, e.digestBefore, e.digestAfter])).toEqual([
        ['register:1', null, first.digest],
        ['register:2', first.digest, second.digest],
      ]);
    });

    it('lists registers with their counts without reading their bodies; rows older than the counts still list', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      await store.appendSubmission({
        organisationId: 'city-police',
        baseVersion: null,
        submission: submission('city-police'),
        warnings: [warning, warning],
        actor: ACTOR,
        source: 'api',
      });
      const first = await store.createRegister(buildRegister, { actor: ACTOR });
      const second = await store.createRegister(buildRegister, { actor: ACTOR });
      const expected = (r: typeof first) => ({
        version: r.version,
        digest: r.digest,
        createdBy: ACTOR,
        createdAt: r.createdAt,
        organisations: catalogue.organisations.length,
        submissions: 1,
        errors: 0,
        warnings: 2,
      });
      expect(await store.listRegisters()).toEqual([expected(second), expected(first)]);

      // The list does not read a body: even one that no longer parses.
      await database.raw(`update registers set body = 'not json' where version = 2`);
      // A row written before migration 002 (or by an older instance) has no counts: they come from its body.
      await database.raw(
        'update registers set organisations_count = null, submissions_count = null, errors_count = null, ' +
          'warnings_count = null where version = 1',
      );
      expect(await store.listRegisters()).toEqual([expected(second), expected(first)]);
    });

    it('migration 002 fills in the counts of registers stored before it', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      await append('city-police', null);
      const first = await store.createRegister(buildRegister, { actor: ACTOR });
      for (const column of ['organisations_count', 'submissions_count', 'errors_count', 'warnings_count']) {
        await database.raw(`alter table registers drop column ${column}`);
      }
      // As the database was before 002: the migrations after it not run either.
      await database.raw('alter table audit_events drop column detail_digest');
      await database.raw('drop table appendix_renders');
      await database.raw('alter table sign_offs drop column withdrawn_by');
      await database.raw('alter table sign_offs drop column withdrawn_at');
      await database.raw(`delete from kysely_migration where name <> '001-initial'`);
      await store.migrate();
      expect(
        await database.raw(
          'select organisations_count, submissions_count, errors_count, warnings_count from registers',
        ),
      ).toEqual([
        {
          organisations_count: catalogue.organisations.length,
          submissions_count: 1,
          errors_count: 0,
          warnings_count: 0,
        },
      ]);
      expect((await store.listRegisters())[0]).toMatchObject({ version: first.version, submissions: 1 });
    });

    it('stores nothing when building the register fails', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      const error = await rejection(
        store.createRegister(
          () => {
            throw new Error('consolidation failed');
          },
          { actor: ACTOR },
        ),
      );
      expect((error as Error).message).toBe('consolidation failed');
      expect(await store.listRegisters()).toEqual([]);
      expect(await store.listAudit()).toHaveLength(1);
      expect((await store.createRegister(buildRegister, { actor: ACTOR })).version).toBe(1);
    });

    it('gives concurrent consolidations distinct versions', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      await append('city-police', null);
      const registers = await Promise.all(
        Array.from({ length: 8 }, () => store.createRegister(buildRegister, { actor: ACTOR })),
      );
      expect(registers.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: 10 });
    });
  });

  describe('sign-offs', () => {
    it('records a sign-off once per register version and organisation', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      const register = await store.createRegister(buildRegister, { actor: ACTOR });

      const first = await store.addSignOff({ registerVersion: 1, organisationId: 'city-police', actor: 'cp@ex.org' });
      expect(first).toMatchObject({
        registerVersion: 1,
        organisationId: 'city-police',
        registerDigest: register.digest,
        signedBy: 'cp@ex.org',
      });
      const again = await store.addSignOff({ registerVersion: 1, organisationId: 'city-police', actor: 'x@ex.org' });
      expect(again).toEqual(first);
      const both = await Promise.all([
        store.addSignOff({ registerVersion: 1, organisationId: 'health-trust', actor: 'ht@ex.org' }),
        store.addSignOff({ registerVersion: 1, organisationId: 'health-trust', actor: 'ht@ex.org' }),
      ]);
      expect(both[0]).toEqual(both[1]);

      expect((await store.listSignOffs(1)).map((s) => s.organisationId)).toEqual(['city-police', 'health-trust']);
      expect(await store.listSignOffs(2)).toEqual([]);
      expect((await store.listAudit()).filter((e) => e.action === 'signoff.create')).toHaveLength(2);
    });

    it('refuses a sign-off for a missing register or an organisation that is not a partner', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      await store.createRegister(buildRegister, { actor: ACTOR });
      const missing = await rejection(
        store.addSignOff({ registerVersion: 7, organisationId: 'city-police', actor: ACTOR }),
      );
      expect(missing).toBeInstanceOf(NotFoundError);
      expect((missing as Error).message).toMatch(/Register version 7 does not exist/);
      const stranger = await rejection(
        store.addSignOff({ registerVersion: 1, organisationId: 'acme-ltd', actor: ACTOR }),
      );
      expect(stranger).toBeInstanceOf(NotFoundError);
      expect((stranger as Error).message).toMatch(/acme-ltd is not a partner in register version 1/);
      expect(await store.listSignOffs(1)).toEqual([]);
    });
  });

  describe('audit chain', () => {
    async function fourWrites(): Promise<void> {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      await append('north-county-council', null);
      await append('north-county-council', 1);
      await store.createRegister(buildRegister, { actor: ACTOR });
    }

    it('chains every write and pages through the events', async () => {
      await fourWrites();
      const events = await store.listAudit();
      expect(events.map((e) => [e.seq, e.action, e.subject])).toEqual([
        [1, 'catalogue.put', 'catalogue'],
        [2, 'submission.create', 'submission:north-county-council'],
        [3, 'submission.create', 'submission:north-county-council'],
        [4, 'register.create', 'register:1'],
      ]);
      expect(events[0]?.prevHash).toBe('');
      for (let i = 1; i < events.length; i += 1) expect(events[i]?.prevHash).toBe(events[i - 1]?.hash);
      expect(events[2]?.digestBefore).toBe(events[1]?.digestAfter);
      expect(events[1]?.at).toBe((await store.getSubmission('north-county-council', 1))?.submittedAt);

      expect((await store.listAudit({ afterSeq: 1, limit: 2 })).map((e) => e.seq)).toEqual([2, 3]);
      expect(await store.listAudit({ afterSeq: 4 })).toEqual([]);
      await expect(store.listAudit({ limit: 0 })).rejects.toThrow(/limit must be a whole number from 1 to 1000/);
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: 4 });
    });

    it('finds an edited event', async () => {
      await fourWrites();
      await database.raw(`update audit_events set actor = 'mallory@example.org' where seq = 2`);
      const result = await store.verifyAudit();
      expect(result).toMatchObject({ ok: false, checked: 1, problem: { seq: 2 } });
      expect(result.problem?.reason).toMatch(/edited/);
    });

    it('finds an event edited with its hash recomputed, at the next event', async () => {
      await fourWrites();
      const [event] = await store.listAudit({ afterSeq: 1, limit: 1 });
      const forged = { ...event!, actor: 'mallory@example.org' };
      await database.raw(
        `update audit_events set actor = 'mallory@example.org', hash = '${hashAuditEvent(forged)}' where seq = 2`,
      );
      const result = await store.verifyAudit();
      expect(result).toMatchObject({ ok: false, problem: { seq: 3 } });
      expect(result.problem?.reason).toMatch(/prevHash does not match the hash of event 2/);
    });

    it('finds a deleted event', async () => {
      await fourWrites();
      await database.raw('delete from audit_events where seq = 2');
      const result = await store.verifyAudit();
      expect(result).toMatchObject({ ok: false, checked: 1, problem: { seq: 3 } });
      expect(result.problem?.reason).toMatch(/event 2 is missing/);
    });

    it('finds events deleted from the end of the chain, even after later writes', async () => {
      await fourWrites();
      await database.raw('delete from audit_events where seq = 4');
      await append('city-police', null);
      const result = await store.verifyAudit();
      expect(result.ok).toBe(false);
      expect(result.problem?.reason).toMatch(/holds 5 writes but only 4 audit events/);
    });

    it('finds an inserted event', async () => {
      await fourWrites();
      const events = await store.listAudit();
      // Make room after event 2 and insert a well-formed event there.
      await database.raw('update audit_events set seq = seq + 1000 where seq >= 3');
      await database.raw('update audit_events set seq = seq - 999 where seq >= 1000');
      const forged = {
        seq: 3,
        at: '2025-04-01T09:00:02.500Z',
        actor: 'mallory@example.org',
        action: 'submission.create',
        subject: 'submission:city-police',
        digestBefore: null,
        digestAfter: 'sha256:00',
        detailDigest: null,
        prevHash: events[1]!.hash,
      } as const;
      await database.raw(
        `insert into audit_events (seq, at, actor, action, subject, digest_before, digest_after, prev_hash, hash)
         values (3, '${forged.at}', '${forged.actor}', '${forged.action}', '${forged.subject}', null,
                 '${forged.digestAfter}', '${forged.prevHash}', '${hashAuditEvent(forged)}')`,
      );
      const result = await store.verifyAudit();
      expect(result).toMatchObject({ ok: false, checked: 3, problem: { seq: 4 } });
      expect(result.problem?.reason).toMatch(/prevHash/);
    });

    /** Appends an event after the last, chained and hashed as the store would, as someone with database access could. */
    async function appendWellChained(fields: { action: AuditAction; subject: string; digestAfter: string | null }) {
      const last = (await store.listAudit()).at(-1)!;
      const forged = {
        seq: last.seq + 1,
        at: '2025-04-02T00:00:00.000Z',
        actor: 'mallory@example.org',
        digestBefore: null,
        detailDigest: null,
        prevHash: last.hash,
        ...fields,
      };
      const digestAfter = forged.digestAfter === null ? 'null' : `'${forged.digestAfter}'`;
      await database.raw(
        `insert into audit_events (seq, at, actor, action, subject, digest_before, digest_after, prev_hash, hash)
         values (${forged.seq}, '${forged.at}', '${forged.actor}', '${forged.action}', '${forged.subject}', null,
                 ${digestAfter}, '${forged.prevHash}', '${hashAuditEvent(forged)}')`,
      );
    }

    it('finds a well-chained event appended without a write', async () => {
      await fourWrites();
      await appendWellChained({ action: 'register.create', subject: 'register:2', digestAfter: null });
      const result = await store.verifyAudit();
      expect(result).toMatchObject({ ok: false, checked: 4, problem: { seq: 5 } });
      expect(result.problem?.reason).toMatch(/^register 2: its stored row is missing \(deleted\)/);
    });

    it('finds a well-chained event whose subject is not the kind of row its action writes', async () => {
      await fourWrites();
      const register = await store.latestRegister();
      await appendWellChained({ action: 'submission.create', subject: 'register:1', digestAfter: register!.digest });
      expect(await store.verifyAudit()).toEqual({
        ok: false,
        checked: 4,
        problem: { seq: 5, reason: 'Audit event 5: its subject "register:1" names no stored row.' },
      });
    });

    it('verifies a chain longer than one page', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      const events: string[] = [];
      const rows: string[] = [];
      let prevHash = (await store.listAudit())[0]!.hash;
      const digest = digestOf(catalogue);
      const body = JSON.stringify(catalogue).replace(/'/g, "''");
      // 2,100 catalogue versions written directly keep the test fast while crossing two page boundaries.
      for (let seq = 2; seq <= 2101; seq += 1) {
        const event = {
          seq,
          at: '2025-04-01T10:00:00.000Z',
          actor: ACTOR,
          action: 'catalogue.put',
          subject: 'catalogue',
          digestBefore: digest,
          digestAfter: digest,
          detailDigest: null,
          prevHash,
        } as const;
        prevHash = hashAuditEvent(event);
        events.push(
          `(${seq}, '${event.at}', '${ACTOR}', 'catalogue.put', 'catalogue', '${digest}', '${digest}', '${event.prevHash}', '${prevHash}')`,
        );
        rows.push(`(${seq}, '${digest}', '${body}', '${ACTOR}', '${event.at}')`);
      }
      await database.raw(
        `insert into audit_events (seq, at, actor, action, subject, digest_before, digest_after, prev_hash, hash) values ${events.join(',')}`,
      );
      await database.raw(
        `insert into catalogue_versions (version, digest, body, updated_by, updated_at) values ${rows.join(',')}`,
      );
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: 2101 });

      await database.raw("update catalogue_versions set updated_by = 'x' where version = 1800");
      expect((await store.verifyAudit()).problem).toMatchObject({ seq: 1800 });
      await database.raw("update audit_events set actor = 'x' where seq = 1500");
      expect((await store.verifyAudit()).problem).toMatchObject({ seq: 1500 });
    });

    describe('finds stored data edited after it was written', () => {
      async function signedRegister() {
        await fourWrites();
        await store.addSignOff({ registerVersion: 1, organisationId: 'city-police', actor: 'cp@example.org' });
        expect(await store.verifyAudit()).toEqual({ ok: true, checked: 5 });
      }

      it('a submission body', async () => {
        await signedRegister();
        await database.raw(
          `update submissions set body = replace(body, 'Alex Morgan', 'Mallory') where organisation_id = 'north-county-council' and version = 2`,
        );
        const result = await store.verifyAudit();
        expect(result).toMatchObject({ ok: false, checked: 2, problem: { seq: 3 } });
        expect(result.problem?.reason).toBe(
          'submission north-county-council v2: stored body does not match its digest (edited after it was written); see audit event 3.',
        );
      });

      it('a row before an edited event in the same page, reported at the row (the first problem)', async () => {
        await signedRegister();
        await database.raw("update audit_events set actor = 'mallory@example.org' where seq = 4");
        expect(await store.verifyAudit()).toMatchObject({ ok: false, checked: 3, problem: { seq: 4 } });
        await database.raw(`update submissions set submitted_by = 'mallory@example.org' where version = 1`);
        const result = await store.verifyAudit();
        expect(result).toMatchObject({ ok: false, checked: 1, problem: { seq: 2 } });
        expect(result.problem?.reason).toMatch(
          /^submission north-county-council v1: the author or time stored does not match its audit event/,
        );
      });

      it('a submission body with its digest recomputed', async () => {
        await signedRegister();
        const forged = submission('north-county-council', 'Mallory');
        await database.raw(
          `update submissions set body = '${JSON.stringify(forged)}', digest = '${digestOf(forged)}' where organisation_id = 'north-county-council' and version = 1`,
        );
        const result = await store.verifyAudit();
        expect(result.problem).toMatchObject({ seq: 2 });
        expect(result.problem?.reason).toMatch(
          /^submission north-county-council v1: its stored digest is not the one its audit event recorded/,
        );
      });

      it('the author of a submission', async () => {
        await signedRegister();
        await database.raw(`update submissions set submitted_by = 'mallory@example.org' where version = 1`);
        expect((await store.verifyAudit()).problem?.reason).toMatch(
          /^submission north-county-council v1: the author or time stored does not match its audit event/,
        );
      });

      it('the warnings, source or file name of a submission', async () => {
        await signedRegister();
        const warning = { severity: 'warning', code: 'about/name-mismatch', message: 'Invented afterwards.' };
        await database.raw(
          `update submissions set warnings = '${JSON.stringify([warning])}' where organisation_id = 'north-county-council' and version = 2`,
        );
        const reason =
          'submission north-county-council v2: its warnings, source or file name do not match its audit event (edited after it was written); see audit event 3.';
        expect((await store.verifyAudit()).problem).toEqual({ seq: 3, reason });
        await database.raw(`update submissions set warnings = '[]'`);
        expect(await store.verifyAudit()).toEqual({ ok: true, checked: 5 });
        await database.raw(`update submissions set source = 'addin' where version = 2`);
        expect((await store.verifyAudit()).problem).toEqual({ seq: 3, reason });
        await database.raw(`update submissions set source = 'upload', file_name = 'other.xlsx' where version = 2`);
        expect((await store.verifyAudit()).problem).toEqual({ seq: 3, reason });
      });

      it('but not the details of an event written before they were kept (its hash is as it was)', async () => {
        await store.putCatalogue(catalogue, { actor: ACTOR });
        await append('north-county-council', null);
        const event = (await store.listAudit()).at(-1)!;
        // The event as the store wrote it before migration 003: no detail digest, hashed without one.
        const legacy = { ...event, detailDigest: null };
        await database.raw(
          `update audit_events set detail_digest = null, hash = '${hashAuditEvent(legacy)}' where seq = ${event.seq}`,
        );
        await database.raw(`update submissions set source = 'addin'`);
        expect(await store.verifyAudit()).toEqual({ ok: true, checked: 2 });
      });

      it('a register body', async () => {
        await signedRegister();
        await database.raw(`update registers set body = replace(body, 'Alex Morgan', 'Mallory') where version = 1`);
        expect((await store.verifyAudit()).problem).toMatchObject({
          seq: 4,
          reason: expect.stringMatching(/^register 1: stored body does not match its digest/),
        });
      });

      it('a catalogue body', async () => {
        await signedRegister();
        await database.raw(`update catalogue_versions set body = replace(body, 'City Police', 'Mallory Police')`);
        expect((await store.verifyAudit()).problem).toMatchObject({
          seq: 1,
          reason: expect.stringMatching(/^catalogue v1: stored body does not match its digest/),
        });
      });

      it('the signer of a sign-off', async () => {
        await signedRegister();
        await database.raw(`update sign_offs set signed_by = 'mallory@example.org'`);
        expect((await store.verifyAudit()).problem).toMatchObject({
          seq: 5,
          reason: expect.stringMatching(
            /^sign-off of city-police for register 1: the signer or time stored does not match its audit event/,
          ),
        });
      });

      it('the organisation of a sign-off', async () => {
        await signedRegister();
        await database.raw(`update sign_offs set organisation_id = 'health-trust'`);
        expect((await store.verifyAudit()).problem?.reason).toMatch(
          /^sign-off of city-police for register 1: its stored row is missing \(deleted\)/,
        );
      });
    });
  });

  describe('persistence', () => {
    it('keeps everything when the database is opened again', async () => {
      await store.putCatalogue(catalogue, { actor: ACTOR });
      const sub = await append('north-county-council', null);
      const register = await store.createRegister(buildRegister, { actor: ACTOR });
      await store.addSignOff({ registerVersion: 1, organisationId: 'north-county-council', actor: ACTOR });
      await store.close();

      store = await createStore({ ...database.options, clock: steppingClock() });
      expect((await store.getCatalogue())?.catalogue).toEqual(catalogue);
      expect(await store.latestSubmission('north-county-council')).toEqual(sub);
      expect(await store.getRegister(1)).toEqual(register);
      expect(await store.listSignOffs(1)).toHaveLength(1);
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: 4 });
      expect((await append('north-county-council', 1)).version).toBe(2);
    });

    it('runs migrations once and is safe to migrate again', async () => {
      await append('city-police', null);
      await store.migrate();
      await store.migrate();
      const again = await openAnother();
      await again.migrate();
      const applied = await database.raw('select name from kysely_migration order by name');
      expect(applied.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort());
      expect((await again.latestSubmission('city-police'))?.version).toBe(1);
    });

    it('holds versions and the audit chain together across two store instances on one database', async () => {
      const other = await openAnother();
      await store.putCatalogue(catalogue, { actor: ACTOR });
      const organisations = ['city-police', 'health-trust', 'north-county-council'];
      const appends = await Promise.allSettled(
        organisations.flatMap((org) =>
          [store, other].flatMap((s) =>
            Array.from({ length: 6 }, () =>
              s.appendSubmission({
                organisationId: org,
                baseVersion: null,
                submission: submission(org),
                warnings: [],
                actor: ACTOR,
                source: 'api',
              }),
            ),
          ),
        ),
      );
      expect(appends.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const r of appends) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError);
      }

      const registers = await Promise.all(
        [store, other].flatMap((s) =>
          Array.from({ length: 4 }, () => s.createRegister(buildRegister, { actor: ACTOR })),
        ),
      );
      expect(registers.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      for (const r of registers) expect(r.register.sources).toHaveLength(3);

      for (const s of [store, other]) expect(await s.verifyAudit()).toEqual({ ok: true, checked: 12 });
      const seqs = (await store.listAudit({ limit: 1000 })).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });
  });

  if (backend.name === 'sqlite') {
    it('keeps the SQLite file in WAL mode, in a folder it creates', async () => {
      const rows = await database.raw('pragma journal_mode');
      expect(rows[0]?.journal_mode).toBe('wal');
      expect(database.options.sqlitePath).toMatch(/nested/);
    });
  }

  describe('rendered appendices', () => {
    const key = { registerVersion: 1, format: 'docx', stateKey: '2:0:abc' };
    const render = (text: string) => ({
      ...key,
      fileName: 'northshire-oda-register-v1-appendices.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: Buffer.from(text),
    });

    it('keeps a rendered file once per key, shared with another store on the same database, unaudited', async () => {
      expect(await store.getAppendixRender(key)).toBeNull();
      await store.putAppendixRender(render('first \u0000 bytes'));
      // A second writer of the same key (another instance that rendered at the same time) leaves the first.
      await (await openAnother()).putAppendixRender(render('second'));
      const kept = await (await openAnother()).getAppendixRender(key);
      expect(kept).toEqual(render('first \u0000 bytes'));
      expect(await store.getAppendixRender({ ...key, stateKey: '2:1:def' })).toBeNull();
      expect(await store.getAppendixRender({ ...key, format: 'xlsx' })).toBeNull();
      expect(await store.listAudit()).toEqual([]);
      expect(await store.verifyAudit()).toMatchObject({ ok: true });
    });
  });
});

describe('createStore', () => {
  it('refuses a DATABASE_URL that is not PostgreSQL, naming the scheme', async () => {
    await expect(createStore({ databaseUrl: 'mysql://user@db/oda' })).rejects.toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL \(got "mysql:\.\.\."\)/,
    );
  });

  it('opens a throw-away in-memory SQLite store', async () => {
    const store = await createStore({ sqlitePath: ':memory:' });
    try {
      expect(store.kind).toBe('sqlite');
      expect((await store.checkIntegrity()).ok).toBe(true);
    } finally {
      await store.close();
    }
  });
});
