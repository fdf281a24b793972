/**
 * METRICS_PORT: Prometheus metrics on their own port (never on the public one), read after real requests to the
 * service: requests and latencies by route pattern and status, the worker threads, checks and renders, changes
 * stored, the database pool and Node's process metrics.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, startService } from '../helpers/service.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-metrics-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The value of the sample `name{labels}` in a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

test('with METRICS_PORT, /metrics on that port counts real requests by route pattern; the public port has none', async () => {
  const metricsPort = await freePort();
  const service = await startService({
    home: dir,
    dataDir: path.join(dir, 'data'),
    env: { METRICS_PORT: String(metricsPort), WORKER_THREADS: '1', HOST: '127.0.0.1' },
  });
  try {
    expect(service.output()).toContain(`Prometheus metrics: http://127.0.0.1:${metricsPort}/metrics`);
    const token = async (email: string) => {
      const res = await fetch(`${service.base}/dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      return `Bearer ${((await res.json()) as { token: string }).token}`;
    };
    const pmg = await token('oda.chair@northshire.gov.uk.example');
    expect((await fetch(`${service.base}/ready`)).status).toBe(200);
    // An uploaded workbook, checked on the worker thread.
    const form = new FormData();
    const bytes = await readFile(path.join(ROOT, 'examples/workbooks/northshire-police.xlsx'));
    form.append('file', new Blob([new Uint8Array(bytes)]), 'northshire-police.xlsx');
    const checked = await fetch(`${service.base}/organisations/northshire-police/validate`, {
      method: 'POST',
      headers: { Authorization: pmg },
      body: form,
    });
    expect(checked.status).toBe(200);
    const made = await fetch(`${service.base}/registers`, { method: 'POST', headers: { Authorization: pmg } });
    expect(made.status).toBe(201);
    const { version } = (await made.json()) as { version: number };
    for (const v of [version, version]) {
      expect((await fetch(`${service.base}/registers/${v}`, { headers: { Authorization: pmg } })).status).toBe(200);
    }
    expect(
      (await fetch(`${service.base}/registers/${version}/appendix.zip`, { headers: { Authorization: pmg } })).status,
    ).toBe(200);
    expect((await fetch(`${service.base}/registers/999`, { headers: { Authorization: pmg } })).status).toBe(404);
    expect((await fetch(`${service.base}/registers`)).status).toBe(401);

    // Never on the public port.
    expect((await fetch(`http://127.0.0.1:${service.port}/metrics`)).status).toBe(404);

    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const http = (route: string, method: string, status: string) =>
      sample(text, 'oda_http_requests_total', { route, method, status });
    // By the route's pattern, not the path asked for.
    expect(http('/api/registers/{version}', 'GET', '200')).toBe(2);
    expect(http('/api/registers/{version}', 'GET', '404')).toBe(1);
    expect(http('/api/registers', 'POST', '201')).toBe(1);
    expect(http('/api/registers', 'GET', '401')).toBe(1);
    expect(text).not.toContain(`/api/registers/${version}"`);
    expect(
      sample(text, 'oda_http_request_duration_seconds_count', {
        route: '/api/registers/{version}',
        method: 'GET',
        status: '200',
      }),
    ).toBe(2);
    // Checks and renders, and the worker pool.
    expect(sample(text, 'oda_task_duration_seconds_count', { task: 'check-workbook-file', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'oda_task_duration_seconds_count', { task: 'render-appendix', format: 'csv' })).toBe(1);
    expect(sample(text, 'oda_worker_threads')).toBe(1);
    expect(sample(text, 'oda_worker_queue_depth')).toBe(0);
    expect(sample(text, 'oda_worker_wait_seconds', { stat: 'p99' })).toBeGreaterThanOrEqual(0);
    expect(text).toContain('# TYPE oda_worker_tasks_refused_total counter');
    expect(text).toContain('# TYPE oda_worker_tasks_timed_out_total counter');
    // Changes stored (the demo's seven submissions were stored before the metrics counted, at first start).
    expect(sample(text, 'oda_stored_total', { change: 'consolidation' })).toBe(1);
    expect(sample(text, 'oda_stored_total', { change: 'sign-off' })).toBe(0);
    // The database and the process.
    expect(sample(text, 'oda_db_pool_connections', { backend: 'sqlite', state: 'open' })).toBe(1);
    expect(sample(text, 'oda_db_pool_connections', { backend: 'sqlite', state: 'waiting' })).toBe(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  } finally {
    service.child.kill('SIGTERM');
  }
  expect((await service.exited).code).toBe(0);
}, 120_000);

test('without METRICS_PORT no metrics are served, and METRICS_PORT may not be the public port', async () => {
  const service = await startService({ home: dir, dataDir: path.join(dir, 'data'), env: { HOST: '127.0.0.1' } });
  try {
    expect(service.output()).not.toContain('Prometheus');
    expect((await fetch(`http://127.0.0.1:${service.port}/metrics`)).status).toBe(404);
  } finally {
    service.child.kill('SIGTERM');
  }
  await service.exited;
  const { loadConfig } = await import('../../server/config.js');
  expect(() => loadConfig({ PORT: '4000', METRICS_PORT: '4000' })).toThrow(
    'METRICS_PORT must differ from PORT (4000): the metrics are never served on the public port',
  );
  expect(loadConfig({}).metricsPort).toBeNull();
}, 120_000);
