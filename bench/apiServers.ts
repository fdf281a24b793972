/**
 * The two servers of the API benchmark, run in their own process so that the load generator does not share
 * their event loop: the real app (createApp, worker threads, a SQLite file in a temp folder, dev auth, rate limit off, logs at
 * `warn` so request lines are not written) and a bare Express 5 JSON echo route, both on loopback.
 * Run directly, it prints one JSON line `{ app, echo, token, organisations }` and stops on SIGTERM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { pino } from 'pino';
import { createApp } from '../server/app.js';
import { createDevAuthenticator, loadOrCreateDevIssuer } from '../server/auth/devIssuer.js';
import { systemClock } from '../server/clock.js';
import { loadConfig } from '../server/config.js';
import { memberLookup } from '../server/services/members.js';
import { serviceWorkers } from '../server/workers/workers.js';
import { createStore } from '../server/store/createStore.js';
import type { Catalogue } from '../shared/types.js';
import { testCatalogue } from '../test/helpers/catalogue.js';

/** Log level of the app under load: warnings and errors only (request logs are `info`). */
export const BENCH_LOG_LEVEL = 'warn';
export const BENCH_PMG = 'chair@wy-oda.org.uk';

/** The test partnership with `count` extra data providers, so each connection can write its own. */
export function benchCatalogue(count: number): Catalogue {
  const catalogue = testCatalogue();
  for (let i = 1; i <= count; i++) {
    const id = `bench-${String(i).padStart(2, '0')}`;
    catalogue.organisations.push({ id, name: `Bench partner ${i}`, sector: 'other', involvement: 'data-provider' });
    catalogue.members.push({ email: `manager@${id}.example`, organisationId: id, role: 'line-manager' });
  }
  return catalogue;
}

export interface BenchServers {
  app: string;
  echo: string;
  token: string;
  organisations: string[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

export async function startBenchServers(organisations: number): Promise<BenchServers> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oda-bench-api-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    RATE_LIMIT_WRITES: '0',
    LOG_LEVEL: BENCH_LOG_LEVEL,
    ADDIN_DIR: path.join(dir, 'no-addin'),
  });
  const clock = systemClock;
  const store = await createStore({ sqlitePath: config.sqlitePath, clock });
  const catalogue = benchCatalogue(organisations);
  await store.putCatalogue(catalogue, { actor: 'bench@local', expectedVersion: null });
  const lookupMember = memberLookup(store);
  const issuer = await loadOrCreateDevIssuer(dir, { clock });
  const auth = createDevAuthenticator({ issuer, lookupMember, clock });
  const logger = pino({ level: config.logLevel });
  // Submissions are checked on worker threads, as the service does (server/main.ts).
  const workers = serviceWorkers(config.workerThreads);
  const appServer = http.createServer(createApp({ store, auth, clock, logger, config, workers }));
  const echoApp = express();
  echoApp.use(express.json({ limit: config.jsonBodyLimit }));
  echoApp.put('/echo', (req, res) => {
    res.json(req.body);
  });
  const echoServer = http.createServer(echoApp);
  const [app, echo] = await Promise.all([listen(appServer), listen(echoServer)]);
  const token = await issuer.mint({ email: BENCH_PMG, lookupMember });
  return {
    app,
    echo,
    token,
    organisations: catalogue.organisations.filter((o) => o.id.startsWith('bench-')).map((o) => o.id),
    close: async () => {
      await Promise.all([appServer, echoServer].map((s) => new Promise((resolve) => s.close(resolve))));
      await Promise.all([workers.close(), store.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 20);
  const servers = await startBenchServers(count);
  const { close, ...info } = servers;
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.on('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
