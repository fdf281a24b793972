/** Database rows to the store's types. */
import type { Selectable } from 'kysely';
import type {
  AuditEventsTable,
  CatalogueVersionsTable,
  RegistersTable,
  SignOffsTable,
  SubmissionsTable,
} from './schema.js';
import { registerCounts, type RegisterCounts } from './registerCounts.js';
import type {
  AuditAction,
  RegisterSummary,
  SubmissionSummary,
  AuditEvent,
  SignOff,
  StoredCatalogue,
  StoredRegister,
  StoredSubmission,
  SubmissionSourceKind,
} from './types.js';

export function toStoredCatalogue(row: Selectable<CatalogueVersionsTable>): StoredCatalogue {
  return {
    version: row.version,
    digest: row.digest,
    catalogue: JSON.parse(row.body),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function toStoredSubmission(row: Selectable<SubmissionsTable>): StoredSubmission {
  return {
    organisationId: row.organisation_id,
    version: row.version,
    digest: row.digest,
    submission: JSON.parse(row.body),
    warnings: JSON.parse(row.warnings),
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    source: row.source as SubmissionSourceKind,
    fileName: row.file_name,
  };
}

export function toSubmissionSummary(row: Omit<Selectable<SubmissionsTable>, 'body'>): SubmissionSummary {
  return {
    organisationId: row.organisation_id,
    version: row.version,
    digest: row.digest,
    warnings: JSON.parse(row.warnings),
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    source: row.source as SubmissionSourceKind,
    fileName: row.file_name,
  };
}

/** A register row's summary: its count columns, or (on a row older than them) the counts of `legacyBody`. */
export function toRegisterSummary(
  row: Pick<Selectable<RegistersTable>, 'version' | 'digest' | 'created_by' | 'created_at' | keyof RegisterCounts> & {
    legacy_body: string | null;
  },
): RegisterSummary {
  const counts: { [K in keyof RegisterCounts]: number | null } =
    row.errors_count === null && row.legacy_body !== null ? registerCounts(JSON.parse(row.legacy_body)) : row;
  return {
    version: row.version,
    digest: row.digest,
    createdBy: row.created_by,
    createdAt: row.created_at,
    organisations: counts.organisations_count ?? 0,
    submissions: counts.submissions_count ?? 0,
    errors: counts.errors_count ?? 0,
    warnings: counts.warnings_count ?? 0,
  };
}

export function toStoredRegister(
  row: Pick<Selectable<RegistersTable>, 'version' | 'digest' | 'body' | 'created_by' | 'created_at'>,
): StoredRegister {
  return {
    version: row.version,
    digest: row.digest,
    createdBy: row.created_by,
    createdAt: row.created_at,
    register: JSON.parse(row.body),
  };
}

export function toSignOff(row: Selectable<SignOffsTable>): SignOff {
  return {
    registerVersion: row.register_version,
    organisationId: row.organisation_id,
    registerDigest: row.register_digest,
    signedBy: row.signed_by,
    signedAt: row.signed_at,
  };
}

export function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    subject: row.subject,
    digestBefore: row.digest_before,
    digestAfter: row.digest_after,
    detailDigest: row.detail_digest,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function fromAuditEvent(event: AuditEvent): Selectable<AuditEventsTable> {
  return {
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    action: event.action,
    subject: event.subject,
    digest_before: event.digestBefore,
    digest_after: event.digestAfter,
    detail_digest: event.detailDigest,
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}
