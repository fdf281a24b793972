/**
 * `npm start`: configuration from the environment, the store (migrated), the demo partnership on first
 * start, the authenticator, and the service on PORT (https with the Office dev certificates when present).
 * SIGTERM/SIGINT stop accepting connections, let requests in flight finish, close the database and exit 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { createApp } from './app.js';
import { createAuthenticator } from './auth/authenticator.js';
import { systemClock } from './clock.js';
import { authConfigOf, ConfigError, loadConfig, type Config } from './config.js';
import { seedDemo } from './services/seedDemo.js';
import { memberLookup } from './services/members.js';
import { serviceWorkers } from './workers/workers.js';
import { createStore } from './store/createStore.js';
import type { Store } from './store/types.js';
import { DomainError } from './errors/domainError.js';

/** The project's folder: this file is server/main.ts, or bundled into dist/server/service.js. */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, path.basename(path.dirname(HERE)) === 'dist' ? '../..' : '..');
/** How long in-flight requests get to finish on shutdown. */
const SHUTDOWN_GRACE_MS = 10_000;

function officeDevCerts(): { cert: Buffer; key: Buffer } | null {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (!existsSync(cert) || !existsSync(key)) return null;
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

function nextSteps(config: Config, url: string, store: Store, pmgEmail: string | null): string {
  const db = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.sqlitePath;
  const lines = [
    `oda-register is serving ${url}/api (${store.kind}: ${db})`,
    `  OpenAPI document:  ${url}/api/openapi.json`,
  ];
  if (config.authMode === 'dev') {
    lines.push(
      '  Development sign-in (AUTH_MODE=dev): mint a token for a catalogue member, e.g.',
      `    TOKEN=$(node bin/oda-register.js token --email ${pmgEmail ?? '<member email>'})`,
      `    curl -H "Authorization: Bearer $TOKEN" ${url}/api/me`,
    );
  } else {
    lines.push('  Sign-in: Microsoft Entra ID access tokens (AUTH_MODE=entra).');
  }
  if (existsSync(config.addinDir)) {
    lines.push(`  The register page (versions, sign-offs, MoU appendices): ${url}/`);
    lines.push(`  Excel add-in task pane: ${url}/taskpane.html (manifest ${url}/manifest.xml)`);
    if (config.nodeEnv !== 'production') lines.push(`  Try the add-in without Excel: ${url}/harness.html`);
  }
  return lines.join('\n');
}

/**
 * Logs: readable lines (pino-pretty) when stdout is a terminal, JSON lines otherwise (a file, a pipe, a
 * container's log collector).
 */
async function createLogger(config: Config): Promise<Logger> {
  const options = { level: config.logLevel, redact: ['req.headers.authorization'] };
  if (!process.stdout.isTTY) return pino(options);
  const { default: pretty } = await import('pino-pretty');
  return pino(options, pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
}

/** A start-up failure that is said in one line, without a stack trace (see runMain). */
export class StartError extends DomainError {
  override readonly name = 'StartError';
  readonly kind = 'cannot-start';
}

/**
 * Listens (`listen` calls back once listening or with the error); a port in use or not allowed becomes a
 * StartError saying which variable to change.
 */
async function listenOrSay<T>(
  host: string,
  port: number,
  variable: 'PORT' | 'METRICS_PORT',
  listen: (resolve: (value: T) => void, reject: (error: unknown) => void) => void,
): Promise<T> {
  try {
    return await new Promise<T>(listen);
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'EADDRINUSE') {
      throw new StartError(
        `port ${port} on ${host} is in use; set ${variable} to a free port (e.g. ${variable}=${port + 1})`,
      );
    }
    if (code === 'EACCES') {
      throw new StartError(
        `port ${port} on ${host} may not be used by this user; set ${variable} to a port above 1023`,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new StartError(`cannot listen on ${host}: no such address here; set HOST (e.g. HOST=localhost)`);
    }
    throw err;
  }
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`oda-register cannot start: ${err.problems.join('\n  ')}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = await createLogger(config);
  const clock = systemClock;
  // prom-client is loaded only when the metrics are on.
  const metricsModule = config.metricsPort === null ? null : await import('./metrics.js');
  const metrics = metricsModule?.createMetrics() ?? null;
  const pool = serviceWorkers(config.workerThreads, {
    maxQueue: config.workerQueueLimit,
    taskTimeoutMs: config.workerTaskTimeoutMs,
    ...(metrics ? { observer: metrics.workerObserver } : {}),
  });
  const workers = metrics ? metrics.timedWorkers(pool) : pool;
  // Readiness (GET /api/ready) answers 200 once a worker thread is up: the first one starts now, loading on its
  // own thread while this one opens the database and builds the app; it is awaited before saying "serving".
  const workersReady = workers
    .ready()
    .catch((err: unknown) => logger.error({ err }, 'the worker threads cannot start'));
  const opened = await createStore({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: config.sqlitePath }),
    clock,
  });
  const store = metrics ? metrics.countingStore(opened) : opened;

  if (config.demoData) {
    const seed = await seedDemo({ store, examplesDir: path.join(ROOT, 'examples') });
    if (seed.seeded) {
      logger.info(
        { imported: seed.imported.map((i) => i.file), rejected: seed.rejected.map((r) => `${r.file}: ${r.message}`) },
        'loaded the demo partnership into the empty database',
      );
    }
  } else if (!(await store.getCatalogue())) {
    logger.warn(
      'no partnership catalogue yet (the demo is not loaded when NODE_ENV=production, unless DEMO_DATA=on): ' +
        'load yours with `node bin/oda-register.js init --catalogue <file>` against the same DATA_DIR or DATABASE_URL',
    );
  }

  const auth = await createAuthenticator(authConfigOf(config), { lookupMember: memberLookup(store), clock });
  const app = createApp({
    store,
    auth,
    clock,
    logger,
    config,
    workers,
    ...(metrics ? { requestMetrics: metrics.http } : {}),
  });

  const certs = officeDevCerts();
  const server = certs ? https.createServer(certs, app) : http.createServer(app);
  const scheme = certs ? 'https' : 'http';
  await listenOrSay<void>(config.host, config.port, 'PORT', (resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const metricsPort = config.metricsPort;
  const metricsServer =
    metricsModule && metrics && metricsPort !== null
      ? await listenOrSay<http.Server>(config.host, metricsPort, 'METRICS_PORT', (resolve, reject) => {
          metricsModule.serveMetrics(metrics.registry, metricsPort, config.host).then(resolve, reject);
        })
      : null;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    metricsServer?.close();
    server.close(() => {
      clearTimeout(force);
      Promise.all([workers.close(), store.close()])
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        })
        .catch((err: unknown) => {
          logger.error({ err }, 'closing the database failed');
          process.exit(1);
        });
    });
    // Idle keep-alive connections would hold server.close() open.
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await workersReady;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const pmgEmail = (await store.getCatalogue())?.catalogue.members.find((m) => m.role === 'pmg')?.email ?? null;
  // One write, so whoever waits for "serving" reads the whole banner.
  const metricsLine =
    config.metricsPort === null ? '' : `  Prometheus metrics: http://${shownHost}:${config.metricsPort}/metrics\n`;
  process.stdout.write(
    `${nextSteps(config, `${scheme}://${shownHost}:${config.port}`, store, pmgEmail)}\n${metricsLine}`,
  );
}

/** Starts the service for `npm start` (bin/serve.js) or `node dist/server/service.js`; a failure is one line and exit 1. */
export function runMain(): void {
  main().catch((err: unknown) => {
    process.stderr.write(`oda-register failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) runMain();
