/** Configuration from the environment: defaults, and a message naming each wrong variable. */
import path from 'node:path';
import { authConfigOf, ConfigError, dataDirOf, loadConfig, storeTargetOf } from '../../server/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

test('defaults: port 3000, dev sign-in, ./data, SQLite there', () => {
  const c = loadConfig({});
  expect(c).toMatchObject({ port: 3000, authMode: 'dev', nodeEnv: 'development', databaseUrl: null, corsOrigins: [] });
  expect(c.dataDir).toBe(path.resolve('data'));
  expect(c.sqlitePath).toBe(path.resolve('data/oda-register.db'));
  expect(authConfigOf(c)).toEqual({ mode: 'dev', dataDir: c.dataDir });
});

test('a wrong value names the variable and what it got', () => {
  expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT must be a number between 1 and 65535, got "abc"']);
  expect(problemsOf({ PORT: '70000', AUTH_MODE: 'magic' })).toEqual([
    'PORT must be a number between 1 and 65535, got "70000"',
    'AUTH_MODE must be one of dev, entra, got "magic"',
  ]);
  expect(problemsOf({ JSON_BODY_LIMIT: 'huge' })[0]).toMatch(/^JSON_BODY_LIMIT must be a size/);
  expect(problemsOf({ CORS_ORIGINS: 'https://ok.example, not a url' })[0]).toMatch(/^CORS_ORIGINS .*"not a url"/);
  expect(problemsOf({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL/);
  expect(problemsOf({ WORKER_THREADS: 'many' })).toEqual([
    'WORKER_THREADS must be a number between 0 and 64, got "many"',
  ]);
});

test('WORKER_THREADS: unset picks the thread count, 0 works on the event loop', () => {
  expect(loadConfig({}).workerThreads).toBeNull();
  expect(loadConfig({ WORKER_THREADS: '0' }).workerThreads).toBe(0);
  expect(loadConfig({ WORKER_THREADS: '3' }).workerThreads).toBe(3);
});

test('the development issuer is refused in production', () => {
  expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
    'AUTH_MODE must be entra when NODE_ENV=production (the development issuer is refused there)',
  ]);
});

test('entra mode needs tenants and a client id, and maps to the authenticator config', () => {
  expect(problemsOf({ AUTH_MODE: 'entra' })).toEqual([
    'ENTRA_TENANT_IDS must list at least one tenant id when AUTH_MODE=entra',
    'ENTRA_CLIENT_ID must be set when AUTH_MODE=entra',
  ]);
  const c = loadConfig({
    NODE_ENV: 'production',
    AUTH_MODE: 'entra',
    ENTRA_TENANT_IDS: 't1,t2',
    ENTRA_CLIENT_ID: 'cid',
    ENTRA_CLIENT_SECRET: 's',
    ENTRA_GROUP_MAP: '{"g1":{"role":"pmg"}}',
    UPLOAD_LIMIT: '5mb',
  });
  expect(c.uploadLimit).toBe(5 * 1024 * 1024);
  expect(c.host).toBe('0.0.0.0');
  expect(authConfigOf(c)).toEqual({
    mode: 'entra',
    tenantIds: ['t1', 't2'],
    audiences: ['cid', 'api://cid'],
    requiredScope: 'access_as_user',
    graph: { clientId: 'cid', clientSecret: 's', tenantId: 't1', groupMap: { g1: { role: 'pmg' } } },
  });
  expect(
    problemsOf({ AUTH_MODE: 'entra', ENTRA_TENANT_IDS: 't', ENTRA_CLIENT_ID: 'c', ENTRA_GROUP_MAP: '[' })[0],
  ).toMatch(/^ENTRA_GROUP_MAP must be JSON/);
});

test('the data folder and the database, as loadConfig and the CLI both take them', () => {
  expect(dataDirOf({}, '/srv/oda')).toBe(path.resolve('/srv/oda/data'));
  expect(dataDirOf({ DATA_DIR: ' ' }, '/srv/oda')).toBe(path.resolve('/srv/oda/data'));
  expect(dataDirOf({ DATA_DIR: 'store' }, '/srv/oda')).toBe(path.resolve('/srv/oda/store'));
  expect(loadConfig({ DATA_DIR: ' ' }).dataDir).toBe(path.resolve('data'));

  expect(storeTargetOf({}, '/srv/oda')).toEqual({ sqlitePath: path.resolve('/srv/oda/data/oda-register.db') });
  expect(storeTargetOf({ DATA_DIR: 'd', SQLITE_PATH: 'x/r.db' }, '/srv/oda')).toEqual({
    sqlitePath: path.resolve('/srv/oda/x/r.db'),
  });
  expect(storeTargetOf({ DATABASE_URL: ' postgres://u@h/db ', SQLITE_PATH: 'x.db' })).toEqual({
    databaseUrl: 'postgres://u@h/db',
  });
  expect(loadConfig({ SQLITE_PATH: 'x/r.db' }).sqlitePath).toBe(path.resolve('x/r.db'));

  const message = 'DATABASE_URL must be a postgres:// or postgresql:// URL, got "mysql://x"';
  expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([message]);
  expect(() => storeTargetOf({ DATABASE_URL: 'mysql://x' })).toThrow(new ConfigError([message]));
});

test('the demo partnership: loaded into an empty database by default, never in production unless DEMO_DATA=on', () => {
  const production = { NODE_ENV: 'production', AUTH_MODE: 'entra', ENTRA_TENANT_IDS: 't1', ENTRA_CLIENT_ID: 'cid' };
  expect(loadConfig({}).demoData).toBe(true);
  expect(loadConfig({ DEMO_DATA: 'off' }).demoData).toBe(false);
  expect(loadConfig(production).demoData).toBe(false);
  expect(loadConfig({ ...production, DEMO_DATA: 'on' }).demoData).toBe(true);
  expect(problemsOf({ DEMO_DATA: 'yes' })).toEqual(['DEMO_DATA must be one of auto, on, off, got "yes"']);
});
