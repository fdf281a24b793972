/**
 * The work the service hands to its worker threads, as plain data in and out (an Error's class does not
 * survive the trip between threads, so a file that cannot be read comes back as data). Run on a thread by
 * thread.ts, or on the calling thread by inlineWorkers: the same code either way.
 */
import type { RawTables } from '../../shared/types.js';
import { checkSubmissionBody, type SubmissionBodyCheck, type SubmissionBodyInput } from '../services/submissionBody.js';
import { readWorkbook } from '../import/readWorkbook.js';
import { WorkbookFileError, type WorkbookFileProblem } from '../import/workbookFileError.js';

export type Task =
  { kind: 'read-workbook'; data: Uint8Array; fileName: string } | ({ kind: 'check-submission' } & SubmissionBodyInput);

export type ReadWorkbookAnswer =
  | { kind: 'tables'; tables: RawTables }
  | { kind: 'file-error'; problem: WorkbookFileProblem; fileName: string; message: string };

export type Answer = ReadWorkbookAnswer | SubmissionBodyCheck;

export async function runTask(task: Task): Promise<Answer> {
  if (task.kind === 'check-submission') return checkSubmissionBody(task);
  try {
    return { kind: 'tables', tables: await readWorkbook(task.data, { fileName: task.fileName }) };
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    return { kind: 'file-error', problem: error.problem, fileName: error.fileName, message: error.message };
  }
}
