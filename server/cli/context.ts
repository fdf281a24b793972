/** What every command needs: the store it names, the catalogue, and where it writes. */
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../store/createStore.js';
import type { Store } from '../store/types.js';
import type { Catalogue } from '../../shared/types.js';
import { requireCatalogue } from '../services/catalogue.js';
import { CatalogueFileError, readCatalogueFile } from '../services/catalogueFile.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** --db PATH or URL, else DATABASE_URL, else $DATA_DIR/oda-register.db (the service's default database too). */
export function databaseTarget(opts: GlobalOptions, io: CliIo): { databaseUrl?: string; sqlitePath?: string } {
  const target = opts.db ?? io.env.DATABASE_URL;
  if (target && /^postgres(ql)?:\/\//i.test(target)) return { databaseUrl: target };
  if (target) return { sqlitePath: path.resolve(io.cwd, target) };
  return { sqlitePath: path.resolve(io.cwd, io.env.DATA_DIR ?? 'data', 'oda-register.db') };
}

export async function withStore<T>(opts: GlobalOptions, io: CliIo, work: (store: Store) => Promise<T>): Promise<T> {
  const target = databaseTarget(opts, io);
  let store: Store;
  try {
    store = await createStore(target);
  } catch (err) {
    const where = target.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : target.sqlitePath;
    throw new UserError(`Cannot open ${where}: ${(err as Error).message}`);
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Reads and validates a catalogue JSON file given on the command line. */
export async function readCatalogueArgument(file: string, io: CliIo): Promise<Catalogue> {
  try {
    return await readCatalogueFile(path.resolve(io.cwd, file), file);
  } catch (err) {
    if (err instanceof CatalogueFileError) throw new UserError(err.message);
    throw err;
  }
}

/** The catalogue from --catalogue FILE when given, else the store's. */
export async function catalogueFor(opts: GlobalOptions & { catalogue?: string }, io: CliIo): Promise<Catalogue> {
  if (opts.catalogue) return readCatalogueArgument(opts.catalogue, io);
  return withStore(opts, io, async (store) => (await requireCatalogue(store)).catalogue);
}

/** Who the CLI acts as in the audit trail. */
export function cliActor(io: CliIo): string {
  return `cli:${io.env.ODA_ACTOR ?? io.env.USER ?? io.env.USERNAME ?? os.userInfo().username}`;
}
