/**
 * What every aggregate module of the store shares: the database, the clock, and the one way to write.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { AuditInput, AuditLog } from './audit.js';
import type { Backend } from './backend.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/**
 * What one write did: the value to answer with and the audit event of the row it stored, or `event: null`
 * when it stored nothing (an idempotent write that found its row there already).
 */
export interface Written<T> {
  value: T;
  event: AuditInput | null;
}

export class StoreContext {
  readonly backend: Backend;
  readonly db: Db;
  readonly #clock: Clock;
  readonly #audit: AuditLog;

  constructor(backend: Backend, clock: Clock, audit: AuditLog) {
    this.backend = backend;
    this.db = backend.db;
    this.#clock = clock;
    this.#audit = audit;
  }

  /** The time of a write, as stored. */
  now(): string {
    return this.#clock.now().toISOString();
  }

  /**
   * The only way the store writes: `write` runs in one transaction under the backend's write lock (group
   * commit on SQLite), using the executor it is given, and the audit event it returns is appended in that same
   * transaction, so a row and its event are stored together or not at all.
   */
  writeAudited<T>(write: (trx: Db) => Promise<Written<T>>): Promise<T> {
    return this.backend.write(async (trx) => {
      const { value, event } = await write(trx);
      if (event) await this.#audit.append(trx, event);
      return value;
    });
  }
}
