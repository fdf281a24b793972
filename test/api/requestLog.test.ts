/** Request logs (server/http/requestLog.ts): one line per request with its id, 5xx at error, none when off. */
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { requestLog } from '../../server/http/requestLog.js';

function appLogging(level: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const app = express();
  app.use(requestLog(logger));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/boom', (req, res) => {
    req.log.warn('about to fail');
    res.status(503).json({ ok: false });
  });
  return { app, lines };
}

test('each request is logged with its id, method, URL, status and time; a 5xx at error', async () => {
  const { app, lines } = appLogging('info');
  const ok = await request(app).get('/ok?x=1').set('X-Request-Id', 'abc-1');
  expect(ok.headers['x-request-id']).toBe('abc-1');
  const boom = await request(app).get('/boom');
  expect(boom.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  await new Promise((r) => setImmediate(r));
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatchObject({
    level: 30,
    msg: 'request completed',
    req: { id: 'abc-1', method: 'GET', url: '/ok?x=1' },
    res: { statusCode: 200 },
  });
  expect(typeof lines[0]!.responseTime).toBe('number');
  expect(lines[1]).toMatchObject({ level: 40, msg: 'about to fail', req: { id: boom.headers['x-request-id'] } });
  expect(lines[2]).toMatchObject({ level: 50, msg: 'request errored', res: { statusCode: 503 } });
  expect(lines[2]!.err).toMatchObject({ message: 'failed with status code 503' });
});

test('at warn, successful requests write nothing and 5xx are still logged', async () => {
  const { app, lines } = appLogging('warn');
  await request(app).get('/ok').expect(200);
  await request(app).get('/boom').expect(503);
  await new Promise((r) => setImmediate(r));
  expect(lines.map((l) => l.msg)).toEqual(['about to fail', 'request errored']);
});
