/**
 * Opens the store: PostgreSQL when `databaseUrl` is a postgres:// (or postgresql://) URL, otherwise the SQLite
 * file at `sqlitePath` (default ./data/oda-register.db, folder created; ":memory:" for throw-away stores).
 * Brings the schema up to date unless `migrate: false`.
 */
import { systemClock, type Clock } from '../clock.js';
import type { Backend } from './backend.js';
import { KyselyStore } from './kyselyStore.js';
import type { Store } from './types.js';

export const DEFAULT_SQLITE_PATH = './data/oda-register.db';

export interface CreateStoreOptions {
  databaseUrl?: string;
  sqlitePath?: string;
  clock?: Clock;
  /** Run the migrations on open (default true); they do nothing when the schema is up to date. */
  migrate?: boolean;
  /**
   * Told what an operator should know but that does not stop the store: a database file tightened to
   * owner-only, a failed WAL checkpoint (SQLite). Default: process.emitWarning.
   */
  onWarning?: (message: string) => void;
}

export async function createStore(opts: CreateStoreOptions = {}): Promise<Store> {
  const backend = await openBackend(opts);
  const store = new KyselyStore(backend, opts.clock ?? systemClock);
  if (opts.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

/** Each backend's driver is loaded only when used: loading pg took about 0.1 s of every SQLite CLI start here. */
async function openBackend(opts: CreateStoreOptions): Promise<Backend> {
  const url = opts.databaseUrl?.trim();
  if (url) {
    if (/^postgres(ql)?:\/\//i.test(url)) return (await import('./postgresBackend.js')).openPostgres(url);
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? url.slice(0, 12);
    throw new Error(
      `DATABASE_URL must be a postgres:// URL (got "${scheme}..."); leave it unset to use the SQLite file instead.`,
    );
  }
  return (await import('./sqliteBackend.js')).openSqlite(
    opts.sqlitePath ?? DEFAULT_SQLITE_PATH,
    opts.onWarning ?? ((message) => process.emitWarning(message)),
  );
}
