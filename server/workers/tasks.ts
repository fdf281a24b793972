/**
 * The work the service hands to its worker threads, as plain data in and out (an Error's class does not
 * survive the trip between threads, so a file that cannot be read comes back as data). Run on a thread by
 * thread.ts, or on the calling thread by inlineWorkers: the same code either way.
 */
import type { RawTables } from '../../shared/types.js';
import { checkSubmissionBody, type SubmissionBodyCheck, type SubmissionBodyInput } from '../services/submissionBody.js';
import { WorkbookFileError, type WorkbookFileProblem } from '../import/workbookFileError.js';
import type { AppendixFormat } from '../export/appendix/formats.js';
import type { AppendixInput } from '../export/appendix/model.js';
import type { RenderedAppendix } from '../export/appendix/render.js';

export type Task =
  | { kind: 'read-workbook'; data: Uint8Array; fileName: string }
  | ({ kind: 'check-submission' } & SubmissionBodyInput)
  | { kind: 'render-appendix'; format: AppendixFormat; input: AppendixInput };

export type ReadWorkbookAnswer =
  | { kind: 'tables'; tables: RawTables }
  | { kind: 'file-error'; problem: WorkbookFileProblem; fileName: string; message: string };

/** A rendered appendix (its bytes come back from a thread as a plain Uint8Array). */
export type AppendixAnswer = { kind: 'appendix' } & Omit<RenderedAppendix, 'bytes'> & { bytes: Uint8Array };

export type Answer = ReadWorkbookAnswer | SubmissionBodyCheck | AppendixAnswer;

export async function runTask(task: Task): Promise<Answer> {
  if (task.kind === 'check-submission') return checkSubmissionBody(task);
  if (task.kind === 'render-appendix') {
    // Loaded on first use: docx and ExcelJS are needed by this task only.
    const { renderAppendix } = await import('../export/appendix/render.js');
    return { kind: 'appendix', ...(await renderAppendix(task.format, task.input)) };
  }
  // Loaded on first use, like the appendices: the service starts without ExcelJS, and checks never need it.
  const { readWorkbook } = await import('../import/readWorkbook.js');
  try {
    return { kind: 'tables', tables: await readWorkbook(task.data, { fileName: task.fileName }) };
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    return { kind: 'file-error', problem: error.problem, fileName: error.fileName, message: error.message };
  }
}
