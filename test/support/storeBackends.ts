/**
 * Databases for store tests: a fresh SQLite file in a temp folder, and (when TEST_DATABASE_URL is set) a fresh
 * PostgreSQL database created on that server and dropped afterwards. Each gives the options for createStore
 * and a raw SQL connection of its own, for tampering the way an attacker with database access would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { CreateStoreOptions } from '../../server/store/createStore.js';

export interface TestDatabase {
  options: CreateStoreOptions;
  /** Runs raw SQL on a connection of its own (no parameters: write literals). */
  raw(sqlText: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

export const sqliteBackend: TestBackend = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'oda-store-'));
    const path = join(dir, 'nested', 'oda-register.db');
    let conn: BetterSqlite3.Database | null = null;
    return {
      options: { sqlitePath: path },
      async raw(sqlText) {
        conn ??= new BetterSqlite3(path);
        const stmt = conn.prepare(sqlText);
        if (stmt.reader) return stmt.all() as Record<string, unknown>[];
        stmt.run();
        return [];
      },
      async drop() {
        conn?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export function postgresBackend(serverUrl: string): TestBackend {
  return {
    name: 'postgres',
    async create() {
      const name = `oda_store_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      let conn: pg.Client | null = null;
      return {
        options: { databaseUrl: url.toString() },
        async raw(sqlText) {
          if (!conn) {
            conn = new pg.Client({ connectionString: url.toString() });
            await conn.connect();
          }
          return (await conn.query(sqlText)).rows as Record<string, unknown>[];
        },
        async drop() {
          await conn?.end();
          const dropper = new pg.Client({ connectionString: serverUrl });
          await dropper.connect();
          try {
            await dropper.query(`drop database if exists ${name} with (force)`);
          } finally {
            await dropper.end();
          }
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (see .ci/start-postgres.sh). */
export function availableBackends(): TestBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [sqliteBackend, postgresBackend(url)] : [sqliteBackend];
}
