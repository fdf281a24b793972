/**
 * What a dry run may cost (issue 9.5): a 1 MB JSON body of 20,000 junk rows (140,000 issues) is checked on a
 * worker thread, as a PUT's large body is, so health checks sent meanwhile are answered; and its report lists
 * the first 1,000 issues with the counts of all of them, not a 33 MB answer. An uploaded workbook is read and
 * checked on the thread too.
 *
 * Where the work ran is asserted by what the thread pool was handed (the service's real pool, one thread),
 * not by timing the event loop: these machines are shared, and a stall measured against a time measured
 * moments earlier fails whenever a neighbour is busy.
 */
import request from 'supertest';
import { CHECK_ON_THREAD_BYTES, serviceWorkers, type Workers } from '../../server/workers/workers.js';
import { makeTestApp, jsonTables, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { junkBody } from '../helpers/junkBody.js';
import { goodRawTables, xlsxOf } from '../helpers/rawTables.js';
import { checkWorkbook } from '../../shared/checkWorkbook.js';
import type { RawTables } from '../../shared/types.js';

const url = `/api/organisations/${LEEDS}/validate`;

/** What the routes handed to the thread pool, in order. */
const handedToThreads: string[] = [];

/** The service's pool of one thread, as on a 2-core machine, noting each check it is handed. */
function watchedPool(): Workers {
  // No task time limit to speak of: on a shared machine under load a check of 20,000 rows can take far longer
  // than the service's 30 s, and what this file asserts is where the work ran, not how fast.
  const pool = serviceWorkers(1, { taskTimeoutMs: 600_000 });
  return {
    ...pool,
    checkWorkbookFile: (input) => {
      handedToThreads.push('workbook file');
      return pool.checkWorkbookFile(input);
    },
    checkSubmission: (input) => {
      handedToThreads.push('submission body');
      return pool.checkSubmission(input);
    },
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ workers: watchedPool() });
});
afterAll(async () => {
  await t.close();
});

test('a 1 MB body of 20,000 junk rows answers a capped report, while health checks sent meanwhile are answered', async () => {
  const leeds = await t.bearer(MEMBERS.leeds);
  const body = junkBody(20_000);
  expect(body.length).toBeGreaterThan(CHECK_ON_THREAD_BYTES);
  expect(body.length).toBeLessThan(t.config.jsonBodyLimit);
  // Warm the thread with a large valid body, so what follows is the junk being checked, not a thread starting.
  const warm = await request(t.app)
    .post(url)
    .set('Authorization', leeds)
    .set('Content-Type', 'application/json')
    .send(junkBody(0).replace('"tables"', `"padding":"${' '.repeat(CHECK_ON_THREAD_BYTES)}","tables"`));
  expect(warm.status).toBe(200);
  expect(warm.body.valid).toBe(true);

  handedToThreads.length = 0;
  let done = false;
  const dryRun = request(t.app)
    .post(url)
    .set('Authorization', leeds)
    .set('Content-Type', 'application/json')
    .send(body)
    .then((res) => {
      done = true;
      return res;
    });
  let healthAnswered = 0;
  while (!done) {
    const health = await request(t.app).get('/api/health');
    expect(health.status).toBe(200);
    if (!done) healthAnswered++;
  }
  const res = await dryRun;

  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ valid: false, organisationId: LEEDS, truncated: true, warnings: 0 });
  expect(res.body.issues).toHaveLength(1000);
  expect(res.body.errors).toBeGreaterThanOrEqual(120_000);
  expect(res.body.byCode['cell/enum']).toBeGreaterThanOrEqual(20_000);
  expect(Object.values(res.body.byCode as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(res.body.errors);
  expect(res.text.length).toBeLessThan(1_000_000);
  expect(t.responseViolations).toEqual([]);

  // The work was off the event loop: the body went to the thread pool, and health checks kept being answered.
  expect(handedToThreads).toEqual(['submission body']);
  expect(healthAnswered).toBeGreaterThanOrEqual(2);
}, 300_000);

test('a small junk body is checked at once and capped the same way; malformed JSON is still a 400', async () => {
  const leeds = await t.bearer(MEMBERS.leeds);
  const small = await request(t.app)
    .post(url)
    .set('Authorization', leeds)
    .set('Content-Type', 'application/json')
    .send(junkBody(200));
  expect(small.status).toBe(200);
  expect(small.body).toMatchObject({ valid: false, truncated: true });
  expect(small.body.issues).toHaveLength(1000);
  expect(small.body.errors).toBeGreaterThan(1000);
  const broken = await request(t.app)
    .post(url)
    .set('Authorization', leeds)
    .set('Content-Type', 'application/json')
    .send('{"tables": ');
  expect(broken.status).toBe(400);
  expect(broken.body.type).toMatch(/malformed-json$/);
  const valid = await request(t.app)
    .post(url)
    .set('Authorization', leeds)
    .send({ tables: jsonTables(goodRawTables(testCatalogue(), LEEDS)) });
  expect(valid.status).toBe(200);
  expect(valid.body).toMatchObject({ valid: true, truncated: false, errors: 0 });
  expect(valid.body.submission.organisationId).toBe(LEEDS);
});

test('an uploaded workbook of 20,000 junk rows is read and checked on the thread: the event loop never waits on the check', async () => {
  const leeds = await t.bearer(MEMBERS.leeds);
  const tables: RawTables = JSON.parse(junkBody(20_000)).tables;
  const file = await xlsxOf(tables);
  const inProcess = checkWorkbook(tables, testCatalogue(), { expectedOrganisationId: LEEDS }).report;
  expect(inProcess.errors).toBeGreaterThanOrEqual(120_000);

  handedToThreads.length = 0;
  const res = await request(t.app)
    .post(`/api/organisations/${LEEDS}/submission/upload`)
    .set('Authorization', leeds)
    .attach('file', file, 'junk.xlsx');

  expect(res.status).toBe(422);
  expect(res.body.issues).toHaveLength(1000);
  expect(res.body).toMatchObject({ truncated: true, errorCount: inProcess.errors });
  expect(await t.store.latestSubmission(LEEDS)).toBeNull();
  // Read and checked on the thread: the file went to the pool whole, and nothing was checked on the event loop.
  expect(handedToThreads).toEqual(['workbook file']);
}, 300_000);
