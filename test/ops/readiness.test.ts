/**
 * Readiness (GET /api/ready) answers 200 only once the database is migrated and a worker thread is up: while the
 * threads start it is a 503 saying so, and a pool whose threads cannot start keeps it 503 with the reason.
 */
import { afterEach, expect, test } from '@jest/globals';
import request from 'supertest';
import { inlineWorkers, workerPool, type Workers } from '../../server/workers/workers.js';
import { makeTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

test('503 while the worker threads start, 200 once one answered', async () => {
  let up!: () => void;
  const starting = new Promise<void>((resolve) => (up = resolve));
  const workers: Workers = { ...inlineWorkers(), ready: () => starting };
  t = await makeTestApp({ workers });
  const before = Date.now();
  const waiting = await request(t.app).get('/api/ready');
  expect(waiting.status).toBe(503);
  expect(waiting.body.detail).toBe('The service is not ready: the worker threads are still starting.');
  expect(Date.now() - before).toBeGreaterThanOrEqual(2900);
  up();
  const ready = await request(t.app).get('/api/ready').expect(200);
  expect(ready.body).toEqual({ status: 'ready', store: 'sqlite', catalogueVersion: 1 });
  expect(t.responseViolations).toEqual([]);
}, 20_000);

test('a pool whose threads cannot start keeps the service not ready, saying why', async () => {
  const workers: Workers = {
    ...inlineWorkers(),
    ready: () => Promise.reject(new Error("Cannot find module '/srv/dist/server/thread.js'")),
  };
  t = await makeTestApp({ workers });
  const res = await request(t.app).get('/api/ready').expect(503);
  expect(res.body.detail).toBe(
    "The service is not ready: the worker threads cannot start: Cannot find module '/srv/dist/server/thread.js'.",
  );
});

test('a real pool: ready() starts a thread that answers; readiness is 200 after it', async () => {
  const pool = workerPool({ threads: 1 });
  try {
    t = await makeTestApp({ workers: pool });
    await request(t.app).get('/api/ready').expect(200);
    expect(pool.stats()).toMatchObject({ threads: 1, running: 0, waiting: 0 });
  } finally {
    await pool.close();
  }
}, 30_000);
