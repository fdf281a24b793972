/**
 * The API's zod schemas: the request schemas validate requests, and all of them generate the OpenAPI 3.1
 * document (server/api/openapi.ts). One definition of each shape.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { catalogueSchema, ID_PATTERN } from '../../shared/catalogue.js';
import { ISSUE_CODES, type IssueCode } from '../../shared/issues.js';
import { MEMBER_ROLES } from '../../shared/types.js';

extendZodWithOpenApi(z);

export { z };

export const organisationIdSchema = z
  .string()
  .max(100, { error: 'is too long for an organisation id' })
  .regex(ID_PATTERN, {
    error: 'must be an organisation id (letters, digits, ".", "_" and "-", starting with a letter or digit)',
  })
  .openapi({ example: 'north-county-council' });

const versionSchema = z.coerce
  .number({ error: 'must be a version number' })
  .int({ error: 'must be a whole version number' })
  .positive({ error: 'must be a version number from 1' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
  .openapi({ type: 'integer', example: 1 });

export const orgParams = z.object({ id: organisationIdSchema });
export const orgVersionParams = z.object({ id: organisationIdSchema, version: versionSchema });
export const registerParams = z.object({ version: versionSchema });
export const diffParams = z.object({ a: versionSchema, b: versionSchema });

export const auditQuery = z.object({
  afterSeq: z.coerce.number().int().min(0).optional().openapi({ description: 'Only events after this seq.' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'At most this many (1-1000).' }),
});

const a1Pattern = /^\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6}$/;

export const rawTableSchema = z
  .object({
    sheet: z.string().min(1).max(31),
    topLeft: z.string().regex(a1Pattern, { error: 'must be an A1 cell address such as A1' }),
    values: z.array(z.array(z.unknown())),
  })
  .openapi('RawTable', {
    description:
      'One table as read from the workbook: values[0] is the header row, topLeft the address of its first cell.',
  });

export const rawTablesSchema = z
  .record(z.string(), rawTableSchema)
  .openapi('RawTables', { description: 'Tables by name: About, Contacts, Commitments, Roles, Participation.' });

export const submissionBody = z
  .object({
    tables: rawTablesSchema,
    source: z.enum(['addin', 'api']).optional().openapi({ description: 'Who sends it; default api.' }),
    fileName: z.string().max(255).optional().openapi({ description: 'The workbook’s file name, if known.' }),
  })
  .openapi('SubmissionRequest');

export const validateBody = z.object({ tables: rawTablesSchema }).openapi('ValidateRequest');

export const uploadBody = z
  .object({ file: z.string().openapi({ format: 'binary', description: 'The partner workbook (.xlsx).' }) })
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
  .openapi('Issue');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
    issues: z.array(issueSchema).optional(),
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
  .openapi('StoredCatalogue');

const submissionMeta = {
  organisationId: z.string(),
  version: z.number().int(),
  digest: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  source: z.enum(['addin', 'upload', 'cli', 'api']),
  fileName: z.string().nullable(),
  warnings: z.array(issueSchema),
};

export const submissionSummarySchema = z.object(submissionMeta).openapi('SubmissionSummary');
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
    errors: z.number().int(),
    warnings: z.number().int(),
    issues: z.array(issueSchema),
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
  })
  .openapi('RegisterSummary');
export const storedRegisterSchema = z
  .object({
    ...registerMeta,
    register: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The register document, schema "oda-register/register@1".' }),
  })
  .openapi('StoredRegister');
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
  .openapi('SignOff');
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
  .openapi('SignOffStatus');
export const signOffResultSchema = z
  .object({ signOff: signOffSchema, status: signOffStatusSchema })
  .openapi('SignOffResult');

export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.enum(['catalogue.put', 'submission.create', 'register.create', 'signoff.create']),
    subject: z.string(),
    digestBefore: z.string().nullable(),
    digestAfter: z.string().nullable(),
    detailDigest: z.string().nullable().openapi({
      description: "Digest of a submission's warnings, source and file name (null on other events).",
    }),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEvent');
export const auditListSchema = z
  .object({ events: z.array(auditEventSchema), nextAfterSeq: z.number().int().nullable() })
  .openapi('AuditList');
export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    problem: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
  })
  .openapi('AuditVerification');

/** Request headers, for the document. */
export const ifMatchHeaders = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag of the version you edited, e.g. "3".' }),
  'if-none-match': z.string().optional().openapi({ description: '"*" for the first version.' }),
});
