/**
 * What one request may cost on the worker threads (issue 9.5), through the API with real threads: when every
 * thread is busy and the queue is full, the next upload is a 503 problem with Retry-After, and the service
 * serves it once the threads are free.
 */
import request from 'supertest';
import { makeTestApp, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { junkBody } from '../helpers/junkBody.js';
import { goodRawTables, xlsxOf } from '../helpers/rawTables.js';

const url = `/api/organisations/${LEEDS}`;

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ env: { WORKER_THREADS: '1', WORKER_QUEUE_LIMIT: '0', JSON_BODY_LIMIT: '10mb' } });
});
afterAll(async () => {
  await t.close();
});

test('with the one thread busy and no room to wait, an upload is a 503 problem with Retry-After; later it is served', async () => {
  const leeds = await t.bearer(MEMBERS.leeds);
  const file = await xlsxOf(goodRawTables(testCatalogue(), LEEDS));
  // Warm the thread, so the busy spell below is the junk being checked, not a thread starting.
  expect(
    (await request(t.app).post(`${url}/validate`).set('Authorization', leeds).attach('file', file, 'a.xlsx')).status,
  ).toBe(200);

  let slowDone = false;
  const slow = request(t.app)
    .put(`${url}/submission`)
    .set('Authorization', leeds)
    .set('Content-Type', 'application/json')
    .send(junkBody(40_000))
    .then((res) => {
      slowDone = true;
      return res;
    });
  // Uploads one after another while the junk is checked: one of them finds the thread busy (or, when an upload
  // reaches the thread first, the junk is the one turned away).
  const answers: request.Response[] = [];
  while (!slowDone && !answers.some((r) => r.status === 503)) {
    answers.push(
      await request(t.app).post(`${url}/validate`).set('Authorization', leeds).attach('file', file, 'b.xlsx'),
    );
  }
  answers.push(await slow);
  const busy = answers.find((r) => r.status === 503);
  expect(answers.map((r) => r.status).filter((s) => s !== 503 && s !== 200 && s !== 422)).toEqual([]);
  expect(busy).toBeDefined();
  expect(busy!.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(busy!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(busy!.body).toMatchObject({ status: 503, title: 'Service busy' });
  expect(busy!.body.detail).toMatch(/^The service is busy with other workbooks .*try again in \d+ s\.$/);
  expect(t.responseViolations).toEqual([]);

  const after = await request(t.app).post(`${url}/validate`).set('Authorization', leeds).attach('file', file, 'c.xlsx');
  expect(after.status).toBe(200);
  expect(await t.store.latestSubmission(LEEDS)).toBeNull();
});
