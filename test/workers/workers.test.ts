/**
 * The service reads and checks uploaded .xlsx files, and checks submitted workbooks, on worker threads (real
 * threads here, loading the TypeScript sources through tsx as `npm start` does). What a user gets must not
 * depend on where the work was done: the same reports and canonical text, and for a bad file the same sentence.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CHECK_ON_THREAD_BYTES,
  DEFAULT_MAX_QUEUE,
  DEFAULT_TASK_TIMEOUT_MS,
  inlineWorkers,
  serviceWorkers,
  workerPool,
  type Workers,
} from '../../server/workers/workers.js';
import { WorkbookFileError } from '../../server/import/workbookFileError.js';
import { WorkersBusy, WorkTimedOut } from '../../server/workers/errors.js';
import { loadConfig } from '../../server/config.js';
import { readCatalogueFile } from '../../server/services/catalogueFile.js';
import { checkWorkbook } from '../../shared/checkWorkbook.js';
import { canonicalJson } from '../../shared/digest.js';
import type { Catalogue } from '../../shared/types.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { fillCommitments, goodRawTables, setCell } from '../helpers/rawTables.js';
import { junkBody } from '../helpers/junkBody.js';
import { rejection } from '../helpers/rejection.js';
import { jsonTables } from '../helpers/testApp.js';

const WORKBOOKS = path.resolve('examples/workbooks');

let pool: Workers;
beforeAll(() => {
  pool = workerPool({ threads: 2 });
});
afterAll(async () => {
  await pool.close();
});

async function demoFiles(): Promise<{ name: string; data: Buffer }[]> {
  const names = (await readdir(WORKBOOKS)).filter((n) => n.endsWith('.xlsx')).sort();
  return Promise.all(names.map(async (name) => ({ name, data: await readFile(path.join(WORKBOOKS, name)) })));
}

let demoCatalogue: Catalogue;
beforeAll(async () => {
  demoCatalogue = await readCatalogueFile(path.resolve('examples/catalogue.json'));
});

/** Reads and checks a demo workbook file against the demo catalogue on `workers` (asked at once, in order). */
function checkFile(workers: Workers, file: { name: string; data: Uint8Array }) {
  return workers.checkWorkbookFile({ data: file.data, fileName: file.name, catalogue: demoCatalogue });
}

function failureOf(reader: Workers, data: Uint8Array, name: string): Promise<WorkbookFileError> {
  return rejection(checkFile(reader, { data, name }), WorkbookFileError);
}

test('every demo workbook, read and checked on threads (several at once), gives exactly the in-process report', async () => {
  const files = await demoFiles();
  expect(files.length).toBeGreaterThanOrEqual(8);
  const inline = inlineWorkers();
  const [onThreads, inProcess] = await Promise.all([
    Promise.all(files.map((f) => checkFile(pool, f))),
    Promise.all(files.map((f) => checkFile(inline, f))),
  ]);
  expect(onThreads).toEqual(inProcess);
  // The demo has one workbook with errors (Eastvale's); the others are valid, with their canonical text.
  const valid = onThreads.map((c, i) => [files[i]!.name, c.canonical !== null]);
  expect(valid.filter(([, ok]) => !ok)).toEqual([['eastvale-district-council.xlsx', false]]);
  expect(onThreads.filter((c) => c.digest !== null).every((c) => c.canonical?.startsWith('{'))).toBe(true);
  expect(onThreads[0]!.report.issues[0]).toMatchObject({ sheet: expect.any(String), severity: 'error' });
});

test('a file that is not a workbook, or is cut short, fails on a thread with the same sentence as in-process', async () => {
  const [first] = await demoFiles();
  const cases: [string, Uint8Array][] = [
    ['notes.xlsx', Buffer.from('These are my notes, not a workbook.')],
    [first!.name, first!.data.subarray(0, Math.floor(first!.data.length / 2))],
  ];
  for (const [name, data] of cases) {
    const onThread = await failureOf(pool, data, name);
    const inProcess = await failureOf(inlineWorkers(), data, name);
    expect({ problem: onThread.problem, fileName: onThread.fileName, message: onThread.message }).toEqual({
      problem: inProcess.problem,
      fileName: inProcess.fileName,
      message: inProcess.message,
    });
    expect(onThread.message).toContain(name);
  }
});

test('WORKER_THREADS=0 works in-process; a pool needs at least one thread', async () => {
  const [first] = await demoFiles();
  const workers = serviceWorkers(0);
  await expect(checkFile(workers, first!)).resolves.toHaveProperty('organisationId', 'eastvale-district-council');
  await workers.close();
  expect(() => workerPool({ threads: 0 })).toThrow('A worker pool needs at least 1 thread, not 0.');
});

describe('checking a submission body on a thread', () => {
  const catalogue = testCatalogue();
  const body = (tables: unknown, extra: Record<string, unknown> = {}) =>
    Buffer.from(JSON.stringify({ tables, ...extra }), 'utf8');

  /** A workbook of `rows` commitments: a body past CHECK_ON_THREAD_BYTES once `rows` is in the thousands. */
  const bigTables = (rows: number) => jsonTables(fillCommitments(goodRawTables(catalogue, LEEDS), rows));

  it('checks a large body on a thread: the report and canonical text made in-process, valid or not', async () => {
    const good = bigTables(3000);
    const bad = bigTables(3000);
    setCell(bad, 'Commitments', 1, 'Quantity', 'lots');
    expect(body(good).length).toBeGreaterThan(CHECK_ON_THREAD_BYTES);
    for (const tables of [good, bad]) {
      const input = { body: body(tables, { source: 'addin' }), catalogue, expectedOrganisationId: LEEDS };
      const [onThread, inProcess] = await Promise.all([
        pool.checkSubmission(input),
        inlineWorkers().checkSubmission(input),
      ]);
      expect(onThread).toEqual(inProcess);
    }
    const valid = await pool.checkSubmission({ body: body(good), catalogue, expectedOrganisationId: LEEDS });
    expect(valid).toMatchObject({ kind: 'checked', source: 'api', fileName: null, report: { errors: 0 } });
    const inProcess = checkWorkbook(good, catalogue, { expectedOrganisationId: LEEDS });
    expect(valid.kind === 'checked' && valid.canonical).toBe(canonicalJson(inProcess.submission));
    expect(valid.kind === 'checked' && valid.digest).toBe(inProcess.digest);
    const invalid = await pool.checkSubmission({ body: body(bad), catalogue, expectedOrganisationId: LEEDS });
    expect(invalid).toMatchObject({ kind: 'checked', canonical: null, digest: null, report: { errors: 1 } });
    expect(invalid.kind === 'checked' && invalid.report.issues.map((i) => i.cell)).toContain('D2');
  });

  it('keeps up with a new catalogue: a workbook checked against the catalogue it was given', async () => {
    const tables = bigTables(3000);
    const first = await pool.checkSubmission({ body: body(tables), catalogue, expectedOrganisationId: LEEDS });
    expect(first).toMatchObject({ kind: 'checked', canonical: expect.any(String), report: { errors: 0 } });
    // The next catalogue no longer lists the activity the workbook's roles name.
    const next = { ...catalogue, activities: catalogue.activities.slice(1) };
    const second = await pool.checkSubmission({ body: body(tables), catalogue: next, expectedOrganisationId: LEEDS });
    expect(second.kind === 'checked' && second.report.issues.map((i) => i.code)).toContain('roles/unknown-activity');
  });

  it('reports malformed JSON and a body outside the request schema, as the other routes do', async () => {
    // Small bodies are checked at once; this pool sends every body to its thread, so the answers cross it.
    const everyBody = workerPool({ threads: 1, checkOnThreadBytes: 0 });
    try {
      const broken = await everyBody.checkSubmission({
        body: Buffer.from('{"tables": '),
        catalogue,
        expectedOrganisationId: LEEDS,
      });
      expect(broken).toMatchObject({ kind: 'malformed-json' });
      const wrong = await everyBody.checkSubmission({
        body: body({ About: { sheet: 'About', topLeft: 'nowhere', values: [] } }),
        catalogue,
        expectedOrganisationId: LEEDS,
      });
      expect(wrong).toEqual({
        kind: 'invalid-request',
        errors: [{ pointer: '/body/tables/About/topLeft', detail: 'must be an A1 cell address such as A1' }],
      });
      const none = await everyBody.checkSubmission({ body: body({}), catalogue: null, expectedOrganisationId: LEEDS });
      expect(none).toEqual({ kind: 'no-catalogue' });
    } finally {
      await everyBody.close();
    }
  });
});

describe('limits on what the threads take on', () => {
  const catalogue = testCatalogue();

  it('refuses work at once when every thread is busy and the queue is full, then takes work again', async () => {
    const [a, b, c] = (await demoFiles()).slice(0, 3);
    const small = workerPool({ threads: 1, maxQueue: 2 });
    try {
      await checkFile(small, a!);
      // One runs, two wait: the fourth is refused before it starts, with a time to come back.
      const accepted = [a!, b!, c!].map((f) => checkFile(small, f));
      const refused = await rejection(checkFile(small, a!), WorkersBusy);
      expect(refused.waiting).toBe(2);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.message).toMatch(/^The service is busy with other workbooks \(2 waiting for a thread\)/);
      await expect(Promise.all(accepted)).resolves.toHaveLength(3);
      await expect(checkFile(small, b!)).resolves.toHaveProperty('report.errors', 0);
    } finally {
      await small.close();
    }
  });

  it('stops a task over its time limit, ending its thread, and serves the next task on a new one', async () => {
    // 800,000 junk rows take about 18 s to check on Node 24 on a quiet machine here; the limit stops them after
    // 8. The next task is a tiny workbook (one commitment), so even a heavily loaded machine reads it on the new
    // thread well within the limit (a full demo workbook once did not, at a load average of 17, with 4 s).
    const slow = workerPool({ threads: 1, taskTimeoutMs: 8000, checkOnThreadBytes: 0 });
    const tiny = {
      body: Buffer.from(JSON.stringify({ tables: jsonTables(goodRawTables(catalogue, LEEDS)) }), 'utf8'),
      catalogue,
      expectedOrganisationId: LEEDS,
    };
    try {
      const stopped = await rejection(
        slow.checkSubmission({ body: Buffer.from(junkBody(800_000)), catalogue, expectedOrganisationId: LEEDS }),
        WorkTimedOut,
      );
      expect(stopped.limitMs).toBe(8000);
      expect(stopped.message).toMatch(
        /^Checking the submitted workbook took longer than the 8 s one workbook may take, and was stopped; nothing was stored\./,
      );
      const next = await slow.checkSubmission(tiny);
      expect(next).toMatchObject({ kind: 'checked', report: { errors: 0 } });
      expect(next).toEqual(await inlineWorkers().checkSubmission(tiny));
    } finally {
      await slow.close();
    }
  }, 120_000);

  it('checks options: a queue of 0 or more tasks, a time limit of at least 1 ms', () => {
    expect(() => workerPool({ threads: 1, maxQueue: -1 })).toThrow('A worker queue holds 0 or more tasks, not -1.');
    expect(() => workerPool({ threads: 1, taskTimeoutMs: 0 })).toThrow(
      "A worker task's time limit is at least 1 ms, not 0.",
    );
  });
});

test('WORKER_QUEUE_LIMIT and WORKER_TASK_TIMEOUT_MS set the limits, with defaults, and a wrong value is named', () => {
  expect(loadConfig({})).toMatchObject({
    workerQueueLimit: DEFAULT_MAX_QUEUE,
    workerTaskTimeoutMs: DEFAULT_TASK_TIMEOUT_MS,
  });
  expect(loadConfig({ WORKER_QUEUE_LIMIT: '0', WORKER_TASK_TIMEOUT_MS: '120000' })).toMatchObject({
    workerQueueLimit: 0,
    workerTaskTimeoutMs: 120_000,
  });
  expect(() => loadConfig({ WORKER_QUEUE_LIMIT: '-1' })).toThrow(
    /WORKER_QUEUE_LIMIT must be a number between 0 and 10000/,
  );
  expect(() => loadConfig({ WORKER_TASK_TIMEOUT_MS: '10' })).toThrow(
    /WORKER_TASK_TIMEOUT_MS must be a number between 1000/,
  );
});
