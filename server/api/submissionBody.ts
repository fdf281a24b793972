/**
 * The body of PUT /organisations/{id}/submission, checked from its bytes: JSON text -> the request schema ->
 * the workbook's validation report and, when valid, the canonical JSON the store keeps. For a large workbook
 * it runs on a worker thread in the service (server/workers), so that parsing, validating and canonicalising
 * it does not hold up other requests, and the event loop receives only the outcome: a short report and one
 * string.
 * The outcomes are those of the other routes: malformed JSON as body-parser's, a body not matching the schema
 * as mount.ts's invalid-request with pointers.
 */
import { canonicalJson } from '../../shared/digest.js';
import type { Catalogue } from '../../shared/types.js';
import type { FieldError } from '../http/problem.js';
import { validateTables, type ValidationReport } from '../services/submissions.js';
import { fieldErrors } from './fieldErrors.js';
import { submissionBody } from './schemas.js';

export interface SubmissionBodyInput {
  /** The request body as received (UTF-8). */
  body: Uint8Array | string;
  /** The current catalogue; null when there is none (the body is then only parsed). */
  catalogue: Catalogue | null;
  expectedOrganisationId: string;
}

export type SubmissionBodyCheck =
  | { kind: 'malformed-json'; message: string }
  | { kind: 'invalid-request'; errors: FieldError[] }
  | {
      kind: 'checked';
      source: 'addin' | 'api';
      fileName: string | null;
      /** The report without the submission (the event loop needs only the issues and counts). */
      report: Omit<ValidationReport, 'submission'>;
      /**
       * Canonical JSON of the submission (what the store writes and hashes) when the workbook is valid; null
       * exactly when it is not.
       */
      canonical: string | null;
    }
  | { kind: 'no-catalogue' };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** body-parser's strict mode: a JSON body must be an object or an array. */
const OBJECT_OR_ARRAY = /^[ \t\n\r]*[{[]/;

export function checkSubmissionBody(input: SubmissionBodyInput): SubmissionBodyCheck {
  const text = typeof input.body === 'string' ? input.body : decoder.decode(input.body);
  let json: unknown;
  // As body-parser: an empty body is an empty object; anything else must be an object or an array.
  if (text.length === 0) json = {};
  else if (!OBJECT_OR_ARRAY.test(text)) {
    return { kind: 'malformed-json', message: 'a JSON object is expected' };
  } else {
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { kind: 'malformed-json', message: error instanceof Error ? error.message : String(error) };
    }
  }
  const parsed = submissionBody.safeParse(json);
  if (!parsed.success) return { kind: 'invalid-request', errors: fieldErrors('/body', parsed.error) };
  if (input.catalogue === null) return { kind: 'no-catalogue' };
  const { submission, ...report } = validateTables({
    catalogue: input.catalogue,
    tables: parsed.data.tables,
    expectedOrganisationId: input.expectedOrganisationId,
  });
  return {
    kind: 'checked',
    source: parsed.data.source ?? 'api',
    fileName: parsed.data.fileName ?? null,
    report,
    canonical: submission ? canonicalJson(submission) : null,
  };
}
