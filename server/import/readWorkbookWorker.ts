/**
 * A worker thread of workbookReader.ts: reads one .xlsx file into raw tables. A file that cannot be read comes
 * back as data (an Error's class does not survive the trip between threads); any other failure is thrown and
 * reaches the caller as an error of the task.
 */
import type { RawTables } from '../../shared/types.js';
import { readWorkbook } from './readWorkbook.js';
import { WorkbookFileError, type WorkbookFileProblem } from './workbookFileError.js';

export interface ReadTask {
  data: Uint8Array;
  fileName: string;
}

export type ReadAnswer = { tables: RawTables } | { problem: WorkbookFileProblem; fileName: string; message: string };

export default async function readInWorker({ data, fileName }: ReadTask): Promise<ReadAnswer> {
  try {
    return { tables: await readWorkbook(data, { fileName }) };
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    return { problem: error.problem, fileName: error.fileName, message: error.message };
  }
}
