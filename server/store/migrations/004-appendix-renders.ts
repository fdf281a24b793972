/**
 * A register version's appendices as rendered, once per format and sign-off state (appendixRenders.ts), so a
 * hundred downloads of the same file render it once, and several service instances on one database share it.
 * The bytes are kept as base64 text: one column type on SQLite and PostgreSQL alike, as the other tables keep
 * their bodies as text.
 */
import type { Kysely, Migration } from 'kysely';

export const appendixRenders: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('appendix_renders')
      .addColumn('register_version', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('state_key', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('bytes_base64', 'text', (c) => c.notNull())
      .addColumn('bytes_digest', 'text', (c) => c.notNull())
      .addColumn('rendered_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('appendix_renders_pk', ['register_version', 'format', 'state_key'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('appendix_renders').execute();
  },
};
