/**
 * A governing partner may withdraw its sign-off of a register version: the row stays (its `signoff.create`
 * event still names it) and records who withdrew it and when, as its `signoff.withdraw` event does. A withdrawn
 * sign-off no longer counts; that partner signs the next register version.
 */
import type { Kysely, Migration } from 'kysely';

export const signOffWithdrawal: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('sign_offs').addColumn('withdrawn_by', 'text').execute();
    await db.schema.alterTable('sign_offs').addColumn('withdrawn_at', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('sign_offs').dropColumn('withdrawn_at').execute();
    await db.schema.alterTable('sign_offs').dropColumn('withdrawn_by').execute();
  },
};
