/**
 * The shape of a submission sent as raw tables (PUT /organisations/{id}/submission, POST .../validate), as zod
 * schemas: checked by submissionBody.ts (on a worker thread for a large body), and documented by the API's
 * OpenAPI document from the same definitions (`meta` ids name its components).
 */
import { z } from 'zod';
import { PUT_SOURCE_KINDS } from '../services/domainKinds.js';

const a1Pattern = /^\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6}$/;

/** The longest file name a submission keeps, whichever way it arrives (PUT or upload). */
export const FILE_NAME_MAX = 255;

export const fileNameSchema = z
  .string()
  .max(FILE_NAME_MAX, { error: `is longer than ${FILE_NAME_MAX} characters` })
  .meta({ description: 'The workbook’s file name, if known.' });

export const rawTableSchema = z
  .object({
    sheet: z.string().min(1).max(31),
    topLeft: z.string().regex(a1Pattern, { error: 'must be an A1 cell address such as A1' }),
    values: z.array(z.array(z.unknown())),
  })
  .meta({
    id: 'RawTable',
    description:
      'One table as read from the workbook: values[0] is the header row, topLeft the address of its first cell.',
  });

export const rawTablesSchema = z.record(z.string(), rawTableSchema).meta({
  id: 'RawTables',
  description:
    'Tables by name: About, Contacts, Commitments, Roles, Participation, and the optional Data sharing (contract 1.1).',
});

export const submissionRequestSchema = z
  .object({
    tables: rawTablesSchema,
    source: z.enum(PUT_SOURCE_KINDS).optional().meta({ description: 'Who sends it; default api.' }),
    fileName: fileNameSchema.optional(),
  })
  .meta({ id: 'SubmissionRequest' });

export const validateRequestSchema = z.object({ tables: rawTablesSchema }).meta({ id: 'ValidateRequest' });
