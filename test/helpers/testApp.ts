/**
 * A real app for API tests: a SQLite file store and a development issuer in a fresh temp folder, the test
 * catalogue loaded, silent logs (unless `env` sets LOG_LEVEL). `tokenFor(email)` mints a token for a catalogue
 * member. Every response the app sends is checked against the OpenAPI document's schema for its route and
 * status (server/api/conformance.ts): one that does not match is replaced by a 500 saying why, and listed in
 * `responseViolations`, so that no API test passes on an undocumented answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import { createApp, routesOf } from '../../server/app.js';
import { responseViolation } from '../../server/api/conformance.js';
import type { AnyRoute } from '../../server/api/route.js';
import { serviceWorkers, type Workers } from '../../server/workers/workers.js';
import { createDevAuthenticator, loadOrCreateDevIssuer, type DevIssuer } from '../../server/auth/devIssuer.js';
import type { Clock } from '../../server/clock.js';
import { loadConfig, type Config } from '../../server/config.js';
import { memberLookup } from '../../server/services/members.js';
import { createStore } from '../../server/store/createStore.js';
import type { Store } from '../../server/store/types.js';
import type { Catalogue, RawTables } from '../../shared/types.js';
import { testCatalogue } from './catalogue.js';

export interface TestApp {
  app: Express;
  store: Store;
  config: Config;
  issuer: DevIssuer;
  /** The temp folder holding the database and the issuer's keys. */
  dir: string;
  /** Responses that did not match the OpenAPI document (each was answered 500 instead). */
  responseViolations: string[];
  /** A token for a member of the current catalogue. */
  tokenFor(email: string, opts?: { ttlSeconds?: number }): Promise<string>;
  /** `Bearer <token>` for a member. */
  bearer(email: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The catalogue to load; null for an empty database. Default: testCatalogue(). */
  catalogue?: Catalogue | null;
  /** Environment variables for loadConfig (e.g. { RATE_LIMIT_WRITES: '3' }); LOG_LEVEL also sets the app's log level. */
  env?: Record<string, string>;
  clock?: Clock;
  /** Check every response against the OpenAPI document (default true; the API benchmark measures the app alone). */
  checkResponses?: boolean;
  /** The workers (default: the service's, for WORKER_THREADS). */
  workers?: Workers;
  /** The app's logger (default: silent unless env sets LOG_LEVEL). */
  logger?: Logger;
}

export async function makeTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oda-api-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    RATE_LIMIT_WRITES: '0',
    ADDIN_DIR: path.join(dir, 'no-addin'),
    ...opts.env,
  });
  const clock = opts.clock ?? { now: () => new Date() };
  const store = await createStore({ sqlitePath: config.sqlitePath, clock });
  const catalogue = opts.catalogue === undefined ? testCatalogue() : opts.catalogue;
  if (catalogue) await store.putCatalogue(catalogue, { actor: 'setup@test', expectedVersion: null });
  const lookupMember = memberLookup(store);
  const issuer = await loadOrCreateDevIssuer(dir, { clock });
  const auth = createDevAuthenticator({ issuer, lookupMember, clock });
  // Files are read and submissions checked on worker threads, as the service does (server/main.ts).
  const workers =
    opts.workers ??
    serviceWorkers(config.workerThreads, {
      maxQueue: config.workerQueueLimit,
      taskTimeoutMs: config.workerTaskTimeoutMs,
    });
  const served = createApp({
    store,
    auth,
    clock,
    logger: opts.logger ?? pino({ level: opts.env?.LOG_LEVEL ? config.logLevel : 'silent' }),
    config,
    workers,
  });
  const responseViolations: string[] = [];
  let app = served;
  if (opts.checkResponses !== false) {
    app = express();
    app.use(checkedResponses(routesOf(served), responseViolations));
    app.use(served);
  }
  const tokenFor = (email: string, o: { ttlSeconds?: number } = {}) =>
    issuer.mint({ email, lookupMember, ...(o.ttlSeconds !== undefined ? { ttlSeconds: o.ttlSeconds } : {}) });
  return {
    app,
    store,
    config,
    issuer,
    dir,
    responseViolations,
    tokenFor,
    bearer: async (email) => `Bearer ${await tokenFor(email)}`,
    close: async () => {
      await Promise.all([workers.close(), store.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Checks each response against the document before it is sent (see conformance.ts). */
function checkedResponses(routes: readonly AnyRoute[], violations: string[]): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body !== 'string' && !Buffer.isBuffer(body)) return send(body);
      const violation = responseViolation(routes, {
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? '',
        status: res.statusCode,
        contentType: res.get('content-type'),
        body,
      });
      if (violation === null) return send(body);
      violations.push(violation);
      res.status(500).type('text/plain');
      return send(`The response does not match the OpenAPI document: ${violation}`);
    };
    next();
  };
}

/** Raw tables as a JSON client sends them: Dates become yyyy-mm-dd text (the add-in sends serials or text). */
export function jsonTables(tables: RawTables): RawTables {
  const out: RawTables = {};
  for (const [name, t] of Object.entries(tables)) {
    out[name] = {
      ...t,
      values: t.values.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))),
    };
  }
  return out;
}

/** Member emails of testCatalogue(). */
export const MEMBERS = {
  leeds: 'manager@leeds.gov.uk',
  police: 'manager@westyorkshire.police.uk',
  university: 'manager@leeds.ac.uk',
  nhs: 'manager@wy.nhs.uk',
  voluntary: 'manager@val.org.uk',
  pmg: 'chair@wy-oda.org.uk',
  viewer: 'viewer@wy-oda.org.uk',
} as const;
