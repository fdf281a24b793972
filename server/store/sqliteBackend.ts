/**
 * SQLite through better-sqlite3: WAL, synchronous=FULL (a committed write survives a power cut), foreign
 * keys on, and a busy timeout so another process's writer is waited for rather than failed.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backend } from './backend.js';
import type { Database } from './schema.js';

export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function openSqlite(path: string): Backend {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  try {
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!inMemory) {
      const mode = database.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`SQLite database ${path} could not switch to WAL mode (it is in ${mode})`);
    }
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });

  return {
    kind: 'sqlite',
    db,
    // Kysely's SQLite driver has one connection behind a mutex, which serialises writers in this process;
    // BEGIN IMMEDIATE takes the database's write lock up front, which serialises them across connections
    // (a deferred transaction that reads and then writes could fail with SQLITE_BUSY instead of waiting).
    write: (fn) =>
      db.connection().execute(async (conn) => {
        await beginImmediate(database, conn, path);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          if (database.inTransaction) await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    isUniqueViolation: (error) => {
      const code = (error as { code?: unknown } | null)?.code;
      return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
    },
    integrity: async () => {
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      const messages = integrity.rows.map((r) => r.integrity_check);
      const foreignKeys = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(db);
      const broken = foreignKeys.rows.map((r) => `${r.table} row refers to a missing ${r.parent} row`);
      const ok = messages.length === 1 && messages[0] === 'ok' && broken.length === 0;
      return { ok, detail: ok ? `sqlite ${path}: integrity_check ok` : [...messages, ...broken].join('; ') };
    },
    close: () => db.destroy(),
  };
}

/**
 * Waits for the write lock without blocking the event loop: better-sqlite3's busy timeout waits synchronously,
 * which would stall every other request (and deadlock two connections in one process), so this retries with
 * a short async back-off instead, up to SQLITE_BUSY_TIMEOUT_MS.
 */
async function beginImmediate(database: BetterSqlite3.Database, conn: Kysely<Database>, path: string): Promise<void> {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  database.pragma('busy_timeout = 0');
  try {
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      try {
        await sql`begin immediate`.execute(conn);
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= deadline) {
          throw new Error(
            `SQLite database ${path} is busy: another connection has held its write lock for over ${SQLITE_BUSY_TIMEOUT_MS / 1000} s.`,
            { cause: error },
          );
        }
        await sleep(delay + Math.random() * delay);
      }
    }
  } finally {
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
