/** The catalogue aggregate: the partnership's catalogue, versioned; the newest version is the one in force. */
import type { Catalogue } from '../../shared/types.js';
import { compiled } from './compiledQueries.js';
import { VersionConflictError } from './errors.js';
import { nativeDigestOf } from './nativeDigest.js';
import { toStoredCatalogue } from './rows.js';
import type { Database } from './schema.js';
import type { Db, StoreContext } from './storeContext.js';
import type { StoredCatalogue } from './types.js';
import { ifVersionTaken, versionConflict } from './versionTaken.js';

const SUBJECT = 'The catalogue';

/** The newest catalogue version as stored (parsed, not frozen), read with `db` (a transaction's, say). */
export async function readLatestCatalogue(db: Db): Promise<StoredCatalogue | null> {
  const row = await db
    .selectFrom('catalogue_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toStoredCatalogue(row) : null;
}

export class CatalogueVersions {
  readonly #ctx: StoreContext;
  /** The newest catalogue version read, parsed (see get). */
  #cached: StoredCatalogue | null = null;

  // Read by every submission: compiled once (compiledQueries.ts).
  readonly #head = compiled<Database, [], { version: number; digest: string }>(
    0,
    () => this.#ctx.db,
    (db) => db.selectFrom('catalogue_versions').select(['version', 'digest']).orderBy('version', 'desc').limit(1),
  );

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  /**
   * The current catalogue, parsed once per version: a cheap query for the newest version and digest (another
   * process may have put a new one), and the body read and parsed only when that changed. The catalogue
   * returned is frozen, as it is shared by every caller until the next version.
   */
  async get(): Promise<StoredCatalogue | null> {
    const { db } = this.#ctx;
    const [head] = await this.#head.run(db);
    if (!head) return null;
    const cached = this.#cached;
    if (cached && cached.version === head.version && cached.digest === head.digest) return cached;
    const row = await db
      .selectFrom('catalogue_versions')
      .selectAll()
      .where('version', '=', head.version)
      .executeTakeFirst();
    if (!row) return this.get();
    const stored = deepFreeze(toStoredCatalogue(row));
    this.#cached = stored;
    return stored;
  }

  async put(catalogue: Catalogue, opts: { actor: string; expectedVersion?: number | null }): Promise<StoredCatalogue> {
    const ctx = this.#ctx;
    // Worked out before the write lock is taken: only the head read, the time and the two inserts need it.
    const digest = nativeDigestOf(catalogue);
    const body = JSON.stringify(catalogue);
    return ifVersionTaken(
      ctx.backend,
      () =>
        ctx.writeAudited(async (trx) => {
          const [current] = await this.#head.run(trx);
          const currentVersion = current?.version ?? null;
          if (opts.expectedVersion !== undefined && opts.expectedVersion !== currentVersion) {
            throw new VersionConflictError(SUBJECT, opts.expectedVersion, currentVersion);
          }
          const at = ctx.now();
          const version = (currentVersion ?? 0) + 1;
          await trx
            .insertInto('catalogue_versions')
            .values({ version, digest, body, updated_by: opts.actor, updated_at: at })
            .execute();
          return {
            value: { version, digest, catalogue: JSON.parse(body) as Catalogue, updatedBy: opts.actor, updatedAt: at },
            event: {
              at,
              actor: opts.actor,
              action: 'catalogue.put',
              subject: { kind: 'catalogue' },
              digestBefore: current?.digest ?? null,
              digestAfter: digest,
            },
          };
        }),
      versionConflict(SUBJECT, opts.expectedVersion ?? null, async () => {
        const [current] = await this.#head.run(ctx.db);
        return current?.version ?? null;
      }),
    );
  }
}

/** Freezes a parsed JSON value and everything in it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
