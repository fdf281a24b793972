/** The registers aggregate: consolidated register versions, immutable once created, numbered 1, 2, ... */
import { sql } from 'kysely';
import { readLatestCatalogue } from './catalogue.js';
import { NotFoundError } from './errors.js';
import { registerCounts } from './registerCounts.js';
import { toRegisterSummary, toStoredRegister } from './rows.js';
import type { Db, StoreContext, Written } from './storeContext.js';
import { readLatestSubmissions } from './submissions.js';
import type { RegisterBuilder, RegisterSummary, StoredRegister } from './types.js';
import { ifVersionTaken } from './versionTaken.js';

/** How often createRegister tries when another writer took its version number first. */
export const REGISTER_VERSION_ATTEMPTS = 5;

export class Registers {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  /** Builds and stores the next version; tried again (up to REGISTER_VERSION_ATTEMPTS) if its number is taken. */
  create(build: RegisterBuilder, opts: { actor: string }): Promise<StoredRegister> {
    return this.#create(build, opts.actor, 1);
  }

  #create(build: RegisterBuilder, actor: string, attempt: number): Promise<StoredRegister> {
    return ifVersionTaken(
      this.#ctx.backend,
      () => this.#ctx.writeAudited((trx) => this.#build(trx, build, actor)),
      (error) =>
        attempt >= REGISTER_VERSION_ATTEMPTS ? Promise.reject(error) : this.#create(build, actor, attempt + 1),
    );
  }

  async #build(trx: Db, build: RegisterBuilder, actor: string): Promise<Written<StoredRegister>> {
    const previous = await trx
      .selectFrom('registers')
      .select(['version', 'digest'])
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const version = (previous?.version ?? 0) + 1;
    const catalogue = await readLatestCatalogue(trx);
    if (!catalogue) {
      throw new NotFoundError('There is no partnership catalogue yet: put the catalogue before consolidating.');
    }
    const sources = await readLatestSubmissions(trx);
    const createdAt = this.#ctx.now();
    const register = build({ version, catalogue: catalogue.catalogue, sources, createdAt });
    if (register.version !== version) {
      throw new Error(`The register was built as version ${register.version}, but it is version ${version}.`);
    }
    const row = {
      version,
      digest: register.digest,
      body: JSON.stringify(register),
      created_by: actor,
      created_at: createdAt,
    };
    await trx
      .insertInto('registers')
      .values({ ...row, ...registerCounts(register) })
      .execute();
    return {
      value: toStoredRegister(row),
      event: {
        at: createdAt,
        actor,
        action: 'register.create',
        subject: { kind: 'register', version },
        digestBefore: previous?.digest ?? null,
        digestAfter: register.digest,
      },
    };
  }

  async get(version: number): Promise<StoredRegister | null> {
    const row = await this.#ctx.db
      .selectFrom('registers')
      .selectAll()
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toStoredRegister(row) : null;
  }

  async latest(): Promise<StoredRegister | null> {
    const row = await this.#ctx.db
      .selectFrom('registers')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toStoredRegister(row) : null;
  }

  async list(): Promise<RegisterSummary[]> {
    const rows = await this.#ctx.db
      .selectFrom('registers')
      .select([
        'version',
        'digest',
        'created_by',
        'created_at',
        'organisations_count',
        'submissions_count',
        'errors_count',
        'warnings_count',
        // Only a row written before the count columns existed (by an older instance) is read whole.
        sql<string | null>`case when errors_count is null then body else null end`.as('legacy_body'),
      ])
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toRegisterSummary);
  }
}
