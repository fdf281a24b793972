/** The JSON shapes the API answers with, built from stored records. */
import { hasErrors } from '../../shared/issues.js';
import type { Catalogue } from '../../shared/types.js';
import type { StoredRegister, StoredSubmission } from '../store/types.js';
import { ProblemError } from '../http/problem.js';

export function submissionSummary(s: StoredSubmission) {
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

export function registerSummary(r: StoredRegister) {
  const issues = r.register.issues;
  return {
    version: r.version,
    digest: r.digest,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    organisations: r.register.organisations.length,
    submissions: r.register.sources.length,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    hasErrors: hasErrors(issues),
  };
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
