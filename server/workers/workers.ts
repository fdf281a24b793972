/**
 * The service's worker threads (piscina), for the work that would otherwise hold up every other request on
 * the event loop: reading and checking an uploaded .xlsx file (ExcelJS spends 7-30 ms of CPU on a small
 * partner workbook, seconds on a large one) and checking a large submitted workbook's JSON (parse, validate,
 * canonicalise; see CHECK_ON_THREAD_BYTES). A thread gets bytes (a copy of one buffer) and gives back a short
 * outcome; no large object graph crosses between threads, since copying one costs as much as the work itself
 * (a valid workbook's warnings excepted: they are stored with it). The CLI and
 * `WORKER_THREADS=0` run the same tasks on the calling thread (inlineWorkers).
 *
 * A pool bounds its queue (a task that would wait behind `maxQueue` others is refused at once with WorkersBusy)
 * and gives each task a time limit (WorkTimedOut; the thread running it is ended and replaced), so a flood of
 * huge files cannot make another partner's upload wait without end.
 *
 * From the TypeScript sources (npm start, tests) each thread starts in typescriptWorker.mjs, which loads the
 * TypeScript through tsx (Node 20 does not carry tsx's hooks into threads); in the bundle (esbuild.config.mjs)
 * the threads load thread.js, which sits beside whichever file holds this code.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import type { Catalogue } from '../../shared/types.js';
import type { SubmissionBodyCheck, SubmissionBodyInput } from '../requests/submissionBody.js';
import type { WorkbookCheck } from '../../shared/checkWorkbook.js';
import { WorkbookFileError } from '../import/workbookFileError.js';
import type { AppendixFormat } from '../export/appendix/formats.js';
import type { AppendixInput } from '../export/appendix/model.js';
import type { RenderedAppendix } from '../export/appendix/render.js';
import type { VerifySteps } from '../export/appendix/verify/index.js';
import { WorkersBusy, WorkTimedOut } from './errors.js';
import { runTask, type WorkbookFileInput } from './tasks.js';
import type { ThreadAnswer, ThreadTask } from './thread.js';

export interface Workers {
  /**
   * Reads an uploaded .xlsx file and checks it against the catalogue, both on a thread; an unreadable file
   * throws WorkbookFileError with one sentence.
   */
  checkWorkbookFile(input: WorkbookFileInput): Promise<Omit<WorkbookCheck, 'submission'>>;
  /** Checks a submission request body (see server/requests/submissionBody.ts); never throws for bad input. */
  checkSubmission(input: SubmissionBodyInput): Promise<SubmissionBodyCheck>;
  /** Renders a register version's appendix (a Word file for hundreds of partners takes many seconds). */
  renderAppendix(format: AppendixFormat, input: AppendixInput): Promise<RenderedAppendix>;
  /**
   * The two steps of `verify` (opening and vetting an uploaded file, then comparing it with its register version
   * rendered again), each within the task time limit.
   */
  verify: VerifySteps;
  /**
   * Resolves once a worker thread has started and answered (at once without threads); rejects, saying why,
   * when none can start. The same promise each time: the service's readiness waits for it.
   */
  ready(): Promise<void>;
  /** How busy the threads are (null without threads), for the metrics. */
  stats(): WorkerStats | null;
  /** Stops the threads once the tasks under way are done; the workers cannot be used afterwards. */
  close(): Promise<void>;
}

export interface WorkerStats {
  threads: number;
  /** Tasks on a thread now. */
  running: number;
  /** Tasks waiting for a thread (the queue's depth). */
  waiting: number;
  /** How long tasks waited for a thread, in milliseconds (piscina's histogram since start). */
  waitMs: { mean: number; p50: number; p99: number; max: number };
}

/** Told of tasks the pool refused (every thread busy and the queue full: a 503) or stopped at their time limit. */
export interface WorkerObserver {
  refused(task: ThreadTask['kind']): void;
  timedOut(task: ThreadTask['kind']): void;
}

function fileCheckOrThrow(answer: ThreadAnswer): Omit<WorkbookCheck, 'submission'> {
  if (answer.kind === 'file-error') throw new WorkbookFileError(answer.problem, answer.fileName, answer.message);
  if (answer.kind !== 'checked-file') throw new Error(`A worker answered "${answer.kind}" to a workbook file.`);
  const { kind: _kind, ...checked } = answer;
  return checked;
}

function checkOrThrow(answer: ThreadAnswer): SubmissionBodyCheck {
  if (
    answer.kind === 'checked-file' ||
    answer.kind === 'file-error' ||
    answer.kind === 'need-catalogue' ||
    answer.kind === 'appendix' ||
    answer.kind === 'verify-identified' ||
    answer.kind === 'verify-result' ||
    answer.kind === 'pong'
  ) {
    throw new Error(`A worker answered "${answer.kind}" to a submission check.`);
  }
  return answer;
}

function appendixOrThrow(answer: ThreadAnswer): RenderedAppendix {
  if (answer.kind !== 'appendix') throw new Error(`A worker answered "${answer.kind}" to an appendix.`);
  const { kind: _kind, bytes, ...file } = answer;
  // A Buffer crosses between threads as a plain Uint8Array: Express sends only a Buffer as bytes.
  return { ...file, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

function identifiedOrThrow(answer: ThreadAnswer) {
  if (answer.kind !== 'verify-identified') throw new Error(`A worker answered "${answer.kind}" to a file to verify.`);
  return answer.identified;
}

function verifiedOrThrow(answer: ThreadAnswer) {
  if (answer.kind !== 'verify-result') throw new Error(`A worker answered "${answer.kind}" to a file to verify.`);
  return answer.result;
}

/** Everything on the calling thread. */
export function inlineWorkers(): Workers {
  return {
    checkWorkbookFile: async (input) => fileCheckOrThrow(await runTask({ kind: 'check-workbook-file', ...input })),
    checkSubmission: async (input) => checkOrThrow(await runTask({ kind: 'check-submission', ...input })),
    renderAppendix: async (format, input) => appendixOrThrow(await runTask({ kind: 'render-appendix', format, input })),
    verify: {
      identify: async (data, fileName) => identifiedOrThrow(await runTask({ kind: 'verify-identify', data, fileName })),
      compare: async (data, fileName, against) =>
        verifiedOrThrow(await runTask({ kind: 'verify-compare', data, fileName, against })),
    },
    ready: () => Promise.resolve(),
    stats: () => null,
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

/** Tasks that may wait for a thread when every thread is busy; one more is refused (WorkersBusy). */
export const DEFAULT_MAX_QUEUE = 64;
/** Longest a task may take, waiting for a thread included; a task over it is stopped (WorkTimedOut). */
export const DEFAULT_TASK_TIMEOUT_MS = 30_000;

export interface WorkerPoolOptions {
  /** Threads (default: defaultThreads()). */
  threads?: number;
  /** Submission bodies smaller than this are checked on the calling thread (default CHECK_ON_THREAD_BYTES). */
  checkOnThreadBytes?: number;
  /** Tasks that may wait while every thread is busy (default DEFAULT_MAX_QUEUE). */
  maxQueue?: number;
  /** Time limit of a task, waiting included, in ms (default DEFAULT_TASK_TIMEOUT_MS). */
  taskTimeoutMs?: number;
  /** Told of refused and timed-out tasks (the metrics). */
  observer?: WorkerObserver;
}

/** What a task is doing, for the sentence of a task stopped at its time limit. */
function describe(task: ThreadTask): string {
  if (task.kind === 'check-workbook-file') return `reading ${task.fileName || 'the workbook'}`;
  if (task.kind === 'verify-identify' || task.kind === 'verify-compare')
    return `checking ${task.fileName || 'the file'} against its register version`;
  if (task.kind === 'ping') return 'starting a worker thread';
  if (task.kind === 'render-appendix')
    return `writing the ${APPENDIX_NAMES[task.format]} of register version ${task.input.stored.version}`;
  return 'checking the submitted workbook';
}

const APPENDIX_NAMES: Record<AppendixFormat, string> = {
  docx: 'Word appendices',
  xlsx: 'Excel appendices',
  ods: 'OpenDocument appendices',
  csv: 'CSV appendices',
  json: 'register JSON',
};

export function workerPool(opts: WorkerPoolOptions = {}): Workers {
  const threads = opts.threads ?? defaultThreads();
  const checkOnThreadBytes = opts.checkOnThreadBytes ?? CHECK_ON_THREAD_BYTES;
  const maxQueue = opts.maxQueue ?? DEFAULT_MAX_QUEUE;
  const taskTimeoutMs = opts.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`A worker pool needs at least 1 thread, not ${threads}.`);
  }
  if (!Number.isInteger(maxQueue) || maxQueue < 0)
    throw new Error(`A worker queue holds 0 or more tasks, not ${maxQueue}.`);
  if (!Number.isInteger(taskTimeoutMs) || taskTimeoutMs < 1) {
    throw new Error(`A worker task's time limit is at least 1 ms, not ${taskTimeoutMs}.`);
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

  // The queue is bounded here rather than by piscina's maxQueue, which does not count tasks that carry an
  // abort signal (every task here does, for its time limit).
  let inFlight = 0;
  // A running mean of how long a task takes, waiting included, for Retry-After.
  let meanTaskMs = 1000;
  const retryAfterSeconds = (waiting: number): number =>
    Math.min(60, Math.max(1, Math.ceil((meanTaskMs * (waiting / threads + 1)) / 1000)));

  /**
   * Runs a task on a thread: refused at once when `threads` tasks run and `maxQueue` wait; stopped at its time
   * limit (piscina ends a running task's thread and starts another, so a runaway file cannot hold a thread).
   * `admitted`: the task was let in already (it is sent again with its catalogue), so it is not refused now.
   */
  async function run(task: ThreadTask, admitted = false): Promise<ThreadAnswer> {
    if (!admitted && inFlight >= threads + maxQueue) {
      const waiting = inFlight - threads;
      opts.observer?.refused(task.kind);
      throw new WorkersBusy(retryAfterSeconds(waiting), waiting);
    }
    inFlight++;
    const started = performance.now();
    try {
      return await pool.run(task, { signal: AbortSignal.timeout(taskTimeoutMs) });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') {
        opts.observer?.timedOut(task.kind);
        const retry = retryAfterSeconds(Math.max(0, inFlight - threads));
        if (task.kind === 'verify-identify' || task.kind === 'verify-compare') {
          throw new WorkTimedOut(
            taskTimeoutMs,
            retry,
            describe(task),
            'check the file from the command line (oda-register verify), which has no time limit',
            'one request',
          );
        }
        throw task.kind === 'render-appendix'
          ? new WorkTimedOut(
              taskTimeoutMs,
              retry,
              describe(task),
              'download the appendices from the command line (oda-register export), which has no time limit',
              'one request',
            )
          : new WorkTimedOut(taskTimeoutMs, retry, describe(task));
      }
      throw error;
    } finally {
      inFlight--;
      meanTaskMs = 0.8 * meanTaskMs + 0.2 * (performance.now() - started);
    }
  }

  const inline = inlineWorkers();
  let started: Promise<void> | undefined;
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

  /** Runs a task that carries a catalogue: by its key, and again with the catalogue when the thread lacks it. */
  async function runWithCatalogue(task: ThreadTask, catalogue: Catalogue | null): Promise<ThreadAnswer> {
    const answer = await run(task);
    return answer.kind === 'need-catalogue' && catalogue ? run({ ...task, catalogue } as ThreadTask, true) : answer;
  }

  return {
    async checkWorkbookFile(input) {
      const { catalogue, ...rest } = input;
      const task: ThreadTask = { kind: 'check-workbook-file', ...rest, catalogueKey: keyOf(catalogue) };
      return fileCheckOrThrow(await runWithCatalogue(task, catalogue));
    },
    async checkSubmission(input) {
      if (input.body.length < checkOnThreadBytes) return inline.checkSubmission(input);
      const { catalogue, ...rest } = input;
      const task: ThreadTask = { kind: 'check-submission', ...rest, catalogueKey: catalogue ? keyOf(catalogue) : null };
      return checkOrThrow(await runWithCatalogue(task, catalogue));
    },
    renderAppendix: async (format, input) => appendixOrThrow(await run({ kind: 'render-appendix', format, input })),
    verify: {
      identify: async (data, fileName) => identifiedOrThrow(await run({ kind: 'verify-identify', data, fileName })),
      compare: async (data, fileName, against) =>
        verifiedOrThrow(await run({ kind: 'verify-compare', data, fileName, against })),
    },
    ready: () =>
      (started ??= run({ kind: 'ping' }, true).then((answer) => {
        if (answer.kind !== 'pong') throw new Error(`A worker answered "${answer.kind}" to a ping.`);
      })),
    stats: () => {
      const wait = pool.histogram.waitTime;
      return {
        threads,
        running: Math.min(inFlight, threads),
        waiting: Math.max(0, inFlight - threads),
        waitMs: { mean: wait.mean || 0, p50: wait.p50 || 0, p99: wait.p99 || 0, max: wait.max || 0 },
      };
    },
    close: () => pool.close(),
  };
}

/**
 * The service's workers for WORKER_THREADS: 0 runs on the event loop (no queue and no time limit: work there
 * cannot be stopped), null picks the thread count; `limits` from WORKER_QUEUE_LIMIT and WORKER_TASK_TIMEOUT_MS.
 */
export function serviceWorkers(
  threads: number | null,
  limits: { maxQueue?: number; taskTimeoutMs?: number; observer?: WorkerObserver } = {},
): Workers {
  if (threads === 0) return inlineWorkers();
  return workerPool({ ...limits, ...(threads === null ? {} : { threads }) });
}
