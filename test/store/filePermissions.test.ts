/**
 * The SQLite database's files are readable by their owner only (server/store/privateDatabaseFiles.ts), as the
 * development issuer's key files are: checked by stat-ing the files a real store made on disk.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createStore } from '../../server/store/createStore.js';
import { databaseFiles, makeDatabaseFilesPrivate } from '../../server/store/privateDatabaseFiles.js';
import type { Store } from '../../server/store/types.js';
import { testCatalogue } from '../helpers/catalogue.js';

const ACTOR = 'chair@oda.example.org';

let dir: string;
let warnings: string[];
/** Store options: the SQLite file at `path`, its warnings kept in `warnings`. */
const at = (path: string) => ({ sqlitePath: path, onWarning: (message: string) => warnings.push(message) });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oda-store-mode-'));
  warnings = [];
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function modes(path: string): Record<string, string> {
  return Object.fromEntries(
    databaseFiles(path).map((file) => [file, existsSync(file) ? (statSync(file).mode & 0o777).toString(8) : 'none']),
  );
}

function allOwnerOnly(path: string): Record<string, string> {
  return Object.fromEntries(databaseFiles(path).map((file) => [file, '600']));
}

/** A write, so that the WAL and the shared-memory index exist and hold something. */
async function write(store: Store): Promise<void> {
  const current = await store.getCatalogue();
  await store.putCatalogue(testCatalogue(), { actor: ACTOR, expectedVersion: current?.version ?? null });
}

test('a new database, its WAL and its shared-memory file are owner-only, in a data folder that did not exist', async () => {
  const path = join(dir, 'new', 'data', 'oda-register.db');
  const store = await createStore(at(path));
  try {
    await write(store);
    expect(modes(path)).toEqual(allOwnerOnly(path));
  } finally {
    await store.close();
  }
  // Closing removes the WAL; opening again makes a new one, owner-only too.
  const again = await createStore(at(path));
  try {
    await write(again);
    expect(modes(path)).toEqual(allOwnerOnly(path));
    expect((await again.getCatalogue())?.version).toBe(2);
  } finally {
    await again.close();
  }
  expect(warnings).toEqual([]);
});

test('an existing database whose files others can read is tightened, keeps its data, and a warning names each file', async () => {
  const path = join(dir, 'oda-register.db');
  const first = await createStore(at(path));
  await write(first);
  await first.close();
  // Another connection keeps a WAL and a shared-memory file in place, as a crashed process would leave them.
  const other = new BetterSqlite3(path);
  try {
    other.prepare('select count(*) from catalogue_versions').get();
    for (const file of databaseFiles(path)) chmodSync(file, 0o644);
    chmodSync(`${path}-shm`, 0o666);
    expect(modes(path)).toEqual({ [path]: '644', [`${path}-wal`]: '644', [`${path}-shm`]: '666' });

    const store = await createStore(at(path));
    try {
      expect(modes(path)).toEqual(allOwnerOnly(path));
      expect((await store.getCatalogue())?.version).toBe(1);
      await write(store);
      expect(modes(path)).toEqual(allOwnerOnly(path));
    } finally {
      await store.close();
    }
  } finally {
    other.close();
  }
  expect(warnings).toEqual([
    `${path} was readable by others (mode 0644); it is now owner-only (mode 0600).`,
    `${path}-wal was readable by others (mode 0644); it is now owner-only (mode 0600).`,
    `${path}-shm was readable by others (mode 0666); it is now owner-only (mode 0600).`,
  ]);
});

test("a folder in the database file's place keeps its permissions (SQLite, not this, refuses it)", () => {
  const path = join(dir, 'a-folder');
  mkdirSync(path);
  chmodSync(path, 0o755);
  makeDatabaseFilesPrivate(path, (message) => warnings.push(message));
  expect((statSync(path).mode & 0o777).toString(8)).toBe('755');
  expect(warnings).toEqual([]);
});
