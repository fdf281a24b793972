/**
 * The store: everything the service and the CLI keep. Submissions are append-only and versioned per
 * organisation; register versions are immutable; every change appends an audit event to a hash chain in the
 * same transaction. One interface, two databases (SQLite embedded, PostgreSQL via DATABASE_URL).
 */
import type { Catalogue, Register, Submission } from '../../shared/types.js';
import type { Issue } from '../../shared/issues.js';
import type { DatabasePoolStats } from './backend.js';

export type SubmissionSourceKind = 'addin' | 'upload' | 'cli' | 'api';

export interface StoredSubmission {
  organisationId: string;
  version: number;
  /** digestOf(submission) */
  digest: string;
  submission: Submission;
  /** Warnings found when it was accepted. */
  warnings: Issue[];
  submittedBy: string;
  /** ISO 8601 */
  submittedAt: string;
  source: SubmissionSourceKind;
  /** Name of the uploaded or imported file, when there was one. */
  fileName: string | null;
}

/** A stored submission without its rows: what a history lists. */
export type SubmissionSummary = Omit<StoredSubmission, 'submission'>;

export interface StoredCatalogue {
  version: number;
  digest: string;
  catalogue: Catalogue;
  updatedBy: string;
  updatedAt: string;
}

export interface StoredRegister {
  version: number;
  digest: string;
  createdBy: string;
  createdAt: string;
  register: Register;
}

/** A register version without its body: what a list shows. */
export interface RegisterSummary {
  version: number;
  digest: string;
  createdBy: string;
  createdAt: string;
  /** Organisations in the register (every catalogue organisation). */
  organisations: number;
  /** Submissions consolidated into it. */
  submissions: number;
  /** Its issues by severity. */
  errors: number;
  warnings: number;
}

export interface SignOff {
  registerVersion: number;
  organisationId: string;
  registerDigest: string;
  signedBy: string;
  signedAt: string;
}

export type AuditAction =
  'catalogue.put' | 'submission.create' | 'register.create' | 'signoff.create' | 'signoff.withdraw';

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  /** What changed, e.g. "submission:north-county-council" or "register:3". */
  subject: string;
  digestBefore: string | null;
  digestAfter: string | null;
  /**
   * Digest of what the row holds beside its body (a submission's warnings, source and file name), so that
   * verification finds those edited too; null on other events and on those written before it was kept.
   */
  detailDigest: string | null;
  /** Hash of the previous event ("" for the first). */
  prevHash: string;
  /** sha256 hex of the canonical event without `hash`. */
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first event found wrong, and why: edited, inserted, deleted or reordered. */
  problem?: { seq: number; reason: string };
}

export interface AppendSubmissionFields {
  organisationId: string;
  /** The version this write replaces: null when the organisation has none yet. */
  baseVersion: number | null;
  warnings: Issue[];
  actor: string;
  source: SubmissionSourceKind;
  fileName?: string | null;
}

/**
 * The workbook stored: as an object, or as the canonical JSON its check made (shared/checkWorkbook.ts, on a
 * worker thread for a large one). The store writes the canonical text and works out its digest itself.
 */
export type SubmissionRows =
  | { submission: Submission; canonical?: never }
  | {
      /**
       * The submission as its RFC 8785 canonical JSON, checked for this organisation (expectedOrganisationId):
       * stored and hashed as it is, parsed only if asked for.
       */
      canonical: string;
      submission?: never;
    };

export type AppendSubmissionInput = AppendSubmissionFields & SubmissionRows;

/** Builds register `version` from the catalogue and the latest submissions (consolidate, in the services). */
export type RegisterBuilder = (input: {
  version: number;
  catalogue: Catalogue;
  sources: StoredSubmission[];
  createdAt: string;
}) => Register;

/** Which rendered appendix: a register version, a format, and what else decides the file (its sign-off state). */
export interface AppendixRenderKey {
  registerVersion: number;
  format: string;
  stateKey: string;
}

/** A register version's appendix file as rendered for one key (kept so it is rendered once). */
export interface StoredAppendixRender extends AppendixRenderKey {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Brings the schema up to date (versioned migrations); safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The database's connections and the work waiting for one (server/metrics.ts). */
  poolStats(): DatabasePoolStats;
  /** Database-level integrity check (SQLite: PRAGMA integrity_check; PostgreSQL: a query). */
  checkIntegrity(): Promise<{ ok: boolean; detail: string }>;

  getCatalogue(): Promise<StoredCatalogue | null>;
  /** Replaces the catalogue. `expectedVersion` (when given) must be the current version, else VersionConflictError. */
  putCatalogue(
    catalogue: Catalogue,
    opts: { actor: string; expectedVersion?: number | null },
  ): Promise<StoredCatalogue>;

  /** Appends version current+1; throws VersionConflictError when baseVersion is not the current version. */
  appendSubmission(input: AppendSubmissionInput): Promise<StoredSubmission>;
  latestSubmission(organisationId: string): Promise<StoredSubmission | null>;
  /** The organisation's current version number (null when it has none), without reading the submission. */
  latestSubmissionVersion(organisationId: string): Promise<number | null>;
  getSubmission(organisationId: string, version: number): Promise<StoredSubmission | null>;
  /** Every version of one organisation, newest first, without their rows (getSubmission reads one whole). */
  submissionHistory(organisationId: string): Promise<SubmissionSummary[]>;
  /** The latest submission of every organisation that has one, in organisation id order. */
  latestSubmissions(): Promise<StoredSubmission[]>;

  /**
   * Creates the next register version atomically: reads the latest submissions and the catalogue, calls
   * `build` with the version number it will get, stores the result and its audit event.
   */
  createRegister(build: RegisterBuilder, opts: { actor: string }): Promise<StoredRegister>;
  getRegister(version: number): Promise<StoredRegister | null>;
  latestRegister(): Promise<StoredRegister | null>;
  /** Register versions newest first, without their bodies (counts stored when each was created). */
  listRegisters(): Promise<RegisterSummary[]>;

  /** Records that an organisation confirmed a register version; idempotent per (version, organisation). */
  addSignOff(input: { registerVersion: number; organisationId: string; actor: string }): Promise<SignOff>;
  /** The sign-offs of a register version that stand (withdrawn ones left out). */
  listSignOffs(registerVersion: number): Promise<SignOff[]>;
  /**
   * Withdraws a standing sign-off (NotFoundError when there is none); the row keeps who withdrew it and when,
   * with a `signoff.withdraw` audit event. Returns the sign-off withdrawn.
   */
  withdrawSignOff(input: { registerVersion: number; organisationId: string; actor: string }): Promise<SignOff>;

  /** The appendix file rendered for this key, or null when none is kept (or its bytes do not match their digest). */
  getAppendixRender(key: AppendixRenderKey): Promise<StoredAppendixRender | null>;
  /** Keeps a rendered appendix file; when one is kept for the key already, that one stays. */
  putAppendixRender(render: StoredAppendixRender): Promise<void>;

  listAudit(opts?: { afterSeq?: number; limit?: number }): Promise<AuditEvent[]>;
  verifyAudit(): Promise<AuditVerification>;
}
