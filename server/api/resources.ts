/**
 * The JSON shapes the API answers with, built from stored records: each is typed by the schema that documents
 * it (z.infer), so a field the document does not list cannot be sent, nor one it lists be left out.
 */
import type { z } from 'zod';
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

export function submissionSummary(s: SubmissionSummary): z.infer<typeof submissionSummarySchema> {
  return {
    organisationId: s.organisationId,
    version: s.version,
    digest: s.digest,
    submittedBy: s.submittedBy,
    submittedAt: s.submittedAt,
    source: s.source,
    fileName: s.fileName,
    warnings: s.warnings,
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
