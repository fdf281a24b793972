/**
 * The two servers of the API benchmark, run in their own process so that the load generator does not share
 * their event loop: the real app as the API tests build it (makeTestApp: createApp, worker threads, a SQLite
 * file in a temp folder, dev auth, rate limit off), logs at `warn` so request lines are not written, and a bare
 * Express 5 JSON echo route, both on loopback.
 * Run directly, it prints one JSON line `{ app, echo, token, organisations }` and stops on SIGTERM.
 */
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import express from 'express';
import type { Catalogue } from '../shared/types.js';
import { testCatalogue } from '../test/helpers/catalogue.js';
import { makeTestApp, MEMBERS } from '../test/helpers/testApp.js';

/** Log level of the app under load: warnings and errors only (request logs are `info`). */
export const BENCH_LOG_LEVEL = 'warn';

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
  // The app of the API tests (test/helpers/testApp.ts): worker threads, SQLite in a temp folder, dev auth.
  const catalogue = benchCatalogue(organisations);
  const testApp = await makeTestApp({ catalogue, env: { LOG_LEVEL: BENCH_LOG_LEVEL }, checkResponses: false });
  const appServer = http.createServer(testApp.app);
  const echoApp = express();
  echoApp.use(express.json({ limit: testApp.config.jsonBodyLimit }));
  echoApp.put('/echo', (req, res) => {
    res.json(req.body);
  });
  const echoServer = http.createServer(echoApp);
  const [app, echo] = await Promise.all([listen(appServer), listen(echoServer)]);
  const token = await testApp.tokenFor(MEMBERS.pmg);
  return {
    app,
    echo,
    token,
    organisations: catalogue.organisations.filter((o) => o.id.startsWith('bench-')).map((o) => o.id),
    close: async () => {
      await Promise.all([appServer, echoServer].map((s) => new Promise((resolve) => s.close(resolve))));
      await testApp.close();
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
