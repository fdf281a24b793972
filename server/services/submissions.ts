/** Submitting and dry-running partner workbooks (as raw tables), shared by the API and the CLI. */
import { parseWorkbook } from '../../shared/parse.js';
import { canonicalJson } from '../../shared/digest.js';
import { countIssues, hasErrors, type Issue } from '../../shared/issues.js';
import type { Catalogue, RawTables, Submission } from '../../shared/types.js';
import { nativeSha256Hex } from '../store/nativeDigest.js';
import type { Store, StoredSubmission, SubmissionSourceKind } from '../store/types.js';
import { ValidationFailed } from './errors.js';

export interface ValidationReport {
  /** True when the workbook has no errors (warnings allowed). */
  valid: boolean;
  /** The organisation the workbook is for, when it could be read. */
  organisationId: string | null;
  errors: number;
  warnings: number;
  /** Every issue, errors and warnings, in sheet then row order. */
  issues: Issue[];
  submission: Submission | null;
}

/** Parses and validates without storing anything. */
export function validateTables(opts: {
  catalogue: Catalogue;
  tables: RawTables;
  expectedOrganisationId?: string;
}): ValidationReport {
  const result = parseWorkbook(
    opts.tables,
    opts.catalogue,
    opts.expectedOrganisationId !== undefined ? { expectedOrganisationId: opts.expectedOrganisationId } : {},
  );
  const { errors, warnings } = countIssues(result.issues);
  const valid = result.submission !== null && !hasErrors(result.issues);
  return {
    valid,
    organisationId: result.organisationId ?? opts.expectedOrganisationId ?? null,
    errors,
    warnings,
    issues: result.issues,
    submission: valid ? result.submission : null,
  };
}

export interface SubmitTablesInput {
  store: Store;
  catalogue: Catalogue;
  tables: RawTables;
  /** Email of whoever submits. */
  actor: string;
  /** The version this replaces: null for an organisation's first submission. */
  baseVersion: number | null;
  source: SubmissionSourceKind;
  fileName?: string | null;
  /** When set, a workbook for another organisation is the error `about/organisation-not-yours`. */
  expectedOrganisationId?: string;
}

/**
 * Validates and stores a workbook as the organisation's next version, with its warnings. Errors throw
 * ValidationFailed carrying every issue, and nothing is stored; a stale baseVersion throws the store's
 * VersionConflictError.
 */
export async function submitTables(input: SubmitTablesInput): Promise<StoredSubmission> {
  const accepted = acceptedOrThrow(input);
  return append(input, accepted, input.baseVersion);
}

/**
 * The CLI's import of a workbook file the PMG holds: validated like any submission, then stored on top of
 * whatever the organisation's current version is. A workbook identical to the current version is not stored
 * again (`created: false`), so importing the same folder twice adds nothing.
 */
export async function importTables(
  input: Omit<SubmitTablesInput, 'baseVersion'>,
): Promise<{ stored: StoredSubmission; created: boolean }> {
  const accepted = acceptedOrThrow(input);
  const current = await input.store.latestSubmission(accepted.organisationId);
  // The digest the store would give it: sha256 of the canonical text it writes.
  if (current && current.digest === `sha256:${nativeSha256Hex(accepted.canonical)}`) {
    return { stored: current, created: false };
  }
  return { stored: await append(input, accepted, current?.version ?? null), created: true };
}

/** A valid workbook ready to store: its organisation, canonical JSON and warnings. */
interface Accepted {
  organisationId: string;
  canonical: string;
  warnings: Issue[];
}

function acceptedOrThrow(input: Omit<SubmitTablesInput, 'baseVersion'>): Accepted {
  const { submission, issues, organisationId } = validateTables(input);
  if (submission === null) throw new ValidationFailed(issues, organisationId);
  // A valid workbook's issues are all warnings.
  return { organisationId: submission.organisationId, canonical: canonicalJson(submission), warnings: issues };
}

function append(
  input: Omit<SubmitTablesInput, 'baseVersion'>,
  accepted: Accepted,
  baseVersion: number | null,
): Promise<StoredSubmission> {
  return input.store.appendSubmission({
    ...accepted,
    baseVersion,
    actor: input.actor,
    source: input.source,
    fileName: input.fileName ?? null,
  });
}
