/**
 * The one check of a workbook: raw tables parsed and validated against the catalogue (shared/parse.ts), and
 * what every caller needs of the outcome: the organisation, the submission when it has no errors, its canonical
 * JSON (what the store writes) and digest (what the store records), and the report of its issues
 * (shared/issueReport.ts: the first ISSUE_LIST_LIMIT listed, all of them counted). The pane checks a workbook
 * with it before a round trip, the service a PUT body or an uploaded file (on a worker thread when large), the
 * CLI a file it imports or validates: the same issues and the same digest wherever it runs.
 */
import { canonicalJson, sha256Hex } from './digest.js';
import type { Issue } from './issues.js';
import { ISSUE_LIST_LIMIT, issueReport, type IssueReport } from './issueReport.js';
import { parseWorkbook } from './parse.js';
import type { Catalogue, RawTables, Submission } from './types.js';

export interface CheckWorkbookOptions {
  /** The organisation the submitter may write for; a workbook for another is `about/organisation-not-yours`. */
  expectedOrganisationId?: string;
  /** How many issues the report lists (default ISSUE_LIST_LIMIT); `all` for the CLI's full listing. */
  listLimit?: number | 'all';
  /**
   * The SHA-256 (hex) of UTF-8 text the digest is made with: shared/digest.ts's portable one by default; the
   * service passes node:crypto's (server/store/nativeDigest.ts), which gives the same digest faster.
   */
  sha256Hex?: (text: string) => string;
}

export interface WorkbookCheck {
  /** The organisation the workbook is for: the one its About names, else the expected one, else null. */
  organisationId: string | null;
  /** The workbook as a submission; null exactly when it has errors (nothing may be stored). */
  submission: Submission | null;
  /** RFC 8785 canonical JSON of the submission (what the store writes); null when it has errors. */
  canonical: string | null;
  /** `sha256:<hex>` of `canonical` (the digest the store records for it); null when it has errors. */
  digest: string | null;
  /** Every issue counted, the first `listLimit` of them listed, in sheet then row order. */
  report: IssueReport;
  /** Every warning of a valid workbook, stored with it (the report lists only the first); empty when it has errors. */
  warnings: Issue[];
}

export function checkWorkbook(tables: RawTables, catalogue: Catalogue, opts: CheckWorkbookOptions = {}): WorkbookCheck {
  const { expectedOrganisationId } = opts;
  const parsed = parseWorkbook(
    tables,
    catalogue,
    expectedOrganisationId !== undefined ? { expectedOrganisationId } : {},
  );
  const submission = parsed.submission;
  const canonical = submission ? canonicalJson(submission) : null;
  const limit = opts.listLimit === 'all' ? parsed.issues.length : (opts.listLimit ?? ISSUE_LIST_LIMIT);
  return {
    organisationId: parsed.organisationId ?? expectedOrganisationId ?? null,
    submission,
    canonical,
    digest: canonical === null ? null : `sha256:${(opts.sha256Hex ?? sha256Hex)(canonical)}`,
    report: issueReport(parsed.issues, limit),
    warnings: submission ? parsed.issues : [],
  };
}
