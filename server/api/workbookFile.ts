/**
 * Reads an uploaded workbook into raw tables; an unreadable file is a 422 problem with its one sentence, and a
 * file too large to read a 413.
 */
import type { Workers } from '../workers/workers.js';
import { WorkbookFileError } from '../import/workbookFileError.js';
import { ProblemError } from '../http/problem.js';
import type { RawTables } from '../../shared/types.js';

export async function tablesFromUpload(
  workers: Workers,
  file: { buffer: Buffer; originalname: string },
): Promise<RawTables> {
  try {
    return await workers.readWorkbook(file.buffer, file.originalname);
  } catch (err) {
    if (err instanceof WorkbookFileError) {
      throw new ProblemError(err.problem === 'too-large' ? 'payload-too-large' : 'unreadable-workbook', err.message, {
        extensions: { errors: [{ pointer: '/body/file', detail: err.message }] },
      });
    }
    throw err;
  }
}
