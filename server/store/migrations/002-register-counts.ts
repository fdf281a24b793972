/**
 * Counts of each register (organisations, submissions, errors, warnings) in columns, so that listing the
 * registers does not read their bodies. Rows already stored are filled in from their bodies, a page at a time.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { registerCounts } from '../registerCounts.js';

const COLUMNS = ['organisations_count', 'submissions_count', 'errors_count', 'warnings_count'] as const;
const PAGE = 50;

export const registerCountColumns: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const column of COLUMNS) {
      await db.schema.alterTable('registers').addColumn(column, 'integer').execute();
    }
    let after = 0;
    for (;;) {
      const { rows } = await sql<{ version: number; body: string }>`
        select version, body from registers where version > ${after} order by version limit ${PAGE}`.execute(db);
      for (const row of rows) {
        const c = registerCounts(JSON.parse(row.body) as Parameters<typeof registerCounts>[0]);
        await sql`update registers set organisations_count = ${c.organisations_count},
          submissions_count = ${c.submissions_count}, errors_count = ${c.errors_count},
          warnings_count = ${c.warnings_count} where version = ${row.version}`.execute(db);
        after = row.version;
      }
      if (rows.length < PAGE) return;
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const column of COLUMNS) await db.schema.alterTable('registers').dropColumn(column).execute();
  },
};
