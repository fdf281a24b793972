/**
 * One entry for every export of a register version: the format, its file name, media type and bytes. Used by
 * the API route and the CLI alike.
 */
import { renderCsvZip } from './csv.js';
import { renderDocx } from './docx.js';
import { renderJson } from './json.js';
import { buildAppendix, type AppendixInput } from './model.js';
import { renderXlsx } from './xlsx.js';

export const APPENDIX_FORMATS = ['docx', 'xlsx', 'csv', 'json'] as const;
export type AppendixFormat = (typeof APPENDIX_FORMATS)[number];

export const FORMAT_FILES: Record<AppendixFormat, { extension: string; mediaType: string; name: string }> = {
  docx: {
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    name: 'Word',
  },
  xlsx: {
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: 'Excel',
  },
  csv: { extension: 'zip', mediaType: 'application/zip', name: 'CSV (zip)' },
  json: { extension: 'json', mediaType: 'application/json', name: 'JSON' },
};

/** "northshire-oda-register-v3-appendices.docx": names the partnership and the version. */
export function appendixFileName(partnershipId: string, version: number, format: AppendixFormat): string {
  const slug =
    partnershipId
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'oda';
  const what = format === 'json' ? 'register' : 'appendices';
  return `${slug}-register-v${version}-${what}.${FORMAT_FILES[format].extension}`;
}

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
      : await (format === 'docx' ? renderDocx : format === 'xlsx' ? renderXlsx : renderCsvZip)(buildAppendix(input));
  return {
    format,
    fileName: appendixFileName(input.stored.register.partnership.id, input.stored.version, format),
    mediaType: FORMAT_FILES[format].mediaType,
    bytes,
  };
}
