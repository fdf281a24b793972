/**
 * The JSON shapes the API answers with, built from stored records: each is typed by the schema that documents
 * it (z.infer), so a field the document does not list cannot be sent, nor one it lists be left out.
 */
import type { z } from 'zod';
import { ISSUE_LIST_LIMIT } from '../../shared/issueReport.js';
import type {
  RegisterSummary,
  StoredCatalogue,
  StoredRegister,
  StoredSubmission,
  SubmissionSummary,
} from '../store/types.js';
import type {
  consolidationSchema,
  registerSummarySchema,
  storedCatalogueSchema,
  storedRegisterSchema,
  storedSubmissionSchema,
  submissionSummarySchema,
  submissionWriteSchema,
} from './schemas.js';

/**
 * A stored version as the API shows it: its warnings listed up to ISSUE_LIST_LIMIT (a valid workbook of 20,000
 * rows may carry a warning on each), and all of them counted.
 */
export function submissionSummary(s: SubmissionSummary): z.infer<typeof submissionSummarySchema> {
  const truncated = s.warnings.length > ISSUE_LIST_LIMIT;
  return {
    organisationId: s.organisationId,
    version: s.version,
    digest: s.digest,
    submittedBy: s.submittedBy,
    submittedAt: s.submittedAt,
    source: s.source,
    fileName: s.fileName,
    warnings: truncated ? s.warnings.slice(0, ISSUE_LIST_LIMIT) : s.warnings,
    warningCount: s.warnings.length,
    warningsTruncated: truncated,
  };
}

export function submissionResource(s: StoredSubmission): z.infer<typeof storedSubmissionSchema> {
  return { ...submissionSummary(s), submission: s.submission as unknown as Record<string, unknown> };
}

/** The answer to a write: the version stored, or the current one when the workbook was unchanged. */
export function submissionWrite(s: SubmissionSummary, unchanged: boolean): z.infer<typeof submissionWriteSchema> {
  return { ...submissionSummary(s), unchanged };
}

export function registerSummary(r: RegisterSummary): z.infer<typeof registerSummarySchema> {
  return {
    version: r.version,
    digest: r.digest,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    organisations: r.organisations,
    submissions: r.submissions,
    errors: r.errors,
    warnings: r.warnings,
    hasErrors: r.errors > 0,
  };
}

export function registerResource(r: StoredRegister): z.infer<typeof storedRegisterSchema> {
  return {
    version: r.version,
    digest: r.digest,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    register: r.register as unknown as Record<string, unknown>,
  };
}

/** The answer to a consolidation: the new register, or the latest one when nothing changed. */
export function consolidation(r: StoredRegister, unchanged: boolean): z.infer<typeof consolidationSchema> {
  return { ...registerResource(r), unchanged };
}

export function catalogueResource(c: StoredCatalogue): z.infer<typeof storedCatalogueSchema> {
  return {
    version: c.version,
    digest: c.digest,
    updatedBy: c.updatedBy,
    updatedAt: c.updatedAt,
    catalogue: c.catalogue,
  };
}
