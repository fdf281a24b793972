/**
 * The Store on Kysely, for SQLite and PostgreSQL alike (their differences live in a Backend), put together
 * from one module per aggregate (server/store/README.md lists them). Append-only: there is no UPDATE or
 * DELETE of submissions, registers or audit events anywhere in the store. Every write goes through
 * StoreContext.writeAudited: one transaction under the backend's write lock, its audit event appended in it.
 */
import type { Kysely } from 'kysely';
import type { Catalogue } from '../../shared/types.js';
import type { Clock } from '../clock.js';
import { AppendixRenders } from './appendixRenders.js';
import { AuditLog } from './audit.js';
import type { Backend, DatabasePoolStats } from './backend.js';
import { CatalogueVersions } from './catalogue.js';
import { migrateToLatest } from './migrations/index.js';
import { Registers } from './registers.js';
import { countRows } from './rowCounts.js';
import { SignOffs } from './signOffs.js';
import { StoreContext } from './storeContext.js';
import { Submissions } from './submissions.js';
import type {
  AppendixRenderKey,
  AppendSubmissionInput,
  AuditEvent,
  AuditVerification,
  RegisterBuilder,
  RegisterSummary,
  SignOff,
  Store,
  StoredAppendixRender,
  StoredCatalogue,
  StoredRegister,
  StoredSubmission,
  SubmissionSummary,
} from './types.js';

export class KyselyStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly #backend: Backend;
  readonly #catalogue: CatalogueVersions;
  readonly #submissions: Submissions;
  readonly #registers: Registers;
  readonly #signOffs: SignOffs;
  readonly #appendixRenders: AppendixRenders;
  readonly #audit: AuditLog;

  constructor(backend: Backend, clock: Clock) {
    this.kind = backend.kind;
    this.#backend = backend;
    this.#audit = new AuditLog(backend.db);
    const ctx = new StoreContext(backend, clock, this.#audit);
    this.#catalogue = new CatalogueVersions(ctx);
    this.#submissions = new Submissions(ctx);
    this.#registers = new Registers(ctx);
    this.#signOffs = new SignOffs(ctx);
    this.#appendixRenders = new AppendixRenders(ctx);
  }

  async migrate(): Promise<void> {
    await migrateToLatest(this.#backend.db as Kysely<unknown>);
  }

  close(): Promise<void> {
    return this.#backend.close();
  }

  poolStats(): DatabasePoolStats {
    return this.#backend.poolStats();
  }

  async checkIntegrity(): Promise<{ ok: boolean; detail: string }> {
    const own = await this.#backend.integrity();
    const counts = await countRows(this.#backend.db);
    const summary =
      `${counts.catalogues} catalogue versions, ${counts.submissions} submissions, ${counts.registers} registers, ` +
      `${counts.signOffs} sign-offs, ${counts.audit} audit events`;
    return { ok: own.ok, detail: `${own.detail}; ${summary}` };
  }

  getCatalogue(): Promise<StoredCatalogue | null> {
    return this.#catalogue.get();
  }

  putCatalogue(
    catalogue: Catalogue,
    opts: { actor: string; expectedVersion?: number | null },
  ): Promise<StoredCatalogue> {
    return this.#catalogue.put(catalogue, opts);
  }

  appendSubmission(input: AppendSubmissionInput): Promise<StoredSubmission> {
    return this.#submissions.append(input);
  }

  latestSubmission(organisationId: string): Promise<StoredSubmission | null> {
    return this.#submissions.latest(organisationId);
  }

  latestSubmissionVersion(organisationId: string): Promise<number | null> {
    return this.#submissions.latestVersion(organisationId);
  }

  getSubmission(organisationId: string, version: number): Promise<StoredSubmission | null> {
    return this.#submissions.get(organisationId, version);
  }

  submissionHistory(organisationId: string): Promise<SubmissionSummary[]> {
    return this.#submissions.history(organisationId);
  }

  latestSubmissions(): Promise<StoredSubmission[]> {
    return this.#submissions.latestAll();
  }

  createRegister(build: RegisterBuilder, opts: { actor: string }): Promise<StoredRegister> {
    return this.#registers.create(build, opts);
  }

  getRegister(version: number): Promise<StoredRegister | null> {
    return this.#registers.get(version);
  }

  latestRegister(): Promise<StoredRegister | null> {
    return this.#registers.latest();
  }

  listRegisters(): Promise<RegisterSummary[]> {
    return this.#registers.list();
  }

  addSignOff(input: { registerVersion: number; organisationId: string; actor: string }): Promise<SignOff> {
    return this.#signOffs.add(input);
  }

  listSignOffs(registerVersion: number): Promise<SignOff[]> {
    return this.#signOffs.list(registerVersion);
  }

  withdrawSignOff(input: { registerVersion: number; organisationId: string; actor: string }): Promise<SignOff> {
    return this.#signOffs.withdraw(input);
  }

  getAppendixRender(key: AppendixRenderKey): Promise<StoredAppendixRender | null> {
    return this.#appendixRenders.get(key);
  }

  putAppendixRender(render: StoredAppendixRender): Promise<void> {
    return this.#appendixRenders.put(render);
  }

  listAudit(opts?: { afterSeq?: number; limit?: number }): Promise<AuditEvent[]> {
    return this.#audit.list(opts);
  }

  verifyAudit(): Promise<AuditVerification> {
    return this.#audit.verify();
  }
}
