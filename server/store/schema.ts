/**
 * Table shapes as Kysely sees them. Both databases store the same column types: integers for versions and
 * sequence numbers, text for everything else (ISO 8601 timestamps, digests, JSON bodies as text so the bytes
 * stored are the bytes written).
 */
export interface CatalogueVersionsTable {
  version: number;
  digest: string;
  body: string;
  updated_by: string;
  updated_at: string;
}

export interface SubmissionsTable {
  organisation_id: string;
  version: number;
  digest: string;
  body: string;
  warnings: string;
  submitted_by: string;
  submitted_at: string;
  source: string;
  file_name: string | null;
}

export interface RegistersTable {
  version: number;
  digest: string;
  body: string;
  created_by: string;
  created_at: string;
  /** Counts for listing without the body (migration 002; null on rows written before it ran). */
  organisations_count: number | null;
  submissions_count: number | null;
  errors_count: number | null;
  warnings_count: number | null;
}

export interface SignOffsTable {
  register_version: number;
  organisation_id: string;
  register_digest: string;
  signed_by: string;
  signed_at: string;
  /** Migration 005: who withdrew the sign-off and when; null while it stands. */
  withdrawn_by: string | null;
  withdrawn_at: string | null;
}

export interface AuditEventsTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  digest_before: string | null;
  digest_after: string | null;
  /** Migration 003; null on events without details and on those written before it. */
  detail_digest: string | null;
  prev_hash: string;
  hash: string;
}

/** A register version's appendix as rendered for one sign-off state (migration 004; a cache, not audited). */
export interface AppendixRendersTable {
  register_version: number;
  format: string;
  /** What else decides the file: the renderer's layout version and the sign-offs shown (appendixRenders.ts). */
  state_key: string;
  file_name: string;
  media_type: string;
  bytes_base64: string;
  /** sha256:<hex> of the bytes, checked when they are read back. */
  bytes_digest: string;
  rendered_at: string;
}

export interface Database {
  catalogue_versions: CatalogueVersionsTable;
  submissions: SubmissionsTable;
  registers: RegistersTable;
  sign_offs: SignOffsTable;
  audit_events: AuditEventsTable;
  appendix_renders: AppendixRendersTable;
}
