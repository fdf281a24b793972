/** What differs between SQLite and PostgreSQL under the one store implementation. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * PostgreSQL: the pg pool's connections (open, idle) and the queries waiting for one. SQLite: its one
 * connection, idle when no write group is being committed, and the writes waiting to join the next group.
 */
export interface DatabasePoolStats {
  connections: number;
  idle: number;
  waiting: number;
}

export interface Backend {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /**
   * Runs `fn` in a transaction that holds the store's write lock, so writers (and the audit chain they
   * extend) go one at a time, across processes too. `fn` must use the executor it is given, not `db`.
   */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Whether an error is a unique or primary key violation. */
  isUniqueViolation(error: unknown): boolean;
  /** The connections and the work waiting for one, for the metrics (see DatabasePoolStats). */
  poolStats(): DatabasePoolStats;
  /** The database's own check, e.g. PRAGMA integrity_check. */
  integrity(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}
