/**
 * An audit event may carry a digest of the details its row holds beside its body (for a submission: its
 * warnings, source and file name), so that `audit verify` finds those edited too. Events written before this
 * migration have none, and their hashes are unchanged: a null detail is left out of the hashed event.
 */
import type { Kysely, Migration } from 'kysely';

export const auditDetailDigest: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('audit_events').addColumn('detail_digest', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('audit_events').dropColumn('detail_digest').execute();
  },
};
