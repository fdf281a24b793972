/**
 * The service reads uploaded .xlsx files on worker threads (real threads here, loading the TypeScript sources
 * through tsx as `npm start` does). What a user gets must not depend on where the file was read: the same raw
 * tables, and for a bad file the same one sentence.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  inlineReader,
  serviceReader,
  workbookReaderPool,
  type WorkbookReader,
} from '../server/import/workbookReader.js';
import { WorkbookFileError } from '../server/import/workbookFileError.js';

const WORKBOOKS = path.resolve('examples/workbooks');

let pool: WorkbookReader;
beforeAll(() => {
  pool = workbookReaderPool({ threads: 2 });
});
afterAll(async () => {
  await pool.close();
});

async function demoFiles(): Promise<{ name: string; data: Buffer }[]> {
  const names = (await readdir(WORKBOOKS)).filter((n) => n.endsWith('.xlsx')).sort();
  return Promise.all(names.map(async (name) => ({ name, data: await readFile(path.join(WORKBOOKS, name)) })));
}

async function failureOf(reader: WorkbookReader, data: Uint8Array, name: string): Promise<WorkbookFileError> {
  const error: unknown = await reader.read(data, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookFileError);
  return error as WorkbookFileError;
}

test('every demo workbook, read on threads (several at once), gives exactly the tables read in-process', async () => {
  const files = await demoFiles();
  expect(files.length).toBeGreaterThanOrEqual(8);
  const inline = inlineReader();
  const [onThreads, inProcess] = await Promise.all([
    Promise.all(files.map((f) => pool.read(f.data, f.name))),
    Promise.all(files.map((f) => inline.read(f.data, f.name))),
  ]);
  expect(onThreads).toEqual(inProcess);
  expect(Object.keys(onThreads[0]!).sort()).toEqual(['About', 'Commitments', 'Contacts', 'Participation', 'Roles']);
});

test('a file that is not a workbook, or is cut short, fails on a thread with the same sentence as in-process', async () => {
  const [first] = await demoFiles();
  const cases: [string, Uint8Array][] = [
    ['notes.xlsx', Buffer.from('These are my notes, not a workbook.')],
    [first!.name, first!.data.subarray(0, Math.floor(first!.data.length / 2))],
  ];
  for (const [name, data] of cases) {
    const onThread = await failureOf(pool, data, name);
    const inProcess = await failureOf(inlineReader(), data, name);
    expect({ problem: onThread.problem, fileName: onThread.fileName, message: onThread.message }).toEqual({
      problem: inProcess.problem,
      fileName: inProcess.fileName,
      message: inProcess.message,
    });
    expect(onThread.message).toContain(name);
  }
});

test('READER_THREADS=0 reads in-process; a pool needs at least one thread', async () => {
  const [first] = await demoFiles();
  const reader = serviceReader(0);
  await expect(reader.read(first!.data, first!.name)).resolves.toHaveProperty('About');
  await reader.close();
  expect(() => workbookReaderPool({ threads: 0 })).toThrow('A workbook reader pool needs at least 1 thread, not 0.');
});
