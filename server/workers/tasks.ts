/**
 * The work the service hands to its worker threads, as plain data in and out (an Error's class does not
 * survive the trip between threads, so a file that cannot be read comes back as data): reading and checking an
 * uploaded workbook, checking a submitted one's JSON, rendering an appendix. Run on a thread by
 * thread.ts, or on the calling thread by inlineWorkers: the same code either way.
 */
import { checkWorkbook, type WorkbookCheck } from '../../shared/checkWorkbook.js';
import type { Catalogue } from '../../shared/types.js';
import { checkSubmissionBody, type SubmissionBodyCheck, type SubmissionBodyInput } from '../requests/submissionBody.js';
import { nativeSha256Hex } from '../store/nativeDigest.js';
import { WorkbookFileError, type WorkbookFileProblem } from '../import/workbookFileError.js';
import type { AppendixFormat } from '../export/appendix/formats.js';
import type { AppendixInput } from '../export/appendix/model.js';
import type { RenderedAppendix } from '../export/appendix/render.js';
import type { Identified, RegisterVersion, VerifyResult } from '../export/appendix/verify/index.js';

/** An uploaded .xlsx file to read and check against the catalogue. */
export interface WorkbookFileInput {
  data: Uint8Array;
  fileName: string;
  catalogue: Catalogue;
  /** When set, a workbook for another organisation is the error `about/organisation-not-yours`. */
  expectedOrganisationId?: string;
}

export type Task =
  | ({ kind: 'check-workbook-file' } & WorkbookFileInput)
  | ({ kind: 'check-submission' } & SubmissionBodyInput)
  | { kind: 'render-appendix'; format: AppendixFormat; input: AppendixInput }
  | { kind: 'verify-identify'; data: Uint8Array; fileName: string }
  | { kind: 'verify-compare'; data: Uint8Array; fileName: string; against: RegisterVersion };

export type WorkbookFileAnswer =
  | ({ kind: 'checked-file' } & Omit<WorkbookCheck, 'submission'>)
  | { kind: 'file-error'; problem: WorkbookFileProblem; fileName: string; message: string };

/** A rendered appendix (its bytes come back from a thread as a plain Uint8Array). */
export type AppendixAnswer = { kind: 'appendix' } & Omit<RenderedAppendix, 'bytes'> & { bytes: Uint8Array };

/** The two steps of `verify` (server/export/appendix/verify/index.ts). */
export type VerifyAnswer =
  { kind: 'verify-identified'; identified: Identified } | { kind: 'verify-result'; result: VerifyResult };

export type Answer = WorkbookFileAnswer | SubmissionBodyCheck | AppendixAnswer | VerifyAnswer;

export async function runTask(task: Task): Promise<Answer> {
  if (task.kind === 'check-submission') return checkSubmissionBody(task);
  if (task.kind === 'render-appendix') {
    // Loaded on first use: docx and ExcelJS are needed by this task only.
    const { renderAppendix } = await import('../export/appendix/render.js');
    return { kind: 'appendix', ...(await renderAppendix(task.format, task.input)) };
  }
  if (task.kind === 'verify-identify' || task.kind === 'verify-compare') {
    // Loaded on first use, like the appendices.
    const { identifyFile, compareFile } = await import('../export/appendix/verify/index.js');
    return task.kind === 'verify-identify'
      ? { kind: 'verify-identified', identified: await identifyFile(task.data, task.fileName) }
      : { kind: 'verify-result', result: await compareFile(task.data, task.fileName, task.against) };
  }
  // Loaded on first use, like the appendices: the service starts without ExcelJS, and checks never need it.
  const { readWorkbook } = await import('../import/readWorkbook.js');
  let tables;
  try {
    tables = await readWorkbook(task.data, { fileName: task.fileName });
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    return { kind: 'file-error', problem: error.problem, fileName: error.fileName, message: error.message };
  }
  // Checked here too, on the thread that read it: a large workbook's rows never cross to the event loop, only
  // its canonical text, its listed issues (every warning of a valid one, which are stored with it) and counts.
  const { submission: _submission, ...checked } = checkWorkbook(tables, task.catalogue, {
    expectedOrganisationId: task.expectedOrganisationId,
    sha256Hex: nativeSha256Hex,
  });
  return { kind: 'checked-file', ...checked };
}
