/** The JSON shapes the API answers with, built from stored records. */
import type { Catalogue } from '../../shared/types.js';
import type { RegisterSummary, StoredRegister, StoredSubmission, SubmissionSummary } from '../store/types.js';
import { ProblemError } from '../http/problem.js';

export function submissionSummary(s: SubmissionSummary) {
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

export function submissionResource(s: StoredSubmission) {
  return { ...submissionSummary(s), submission: s.submission };
}

export function registerSummary(r: RegisterSummary) {
  return { ...r, hasErrors: r.errors > 0 };
}

export function registerResource(r: StoredRegister) {
  return { version: r.version, digest: r.digest, createdBy: r.createdBy, createdAt: r.createdAt, register: r.register };
}

/** 404 unless the organisation is in the catalogue. */
export function requireOrganisation(catalogue: Catalogue, id: string) {
  const org = catalogue.organisations.find((o) => o.id === id);
  if (!org) throw new ProblemError('not-found', `There is no organisation "${id}" in the partnership catalogue.`);
  return org;
}
