/**
 * Versioned migrations, in code (no files to find at run time), one set for SQLite and PostgreSQL. Append new
 * migrations to MIGRATIONS with a name that sorts after the previous one; never edit one that has shipped.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { initial } from './001-initial.js';
import { registerCountColumns } from './002-register-counts.js';
import { auditDetailDigest } from './003-audit-detail.js';
import { signOffWithdrawal } from './005-sign-off-withdrawal.js';
import { appendixRenders } from './004-appendix-renders.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
  '002-register-counts': registerCountColumns,
  '003-audit-detail': auditDetailDigest,
  '004-appendix-renders': appendixRenders,
  '005-sign-off-withdrawal': signOffWithdrawal,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** Brings the schema up to date; does nothing when it already is. Throws when a migration fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${failed ?? ''} failed: ${reason}`.replace('  ', ' '), { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
