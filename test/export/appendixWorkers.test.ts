/**
 * The service renders appendices on its worker threads (real threads here, loading the TypeScript through tsx
 * as `npm start` does), so a Word file for hundreds of partners cannot hold up every other request: the file
 * is the same as rendered in-process, and a render over the time limit is stopped with advice.
 */
import { inlineWorkers, workerPool, type Workers } from '../../server/workers/workers.js';
import { WorkTimedOut } from '../../server/workers/errors.js';
import { APPENDIX_FORMATS } from '../../server/export/appendix/formats.js';
import { rejection } from '../helpers/rejection.js';
import { demoRegister, type DemoRegister } from './demoRegister.js';

let demo: DemoRegister;
let pool: Workers;
beforeAll(async () => {
  demo = await demoRegister();
  pool = workerPool({ threads: 1 });
});
afterAll(async () => {
  await pool.close();
  await demo.close();
});

const input = () => ({ stored: demo.stored, signOffs: demo.signOffs, asOf: '2026-11-30T12:00:00.000Z' });

it.each(APPENDIX_FORMATS.map((f) => [f]))('renders the %s appendix on a thread as in-process', async (format) => {
  const [onThread, inProcess] = await Promise.all([
    pool.renderAppendix(format, input()),
    inlineWorkers().renderAppendix(format, input()),
  ]);
  expect(onThread.fileName).toBe(inProcess.fileName);
  expect(onThread.mediaType).toBe(inProcess.mediaType);
  // Express sends only a Buffer as bytes: what comes back from the thread is one again.
  expect(Buffer.isBuffer(onThread.bytes)).toBe(true);
  expect(onThread.bytes.length).toBeGreaterThan(100);
  if (format === 'json') expect(onThread.bytes.equals(inProcess.bytes)).toBe(true);
  else expect(onThread.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

it('stops a render over its time limit and says how to get the file without one', async () => {
  const hurried = workerPool({ threads: 1, taskTimeoutMs: 1 });
  try {
    const stopped = await rejection(hurried.renderAppendix('docx', input()), WorkTimedOut);
    expect(stopped.message).toMatch(
      new RegExp(
        `^Writing the Word appendices of register version ${demo.stored.version} took longer than the 0 s one request may take, and was stopped; nothing was stored\\..*oda-register export`,
      ),
    );
  } finally {
    await hurried.close();
  }
});
