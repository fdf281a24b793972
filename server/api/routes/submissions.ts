/**
 * An organisation's workbook: template download, current submission (ETag = version), history, one version,
 * PUT of raw tables and upload of a file (If-Match rules of preconditions.ts), and a dry-run validate.
 */
import { defineRoute, type AnyRoute, type RouteInput } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { AUTHED, json, problems } from '../docs.js';
import {
  ifMatchHeaders,
  orgParams,
  orgVersionParams,
  storedSubmissionSchema,
  submissionBody,
  submissionHistorySchema,
  submissionSummarySchema,
  uploadBody,
  validateBody,
  validationReportSchema,
} from '../schemas.js';
import { baseVersionFor, etagOf, readIfMatch } from '../preconditions.js';
import { requireOrganisation, submissionResource, submissionSummary } from '../resources.js';
import { tablesFromUpload } from '../workbookFile.js';
import { noCatalogue, requireCatalogue } from '../../services/catalogue.js';
import { submitTables, validateTables } from '../../services/submissions.js';
import { writePartnerTemplate } from '../../export/template.js';
import { invalidRequest, malformedJson, ProblemError } from '../../http/problem.js';
import { jsonText } from '../jsonText.js';
import type { RawTables } from '../../../shared/types.js';
import type { StoredSubmission, SubmissionSourceKind } from '../../store/types.js';
import { VersionConflictError } from '../../store/errors.js';
import { ValidationFailed } from '../../services/errors.js';

/**
 * The base version a write names when baseVersionFor would take it as is, given the current version it
 * names: none (no If-Match: a first submission) or If-Match "n" with n >= 1. Undefined for If-Match: *,
 * If-None-Match or "0", which need the current version to be answered. A bad If-Match is a 400 here.
 */
function expectedVersion(req: RouteInput<unknown, unknown, unknown>['req']): number | null | undefined {
  const ifMatch = readIfMatch(req);
  if (req.get('if-none-match') !== undefined) return undefined;
  if (ifMatch.kind === 'none') return null;
  if (ifMatch.kind === 'version' && ifMatch.version >= 1) return ifMatch.version;
  return undefined;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 201 with what the writer did not already have: the new version (ETag), where it lives (Location), its
 * digest, time and warnings. The rows are the ones just sent; GET on Location returns them.
 */
function sendCreated(res: RouteInput<unknown, unknown, unknown>['res'], stored: StoredSubmission): void {
  res
    .status(201)
    .set('ETag', etagOf(stored.version))
    .set('Location', `/api/organisations/${encodeURIComponent(stored.organisationId)}/submissions/${stored.version}`)
    .json(submissionSummary(stored));
}

export function submissionRoutes({ store, workers }: ApiDeps): AnyRoute[] {
  /** Uploaded workbooks: read (on a worker thread), then validated and stored under the If-Match rules. */
  async function submit(opts: {
    id: string;
    tables: RawTables;
    actor: string;
    source: SubmissionSourceKind;
    fileName: string | null;
    req: RouteInput<unknown, unknown, unknown>['req'];
  }): Promise<StoredSubmission> {
    const { catalogue } = await requireCatalogue(store);
    requireOrganisation(catalogue, opts.id);
    const input = {
      store,
      catalogue,
      tables: opts.tables,
      actor: opts.actor,
      source: opts.source,
      fileName: opts.fileName,
      expectedOrganisationId: opts.id,
    };
    return underIfMatch(opts.id, opts.req, (baseVersion) => submitTables({ ...input, baseVersion }));
  }

  /**
   * A PUT of raw tables: its body is parsed, validated and canonicalised from its bytes (on a worker thread
   * when it is a large workbook: server/workers), then stored under the If-Match rules. Problems come in the
   * order of the other routes: the body (malformed JSON, not the request schema: 400), no catalogue (409),
   * unknown organisation (404), then the workbook (422) and its version (412 / 428).
   */
  async function submitBody(opts: {
    id: string;
    body: Buffer;
    actor: string;
    req: RouteInput<unknown, unknown, unknown>['req'];
  }): Promise<StoredSubmission> {
    const text = jsonText(opts.req, opts.body);
    const catalogue = (await store.getCatalogue())?.catalogue ?? null;
    const check = await workers.checkSubmission({ body: text, catalogue, expectedOrganisationId: opts.id });
    if (check.kind === 'malformed-json') throw malformedJson(check.message);
    if (check.kind === 'invalid-request') throw invalidRequest(check.errors);
    if (check.kind === 'no-catalogue' || catalogue === null) throw noCatalogue();
    requireOrganisation(catalogue, opts.id);
    const { report, canonical, source, fileName } = check;
    return underIfMatch(opts.id, opts.req, async (baseVersion) => {
      if (canonical === null) throw new ValidationFailed(report.issues, report.organisationId);
      // A valid workbook's issues are all warnings.
      const warnings = report.issues;
      return store.appendSubmission({
        organisationId: opts.id,
        baseVersion,
        canonical,
        warnings,
        actor: opts.actor,
        source,
        fileName,
      });
    });
  }

  /**
   * Runs `write` with the base version the request's If-Match names. The common case: the version the writer
   * names (or none) is checked by the store itself, atomically in the write's transaction, and only a mismatch
   * is turned into the 412 / 428 of baseVersionFor; an invalid workbook reports a failed precondition first,
   * as it would have had the version been read beforehand.
   */
  async function underIfMatch(
    id: string,
    req: RouteInput<unknown, unknown, unknown>['req'],
    write: (baseVersion: number | null) => Promise<StoredSubmission>,
  ): Promise<StoredSubmission> {
    const subject = `The submission of ${id}`;
    const expected = expectedVersion(req);
    if (expected === undefined) {
      // If-Match: * or If-None-Match: settled against the current version first (rare; see baseVersionFor).
      const current = await store.latestSubmissionVersion(id);
      return write(baseVersionFor(req, current, subject));
    }
    try {
      return await write(expected);
    } catch (error) {
      if (error instanceof VersionConflictError) baseVersionFor(req, error.current, subject);
      else if (error instanceof ValidationFailed) {
        baseVersionFor(req, await store.latestSubmissionVersion(id), subject);
      }
      throw error;
    }
  }

  const writeProblems = problems(400, ...AUTHED, 404, 409, 412, 413, 415, 422, 428, 429);

  return [
    defineRoute({
      method: 'get',
      path: '/organisations/{id}/template.xlsx',
      tag: 'submissions',
      summary: 'An empty partner workbook for this organisation (the five tables, dropdowns, About pre-filled).',
      access: 'own-organisation',
      params: orgParams,
      responses: {
        200: { description: 'The workbook.', contentType: XLSX, schema: uploadBody.shape.file },
        ...problems(400, ...AUTHED, 404, 409),
      },
      handler: async ({ params, res }) => {
        const { catalogue } = await requireCatalogue(store);
        requireOrganisation(catalogue, params.id);
        const buf = await writePartnerTemplate(catalogue, params.id);
        res.status(200).type(XLSX).set('Content-Disposition', `attachment; filename="${params.id}.xlsx"`).send(buf);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/organisations/{id}/submission',
      tag: 'submissions',
      summary: 'The organisation’s current submission (ETag = its version).',
      access: 'own-organisation',
      params: orgParams,
      responses: {
        200: json('The latest accepted submission.', storedSubmissionSchema, { ETag: '"<version>"' }),
        ...problems(400, ...AUTHED, 404),
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
      tag: 'submissions',
      summary: 'Every version the organisation submitted, newest first (without their rows).',
      access: 'own-organisation',
      params: orgParams,
      responses: { 200: json('The history.', submissionHistorySchema), ...problems(400, ...AUTHED) },
      handler: async ({ params, res }) => {
        const history = await store.submissionHistory(params.id);
        res.json({ organisationId: params.id, versions: history.map(submissionSummary) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/organisations/{id}/submissions/{version}',
      tag: 'submissions',
      summary: 'One version of the organisation’s submission.',
      access: 'own-organisation',
      params: orgVersionParams,
      responses: {
        200: json('That version.', storedSubmissionSchema, { ETag: '"<version>"' }),
        ...problems(400, ...AUTHED, 404),
      },
      handler: async ({ params, res }) => {
        const s = await store.getSubmission(params.id, params.version);
        if (!s) throw new ProblemError('not-found', `${params.id} has no submission version ${params.version}.`);
        res.set('ETag', etagOf(s.version)).json(submissionResource(s));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/organisations/{id}/submission',
      tag: 'submissions',
      summary:
        'Submit the workbook as raw tables. If-Match: the version you edited (428 without it once a version exists, 412 when stale); 422 lists every issue and stores nothing.',
      access: 'own-organisation',
      params: orgParams,
      headers: ifMatchHeaders,
      bodyDoc: submissionBody,
      rawJson: true,
      responses: {
        201: json('Stored as the next version (without its rows: GET Location for them).', submissionSummarySchema, {
          ETag: '"<version>"',
          Location: 'URL',
        }),
        ...writeProblems,
      },
      handler: async ({ params, rawBody, principal, req, res }) => {
        const stored = await submitBody({ id: params.id, body: rawBody!, actor: principal!.email, req });
        sendCreated(res, stored);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/organisations/{id}/submission/upload',
      tag: 'submissions',
      summary: 'Submit a workbook file (.xlsx, multipart field "file"); same rules as PUT.',
      access: 'own-organisation',
      params: orgParams,
      headers: ifMatchHeaders,
      upload: 'only',
      responses: {
        201: json('Stored as the next version (without its rows: GET Location for them).', submissionSummarySchema, {
          ETag: '"<version>"',
          Location: 'URL',
        }),
        ...writeProblems,
      },
      handler: async ({ params, file, principal, req, res }) => {
        const tables = await tablesFromUpload(workers, file!);
        const stored = await submit({
          id: params.id,
          tables,
          actor: principal!.email,
          source: 'upload',
          fileName: file!.originalname,
          req,
        });
        sendCreated(res, stored);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/organisations/{id}/validate',
      tag: 'submissions',
      summary:
        'Dry run: validate raw tables (JSON) or a file (multipart "file") and report every issue; stores nothing.',
      access: 'own-organisation',
      params: orgParams,
      body: validateBody,
      upload: 'or-json',
      responses: {
        200: json('The validation report (valid or not).', validationReportSchema),
        ...problems(400, ...AUTHED, 404, 409, 413, 415, 422, 429),
      },
      handler: async ({ params, body, file, res }) => {
        const { catalogue } = await requireCatalogue(store);
        requireOrganisation(catalogue, params.id);
        const tables = file ? await tablesFromUpload(workers, file) : body.tables;
        res.json(validateTables({ catalogue, tables, expectedOrganisationId: params.id }));
      },
    }),
  ];
}
