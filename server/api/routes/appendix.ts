/**
 * MoU appendices of a register version (Word, Excel, OpenDocument, CSV zip, JSON) for every member (the PMG, viewers, and
 * line managers, who sign), and `verify` of an exported file.
 */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json, problems } from '../docs.js';
import { registerParams, storedRegisterSchema, z } from '../schemas.js';
import { AppendixFiles } from '../../services/appendixFiles.js';
import { registerWithSignOffs, requireRegisterWithSignOffs } from '../../services/registers.js';
import { APPENDIX_FORMATS, FORMAT_FILES, type AppendixFormat } from '../../export/appendix/formats.js';

/**
 * One route per file type (its extension in the path), so each is documented with its media type: what each
 * file is, by format (every format has one: the compiler holds it), its operation getRegisterAppendix<Format>.
 */
const WHAT: Record<AppendixFormat, string> = {
  docx: 'as a Word document',
  xlsx: 'as an Excel workbook',
  ods: 'as an OpenDocument spreadsheet (LibreOffice)',
  csv: 'as CSV files in a zip',
  json: 'as the register JSON',
};

const differenceSchema = z.object({
  where: z.string(),
  row: z.number().int().nullable(),
  key: z.string().nullable().optional(),
  field: z.string().nullable(),
  found: z.string(),
  expected: z.string(),
});

const verifyResultSchema = z
  .object({
    verdict: z.enum(['true-copy', 'edited', 'unknown-register', 'not-an-appendix']),
    format: z.enum(APPENDIX_FORMATS).nullable(),
    version: z.number().int().nullable(),
    digest: z.string().nullable(),
    partnership: z.string().nullable(),
    message: z.string(),
    differences: z.array(differenceSchema).openapi({ description: 'The first 100 differences.' }),
    differenceCount: z.number().int().openapi({ description: 'How many differences there are in all.' }),
  })
  .openapi('VerifyResult');

export function appendixRoutes({ store, workers }: ApiDeps): AnyRoute[] {
  // Rendered once per register version, format and sign-off state, on a worker thread (a Word file for
  // hundreds of partners takes seconds of CPU), and kept in the store.
  const files = new AppendixFiles(store, (format, input) => workers.renderAppendix(format, input));
  return [
    ...APPENDIX_FORMATS.map((format) =>
      defineRoute({
        method: 'get',
        path: `/registers/{version}/appendix.${FORMAT_FILES[format].extension}`,
        operationId: `getRegisterAppendix${format[0]!.toUpperCase()}${format.slice(1)}`,
        tag: 'registers',
        summary: `The MoU appendices of a register version ${WHAT[format]}, with the sign-off status as it is now (as at the last sign-off).`,
        access: 'member',
        params: registerParams,
        responses: {
          200: {
            description: 'The file, named after the partnership and the register version.',
            contentType: FORMAT_FILES[format].mediaType,
            // The register JSON is documented as the register; the other files as bytes.
            schema: format === 'json' ? storedRegisterSchema.shape.register : z.string().openapi({ format: 'binary' }),
            headers: {
              'Content-Disposition': `attachment; filename="<partnership>-register-v<version>-...${FORMAT_FILES[format].extension}"`,
            },
          },
          // Rendered on the worker threads, whose queue and time limit answer 503.
          ...problems(404, 503),
        },
        handler: async ({ params, res }) => {
          const found = await requireRegisterWithSignOffs(store, params.version);
          const file = await files.file(format, found.stored, found.signOffs);
          res
            .status(200)
            .set('Content-Type', file.mediaType)
            .set('Content-Disposition', `attachment; filename="${file.fileName}"`)
            .set('Cache-Control', 'private, no-store')
            .send(file.bytes);
        },
      }),
    ),
    defineRoute({
      method: 'post',
      path: '/verify',
      operationId: 'verifyAppendix',
      tag: 'registers',
      summary:
        'Whether an exported file (Word, Excel, CSV zip or JSON, in the multipart field "file") is a true copy of the register version it names; if not, which appendix, row and field differ (docs/verify.md).',
      access: 'member',
      upload: 'only',
      responses: {
        200: json('The verdict, with the first 100 differences and how many there are.', verifyResultSchema),
        // Read and compared on the worker threads, whose queue and time limit answer 503.
        ...problems(503),
      },
      handler: async ({ file, res }) => {
        const { verifyAppendix } = await import('../../export/appendix/verify/index.js');
        const catalogue = await store.getCatalogue();
        const result = await verifyAppendix(file.buffer, (version) => registerWithSignOffs(store, version), {
          fileName: file.originalname,
          partnership: catalogue?.catalogue.partnership ?? null,
          // Opened, vetted and compared on the worker threads, within their time limit.
          steps: workers.verify,
        });
        res.set('Cache-Control', 'private, no-store').json(result);
      },
    }),
  ];
}
