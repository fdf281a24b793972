/**
 * One entry for every export of a register version: the format, its file name, media type and bytes. Used by
 * the API route and the CLI alike.
 */
import { renderCsvZip } from './csv.js';
import { renderDocx } from './docx.js';
import { renderJson } from './json.js';
import { buildAppendix } from './buildAppendix.js';
import type { AppendixInput } from './model.js';
import { renderXlsx } from './xlsx.js';
import { renderOds } from './ods.js';
import { appendixFileName, FORMAT_FILES, type AppendixFormat } from './formats.js';

export interface RenderedAppendix {
  format: AppendixFormat;
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** The export of a register version in one format. Pure: the register, its sign-offs and the moment given. */
export async function renderAppendix(format: AppendixFormat, input: AppendixInput): Promise<RenderedAppendix> {
  const bytes =
    format === 'json'
      ? renderJson(input.stored)
      : await (
          format === 'docx' ? renderDocx : format === 'xlsx' ? renderXlsx : format === 'ods' ? renderOds : renderCsvZip
        )(buildAppendix(input));
  return {
    format,
    fileName: appendixFileName(input.stored.register.partnership.id, input.stored.version, format),
    mediaType: FORMAT_FILES[format].mediaType,
    bytes,
  };
}
