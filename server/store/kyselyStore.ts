/**
 * The Store on Kysely, for SQLite and PostgreSQL alike (their differences live in a Backend). Append-only:
 * there is no UPDATE or DELETE of submissions, registers or audit events anywhere in this file. Every write
 * runs in one transaction under the backend's write lock and appends its audit event in that transaction.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { compiled } from './compiledQueries.js';
import { compareCodeUnits } from '../../shared/order.js';
import type { Catalogue, Register, Submission } from '../../shared/types.js';
import type { Clock } from '../clock.js';
import { hashAuditEvent, verifyAuditChain } from './auditChain.js';
import { StoredRowChecker, submissionDetailDigest } from './auditRows.js';
import type { Backend } from './backend.js';
import { NotFoundError, VersionConflictError } from './errors.js';
import { migrateToLatest } from './migrations/index.js';
import { nativeDigestOf, nativeSha256Hex } from './nativeDigest.js';
import { canonicalJson } from '../../shared/digest.js';
import {
  fromAuditEvent,
  toAuditEvent,
  toSignOff,
  toStoredCatalogue,
  toStoredRegister,
  toStoredSubmission,
  toRegisterSummary,
  toSubmissionSummary,
} from './rows.js';
import { registerCounts } from './registerCounts.js';
import type { AuditEventsTable, Database, SubmissionsTable } from './schema.js';
import type {
  AppendSubmissionInput,
  AuditAction,
  AuditEvent,
  AuditVerification,
  RegisterBuilder,
  RegisterSummary,
  SignOff,
  Store,
  StoredCatalogue,
  StoredRegister,
  StoredSubmission,
  SubmissionSummary,
} from './types.js';

type Db = Kysely<Database>;

/** The columns of an appended submission / audit event, in the order their compiled inserts take them. */
const SUBMISSION_COLUMNS = [
  'organisation_id',
  'version',
  'digest',
  'body',
  'warnings',
  'submitted_by',
  'submitted_at',
  'source',
  'file_name',
] as const satisfies readonly (keyof Insertable<SubmissionsTable>)[];
type SubmissionRowValues = Insertable<SubmissionsTable>[(typeof SUBMISSION_COLUMNS)[number]][];
const AUDIT_COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'subject',
  'digest_before',
  'digest_after',
  'detail_digest',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof Insertable<AuditEventsTable>)[];
type AuditRowValues = Insertable<AuditEventsTable>[(typeof AUDIT_COLUMNS)[number]][];

/** How often createRegister retries when another writer took its version number first. */
export const REGISTER_VERSION_ATTEMPTS = 5;
export const AUDIT_PAGE_MAX = 1000;
const AUDIT_PAGE_DEFAULT = 100;

interface AuditInput {
  at: string;
  actor: string;
  action: AuditAction;
  subject: string;
  digestBefore: string | null;
  digestAfter: string | null;
  detailDigest?: string;
}

export class KyselyStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly #backend: Backend;
  readonly #db: Db;
  readonly #clock: Clock;
  /** The newest catalogue version read, parsed (see getCatalogue). */
  #catalogue: StoredCatalogue | null = null;

  // The queries of every submission, compiled once (compiledQueries.ts).
  readonly #catalogueHead = compiled<Database, [], { version: number; digest: string }>(
    0,
    () => this.#db,
    (db) => db.selectFrom('catalogue_versions').select(['version', 'digest']).orderBy('version', 'desc').limit(1),
  );
  readonly #submissionHead = compiled<Database, [string], { version: number; digest: string }>(
    1,
    () => this.#db,
    (db, organisationId) =>
      db
        .selectFrom('submissions')
        .select(['version', 'digest'])
        .where('organisation_id', '=', organisationId!)
        .orderBy('version', 'desc')
        .limit(1),
  );
  readonly #insertSubmission = compiled<Database, SubmissionRowValues, never>(
    SUBMISSION_COLUMNS.length,
    () => this.#db,
    (db, ...values) =>
      db
        .insertInto('submissions')
        .values(Object.fromEntries(SUBMISSION_COLUMNS.map((c, i) => [c, values[i]])) as never),
  );
  readonly #auditHead = compiled<Database, [], { seq: number; hash: string }>(
    0,
    () => this.#db,
    (db) => db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
  );
  readonly #insertAudit = compiled<Database, AuditRowValues, never>(
    AUDIT_COLUMNS.length,
    () => this.#db,
    (db, ...values) =>
      db.insertInto('audit_events').values(Object.fromEntries(AUDIT_COLUMNS.map((c, i) => [c, values[i]])) as never),
  );

  constructor(backend: Backend, clock: Clock) {
    this.#backend = backend;
    this.#db = backend.db;
    this.kind = backend.kind;
    this.#clock = clock;
  }

  async migrate(): Promise<void> {
    await migrateToLatest(this.#db as Kysely<unknown>);
  }

  close(): Promise<void> {
    return this.#backend.close();
  }

  async checkIntegrity(): Promise<{ ok: boolean; detail: string }> {
    const own = await this.#backend.integrity();
    const counts = await this.#counts(this.#db);
    const summary =
      `${counts.catalogues} catalogue versions, ${counts.submissions} submissions, ${counts.registers} registers, ` +
      `${counts.signOffs} sign-offs, ${counts.audit} audit events`;
    return { ok: own.ok, detail: `${own.detail}; ${summary}` };
  }

  // ---- catalogue -------------------------------------------------------------------------------------------

  /**
   * The current catalogue, parsed once per version: a cheap query for the newest version and digest (another
   * process may have put a new one), and the body read and parsed only when that changed. The catalogue
   * returned is frozen, as it is shared by every caller until the next version.
   */
  async getCatalogue(): Promise<StoredCatalogue | null> {
    const [head] = await this.#catalogueHead.run(this.#db);
    if (!head) return null;
    const cached = this.#catalogue;
    if (cached && cached.version === head.version && cached.digest === head.digest) return cached;
    const row = await this.#db
      .selectFrom('catalogue_versions')
      .selectAll()
      .where('version', '=', head.version)
      .executeTakeFirst();
    if (!row) return this.getCatalogue();
    const stored = deepFreeze(toStoredCatalogue(row));
    this.#catalogue = stored;
    return stored;
  }

  async putCatalogue(
    catalogue: Catalogue,
    opts: { actor: string; expectedVersion?: number | null },
  ): Promise<StoredCatalogue> {
    const subject = 'The catalogue';
    // Worked out before the write lock is taken: only the head read, the time and the two inserts need it.
    const digest = nativeDigestOf(catalogue);
    const body = JSON.stringify(catalogue);
    try {
      return await this.#backend.write(async (trx) => {
        const [current] = await this.#catalogueHead.run(trx);
        const currentVersion = current?.version ?? null;
        if (opts.expectedVersion !== undefined && opts.expectedVersion !== currentVersion) {
          throw new VersionConflictError(subject, opts.expectedVersion, currentVersion);
        }
        const at = this.#now();
        const stored: StoredCatalogue = {
          version: (currentVersion ?? 0) + 1,
          digest,
          catalogue,
          updatedBy: opts.actor,
          updatedAt: at,
        };
        await trx
          .insertInto('catalogue_versions')
          .values({
            version: stored.version,
            digest: stored.digest,
            body,
            updated_by: opts.actor,
            updated_at: at,
          })
          .execute();
        await this.#appendAudit(trx, {
          at,
          actor: opts.actor,
          action: 'catalogue.put',
          subject: 'catalogue',
          digestBefore: current?.digest ?? null,
          digestAfter: stored.digest,
        });
        return { ...stored, catalogue: JSON.parse(body) as Catalogue };
      });
    } catch (error) {
      if (!this.#backend.isUniqueViolation(error)) throw error;
      const [current] = await this.#catalogueHead.run(this.#db);
      throw new VersionConflictError(subject, opts.expectedVersion ?? null, current?.version ?? null);
    }
  }

  // ---- submissions -----------------------------------------------------------------------------------------

  async appendSubmission(input: AppendSubmissionInput): Promise<StoredSubmission> {
    const { organisationId, baseVersion } = input;
    if (input.submission && input.submission.organisationId !== organisationId) {
      throw new Error(
        `The submission is for organisation "${input.submission.organisationId}", not "${organisationId}": nothing was stored.`,
      );
    }
    if (baseVersion !== null && !(Number.isInteger(baseVersion) && baseVersion >= 1)) {
      throw new Error(`Base version ${String(baseVersion)} is not a version number (1, 2, ...): nothing was stored.`);
    }
    const subject = `The submission of ${organisationId}`;
    // Worked out before the write lock is taken: only the head read, the time, the inserts and the audit event
    // need it. The body stored is the canonical JSON the digest hashes: one serialisation for both.
    const body = input.submission ? canonicalJson(input.submission) : input.canonical;
    const digest = `sha256:${nativeSha256Hex(body)}`;
    const warnings = JSON.stringify(input.warnings);
    const fileName = input.fileName ?? null;
    const detailDigest = submissionDetailDigest({ warnings: input.warnings, source: input.source, fileName });
    try {
      return await this.#backend.write(async (trx) => {
        const [current] = await this.#submissionHead.run(trx, organisationId);
        const currentVersion = current?.version ?? null;
        if (currentVersion !== baseVersion) throw new VersionConflictError(subject, baseVersion, currentVersion);

        const at = this.#now();
        const row = {
          organisation_id: organisationId,
          version: (currentVersion ?? 0) + 1,
          digest,
          body,
          warnings,
          submitted_by: input.actor,
          submitted_at: at,
          source: input.source,
          file_name: fileName,
        };
        await this.#insertSubmission.run(trx, ...SUBMISSION_COLUMNS.map((c) => row[c]));
        await this.#appendAudit(trx, {
          at,
          actor: input.actor,
          action: 'submission.create',
          subject: `submission:${organisationId}`,
          digestBefore: current?.digest ?? null,
          digestAfter: digest,
          detailDigest,
        });
        // What was just written, without parsing it back unless its rows are asked for.
        const given = input.submission;
        let parsed: Submission | undefined;
        const stored: StoredSubmission = {
          organisationId,
          version: row.version,
          digest,
          get submission(): Submission {
            return given ?? (parsed ??= JSON.parse(body) as Submission);
          },
          warnings: input.warnings,
          submittedBy: input.actor,
          submittedAt: at,
          source: input.source,
          fileName,
        };
        return stored;
      });
    } catch (error) {
      if (!this.#backend.isUniqueViolation(error)) throw error;
      throw new VersionConflictError(subject, baseVersion, await this.latestSubmissionVersion(organisationId));
    }
  }

  async latestSubmission(organisationId: string): Promise<StoredSubmission | null> {
    const row = await this.#db
      .selectFrom('submissions')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toStoredSubmission(row) : null;
  }

  async latestSubmissionVersion(organisationId: string): Promise<number | null> {
    const [head] = await this.#submissionHead.run(this.#db, organisationId);
    return head?.version ?? null;
  }

  async getSubmission(organisationId: string, version: number): Promise<StoredSubmission | null> {
    const row = await this.#db
      .selectFrom('submissions')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toStoredSubmission(row) : null;
  }

  async submissionHistory(organisationId: string): Promise<SubmissionSummary[]> {
    const rows = await this.#db
      .selectFrom('submissions')
      .select([
        'organisation_id',
        'version',
        'digest',
        'warnings',
        'submitted_by',
        'submitted_at',
        'source',
        'file_name',
      ])
      .where('organisation_id', '=', organisationId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toSubmissionSummary);
  }

  latestSubmissions(): Promise<StoredSubmission[]> {
    return this.#latestSubmissions(this.#db);
  }

  async #latestSubmissions(db: Db): Promise<StoredSubmission[]> {
    const rows = await db
      .selectFrom('submissions as s')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('submissions')
            .select((b) => ['organisation_id', b.fn.max('version').as('max_version')])
            .groupBy('organisation_id')
            .as('m'),
        (join) => join.onRef('m.organisation_id', '=', 's.organisation_id').onRef('m.max_version', '=', 's.version'),
      )
      .selectAll('s')
      .execute();
    return rows.map(toStoredSubmission).sort((a, b) => compareCodeUnits(a.organisationId, b.organisationId));
  }

  // ---- registers -------------------------------------------------------------------------------------------

  async createRegister(build: RegisterBuilder, opts: { actor: string }): Promise<StoredRegister> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#backend.write((trx) => this.#createRegister(trx, build, opts.actor));
      } catch (error) {
        if (!this.#backend.isUniqueViolation(error) || attempt >= REGISTER_VERSION_ATTEMPTS) throw error;
      }
    }
  }

  async #createRegister(trx: Db, build: RegisterBuilder, actor: string): Promise<StoredRegister> {
    const previous = await trx
      .selectFrom('registers')
      .select(['version', 'digest'])
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const version = (previous?.version ?? 0) + 1;
    const catalogueRow = await trx
      .selectFrom('catalogue_versions')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!catalogueRow) {
      throw new NotFoundError('There is no partnership catalogue yet: put the catalogue before consolidating.');
    }
    const sources = await this.#latestSubmissions(trx);
    const createdAt = this.#now();
    const register = build({ version, catalogue: toStoredCatalogue(catalogueRow).catalogue, sources, createdAt });
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
    await this.#appendAudit(trx, {
      at: createdAt,
      actor,
      action: 'register.create',
      subject: `register:${version}`,
      digestBefore: previous?.digest ?? null,
      digestAfter: register.digest,
    });
    return toStoredRegister(row);
  }

  async getRegister(version: number): Promise<StoredRegister | null> {
    const row = await this.#db.selectFrom('registers').selectAll().where('version', '=', version).executeTakeFirst();
    return row ? toStoredRegister(row) : null;
  }

  async latestRegister(): Promise<StoredRegister | null> {
    const row = await this.#db
      .selectFrom('registers')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toStoredRegister(row) : null;
  }

  async listRegisters(): Promise<RegisterSummary[]> {
    const rows = await this.#db
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

  // ---- sign-offs -------------------------------------------------------------------------------------------

  async addSignOff(input: { registerVersion: number; organisationId: string; actor: string }): Promise<SignOff> {
    const { registerVersion, organisationId } = input;
    try {
      return await this.#backend.write(async (trx) => {
        const register = await trx
          .selectFrom('registers')
          .select(['digest', 'body'])
          .where('version', '=', registerVersion)
          .executeTakeFirst();
        if (!register) throw new NotFoundError(`Register version ${registerVersion} does not exist.`);
        const existing = await this.#signOff(trx, registerVersion, organisationId);
        if (existing) return existing;
        const partners = (JSON.parse(register.body) as Register).organisations.map((o) => o.id);
        if (!partners.includes(organisationId)) {
          throw new NotFoundError(
            `Organisation ${organisationId} is not a partner in register version ${registerVersion}.`,
          );
        }
        const at = this.#now();
        const row = {
          register_version: registerVersion,
          organisation_id: organisationId,
          register_digest: register.digest,
          signed_by: input.actor,
          signed_at: at,
        };
        await trx.insertInto('sign_offs').values(row).execute();
        await this.#appendAudit(trx, {
          at,
          actor: input.actor,
          action: 'signoff.create',
          subject: `signoff:${registerVersion}:${organisationId}`,
          digestBefore: null,
          digestAfter: register.digest,
        });
        return toSignOff(row);
      });
    } catch (error) {
      if (!this.#backend.isUniqueViolation(error)) throw error;
      const existing = await this.#signOff(this.#db, registerVersion, organisationId);
      if (!existing) throw error;
      return existing;
    }
  }

  async #signOff(db: Db, registerVersion: number, organisationId: string): Promise<SignOff | null> {
    const row = await db
      .selectFrom('sign_offs')
      .selectAll()
      .where('register_version', '=', registerVersion)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return row ? toSignOff(row) : null;
  }

  async listSignOffs(registerVersion: number): Promise<SignOff[]> {
    const rows = await this.#db
      .selectFrom('sign_offs')
      .selectAll()
      .where('register_version', '=', registerVersion)
      .execute();
    return rows.map(toSignOff).sort((a, b) => compareCodeUnits(a.organisationId, b.organisationId));
  }

  // ---- audit -----------------------------------------------------------------------------------------------

  async listAudit(opts: { afterSeq?: number; limit?: number } = {}): Promise<AuditEvent[]> {
    const afterSeq = opts.afterSeq ?? 0;
    const limit = opts.limit ?? AUDIT_PAGE_DEFAULT;
    if (!Number.isInteger(afterSeq) || afterSeq < 0) {
      throw new RangeError(`afterSeq must be a whole number of 0 or more, not ${String(opts.afterSeq)}.`);
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) {
      throw new RangeError(`limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}, not ${String(opts.limit)}.`);
    }
    return this.#auditPage(afterSeq, limit);
  }

  async #auditPage(afterSeq: number, limit: number): Promise<AuditEvent[]> {
    const rows = await this.#db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toAuditEvent);
  }

  async verifyAudit(): Promise<AuditVerification> {
    const rows = new StoredRowChecker(this.#db);
    const chain = await verifyAuditChain(
      (afterSeq, limit) => this.#auditPage(afterSeq, limit),
      AUDIT_PAGE_MAX,
      (events) => rows.checkPage(events),
    );
    if (!chain.ok) return chain;
    // The chain alone cannot show that events were cut from its end. Every write appends exactly one event in
    // its own transaction, so at any one moment the number of events equals the number of rows written.
    const counts = await this.#counts(this.#db);
    const writes = counts.catalogues + counts.submissions + counts.registers + counts.signOffs;
    if (counts.audit === writes) return chain;
    const problem =
      counts.audit < writes
        ? {
            seq: counts.audit + 1,
            reason:
              `Audit event ${counts.audit + 1}: missing; the store holds ${writes} writes but only ${counts.audit} ` +
              'audit events (events deleted from the end of the chain).',
          }
        : {
            seq: counts.audit,
            reason:
              `The store holds ${counts.audit} audit events but only ${writes} writes ` +
              '(events inserted, or stored rows deleted).',
          };
    return { ok: false, checked: chain.checked, problem };
  }

  async #appendAudit(trx: Db, input: AuditInput): Promise<AuditEvent> {
    const [last] = await this.#auditHead.run(trx);
    const { detailDigest, ...rest } = input;
    const unhashed = {
      seq: (last?.seq ?? 0) + 1,
      ...rest,
      detailDigest: detailDigest ?? null,
      prevHash: last?.hash ?? '',
    };
    const event: AuditEvent = { ...unhashed, hash: hashAuditEvent(unhashed) };
    const row = fromAuditEvent(event);
    await this.#insertAudit.run(trx, ...AUDIT_COLUMNS.map((c) => row[c]));
    return event;
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  #now(): string {
    return this.#clock.now().toISOString();
  }

  /** Row counts of every table, read in one statement so they describe one moment. */
  async #counts(db: Db): Promise<{
    catalogues: number;
    submissions: number;
    registers: number;
    signOffs: number;
    audit: number;
  }> {
    const row = await db
      .selectNoFrom((eb) => [
        eb.selectFrom('catalogue_versions').select(eb.fn.countAll().as('n')).as('catalogues'),
        eb.selectFrom('submissions').select(eb.fn.countAll().as('n')).as('submissions'),
        eb.selectFrom('registers').select(eb.fn.countAll().as('n')).as('registers'),
        eb.selectFrom('sign_offs').select(eb.fn.countAll().as('n')).as('sign_offs'),
        eb.selectFrom('audit_events').select(eb.fn.countAll().as('n')).as('audit'),
      ])
      .executeTakeFirstOrThrow();
    return {
      catalogues: Number(row.catalogues),
      submissions: Number(row.submissions),
      registers: Number(row.registers),
      signOffs: Number(row.sign_offs),
      audit: Number(row.audit),
    };
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
