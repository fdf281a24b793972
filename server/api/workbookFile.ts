/**
 * Reads and checks an uploaded workbook against the catalogue, on a worker thread; an unreadable file is a 422
 * problem with its one sentence, and a file too large to read a 413.
 */
import type { Workers } from '../workers/workers.js';
import { WorkbookFileError } from '../import/workbookFileError.js';
import { ProblemError } from '../http/problem.js';
import type { WorkbookCheck } from '../../shared/checkWorkbook.js';
import type { Catalogue } from '../../shared/types.js';

export async function checkUpload(
  workers: Workers,
  file: { buffer: Buffer; originalname: string },
  catalogue: Catalogue,
  organisationId: string,
): Promise<Omit<WorkbookCheck, 'submission'>> {
  try {
    return await workers.checkWorkbookFile({
      data: file.buffer,
      fileName: file.originalname,
      catalogue,
      expectedOrganisationId: organisationId,
    });
  } catch (err) {
    if (err instanceof WorkbookFileError) {
      throw new ProblemError(err.problem === 'too-large' ? 'payload-too-large' : 'unreadable-workbook', err.message, {
        extensions: { errors: [{ pointer: '/body/file', detail: err.message }] },
      });
    }
    throw err;
  }
}
