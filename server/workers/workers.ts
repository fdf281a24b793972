/**
 * The service's worker threads (piscina), for the work that would otherwise hold up every other request on
 * the event loop: reading an uploaded .xlsx file (ExcelJS spends 7-30 ms of CPU on a small partner workbook,
 * seconds on a large one) and checking a large submitted workbook's JSON (parse, validate, canonicalise; see
 * CHECK_ON_THREAD_BYTES). A thread gets bytes (a copy of one buffer) and gives back a short outcome; no large
 * object graph crosses between threads, since copying one costs as much as the work itself. The CLI and
 * `WORKER_THREADS=0` run the same tasks on the calling thread (inlineWorkers).
 *
 * From the TypeScript sources (npm start, tests) each thread starts in typescriptWorker.mjs, which loads the
 * TypeScript through tsx (Node 20 does not carry tsx's hooks into threads); the compiled build's threads load
 * the .js beside this file.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import type { Catalogue, RawTables } from '../../shared/types.js';
import type { SubmissionBodyCheck, SubmissionBodyInput } from '../api/submissionBody.js';
import { WorkbookFileError } from '../import/workbookFileError.js';
import { runTask } from './tasks.js';
import type { ThreadAnswer, ThreadTask } from './thread.js';

export interface Workers {
  /** Reads an .xlsx file into raw tables; an unreadable file throws WorkbookFileError with one sentence. */
  readWorkbook(data: Uint8Array, fileName: string): Promise<RawTables>;
  /** Checks a submission request body (see server/api/submissionBody.ts); never throws for bad input. */
  checkSubmission(input: SubmissionBodyInput): Promise<SubmissionBodyCheck>;
  /** Stops the threads once the tasks under way are done; the workers cannot be used afterwards. */
  close(): Promise<void>;
}

function tablesOrThrow(answer: ThreadAnswer): RawTables {
  if (answer.kind === 'tables') return answer.tables;
  if (answer.kind === 'file-error') throw new WorkbookFileError(answer.problem, answer.fileName, answer.message);
  throw new Error(`A worker answered "${answer.kind}" to a workbook read.`);
}

function checkOrThrow(answer: ThreadAnswer): SubmissionBodyCheck {
  if (answer.kind === 'tables' || answer.kind === 'file-error' || answer.kind === 'need-catalogue') {
    throw new Error(`A worker answered "${answer.kind}" to a submission check.`);
  }
  return answer;
}

/** Everything on the calling thread. */
export function inlineWorkers(): Workers {
  return {
    readWorkbook: async (data, fileName) => tablesOrThrow(await runTask({ kind: 'read-workbook', data, fileName })),
    checkSubmission: async (input) => checkOrThrow(await runTask({ kind: 'check-submission', ...input })),
    close: async () => {},
  };
}

/** Threads when not told: the cores but one (left to the event loop), at least one. */
export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * Bodies smaller than this are checked on the event loop: under a millisecond of work, which a trip to a thread
 * would not save, and arriving one by one from a thread they would defeat the store's group commit (measured:
 * a 15 KB body checked on a thread cut PUT throughput by about a third). A workbook of about a thousand rows
 * and more goes to a thread.
 */
export const CHECK_ON_THREAD_BYTES = 256 * 1024;

export function workerPool(opts: { threads?: number; checkOnThreadBytes?: number } = {}): Workers {
  const threads = opts.threads ?? defaultThreads();
  const checkOnThreadBytes = opts.checkOnThreadBytes ?? CHECK_ON_THREAD_BYTES;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`A worker pool needs at least 1 thread, not ${threads}.`);
  }
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./thread.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
  const pool = new Piscina<ThreadTask, ThreadAnswer>({
    ...(fromSource
      ? { filename: new URL('./typescriptWorker.mjs', import.meta.url).href, workerData: { module: entry } }
      : { filename: entry }),
    // Threads start with the first task and stop after ten idle minutes: a thread costs memory, and its start
    // (hundreds of milliseconds from the sources) far more than a task.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 10 * 60_000,
  });

  const inline = inlineWorkers();
  // Each catalogue object (the store hands out one frozen object per version) gets a key the threads keep.
  const keys = new WeakMap<Catalogue, number>();
  let nextKey = 1;
  const keyOf = (catalogue: Catalogue): number => {
    let key = keys.get(catalogue);
    if (key === undefined) {
      key = nextKey++;
      keys.set(catalogue, key);
    }
    return key;
  };

  return {
    readWorkbook: async (data, fileName) => tablesOrThrow(await pool.run({ kind: 'read-workbook', data, fileName })),
    async checkSubmission(input) {
      if (input.body.length < checkOnThreadBytes) return inline.checkSubmission(input);
      const { catalogue, ...rest } = input;
      const task: ThreadTask = { kind: 'check-submission', ...rest, catalogueKey: catalogue ? keyOf(catalogue) : null };
      let answer = await pool.run(task);
      if (answer.kind === 'need-catalogue' && catalogue) answer = await pool.run({ ...task, catalogue });
      return checkOrThrow(answer);
    },
    close: () => pool.close(),
  };
}

/** The service's workers for WORKER_THREADS: 0 runs on the event loop, null picks the thread count. */
export function serviceWorkers(threads: number | null): Workers {
  return threads === 0 ? inlineWorkers() : workerPool(threads === null ? {} : { threads });
}
