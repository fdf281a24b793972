/** The submissions aggregate: each organisation's workbooks, append-only, numbered 1, 2, ... per organisation. */
import type { Insertable } from 'kysely';
import { canonicalJson } from '../../shared/digest.js';
import { compareCodeUnits } from '../../shared/order.js';
import type { Submission } from '../../shared/types.js';
import { submissionDetailDigest } from './auditRows.js';
import { compiled } from './compiledQueries.js';
import { VersionConflictError } from './errors.js';
import { nativeSha256Hex } from './nativeDigest.js';
import { toStoredSubmission, toSubmissionSummary } from './rows.js';
import type { Database, SubmissionsTable } from './schema.js';
import type { Db, StoreContext } from './storeContext.js';
import type { AppendSubmissionInput, StoredSubmission, SubmissionSummary } from './types.js';
import { ifVersionTaken, versionConflict } from './versionTaken.js';

/** The columns of an appended submission, in the order its compiled insert takes them. */
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

/** The latest submission of every organisation that has one, in organisation id order, read with `db`. */
export async function readLatestSubmissions(db: Db): Promise<StoredSubmission[]> {
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

export class Submissions {
  readonly #ctx: StoreContext;

  // The queries of every submission, compiled once (compiledQueries.ts).
  readonly #head = compiled<Database, [string], { version: number; digest: string }>(
    1,
    () => this.#ctx.db,
    (db, organisationId) =>
      db
        .selectFrom('submissions')
        .select(['version', 'digest'])
        .where('organisation_id', '=', organisationId!)
        .orderBy('version', 'desc')
        .limit(1),
  );
  readonly #insert = compiled<Database, SubmissionRowValues, never>(
    SUBMISSION_COLUMNS.length,
    () => this.#ctx.db,
    (db, ...values) =>
      db
        .insertInto('submissions')
        .values(Object.fromEntries(SUBMISSION_COLUMNS.map((c, i) => [c, values[i]])) as never),
  );

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async append(input: AppendSubmissionInput): Promise<StoredSubmission> {
    const ctx = this.#ctx;
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
    return ifVersionTaken(
      ctx.backend,
      () =>
        ctx.writeAudited(async (trx) => {
          const [current] = await this.#head.run(trx, organisationId);
          const currentVersion = current?.version ?? null;
          if (currentVersion !== baseVersion) throw new VersionConflictError(subject, baseVersion, currentVersion);

          const at = ctx.now();
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
          await this.#insert.run(trx, ...SUBMISSION_COLUMNS.map((c) => row[c]));
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
          return {
            value: stored,
            event: {
              at,
              actor: input.actor,
              action: 'submission.create',
              subject: { kind: 'submission', organisationId },
              digestBefore: current?.digest ?? null,
              digestAfter: digest,
              detailDigest,
            },
          };
        }),
      versionConflict(subject, baseVersion, () => this.latestVersion(organisationId)),
    );
  }

  async latest(organisationId: string): Promise<StoredSubmission | null> {
    const row = await this.#ctx.db
      .selectFrom('submissions')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toStoredSubmission(row) : null;
  }

  async latestVersion(organisationId: string): Promise<number | null> {
    const [head] = await this.#head.run(this.#ctx.db, organisationId);
    return head?.version ?? null;
  }

  async get(organisationId: string, version: number): Promise<StoredSubmission | null> {
    const row = await this.#ctx.db
      .selectFrom('submissions')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toStoredSubmission(row) : null;
  }

  async history(organisationId: string): Promise<SubmissionSummary[]> {
    const rows = await this.#ctx.db
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

  latestAll(): Promise<StoredSubmission[]> {
    return readLatestSubmissions(this.#ctx.db);
  }
}
