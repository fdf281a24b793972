/**
 * One request id per request: every log line the request writes and its problem answer (the `requestId` member
 * and the X-Request-Id header) carry the same one, the client's X-Request-Id when it sent a sane one.
 */
import { afterEach, expect, test } from '@jest/globals';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { inlineWorkers, type Workers } from '../../server/workers/workers.js';
import { makeTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** The request id a log line carries (pino-http puts it in req.id on its lines and the child logger's). */
const idOf = (line: Record<string, unknown>) => (line.req as { id?: unknown } | undefined)?.id;

test('the log lines of a failing request and its problem answer carry one request id', async () => {
  const { logger, lines } = capturedLogger();
  const workers: Workers = { ...inlineWorkers(), ready: () => Promise.reject(new Error('no thread')) };
  t = await makeTestApp({ workers, logger });
  const res = await request(t.app).get('/api/ready').expect(503);
  const id = res.headers['x-request-id'];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.body).toMatchObject({ requestId: id, instance: '/api/ready' });
  const mine = lines.filter((l) => idOf(l) === id);
  // The problem, logged by the error handler, and the request's summary line.
  expect(mine.map((l) => l.msg)).toEqual([
    'The service is not ready: the worker threads cannot start: no thread.',
    'request errored',
  ]);
  expect(lines.filter((l) => idOf(l) !== id)).toEqual([]);
});

test("the client's X-Request-Id is used throughout; an unsafe one is replaced", async () => {
  const { logger, lines } = capturedLogger();
  t = await makeTestApp({ logger });
  const res = await request(t.app).get('/api/registers/1').set('X-Request-Id', 'trace-42').expect(401);
  expect(res.headers['x-request-id']).toBe('trace-42');
  expect(res.body.requestId).toBe('trace-42');
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => idOf(l) === 'trace-42')).toBe(true);
  const unsafe = await request(t.app).get('/api/nowhere').set('X-Request-Id', 'a b\u00e9').expect(404);
  expect(unsafe.headers['x-request-id']).not.toBe('a b\u00e9');
  expect(unsafe.body.requestId).toBe(unsafe.headers['x-request-id']);
});
