/** The export formats of a register version, and their files. Small on purpose: the CLI loads it at start-up. */
export const APPENDIX_FORMATS = ['docx', 'xlsx', 'ods', 'csv', 'json'] as const;
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
  ods: {
    extension: 'ods',
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    name: 'OpenDocument',
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

/**
 * The appendices' layout: part of the key under which rendered files are kept (server/services/appendixFiles.ts).
 * Raise it with any change to what a rendered file holds, so that files kept by an earlier release are rendered
 * again rather than served (verify compares a file with what this release renders).
 */
export const APPENDIX_LAYOUT_VERSION = 7;
