/** How many rows each table holds: the integrity report lists them, and audit verification compares them. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface RowCounts {
  catalogues: number;
  submissions: number;
  registers: number;
  signOffs: number;
  /** Sign-offs withdrawn (each withdrawal is a write of its own, with its own audit event). */
  signOffWithdrawals: number;
  audit: number;
}

/** Row counts of every table, read in one statement so they describe one moment. */
export async function countRows(db: Kysely<Database>): Promise<RowCounts> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('catalogue_versions').select(eb.fn.countAll().as('n')).as('catalogues'),
      eb.selectFrom('submissions').select(eb.fn.countAll().as('n')).as('submissions'),
      eb.selectFrom('registers').select(eb.fn.countAll().as('n')).as('registers'),
      eb.selectFrom('sign_offs').select(eb.fn.countAll().as('n')).as('sign_offs'),
      eb
        .selectFrom('sign_offs')
        .select(eb.fn.countAll().as('n'))
        .where('withdrawn_at', 'is not', null)
        .as('sign_off_withdrawals'),
      eb.selectFrom('audit_events').select(eb.fn.countAll().as('n')).as('audit'),
    ])
    .executeTakeFirstOrThrow();
  return {
    catalogues: Number(row.catalogues),
    submissions: Number(row.submissions),
    registers: Number(row.registers),
    signOffs: Number(row.sign_offs),
    signOffWithdrawals: Number(row.sign_off_withdrawals),
    audit: Number(row.audit),
  };
}
