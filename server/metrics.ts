/**
 * Prometheus metrics (prom-client), served on their own port when METRICS_PORT is set (never on the public
 * port): HTTP requests and their latency by route pattern and status, the worker threads' queue, waits,
 * time-outs and refusals (503), check and render durations, submissions, consolidations and sign-offs stored,
 * the database's connections, and Node's process metrics. docs/operations.md lists them.
 */
import http from 'node:http';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ROUTE_LOCAL } from './api/mount.js';
import type { Store } from './store/types.js';
import type { WorkerObserver, Workers } from './workers/workers.js';

/** Label of a request that matched no API route: a file of the add-in, or nothing (404). */
const STATIC_ROUTE = '(static)';
const UNMATCHED_ROUTE = '(unmatched)';

export interface Metrics {
  readonly registry: Registry;
  /** Counts each request and its latency, labelled with the route pattern (e.g. /api/registers/{version}). */
  http: RequestHandler;
  /** Told of the worker pool's refusals and time-outs. */
  workerObserver: WorkerObserver;
  /** `workers` with each check and render timed (on a thread or not), and their queue read at each scrape. */
  timedWorkers(workers: Workers): Workers;
  /** `store` with stored submissions, consolidations and sign-offs counted, and its pool read at each scrape. */
  countingStore(store: Store): Store;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'oda_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'oda_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its response, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const taskSeconds = new Histogram({
    name: 'oda_task_duration_seconds',
    help:
      'Checks and renders, waiting for a worker thread included: check-workbook-file (an uploaded .xlsx), ' +
      'check-submission (a workbook JSON body), render-appendix (by format), verify-identify and verify-compare ' +
      '(an appendix checked against its register version).',
    labelNames: ['task', 'format', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'oda_worker_tasks_refused_total',
    help: 'Tasks refused because every worker thread was busy and the queue full (answered 503 with Retry-After).',
    labelNames: ['task'],
    registers: [registry],
  });
  const timedOut = new Counter({
    name: 'oda_worker_tasks_timed_out_total',
    help: 'Tasks stopped at WORKER_TASK_TIMEOUT_MS (answered 503).',
    labelNames: ['task'],
    registers: [registry],
  });
  const stored = new Counter({
    name: 'oda_stored_total',
    help: 'Changes stored: submission (a new submission version), consolidation (a register version), sign-off.',
    labelNames: ['change'],
    registers: [registry],
  });
  for (const change of ['submission', 'consolidation', 'sign-off']) stored.inc({ change }, 0);

  let workers: Workers | null = null;
  let store: Store | null = null;
  const workerGauge = (name: string, help: string, read: (w: NonNullable<ReturnType<Workers['stats']>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const stats = workers?.stats() ?? null;
        this.set(stats ? read(stats) : 0);
      },
    });
  workerGauge(
    'oda_worker_threads',
    'Worker threads the pool may run (0: work runs on the event loop).',
    (s) => s.threads,
  );
  workerGauge('oda_worker_tasks_running', 'Tasks on a worker thread now.', (s) => s.running);
  workerGauge('oda_worker_queue_depth', 'Tasks waiting for a worker thread now.', (s) => s.waiting);
  new Gauge({
    name: 'oda_worker_wait_seconds',
    help: 'How long tasks waited for a worker thread since the start: mean, p50, p99 and max.',
    labelNames: ['stat'],
    registers: [registry],
    collect() {
      const wait = workers?.stats()?.waitMs ?? { mean: 0, p50: 0, p99: 0, max: 0 };
      for (const [stat, ms] of Object.entries(wait)) this.set({ stat }, ms / 1000);
    },
  });
  new Gauge({
    name: 'oda_db_pool_connections',
    help:
      'The database connections by state (open, idle) and the work waiting for one (waiting). PostgreSQL: the ' +
      'pg pool; SQLite: its one connection, and the writes queued for the next group commit.',
    labelNames: ['backend', 'state'],
    registers: [registry],
    collect() {
      if (!store) return;
      const pool = store.poolStats();
      this.set({ backend: store.kind, state: 'open' }, pool.connections);
      this.set({ backend: store.kind, state: 'idle' }, pool.idle);
      this.set({ backend: store.kind, state: 'waiting' }, pool.waiting);
    },
  });

  const timed = async <T>(task: string, format: string, run: () => Promise<T>): Promise<T> => {
    const end = taskSeconds.startTimer({ task, format });
    try {
      const result = await run();
      end({ outcome: 'ok' });
      return result;
    } catch (error) {
      end({ outcome: 'failed' });
      throw error;
    }
  };

  return {
    registry,
    http: (req, res, next) => {
      const start = process.hrtime.bigint();
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const matched = res.locals[ROUTE_LOCAL] as string | undefined;
        const route = matched ?? (res.statusCode < 400 ? STATIC_ROUTE : UNMATCHED_ROUTE);
        const labels = { method: req.method, route, status: String(res.statusCode) };
        requests.inc(labels);
        latency.observe(labels, seconds);
      });
      next();
    },
    workerObserver: {
      refused: (task) => refused.inc({ task }),
      timedOut: (task) => timedOut.inc({ task }),
    },
    timedWorkers(inner) {
      workers = inner;
      return {
        checkWorkbookFile: (input) => timed('check-workbook-file', '', () => inner.checkWorkbookFile(input)),
        checkSubmission: (input) => timed('check-submission', '', () => inner.checkSubmission(input)),
        renderAppendix: (format, input) => timed('render-appendix', format, () => inner.renderAppendix(format, input)),
        verify: {
          identify: (data, fileName) => timed('verify-identify', '', () => inner.verify.identify(data, fileName)),
          compare: (data, fileName, against) =>
            timed('verify-compare', '', () => inner.verify.compare(data, fileName, against)),
        },
        ready: () => inner.ready(),
        stats: () => inner.stats(),
        close: () => inner.close(),
      };
    },
    countingStore(inner) {
      store = inner;
      const counted: Record<string, string> = {
        appendSubmission: 'submission',
        createRegister: 'consolidation',
        addSignOff: 'sign-off',
      };
      return new Proxy(inner, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target);
          if (typeof value !== 'function') return value;
          const change = typeof property === 'string' ? counted[property] : undefined;
          const method = value as (...args: unknown[]) => unknown;
          if (change === undefined) return method.bind(target);
          return async (...args: unknown[]) => {
            const result = await method.apply(target, args);
            stored.inc({ change });
            return result;
          };
        },
      });
    },
  };
}

/**
 * Serves `registry` at GET /metrics on `port` and `host`; resolves once listening (rejects with the listen
 * error, e.g. EADDRINUSE).
 */
export async function serveMetrics(registry: Registry, port: number, host: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || pathname !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Metrics are at GET /metrics.\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`${String(err)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
