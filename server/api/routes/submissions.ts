/**
 * An organisation's workbook: template download, current submission (ETag = version), history, one version,
 * PUT of raw tables and upload of a file (both stored by the services' storeSubmission under the If-Match
 * rules), and a dry-run validate.
 */
import type { Response } from 'express';
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json, problems } from '../docs.js';
import {
  ifMatchHeaders,
  orgParams,
  orgVersionParams,
  storedSubmissionSchema,
  submissionBody,
  submissionHistorySchema,
  submissionWriteSchema,
  uploadBody,
  validateBody,
  validationReportSchema,
} from '../schemas.js';
import { etagOf, preconditionOf } from '../preconditions.js';
import { submissionResource, submissionSummary, submissionWrite } from '../resources.js';
import { checkUpload } from '../workbookFile.js';
import { checkedBody } from '../checkedBody.js';
import { loadedCatalogue, requireOrganisation } from '../../services/catalogue.js';
import { storeSubmission, type SubmitOutcome } from '../../services/submissions.js';
import type { WorkbookCheck } from '../../../shared/checkWorkbook.js';
import { ProblemError } from '../../http/problem.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 200 with a dry run's report: its counts, its listed issues and, when valid, the submission, spliced in as the
 * canonical JSON text the check made (a large workbook's is never parsed again on the event loop).
 */
function sendValidationReport(
  res: Response,
  { organisationId, canonical, report }: Pick<WorkbookCheck, 'organisationId' | 'canonical' | 'report'>,
): void {
  const { errors, warnings, byCode, truncated, issues } = report;
  const valid = canonical !== null;
  const head = JSON.stringify({ valid, organisationId, errors, warnings, byCode, truncated, issues });
  res
    .status(200)
    .type('application/json')
    .send(`${head.slice(0, -1)},"submission":${canonical ?? 'null'}}`);
}

/**
 * 201 with what the writer did not already have: the new version (ETag), where it lives (Location), its
 * digest, time and warnings (the rows are the ones just sent; GET on Location returns them); or 200 with the
 * current version, `unchanged`, when the workbook was identical to it.
 */
function sendWritten(res: Response, { stored, created }: SubmitOutcome): void {
  res
    .status(created ? 201 : 200)
    .set('ETag', etagOf(stored.version))
    .set('Location', `/api/organisations/${encodeURIComponent(stored.organisationId)}/submissions/${stored.version}`)
    .json(submissionWrite(stored, !created));
}

const WRITTEN = {
  201: json('Stored as the next version (without its rows: GET Location for them).', submissionWriteSchema, {
    ETag: '"<version>"',
    Location: 'URL',
  }),
  200: json(
    'Identical to the current version: nothing was stored (no new version, no audit event); `unchanged` is true and this is the current version.',
    submissionWriteSchema,
    { ETag: '"<version>"', Location: 'URL' },
  ),
};

const WRITE_PROBLEMS = problems(404, 409, 412, 422, 428);

/** The organisation's empty partner workbook, to fill in. */
function templateRoute(): AnyRoute {
  return defineRoute({
    method: 'get',
    path: '/organisations/{id}/template.xlsx',
    operationId: 'getPartnerTemplate',
    tag: 'submissions',
    summary: 'An empty partner workbook for this organisation (the five tables, dropdowns, About pre-filled).',
    access: 'own-organisation',
    params: orgParams,
    responses: {
      200: { description: 'The workbook.', contentType: XLSX, schema: uploadBody.shape.file },
      ...problems(404, 409),
    },
    handler: async ({ params, catalogue: snapshot, res }) => {
      const { catalogue } = loadedCatalogue(snapshot);
      requireOrganisation(catalogue, params.id);
      // ExcelJS loads with the first template asked for, not with the service.
      const { writePartnerTemplate } = await import('../../export/template.js');
      const buf = await writePartnerTemplate(catalogue, params.id);
      res.status(200).type(XLSX).set('Content-Disposition', `attachment; filename="${params.id}.xlsx"`).send(buf);
    },
  });
}

/** What the organisation submitted: its current version, its history, any one version. */
function submittedRoutes({ store }: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/organisations/{id}/submission',
      operationId: 'getCurrentSubmission',
      tag: 'submissions',
      summary: 'The organisation’s current submission (ETag = its version).',
      access: 'own-organisation',
      params: orgParams,
      responses: {
        200: json('The latest accepted submission.', storedSubmissionSchema, { ETag: '"<version>"' }),
        ...problems(404),
      },
      handler: async ({ params, res }) => {
        const latest = await store.latestSubmission(params.id);
        if (!latest) throw new ProblemError('not-found', `${params.id} has not submitted a workbook yet.`);
        res.set('ETag', etagOf(latest.version)).json(submissionResource(latest));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/organisations/{id}/submissions',
      operationId: 'listSubmissionVersions',
      tag: 'submissions',
      summary: 'Every version the organisation submitted, newest first (without their rows).',
      access: 'own-organisation',
      params: orgParams,
      responses: { 200: json('The history.', submissionHistorySchema) },
      handler: async ({ params, res }) => {
        const history = await store.submissionHistory(params.id);
        res.json({ organisationId: params.id, versions: history.map(submissionSummary) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/organisations/{id}/submissions/{version}',
      operationId: 'getSubmissionVersion',
      tag: 'submissions',
      summary: 'One version of the organisation’s submission.',
      access: 'own-organisation',
      params: orgVersionParams,
      responses: {
        200: json('That version.', storedSubmissionSchema, { ETag: '"<version>"' }),
        ...problems(404),
      },
      handler: async ({ params, res }) => {
        const s = await store.getSubmission(params.id, params.version);
        if (!s) throw new ProblemError('not-found', `${params.id} has no submission version ${params.version}.`);
        res.set('ETag', etagOf(s.version)).json(submissionResource(s));
      },
    }),
  ];
}

/** A workbook sent as raw tables: checked from its bytes and stored. */
function putRoute({ store, workers }: ApiDeps): AnyRoute {
  return defineRoute({
    method: 'put',
    path: '/organisations/{id}/submission',
    operationId: 'putSubmission',
    tag: 'submissions',
    summary:
      'Submit the workbook as raw tables. If-Match: the version you edited (428 without it once a version exists, 412 when stale); 422 lists every issue and stores nothing; a workbook identical to the current version is 200 and stores nothing.',
    access: 'own-organisation',
    params: orgParams,
    headers: ifMatchHeaders,
    bodyDoc: submissionBody,
    rawJson: true,
    responses: { ...WRITTEN, ...WRITE_PROBLEMS },
    /**
     * The body is parsed, validated and canonicalised from its bytes (on a worker thread when it is a large
     * workbook), then stored. Problems come in the order of the other routes: the body (malformed JSON, not
     * the request schema: 400), no catalogue (409), unknown organisation (404), then the workbook (422) and
     * its version (412 / 428).
     */
    handler: async ({ params, rawBody, principal, catalogue, req, res }) => {
      const check = await checkedBody(workers, { req, rawBody, catalogue, organisationId: params.id }, 'submit');
      const outcome = await storeSubmission({
        store,
        organisationId: params.id,
        checked: check,
        actor: principal.email,
        source: check.source,
        fileName: check.fileName,
        replaces: { kind: 'if-match', precondition: preconditionOf(req) },
      });
      sendWritten(res, outcome);
    },
  });
}

/** A workbook sent as a file: read and checked on a worker thread, and stored. */
function uploadRoute({ store, workers }: ApiDeps): AnyRoute {
  return defineRoute({
    method: 'post',
    path: '/organisations/{id}/submission/upload',
    operationId: 'uploadSubmission',
    tag: 'submissions',
    summary:
      'Submit a workbook file (.xlsx or .ods, multipart field "file", its name at most 255 characters); same rules as PUT.',
    access: 'own-organisation',
    params: orgParams,
    headers: ifMatchHeaders,
    upload: 'only',
    responses: { ...WRITTEN, ...WRITE_PROBLEMS },
    handler: async ({ params, file, principal, catalogue: snapshot, req, res }) => {
      const { catalogue } = loadedCatalogue(snapshot);
      requireOrganisation(catalogue, params.id);
      const outcome = await storeSubmission({
        store,
        organisationId: params.id,
        checked: await checkUpload(workers, file, catalogue, params.id),
        actor: principal.email,
        source: 'upload',
        fileName: file.originalname,
        replaces: { kind: 'if-match', precondition: preconditionOf(req) },
      });
      sendWritten(res, outcome);
    },
  });
}

/** A dry run: a workbook (raw tables or a file) checked and reported; nothing is stored. */
function validateRoute({ workers }: ApiDeps): AnyRoute {
  return defineRoute({
    method: 'post',
    path: '/organisations/{id}/validate',
    operationId: 'validateSubmission',
    tag: 'submissions',
    summary:
      'Dry run: validate raw tables (JSON) or a file (multipart "file") and report every issue (the first 1,000 listed, all of them counted); stores nothing.',
    access: 'own-organisation',
    params: orgParams,
    bodyDoc: validateBody,
    rawJson: true,
    upload: 'or-json',
    responses: {
      200: json('The validation report (valid or not).', validationReportSchema),
      ...problems(404, 409, 422),
    },
    /**
     * A JSON body is checked from its bytes as a PUT's is (on a worker thread when it is large), a file is read
     * and checked on a worker thread; either way the report lists the first ISSUE_LIST_LIMIT issues and counts
     * them all.
     */
    handler: async ({ params, file, rawBody, catalogue: snapshot, req, res }) => {
      if (file) {
        const { catalogue } = loadedCatalogue(snapshot);
        requireOrganisation(catalogue, params.id);
        sendValidationReport(res, await checkUpload(workers, file, catalogue, params.id));
        return;
      }
      const request = { req, rawBody, catalogue: snapshot, organisationId: params.id };
      sendValidationReport(res, await checkedBody(workers, request, 'validate'));
    },
  });
}

export function submissionRoutes(deps: ApiDeps): AnyRoute[] {
  return [templateRoute(), ...submittedRoutes(deps), putRoute(deps), uploadRoute(deps), validateRoute(deps)];
}
