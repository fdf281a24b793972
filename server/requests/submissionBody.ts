/**
 * The body of PUT /organisations/{id}/submission, checked from its bytes: JSON text -> the request schema ->
 * the workbook's check (shared/checkWorkbook.ts: its report and, when valid, the canonical JSON the store
 * keeps). For a large workbook it runs on a worker thread in the service (server/workers runs this function),
 * so that parsing, validating and canonicalising it does not hold up other requests, and the event loop
 * receives only the outcome: a short report and one string. This folder (server/requests/) holds request
 * parsing that the threads run: below the API and server/http/, which both use it, so the threads need neither.
 * The outcomes are those of the other routes: malformed JSON as body-parser's, a body not matching the schema
 * as mount.ts's invalid-request with pointers.
 */
import { checkWorkbook, type WorkbookCheck } from '../../shared/checkWorkbook.js';
import type { Catalogue } from '../../shared/types.js';
import { nativeSha256Hex } from '../store/nativeDigest.js';
import { fieldErrors, type FieldError } from './fieldErrors.js';
import { submissionRequestSchema, validateRequestSchema } from './submissionRequest.js';

export interface SubmissionBodyInput {
  /** The request body as received (UTF-8). */
  body: Uint8Array | string;
  /** The current catalogue; null when there is none (the body is then only parsed). */
  catalogue: Catalogue | null;
  expectedOrganisationId: string;
  /**
   * What the body is: a submission (PUT, the SubmissionRequest schema; the default) or a dry run (POST
   * .../validate, the ValidateRequest schema).
   */
  purpose?: 'submit' | 'validate';
}

export type SubmissionBodyCheck =
  | { kind: 'malformed-json'; message: string }
  | { kind: 'invalid-request'; errors: FieldError[] }
  | ({ kind: 'checked'; source: 'addin' | 'api'; fileName: string | null } & Omit<WorkbookCheck, 'submission'>)
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
  const parsed = (input.purpose === 'validate' ? validateRequestSchema : submissionRequestSchema).safeParse(json);
  if (!parsed.success) return { kind: 'invalid-request', errors: fieldErrors('/body', parsed.error) };
  const request: { tables: unknown; source?: 'addin' | 'api'; fileName?: string } = parsed.data;
  if (input.catalogue === null) return { kind: 'no-catalogue' };
  // A body of junk rows has a hundred thousand issues: of an invalid workbook's, only the listed ones travel
  // back from a worker thread (a valid one's warnings are all stored), and its canonical text, not the
  // submission object.
  const { submission: _submission, ...checked } = checkWorkbook(parsed.data.tables, input.catalogue, {
    expectedOrganisationId: input.expectedOrganisationId,
    sha256Hex: nativeSha256Hex,
  });
  return { kind: 'checked', source: request.source ?? 'api', fileName: request.fileName ?? null, ...checked };
}
