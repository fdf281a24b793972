/**
 * The stored rows against the audit chain: each event's subject names a row (auditSubject.ts), and the row
 * must still be what the event recorded: its body must hash to its digest, the digest must be the event's
 * digestAfter, and its author and time the event's actor and time.
 * A submission's warnings, source and file name must hash to its event's detailDigest (events written before
 * that digest was kept have none, and those details of theirs go unchecked). A row edited in the database
 * after it was written is found here even though the chain itself is intact.
 *
 * Checked page by page as verifyAuditChain streams the events; it keeps only one counter per subject and the
 * digest of each register version (for the sign-offs), not the events or the bodies.
 */
import type { Kysely } from 'kysely';
import { registerContent } from '../../shared/consolidate.js';
import type { Register } from '../../shared/types.js';
import { parseAuditSubject, SUBJECT_KIND_OF_ACTION } from './auditSubject.js';
import { nativeDigestOf } from './nativeDigest.js';
import type { Database } from './schema.js';
import type { AuditEvent, SubmissionSourceKind } from './types.js';
import type { Issue } from '../../shared/issues.js';

/** The digest of what a submission row holds beside its body, kept in its audit event (detailDigest). */
export function submissionDetailDigest(detail: {
  warnings: readonly Issue[];
  source: SubmissionSourceKind;
  fileName: string | null;
}): string {
  return nativeDigestOf({ warnings: detail.warnings, source: detail.source, fileName: detail.fileName });
}

/** Events whose rows are read in one query per table (bodies included, so kept small). */
const CHUNK = 100;

const EDITED = '(edited after it was written)';

export interface RowProblem {
  seq: number;
  reason: string;
}

/** The row an event names, and for a catalogue or submission the version it wrote. */
type Target =
  | { kind: 'catalogue'; event: AuditEvent; version: number }
  | { kind: 'submission'; event: AuditEvent; organisationId: string; version: number }
  | { kind: 'register'; event: AuditEvent; version: number }
  | { kind: 'signoff'; event: AuditEvent; registerVersion: number; organisationId: string };

export class StoredRowChecker {
  readonly #db: Kysely<Database>;
  /** Events seen per subject ("catalogue", "submission:<org>"): the version the next one wrote. */
  readonly #seen = new Map<string, number>();
  /** The digest each register version was created with, from its event. */
  readonly #registerDigests = new Map<number, string>();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Checks the rows of a page of events already verified as a chain, in order; the first problem found. */
  async checkPage(events: readonly AuditEvent[]): Promise<RowProblem | null> {
    for (let i = 0; i < events.length; i += CHUNK) {
      const problem = await this.#checkChunk(events.slice(i, i + CHUNK).map((e) => this.#targetOf(e)));
      if (problem) return problem;
    }
    return null;
  }

  #targetOf(event: AuditEvent): Target | RowProblem {
    const subject = parseAuditSubject(event.subject);
    if (subject?.kind === SUBJECT_KIND_OF_ACTION[event.action]) {
      switch (subject.kind) {
        case 'catalogue':
        case 'submission': {
          // The nth event of a catalogue or an organisation's submissions wrote its version n.
          const version = (this.#seen.get(event.subject) ?? 0) + 1;
          this.#seen.set(event.subject, version);
          return { ...subject, event, version };
        }
        case 'register':
          if (event.digestAfter) this.#registerDigests.set(subject.version, event.digestAfter);
          return { ...subject, event };
        case 'signoff':
          return { ...subject, event };
      }
    }
    return { seq: event.seq, reason: `Audit event ${event.seq}: its subject "${event.subject}" names no stored row.` };
  }

  async #checkChunk(targets: (Target | RowProblem)[]): Promise<RowProblem | null> {
    const of = <K extends Target['kind']>(kind: K) =>
      targets.filter((t): t is Extract<Target, { kind: K }> => 'kind' in t && t.kind === kind);
    const catalogues = of('catalogue');
    const submissions = of('submission');
    const registers = of('register');
    const signOffs = of('signoff');

    const catalogueRows = catalogues.length
      ? await this.#db
          .selectFrom('catalogue_versions')
          .select(['version', 'digest', 'body', 'updated_by as by', 'updated_at as at'])
          .where(
            'version',
            'in',
            catalogues.map((t) => t.version),
          )
          .execute()
      : [];
    const submissionRows = submissions.length
      ? await this.#db
          .selectFrom('submissions')
          .select([
            'organisation_id',
            'version',
            'digest',
            'body',
            'warnings',
            'source',
            'file_name',
            'submitted_by as by',
            'submitted_at as at',
          ])
          .where((eb) =>
            eb.or(
              submissions.map((t) =>
                eb.and([eb('organisation_id', '=', t.organisationId), eb('version', '=', t.version)]),
              ),
            ),
          )
          .execute()
      : [];
    const registerRows = registers.length
      ? await this.#db
          .selectFrom('registers')
          .select(['version', 'digest', 'body', 'created_by as by', 'created_at as at'])
          .where(
            'version',
            'in',
            registers.map((t) => t.version),
          )
          .execute()
      : [];
    const signOffRows = signOffs.length
      ? await this.#db
          .selectFrom('sign_offs')
          .select([
            'register_version',
            'organisation_id',
            'register_digest',
            'signed_by as by',
            'signed_at as at',
            'withdrawn_by',
            'withdrawn_at',
          ])
          .where((eb) =>
            eb.or(
              signOffs.map((t) =>
                eb.and([eb('register_version', '=', t.registerVersion), eb('organisation_id', '=', t.organisationId)]),
              ),
            ),
          )
          .execute()
      : [];

    for (const target of targets) {
      if (!('kind' in target)) return target;
      const { event } = target;
      switch (target.kind) {
        case 'catalogue': {
          const row = catalogueRows.find((r) => r.version === target.version);
          const problem = checkBodyRow(`catalogue v${target.version}`, event, row, hashesTo);
          if (problem) return problem;
          break;
        }
        case 'submission': {
          const row = submissionRows.find(
            (r) => r.organisation_id === target.organisationId && r.version === target.version,
          );
          const what = `submission ${target.organisationId} v${target.version}`;
          const problem = checkBodyRow(what, event, row, hashesTo);
          if (problem) return problem;
          if (row && event.detailDigest !== null && detailDigestOfRow(row) !== event.detailDigest) {
            return problemAt(
              event,
              `${what}: its warnings, source or file name do not match its audit event ${EDITED}`,
            );
          }
          break;
        }
        case 'register': {
          const row = registerRows.find((r) => r.version === target.version);
          const problem = checkBodyRow(`register ${target.version}`, event, row, registerHashesTo);
          if (problem) return problem;
          break;
        }
        case 'signoff': {
          const what = `sign-off of ${target.organisationId} for register ${target.registerVersion}`;
          const row = signOffRows.find(
            (r) => r.register_version === target.registerVersion && r.organisation_id === target.organisationId,
          );
          if (!row) return problemAt(event, `${what}: its stored row is missing (deleted)`);
          if (event.action === 'signoff.withdraw') {
            if (row.register_digest !== event.digestBefore) {
              return problemAt(event, `${what}: the register digest stored does not match its withdrawal ${EDITED}`);
            }
            if (row.withdrawn_by !== event.actor || row.withdrawn_at !== event.at) {
              return problemAt(event, `${what}: who withdrew it, or when, does not match its audit event ${EDITED}`);
            }
            break;
          }
          if (row.register_digest !== event.digestAfter) {
            return problemAt(event, `${what}: the register digest stored does not match its audit event ${EDITED}`);
          }
          if (this.#registerDigests.get(target.registerVersion) !== event.digestAfter) {
            return problemAt(
              event,
              `${what}: its audit event does not name the digest register ${target.registerVersion} was created with`,
            );
          }
          if (row.by !== event.actor || row.at !== event.at) {
            return problemAt(event, `${what}: the signer or time stored does not match its audit event ${EDITED}`);
          }
          break;
        }
      }
    }
    return null;
  }
}

function problemAt(event: AuditEvent, text: string): RowProblem {
  return { seq: event.seq, reason: `${text}; see audit event ${event.seq}.` };
}

/** A catalogue, submission or register row against its event: present, digest, body, author and time. */
function checkBodyRow(
  what: string,
  event: AuditEvent,
  row: { digest: string; body: string; by: string; at: string } | undefined,
  bodyMatches: (body: unknown, digest: string) => boolean,
): RowProblem | null {
  if (!row) return problemAt(event, `${what}: its stored row is missing (deleted)`);
  if (row.digest !== event.digestAfter) {
    return problemAt(event, `${what}: its stored digest is not the one its audit event recorded ${EDITED}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch {
    return problemAt(event, `${what}: stored body is not JSON ${EDITED}`);
  }
  if (!bodyMatches(body, row.digest)) {
    return problemAt(event, `${what}: stored body does not match its digest ${EDITED}`);
  }
  if (row.by !== event.actor || row.at !== event.at) {
    return problemAt(event, `${what}: the author or time stored does not match its audit event ${EDITED}`);
  }
  return null;
}

/** A catalogue or submission body: its canonical JSON hashes to the digest. */
function hashesTo(body: unknown, digest: string): boolean {
  return nativeDigestOf(body) === digest;
}

/** A register body names the digest stored with it, and its content hashes to that digest. */
function registerHashesTo(body: unknown, digest: string): boolean {
  const register = body as Register;
  return register.digest === digest && nativeDigestOf(registerContent(register)) === digest;
}

/** The detail digest of a stored submission row; a warnings column that is not a JSON list cannot match. */
function detailDigestOfRow(row: { warnings: string; source: string; file_name: string | null }): string | null {
  let warnings: unknown;
  try {
    warnings = JSON.parse(row.warnings);
  } catch {
    return null;
  }
  if (!Array.isArray(warnings)) return null;
  return submissionDetailDigest({
    warnings: warnings as Issue[],
    source: row.source as SubmissionSourceKind,
    fileName: row.file_name,
  });
}
