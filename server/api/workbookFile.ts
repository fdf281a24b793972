/**
 * Reads and checks an uploaded workbook against the catalogue, on a worker thread. A file that cannot be read
 * throws WorkbookFileError with its one sentence: a 422 problem, or a 413 for a file too large to read
 * (http/domainProblems.ts).
 */
import type { Workers } from '../workers/workers.js';
import type { WorkbookCheck } from '../../shared/checkWorkbook.js';
import type { Catalogue } from '../../shared/types.js';

export async function checkUpload(
  workers: Workers,
  file: { buffer: Buffer; originalname: string },
  catalogue: Catalogue,
  organisationId: string,
): Promise<Omit<WorkbookCheck, 'submission'>> {
  return workers.checkWorkbookFile({
    data: file.buffer,
    fileName: file.originalname,
    catalogue,
    expectedOrganisationId: organisationId,
  });
}
