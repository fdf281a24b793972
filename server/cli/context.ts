/**
 * What every command needs: the store it names, the catalogue, and where it writes. The modules behind them
 * (the configuration's zod schemas, the store, the catalogue checks) load when a command first asks for them,
 * so `--help` and commands that need none of them start at once.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoreTarget } from '../config.js';
import type { Store } from '../store/types.js';
import type { Catalogue } from '../../shared/types.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/**
 * --db PATH or URL when given, else the service's own database (server/config.ts storeTargetOf): DATABASE_URL,
 * else SQLITE_PATH, else $DATA_DIR/oda-register.db. A DATABASE_URL the service would refuse is refused here too.
 */
export async function databaseTarget(opts: GlobalOptions, io: CliIo): Promise<StoreTarget> {
  const db = opts.db;
  if (db && /^postgres(ql)?:\/\//i.test(db)) return { databaseUrl: db };
  if (db) return { sqlitePath: path.resolve(io.cwd, db) };
  const { ConfigError, storeTargetOf } = await import('../config.js');
  try {
    return storeTargetOf(io.env, io.cwd);
  } catch (err) {
    if (err instanceof ConfigError) throw new UserError(err.problems.join('; '));
    throw err;
  }
}

export async function withStore<T>(opts: GlobalOptions, io: CliIo, work: (store: Store) => Promise<T>): Promise<T> {
  const target = await databaseTarget(opts, io);
  const { createStore } = await import('../store/createStore.js');
  let store: Store;
  try {
    store = await createStore(target);
  } catch (err) {
    const where = 'databaseUrl' in target ? 'the PostgreSQL database in DATABASE_URL' : target.sqlitePath;
    throw new UserError(`Cannot open ${where}: ${(err as Error).message}`);
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Reads and validates a catalogue JSON file given on the command line (a CatalogueFileError names the problems). */
export async function readCatalogueArgument(file: string, io: CliIo): Promise<Catalogue> {
  const { readCatalogueFile } = await import('../services/catalogueFile.js');
  return readCatalogueFile(path.resolve(io.cwd, file), file);
}

/** The catalogue from --catalogue FILE when given, else the store's. */
export async function catalogueFor(opts: GlobalOptions & { catalogue?: string }, io: CliIo): Promise<Catalogue> {
  if (opts.catalogue) return readCatalogueArgument(opts.catalogue, io);
  const { requireCatalogue } = await import('../services/catalogue.js');
  return withStore(opts, io, async (store) => (await requireCatalogue(store)).catalogue);
}

/** Who the CLI acts as in the audit trail. */
export function cliActor(io: CliIo): string {
  return `cli:${io.env.ODA_ACTOR ?? io.env.USER ?? io.env.USERNAME ?? os.userInfo().username}`;
}

/** Writes `data` to `file` (as given on the command line, relative to the working folder); returns the full path. */
export async function writeOutputFile(file: string, data: string | Uint8Array, io: CliIo): Promise<string> {
  const full = path.resolve(io.cwd, file);
  try {
    await writeFile(full, data);
  } catch (err) {
    throw new UserError(`Cannot write ${file}: ${(err as Error).message}`);
  }
  return full;
}
