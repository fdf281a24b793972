/**
 * The API's zod schemas: the request schemas validate requests, and all of them generate the OpenAPI 3.1
 * document (server/api/openapi.ts). One definition of each shape.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { catalogueSchema, ID_PATTERN } from '../../shared/catalogue.js';
import { ISSUE_CODES, type Issue, type IssueCode } from '../../shared/issues.js';
import { MEMBER_ROLES } from '../../shared/types.js';
import { PROBLEM_BASE, PROBLEM_TYPES } from '../http/problem.js';
import type { AuditEvent, AuditVerification, SignOff, StoredCatalogue } from '../store/types.js';
import type { RegisterSummary, SubmissionSummary } from '../store/types.js';
import type { SignOffStatus } from '../services/signOffs.js';
import { AUDIT_ACTIONS, SUBMISSION_SOURCE_KINDS } from '../services/domainKinds.js';
import { submissionRequestSchema, validateRequestSchema } from '../requests/submissionRequest.js';

extendZodWithOpenApi(z);

export { z };

export const organisationIdSchema = z
  .string()
  .max(100, { error: 'is too long for an organisation id' })
  .regex(ID_PATTERN, {
    error: 'must be an organisation id (letters, digits, ".", "_" and "-", starting with a letter or digit)',
  })
  .openapi({ example: 'north-county-council' });

/** A version in a path: plain decimal digits only (not `0x1`, `1e3`, `+1` or ` 1`), from 1. */
const VERSION_PATTERN = /^[1-9][0-9]{0,14}$/;
export const versionSchema = z
  .string()
  .regex(VERSION_PATTERN, { error: 'must be a version number written in plain decimal digits (1, 2, ...)' })
  .transform(Number)
  .openapi({ type: 'string', pattern: VERSION_PATTERN.source, example: '1' });

export const orgParams = z.object({ id: organisationIdSchema });
export const orgVersionParams = z.object({ id: organisationIdSchema, version: versionSchema });
export const registerParams = z.object({ version: versionSchema });
export const diffParams = z.object({ a: versionSchema, b: versionSchema });

export const consolidateQuery = z.object({
  force: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'true: create a new version even when nothing changed since the latest register.' }),
});

/**
 * A whole number in a query string, in plain decimal digits as versions in paths are (not `0x10`, `1e3`, `+1`
 * or ` 1`), from `min` to `max`. Documented as an integer: that is what a client sends.
 */
function decimalQuery(min: number, max: number, description: string) {
  return z
    .string()
    .regex(/^(0|[1-9][0-9]{0,14})$/, { error: 'must be a whole number written in plain decimal digits' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    )
    .optional()
    .openapi({ type: 'integer', minimum: min, maximum: max, description });
}

export const auditQuery = z.object({
  afterSeq: decimalQuery(0, Number.MAX_SAFE_INTEGER, 'Only events after this seq.'),
  limit: decimalQuery(1, 1000, 'At most this many (1-1000).'),
});

/** The request bodies of a submission (PUT) and a dry run (validate): defined where they are checked. */
export const submissionBody = submissionRequestSchema;
export const validateBody = validateRequestSchema;

export const uploadBody = z
  .object({ file: z.string().openapi({ format: 'binary', description: 'The partner workbook (.xlsx or .ods).' }) })
  .openapi('WorkbookUpload');

export const signOffBody = z
  .object({
    organisationId: organisationIdSchema
      .optional()
      .openapi({ description: 'Required for a PMG member recording a partner’s confirmation.' }),
  })
  .openapi('SignOffRequest');

export const catalogueBody = catalogueSchema.meta({ id: 'Catalogue' });

// ---- responses (documentation) ----

export const issueSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.enum(Object.keys(ISSUE_CODES) as [IssueCode, ...IssueCode[]]),
    message: z.string(),
    organisationId: z.string().optional(),
    sheet: z.string().optional(),
    row: z.number().int().optional(),
    column: z.string().optional(),
    cell: z.string().optional(),
  })
  .openapi('Issue') satisfies z.ZodType<Issue>;

/** How many issues of each code a report counts, listed or not (shared/issueReport.ts). */
export const issueCountsSchema = z.record(z.string(), z.number().int()).openapi('IssueCounts', {
  description: 'Issues of each code (codes that did not occur are left out), over all the issues, listed or not.',
});

export const problemSchema = z
  .object({
    type: z.string().openapi({
      description: `What went wrong, as \`${PROBLEM_BASE}<name>\`; the names, with their status and title: ${PROBLEM_TYPES.map(
        (p) => `\`${p.name}\` (${p.status}, ${p.title})`,
      ).join('; ')}.`,
    }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
    issues: z.array(issueSchema).optional().openapi({
      description: 'On a workbook with errors (422): its issues, the first 1,000 of them when `truncated`.',
    }),
    truncated: z
      .boolean()
      .optional()
      .openapi({ description: 'On a 422: true when `issues` lists only the first 1,000.' }),
    byCode: issueCountsSchema.optional(),
    errorCount: z.number().int().optional().openapi({ description: 'On a 422: errors among all the issues.' }),
    warningCount: z.number().int().optional().openapi({ description: 'On a 422: warnings among all the issues.' }),
    organisationId: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'On a workbook with errors: the organisation it is for, when it could be read.' }),
    currentVersion: z.number().int().nullable().optional().openapi({
      description: 'On a failed or missing If-Match (412, 428): the current version (null when there is none yet).',
    }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details.' });

export const healthSchema = z.object({ status: z.string() }).openapi('Health');
export const readySchema = z
  .object({ status: z.string(), store: z.string(), catalogueVersion: z.number().int().nullable() })
  .openapi('Ready');

export const meSchema = z
  .object({
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(MEMBER_ROLES),
    organisationId: z.string().nullable(),
    organisation: z.object({ id: z.string(), name: z.string() }).passthrough().nullable(),
    tokenKind: z.enum(['dev', 'entra']),
  })
  .openapi('Me');

export const storedCatalogueSchema = z
  .object({
    version: z.number().int(),
    digest: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    catalogue: catalogueBody,
  })
  .openapi('StoredCatalogue') satisfies z.ZodType<StoredCatalogue>;

const submissionMeta = {
  organisationId: z.string(),
  version: z.number().int(),
  digest: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  source: z.enum(SUBMISSION_SOURCE_KINDS),
  fileName: z.string().nullable(),
  warnings: z
    .array(issueSchema)
    .openapi({ description: 'The warnings stored with this version, in sheet then row order: the first 1,000.' }),
  warningCount: z.number().int().openapi({ description: 'All the warnings stored with this version, listed or not.' }),
  warningsTruncated: z.boolean().openapi({ description: 'True when `warnings` lists only the first 1,000 of them.' }),
};

export const submissionSummarySchema = z
  .object(submissionMeta)
  .openapi('SubmissionSummary') satisfies z.ZodType<SubmissionSummary>;
export const submissionWriteSchema = z
  .object({
    ...submissionMeta,
    unchanged: z.boolean().openapi({
      description:
        'True when the workbook was identical to the current version: nothing was stored, and this is that version.',
    }),
  })
  .openapi('SubmissionWrite');
export const storedSubmissionSchema = z
  .object({ ...submissionMeta, submission: z.record(z.string(), z.unknown()) })
  .openapi('StoredSubmission');
export const submissionHistorySchema = z
  .object({ organisationId: z.string(), versions: z.array(submissionSummarySchema) })
  .openapi('SubmissionHistory');

export const validationReportSchema = z
  .object({
    valid: z.boolean(),
    organisationId: z.string().nullable(),
    errors: z.number().int().openapi({ description: 'Errors among all the issues, listed or not.' }),
    warnings: z.number().int().openapi({ description: 'Warnings among all the issues, listed or not.' }),
    byCode: issueCountsSchema,
    truncated: z.boolean().openapi({ description: 'True when `issues` lists only the first 1,000 issues.' }),
    issues: z.array(issueSchema).openapi({ description: 'The issues in sheet then row order: the first 1,000.' }),
    submission: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('ValidationReport');

const registerMeta = {
  version: z.number().int(),
  digest: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
};

export const registerSummarySchema = z
  .object({
    ...registerMeta,
    organisations: z.number().int(),
    submissions: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    hasErrors: z.boolean(),
  })
  .openapi('RegisterSummary') satisfies z.ZodType<RegisterSummary>;
export const storedRegisterSchema = z
  .object({
    ...registerMeta,
    register: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The register document, schema "oda-register/register@1".' }),
  })
  .openapi('StoredRegister');
export const consolidationSchema = storedRegisterSchema
  .extend({
    unchanged: z.boolean().openapi({
      description:
        'True when nothing changed since the latest register (same digest): no version was created, and this is that register.',
    }),
  })
  .openapi('Consolidation');
export const registerListSchema = z.object({ registers: z.array(registerSummarySchema) }).openapi('RegisterList');
export const registerDiffSchema = z
  .object({ from: z.number().int(), to: z.number().int(), diff: z.record(z.string(), z.unknown()) })
  .openapi('RegisterDiff');

export const signOffSchema = z
  .object({
    registerVersion: z.number().int(),
    organisationId: z.string(),
    registerDigest: z.string(),
    signedBy: z.string(),
    signedAt: z.string(),
  })
  .openapi('SignOff') satisfies z.ZodType<SignOff>;
export const signOffStatusSchema = z
  .object({
    registerVersion: z.number().int(),
    registerDigest: z.string(),
    signOffs: z.array(signOffSchema),
    governingPartners: z.array(z.object({ id: z.string(), name: z.string() })),
    missing: z.array(z.string()),
    blockingIssues: z
      .array(issueSchema)
      .openapi({ description: 'The register’s errors: while there is one, it is not ready for the MoU.' }),
    readyForMou: z
      .boolean()
      .openapi({ description: 'No blocking issues, and every governing partner confirmed this version.' }),
  })
  .openapi('SignOffStatus') satisfies z.ZodType<SignOffStatus>;
export const signOffResultSchema = z
  .object({ signOff: signOffSchema, status: signOffStatusSchema })
  .openapi('SignOffResult');

export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    subject: z.string(),
    digestBefore: z.string().nullable(),
    digestAfter: z.string().nullable(),
    detailDigest: z.string().nullable().openapi({
      description: "Digest of a submission's warnings, source and file name (null on other events).",
    }),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEvent') satisfies z.ZodType<AuditEvent>;
export const auditListSchema = z
  .object({ events: z.array(auditEventSchema), nextAfterSeq: z.number().int().nullable() })
  .openapi('AuditList');
export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    problem: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
  })
  .openapi('AuditVerification') satisfies z.ZodType<AuditVerification>;

/** Request headers, for the document. */
export const ifMatchHeaders = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag of the version you edited, e.g. "3".' }),
  'if-none-match': z.string().optional().openapi({ description: '"*" for the first version.' }),
});
