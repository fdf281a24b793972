/**
 * What every command needs: the store it names, the catalogue, and where it writes. The modules behind them
 * (the configuration's zod schemas, the store, the catalogue checks) load when a command first asks for them,
 * so `--help` and commands that need none of them start at once.
 */
import { existsSync, statSync } from 'node:fs';
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

/** A PostgreSQL URL with its password hidden, for messages. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** Why a database could not be opened, in words: a refused connection says where nothing answered. */
function openFailure(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  const refused = /connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND) (\S+)/.exec(message);
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ETIMEDOUT: 'timed out',
    EHOSTUNREACH: 'host unreachable',
    ENOTFOUND: 'no such host',
  };
  if (refused) return `nothing answers at ${refused[2]} (${words[refused[1]!] ?? refused[1]})`;
  const notFound = /getaddrinfo (ENOTFOUND|EAI_AGAIN) (\S+)/.exec(message);
  if (notFound) return `no host is called ${notFound[2]}`;
  return message.replace(/^Database migration failed: /, '');
}

/**
 * Opens the store the command names and runs `work` with it. `readOnly` commands (status, export, verify,
 * audit, and those that only read the catalogue) open an existing SQLite database or say, naming the path, that
 * there is none, and create nothing: no folder, no file.
 */
export async function withStore<T>(
  opts: GlobalOptions,
  io: CliIo,
  work: (store: Store) => Promise<T>,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<T> {
  const target = await databaseTarget(opts, io);
  if (readOnly && 'sqlitePath' in target && !existsSync(target.sqlitePath)) {
    const from = opts.db ? '--db' : io.env.SQLITE_PATH?.trim() ? 'SQLITE_PATH' : 'DATA_DIR';
    throw new UserError(
      `There is no database at ${target.sqlitePath} (from ${from}): check ${from}, or create one with \`oda-register init --catalogue <file>\`.`,
    );
  }
  const { createStore } = await import('../store/createStore.js');
  let store: Store;
  try {
    store = await createStore(target);
  } catch (err) {
    const where =
      'databaseUrl' in target
        ? `the PostgreSQL database ${opts.db ? `given by --db (${shownUrl(target.databaseUrl)})` : 'in DATABASE_URL'}`
        : target.sqlitePath;
    throw new UserError(`Cannot open ${where}: ${openFailure(err)}.`);
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
  return withStore(opts, io, async (store) => (await requireCatalogue(store)).catalogue, { readOnly: true });
}

/** Who the CLI acts as in the audit trail. */
export function cliActor(io: CliIo): string {
  return `cli:${io.env.ODA_ACTOR ?? io.env.USER ?? io.env.USERNAME ?? os.userInfo().username}`;
}

/**
 * Checks an --out file before any work is done (a usage mistake, exit 2): its folder must exist and it must not
 * be a folder itself. `example` is a file name to suggest inside a folder.
 */
export function checkOutputFile(file: string, io: CliIo, example: string): void {
  const full = path.resolve(io.cwd, file);
  const isFolder = statSync(full, { throwIfNoEntry: false })?.isDirectory() ?? false;
  if (isFolder || /[\\/]$/.test(file)) {
    throw new UserError(`--out ${file} is a folder: give a file name, such as ${path.join(file, example)}.`, 2);
  }
  const folder = path.dirname(full);
  if (!existsSync(folder)) {
    throw new UserError(
      `--out ${file}: the folder ${path.dirname(file)} does not exist; create it or choose another.`,
      2,
    );
  }
}

/** Writes `data` to `file` (as given on the command line, relative to the working folder); returns the full path. */
export async function writeOutputFile(file: string, data: string | Uint8Array, io: CliIo): Promise<string> {
  const full = path.resolve(io.cwd, file);
  try {
    await writeFile(full, data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the folder ${path.dirname(file)} does not exist`
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'this user may not write there'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : (err as Error).message;
    throw new UserError(`Cannot write ${file}: ${why}.`);
  }
  return full;
}
