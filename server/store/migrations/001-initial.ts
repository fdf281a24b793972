/** The first schema: catalogue versions, submissions, registers, sign-offs and the audit chain. */
import { sql, type Kysely, type Migration } from 'kysely';

export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('catalogue_versions')
      .addColumn('version', 'integer', (c) => c.primaryKey().check(sql`version >= 1`))
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('submissions')
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('warnings', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addPrimaryKeyConstraint('submissions_pk', ['organisation_id', 'version'])
      .execute();

    await db.schema
      .createTable('registers')
      .addColumn('version', 'integer', (c) => c.primaryKey().check(sql`version >= 1`))
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sign_offs')
      .addColumn('register_version', 'integer', (c) => c.notNull().references('registers.version'))
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('register_digest', 'text', (c) => c.notNull())
      .addColumn('signed_by', 'text', (c) => c.notNull())
      .addColumn('signed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sign_offs_pk', ['register_version', 'organisation_id'])
      .execute();

    await db.schema
      .createTable('audit_events')
      .addColumn('seq', 'integer', (c) => c.primaryKey().check(sql`seq >= 1`))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('digest_before', 'text')
      .addColumn('digest_after', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['audit_events', 'sign_offs', 'registers', 'submissions', 'catalogue_versions']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
