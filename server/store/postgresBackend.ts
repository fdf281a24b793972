/**
 * PostgreSQL through a pg pool. Every write transaction first takes one transaction-scoped advisory lock, so
 * writers from any number of service instances go one at a time and the audit chain never forks; unique
 * constraints stay the last line of defence.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Backend } from './backend.js';
import type { Database } from './schema.js';

/** Arbitrary, fixed: the advisory lock key all oda-register writers share. */
export const WRITE_LOCK_KEY = 4_205_117_301;

export function openPostgres(connectionString: string): Backend {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that would end the
  // process. The pool drops the client and the next query opens a new connection.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  return {
    kind: 'postgres',
    db,
    write: (fn) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx);
        return fn(trx);
      }),
    isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === '23505',
    poolStats: () => ({ connections: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    integrity: async () => {
      const result = await sql<{
        one: number;
        database: string;
      }>`select 1 as one, current_database() as database`.execute(db);
      const row = result.rows[0];
      const ok = row?.one === 1;
      return { ok, detail: ok ? `postgres ${row.database}: reachable` : 'postgres: select 1 returned nothing' };
    },
    close: () => db.destroy(),
  };
}
