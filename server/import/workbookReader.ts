/**
 * Where the service reads uploaded .xlsx files: on worker threads (piscina). ExcelJS spends 10-30 ms of CPU on
 * even a small partner workbook and seconds on a large one; on the event loop that time would hold up every
 * other request. A thread gets the file's bytes (a copy of one buffer) and gives back the raw tables; the
 * tables are validated on the event loop, where copying them to a thread and back would cost as much as the
 * check itself. The CLI reads in-process (inlineReader): it does one thing at a time.
 *
 * From the TypeScript sources (npm start, tests) each thread starts in typescriptWorker.mjs, which loads the
 * TypeScript worker module through tsx; the compiled build's threads load the .js beside this file.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import type { RawTables } from '../../shared/types.js';
import { readWorkbook } from './readWorkbook.js';
import { WorkbookFileError } from './workbookFileError.js';
import type { ReadAnswer, ReadTask } from './readWorkbookWorker.js';

export interface WorkbookReader {
  /** Reads an .xlsx file into raw tables; an unreadable file throws WorkbookFileError with one sentence. */
  read(data: Uint8Array, fileName: string): Promise<RawTables>;
  /** Stops its threads (waiting for reads under way); the reader cannot be used afterwards. */
  close(): Promise<void>;
}

/** Reads on the calling thread. */
export function inlineReader(): WorkbookReader {
  return {
    read: (data, fileName) => readWorkbook(data, { fileName }),
    close: async () => {},
  };
}

/** Threads to use when not told: the cores but one (left to the event loop), at least one. */
export function defaultReaderThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export function workbookReaderPool(opts: { threads?: number } = {}): WorkbookReader {
  const threads = opts.threads ?? defaultReaderThreads();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`A workbook reader pool needs at least 1 thread, not ${threads}.`);
  }
  const fromSource = import.meta.url.endsWith('.ts');
  const worker = new URL(`./readWorkbookWorker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
  const pool = new Piscina<ReadTask, ReadAnswer>({
    ...(fromSource
      ? { filename: new URL('./typescriptWorker.mjs', import.meta.url).href, workerData: { module: worker } }
      : { filename: worker }),
    // Threads start when the first file arrives and stop after a minute without one.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return {
    async read(data, fileName) {
      const answer = await pool.run({ data, fileName });
      if ('tables' in answer) return answer.tables;
      throw new WorkbookFileError(answer.problem, answer.fileName, answer.message);
    },
    close: () => pool.close(),
  };
}

/** The service's reader for READER_THREADS: 0 reads on the event loop, null picks the thread count. */
export function serviceReader(threads: number | null): WorkbookReader {
  return threads === 0 ? inlineReader() : workbookReaderPool(threads === null ? {} : { threads });
}
