/**
 * The audit aggregate: the hash chain of events, one appended by every write in its own transaction
 * (`append`, called only by writeAudited in storeContext.ts), read in pages, and verified against itself and
 * against the rows the events describe.
 */
import type { Insertable, Kysely } from 'kysely';
import { hashAuditEvent, verifyAuditChain } from './auditChain.js';
import { StoredRowChecker } from './auditRows.js';
import { auditSubjectText, type AuditSubject } from './auditSubject.js';
import { compiled } from './compiledQueries.js';
import { countRows } from './rowCounts.js';
import { fromAuditEvent, toAuditEvent } from './rows.js';
import type { AuditEventsTable, Database } from './schema.js';
import type { AuditAction, AuditEvent, AuditVerification } from './types.js';

type Db = Kysely<Database>;

export const AUDIT_PAGE_MAX = 1000;
const AUDIT_PAGE_DEFAULT = 100;

/** The columns of an appended audit event, in the order its compiled insert takes them. */
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

/** What a write records about itself; the sequence number and the hashes are the chain's. */
export interface AuditInput {
  at: string;
  actor: string;
  action: AuditAction;
  subject: AuditSubject;
  digestBefore: string | null;
  digestAfter: string | null;
  detailDigest?: string;
}

export class AuditLog {
  readonly #db: Db;

  // Run by every write: compiled once (compiledQueries.ts).
  readonly #head = compiled<Database, [], { seq: number; hash: string }>(
    0,
    () => this.#db,
    (db) => db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
  );
  readonly #insert = compiled<Database, AuditRowValues, never>(
    AUDIT_COLUMNS.length,
    () => this.#db,
    (db, ...values) =>
      db.insertInto('audit_events').values(Object.fromEntries(AUDIT_COLUMNS.map((c, i) => [c, values[i]])) as never),
  );

  constructor(db: Db) {
    this.#db = db;
  }

  /** Appends the next event of the chain, in the write transaction `trx` (which holds the write lock). */
  async append(trx: Db, input: AuditInput): Promise<AuditEvent> {
    const [last] = await this.#head.run(trx);
    const { detailDigest, subject, ...rest } = input;
    const unhashed = {
      seq: (last?.seq ?? 0) + 1,
      ...rest,
      subject: auditSubjectText(subject),
      detailDigest: detailDigest ?? null,
      prevHash: last?.hash ?? '',
    };
    const event: AuditEvent = { ...unhashed, hash: hashAuditEvent(unhashed) };
    const row = fromAuditEvent(event);
    await this.#insert.run(trx, ...AUDIT_COLUMNS.map((c) => row[c]));
    return event;
  }

  async list(opts: { afterSeq?: number; limit?: number } = {}): Promise<AuditEvent[]> {
    const afterSeq = opts.afterSeq ?? 0;
    const limit = opts.limit ?? AUDIT_PAGE_DEFAULT;
    if (!Number.isInteger(afterSeq) || afterSeq < 0) {
      throw new RangeError(`afterSeq must be a whole number of 0 or more, not ${String(opts.afterSeq)}.`);
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) {
      throw new RangeError(`limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}, not ${String(opts.limit)}.`);
    }
    return this.#page(afterSeq, limit);
  }

  async #page(afterSeq: number, limit: number): Promise<AuditEvent[]> {
    const rows = await this.#db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toAuditEvent);
  }

  async verify(): Promise<AuditVerification> {
    const rows = new StoredRowChecker(this.#db);
    const chain = await verifyAuditChain(
      (afterSeq, limit) => this.#page(afterSeq, limit),
      AUDIT_PAGE_MAX,
      (events) => rows.checkPage(events),
    );
    if (!chain.ok) return chain;
    // The chain alone cannot show that events were cut from its end. Every write appends exactly one event in
    // its own transaction, so at any one moment the number of events equals the number of rows written.
    const counts = await countRows(this.#db);
    const writes =
      counts.catalogues + counts.submissions + counts.registers + counts.signOffs + counts.signOffWithdrawals;
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
}
