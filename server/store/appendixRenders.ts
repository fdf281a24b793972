/**
 * Rendered appendices: a register version's file in one format for one sign-off state, kept so it is rendered
 * once (server/services/appendixFiles.ts decides the state and renders). A cache of a pure function of rows
 * the store already keeps: a row is written once (a second writer of the same key leaves the first), never
 * changed, carries no audit event, and a row whose bytes do not match their digest is treated as absent.
 */
import { createHash } from 'node:crypto';
import type { StoreContext } from './storeContext.js';
import type { AppendixRenderKey, StoredAppendixRender } from './types.js';

const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export class AppendixRenders {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async get(key: AppendixRenderKey): Promise<StoredAppendixRender | null> {
    const row = await this.#ctx.db
      .selectFrom('appendix_renders')
      .selectAll()
      .where('register_version', '=', key.registerVersion)
      .where('format', '=', key.format)
      .where('state_key', '=', key.stateKey)
      .executeTakeFirst();
    if (!row) return null;
    const bytes = Buffer.from(row.bytes_base64, 'base64');
    if (digestOf(bytes) !== row.bytes_digest) return null;
    return { ...key, fileName: row.file_name, mediaType: row.media_type, bytes };
  }

  async put(render: StoredAppendixRender): Promise<void> {
    const ctx = this.#ctx;
    await ctx.writeAudited(async (trx) => {
      await trx
        .insertInto('appendix_renders')
        .values({
          register_version: render.registerVersion,
          format: render.format,
          state_key: render.stateKey,
          file_name: render.fileName,
          media_type: render.mediaType,
          bytes_base64: render.bytes.toString('base64'),
          bytes_digest: digestOf(render.bytes),
          rendered_at: ctx.now(),
        })
        .onConflict((oc) => oc.columns(['register_version', 'format', 'state_key']).doNothing())
        .execute();
      return { value: undefined, event: null };
    });
  }
}
