/**
 * A submission body (PUT .../submission, POST .../validate) checked from its bytes on the worker threads
 * (server/requests/submissionBody.ts; on the event loop when small), or the problem it is, in the order of the
 * other routes: malformed JSON or not the request's schema (400), no catalogue (409), an organisation the
 * catalogue does not list (404). A workbook with errors is a check like any other: the route says what it means.
 */
import type { Request } from 'express';
import { invalidRequest, malformedJson } from '../http/problem.js';
import type { SubmissionBodyCheck } from '../requests/submissionBody.js';
import { noCatalogue, requireOrganisation } from '../services/catalogue.js';
import type { StoredCatalogue } from '../store/types.js';
import type { Workers } from '../workers/workers.js';
import { jsonText } from './jsonText.js';

type CheckedBody = Extract<SubmissionBodyCheck, { kind: 'checked' }>;

export async function checkedBody(
  workers: Workers,
  request: { req: Request; rawBody: Buffer; catalogue: StoredCatalogue | null; organisationId: string },
  purpose: 'submit' | 'validate',
): Promise<CheckedBody> {
  const { req, rawBody, catalogue: snapshot, organisationId } = request;
  const check = await workers.checkSubmission({
    body: jsonText(req, rawBody),
    catalogue: snapshot?.catalogue ?? null,
    expectedOrganisationId: organisationId,
    purpose,
  });
  if (check.kind === 'malformed-json') throw malformedJson(check.message);
  if (check.kind === 'invalid-request') throw invalidRequest(check.errors);
  if (check.kind === 'no-catalogue' || snapshot === null) throw noCatalogue();
  requireOrganisation(snapshot.catalogue, organisationId);
  return check;
}
