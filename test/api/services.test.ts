/** The service operations the API and CLI share, against a real SQLite store. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../server/store/createStore.js';
import type { Store } from '../../server/store/types.js';
import { DEMO_ACTOR, seedDemo } from '../../server/services/seedDemo.js';
import { consolidateNow, registerWithSignOffs, requireRegister } from '../../server/services/registers.js';
import { signOff } from '../../server/services/signOffs.js';
import { isGoverning } from '../../shared/catalogue.js';
import { submitTables } from '../../server/services/submissions.js';
import { NotPossible, ValidationFailed } from '../../server/services/errors.js';
import { toProblem } from '../../server/http/errorHandler.js';
import { goodRawTables, setCell } from '../helpers/rawTables.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import type { Catalogue } from '../../shared/types.js';

const EXAMPLES = path.resolve('examples');
let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-services-'));
  store = await createStore({ sqlitePath: path.join(dir, 'db.sqlite') });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const LIMITS = { jsonBodyLimit: 1024, uploadLimit: 1024 };

test('seedDemo loads the demo catalogue and every valid demo workbook, once', async () => {
  const first = await seedDemo({ store, examplesDir: EXAMPLES });
  expect(first.seeded).toBe(true);
  expect(first.rejected.map((r) => r.file)).toEqual(['eastvale-district-council.xlsx']);
  expect(first.rejected[0]!.issues.map((i) => i.code).sort()).toEqual([
    'commitment/end-before-start',
    'commitment/unit-mismatch',
    'data-sharing/condition-required',
  ]);
  expect(first.imported).toHaveLength(7);
  expect((await store.latestSubmissions()).map((s) => s.organisationId)).toEqual(
    first.imported.map((i) => i.organisationId).sort(),
  );
  const police = first.imported.find((i) => i.organisationId === 'northshire-police');
  expect(police?.warnings).toBe(1);

  const again = await seedDemo({ store, examplesDir: EXAMPLES });
  expect(again).toEqual({ seeded: false, imported: [], rejected: [] });
  expect((await store.getCatalogue())?.version).toBe(1);
  expect((await store.submissionHistory('northshire-police')).length).toBe(1);
});

/** The store, except that appending the `n`th submission throws as a process dying there would. */
function dyingAtSubmission(n: number): Store {
  let count = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'appendSubmission') {
        return (...args: Parameters<Store['appendSubmission']>) => {
          count += 1;
          if (count === n) return Promise.reject(new Error('process killed'));
          return target.appendSubmission(...args);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function demoVersions(): Promise<number[]> {
  const orgs = (await store.latestSubmissions()).map((s) => s.organisationId);
  return (await Promise.all(orgs.map((o) => store.submissionHistory(o)))).map((h) => h.length);
}

test('a seed that died half-way is finished by the next start, and then left alone', async () => {
  await expect(seedDemo({ store: dyingAtSubmission(3), examplesDir: EXAMPLES })).rejects.toThrow('process killed');
  const resumed = await seedDemo({ store, examplesDir: EXAMPLES });
  expect(resumed.seeded).toBe(true);
  expect(resumed.imported).toHaveLength(5);
  expect((await store.getCatalogue())?.version).toBe(1);
  expect(await demoVersions()).toEqual([1, 1, 1, 1, 1, 1, 1]);
  expect(await store.verifyAudit()).toMatchObject({ ok: true, checked: 8 });
  expect(await seedDemo({ store, examplesDir: EXAMPLES })).toEqual({ seeded: false, imported: [], rejected: [] });
});

test('a database left with only the demo catalogue by an earlier seed gets the demo workbooks', async () => {
  const catalogue = JSON.parse(await readFile(path.join(EXAMPLES, 'catalogue.json'), 'utf8')) as Catalogue;
  await store.putCatalogue(catalogue, { actor: DEMO_ACTOR, expectedVersion: null });
  const result = await seedDemo({ store, examplesDir: EXAMPLES });
  expect(result.imported).toHaveLength(7);
  expect((await store.getCatalogue())?.version).toBe(1);
});

test('a database with a catalogue of its own is never seeded', async () => {
  await store.putCatalogue(testCatalogue(), { actor: 'chair@x', expectedVersion: null });
  expect(await seedDemo({ store, examplesDir: EXAMPLES })).toEqual({ seeded: false, imported: [], rejected: [] });
  expect(await store.latestSubmissions()).toEqual([]);
});

test('two processes seeding at once store each demo workbook and the catalogue once', async () => {
  const other = await createStore({ sqlitePath: path.join(dir, 'db.sqlite') });
  try {
    const results = await Promise.all([
      seedDemo({ store, examplesDir: EXAMPLES }),
      seedDemo({ store: other, examplesDir: EXAMPLES }),
    ]);
    expect(results[0].imported.length + results[1].imported.length).toBe(7);
    expect((await store.getCatalogue())?.version).toBe(1);
    expect(await demoVersions()).toEqual([1, 1, 1, 1, 1, 1, 1]);
  } finally {
    await other.close();
  }
});

test('consolidating without a catalogue is refused as a 409 problem', async () => {
  const err = await consolidateNow({ store, actor: 'chair@x' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(NotPossible);
  expect(toProblem(err, LIMITS)?.status).toBe(409);
  expect(await store.latestRegister()).toBeNull();
});

test('submitTables stores the warnings, and refuses errors with every issue', async () => {
  const catalogue = testCatalogue();
  await store.putCatalogue(catalogue, { actor: 'setup', expectedVersion: null });
  const tables = setCell(goodRawTables(catalogue, LEEDS), 'Commitments', 1, 'Quantity', 'lots');
  const replaces = { kind: 'version', version: null } as const;
  const err = await submitTables({ store, catalogue, tables, actor: 'a@b', replaces, source: 'cli' }).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationFailed);
  expect((err as ValidationFailed).issues.map((i) => `${i.code} ${i.cell}`)).toEqual([
    expect.stringMatching(/^cell\/type [A-Z]+2$/),
  ]);
  expect(toProblem(err, LIMITS)).toMatchObject({ status: 422 });
  expect(await store.latestSubmission(LEEDS)).toBeNull();

  const { stored } = await submitTables({
    store,
    catalogue,
    tables: goodRawTables(catalogue, LEEDS),
    actor: 'a@b',
    replaces,
    source: 'cli',
    fileName: 'leeds.xlsx',
  });
  expect(stored).toMatchObject({ organisationId: LEEDS, version: 1, fileName: 'leeds.xlsx', source: 'cli' });
});

test('registerWithSignOffs: a register version (or the latest) with the sign-offs recorded of it; null when there is none', async () => {
  await seedDemo({ store, examplesDir: EXAMPLES });
  expect(await registerWithSignOffs(store, 'latest')).toBeNull();
  const first = await consolidateNow({ store, actor: DEMO_ACTOR });
  const governing = first.stored.register.organisations.find((o) => isGoverning(o.involvement))!;
  await signOff({
    store,
    registerVersion: 1,
    organisationId: governing.id,
    actor: { email: DEMO_ACTOR, role: 'pmg', organisationId: null },
  });
  await consolidateNow({ store, actor: DEMO_ACTOR, force: true });

  const one = await registerWithSignOffs(store, 1);
  expect(one?.stored.version).toBe(1);
  expect(one?.signOffs.map((s) => s.organisationId)).toEqual([governing.id]);
  const latest = await registerWithSignOffs(store, 'latest');
  expect(latest).toMatchObject({ stored: { version: 2 }, signOffs: [] });
  expect(await registerWithSignOffs(store, 3)).toBeNull();
  await expect(requireRegister(store, 3)).rejects.toThrow('There is no register version 3.');
});
