/**
 * SQLite through better-sqlite3: the database's files owner-only (privateDatabaseFiles.ts), WAL, every
 * acknowledged write on disk before it is acknowledged (see walSync.ts: synchronous=NORMAL plus an fdatasync
 * of the WAL off the event loop, which is as durable as synchronous=FULL for anything answered), foreign keys
 * on, and a busy timeout so another process's writer is waited for rather than failed.
 *
 * Speed without weakening that: prepared statements are kept and reused (Kysely would prepare every query
 * afresh), and writes that arrive while another is in progress are committed together (group commit): each
 * runs in its own savepoint inside one BEGIN IMMEDIATE ... COMMIT, so one fsync covers the group, a write
 * that fails rolls back only its own savepoint, and every caller is answered only after the COMMIT returned.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backend } from './backend.js';
import { makeDatabaseFilesPrivate } from './privateDatabaseFiles.js';
import { walSync, type WalSync } from './walSync.js';
import { FALLBACK_AUTOCHECKPOINT_PAGES, walCheckpointer, type WalCheckpointer } from './walCheckpointer.js';
import type { Database } from './schema.js';

export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** Most writes committed in one transaction. */
export const SQLITE_MAX_GROUP = 64;
/** Most prepared statements kept (the store uses a few dozen distinct ones). */
const STATEMENT_CACHE_SIZE = 256;

/** `warn` is told what does not stop the store: files tightened to owner-only, failed checkpoints. */
export function openSqlite(path: string, warn: (message: string) => void): Backend {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    mkdirSync(dirname(path), { recursive: true });
    makeDatabaseFilesPrivate(path, warn);
  }
  const database = new BetterSqlite3(path);
  try {
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!inMemory) {
      const mode = database.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`SQLite database ${path} could not switch to WAL mode (it is in ${mode})`);
    }
    // Durability of each write is walSync's fdatasync before the write is answered (walSync.ts argues why
    // this equals FULL for every acknowledged write); NORMAL keeps the fsync out of COMMIT, which would
    // otherwise block the event loop, and still syncs the WAL before and the database after each checkpoint.
    database.pragma(inMemory ? 'synchronous = FULL' : 'synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // Checkpoints run on walCheckpointer's thread; this connection checkpoints only if the WAL grows past it.
    if (!inMemory) database.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) });
  const wal = inMemory ? null : walSync(`${path}-wal`);
  const checkpointer = inMemory
    ? null
    : walCheckpointer(path, (message) => warn(`SQLite checkpoint of ${path}: ${message}`));
  const { write, stats } = groupCommit(database, db, path, wal, checkpointer);

  return {
    kind: 'sqlite',
    db,
    // Kysely's SQLite driver has one connection behind a mutex, which serialises writers in this process;
    // BEGIN IMMEDIATE takes the database's write lock up front, which serialises them across connections
    // (a deferred transaction that reads and then writes could fail with SQLITE_BUSY instead of waiting).
    write,
    poolStats: stats,
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
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
      await wal?.close();
    },
  };
}

interface QueuedWrite {
  fn: (trx: Kysely<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The statements of group commit, compiled once (a `sql` template is built and compiled again on each run). */
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const SAVEPOINT = CompiledQuery.raw('savepoint oda_write');
const RELEASE = CompiledQuery.raw('release oda_write');
const ROLLBACK_TO = CompiledQuery.raw('rollback to oda_write');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/**
 * Backend.write with group commit. The first write of a group waits one turn of the event loop, so that
 * requests already received can join it; the group then runs on the one connection in one transaction, each
 * write in its own savepoint (a failed write is rolled back alone and gets its own error), and all are
 * answered after COMMIT and after the WAL holding it is on disk (`wal.sync()`, off the event loop: the next
 * group may run meanwhile; a group is never answered before a sync that started after its COMMIT). If BEGIN or COMMIT fails, or a failure ends the whole transaction, every write of
 * the group fails and nothing of it is stored.
 */
function groupCommit(
  database: BetterSqlite3.Database,
  db: Kysely<Database>,
  path: string,
  wal: WalSync | null,
  checkpointer: WalCheckpointer | null,
): { write: Backend['write']; stats: Backend['poolStats'] } {
  const queue: QueuedWrite[] = [];
  let draining = false;

  async function runGroup(group: QueuedWrite[]): Promise<Outcome[]> {
    return db.connection().execute(async (conn) => {
      await beginImmediate(database, conn, path);
      const outcomes: Outcome[] = [];
      try {
        for (const item of group) {
          await conn.executeQuery(SAVEPOINT);
          try {
            const value = await item.fn(conn);
            await conn.executeQuery(RELEASE);
            outcomes.push({ ok: true, value });
          } catch (error) {
            // Some failures (disk full, I/O error) end the transaction itself: then the group is lost.
            if (!database.inTransaction) throw error;
            await conn.executeQuery(ROLLBACK_TO);
            await conn.executeQuery(RELEASE);
            outcomes.push({ ok: false, error });
          }
        }
        await conn.executeQuery(COMMIT);
        return outcomes;
      } catch (error) {
        if (database.inTransaction) await conn.executeQuery(ROLLBACK);
        throw error;
      }
    });
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const group = queue.splice(0, SQLITE_MAX_GROUP);
        let outcomes: Outcome[];
        try {
          outcomes = await runGroup(group);
        } catch (error) {
          for (const item of group) item.reject(error);
          continue;
        }
        checkpointer?.committed();
        const answer = () =>
          group.forEach((item, i) => {
            const outcome = outcomes[i]!;
            if (outcome.ok) item.resolve(outcome.value);
            else item.reject(outcome.error);
          });
        if (wal === null) answer();
        else {
          // Committed but not yet known to be on disk: nobody is answered until the WAL is synced. A failed
          // sync fails the group (as a crash would, the writes may or may not be there; none was answered).
          wal.sync().then(answer, (error: unknown) => {
            for (const item of group) item.reject(error);
          });
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    write: <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
        if (!draining) void drain();
      }),
    stats: () => ({ connections: 1, idle: draining ? 0 : 1, waiting: queue.length }),
  };
}

/**
 * better-sqlite3 as Kysely's driver sees it, with each statement prepared once and reused: Kysely runs one
 * statement at a time on its one connection and reads results in full, so a statement is never in use twice.
 */
function reusingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (statement === undefined) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = database.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * Waits for the write lock without blocking the event loop: better-sqlite3's busy timeout waits synchronously,
 * which would stall every other request (and deadlock two connections in one process), so this retries with
 * a short async back-off instead, up to SQLITE_BUSY_TIMEOUT_MS.
 */
async function beginImmediate(database: BetterSqlite3.Database, conn: Kysely<Database>, path: string): Promise<void> {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  // A pragma acts when it is prepared, so it cannot be a kept statement.
  database.pragma('busy_timeout = 0');
  try {
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      try {
        await conn.executeQuery(BEGIN_IMMEDIATE);
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
