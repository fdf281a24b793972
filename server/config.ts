/**
 * Service configuration from the environment, validated once at start-up. A wrong value stops the service
 * with a message naming the variable, e.g. `PORT must be a number between 1 and 65535, got "abc"`.
 */
import path from 'node:path';
import { z } from 'zod';
import { MEMBER_ROLES } from '../shared/types.js';
import type { AuthConfig } from './auth/authenticator.js';
import { DomainError } from './errors/domainError.js';

export type AuthMode = 'dev' | 'entra';

export interface EntraConfig {
  /** Tenants whose tokens are accepted (ENTRA_TENANT_IDS, comma-separated; ENTRA_TENANT_ID also works). */
  tenantIds: string[];
  /** The API's client id (ENTRA_CLIENT_ID). */
  clientId: string;
  /** Accepted audiences (ENTRA_AUDIENCES; default the client id and api://<client id>). */
  audiences: string[];
  /** Client secret for the on-behalf-of call to Microsoft Graph (ENTRA_CLIENT_SECRET); optional. */
  clientSecret: string | null;
  /** Required delegated scope (ENTRA_REQUIRED_SCOPE, default access_as_user). */
  requiredScope: string;
  /** Entra group id -> role/organisation, as JSON (ENTRA_GROUP_MAP), used with Graph. */
  groupMap: Record<string, { role: 'line-manager' | 'pmg' | 'viewer'; organisationId?: string }>;
}

export interface Config {
  port: number;
  /** Port of the Prometheus metrics (METRICS_PORT), on `host` too; null (the default) serves none. */
  metricsPort: number | null;
  host: string;
  nodeEnv: 'development' | 'production' | 'test';
  authMode: AuthMode;
  /**
   * Load the demo partnership into an empty database at start (DEMO_DATA): on by default, off by default when
   * NODE_ENV=production, so a real deployment never starts with the demo's catalogue and members.
   */
  demoData: boolean;
  dataDir: string;
  /** PostgreSQL connection string; null means SQLite at sqlitePath. */
  databaseUrl: string | null;
  sqlitePath: string;
  /** Origins allowed by CORS (besides the service's own origin, which needs none). */
  corsOrigins: string[];
  entra: EntraConfig | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest JSON body, in bytes. */
  jsonBodyLimit: number;
  /** Largest uploaded workbook, in bytes. */
  uploadLimit: number;
  /** Write requests (POST/PUT/PATCH/DELETE) allowed per user or address per window; 0 turns the limit off. */
  rateLimitWrites: number;
  /** Read requests (GET) allowed per user or address per window; 0 turns the limit off. */
  rateLimitReads: number;
  rateLimitWindowMs: number;
  /** Express "trust proxy" setting (TRUST_PROXY): hops to trust, for the client address behind a proxy. */
  trustProxy: number;
  /** Folder of the built add-in, served at / when it exists. */
  addinDir: string;
  /**
   * Worker threads that read uploaded files and check submitted workbooks (WORKER_THREADS): null picks one
   * fewer than the cores (at least 1); 0 does that work on the event loop itself.
   */
  workerThreads: number | null;
  /** Tasks that may wait for a worker thread (WORKER_QUEUE_LIMIT); one more is refused with a 503. */
  workerQueueLimit: number;
  /** Time limit of one task on the worker threads, waiting included (WORKER_TASK_TIMEOUT_MS). */
  workerTaskTimeoutMs: number;
}

export class ConfigError extends DomainError {
  readonly kind = 'invalid-configuration';

  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const show = (v: unknown) => JSON.stringify(v);

function integer(name: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const n = Number(raw.trim());
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a number between ${min} and ${max}, got ${show(raw)}`,
        });
        return z.NEVER;
      }
      return n;
    });
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** "100kb", "5mb", "2048" -> bytes. */
function size(name: string, fallback: number, max: number) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(raw.trim());
      const bytes = m ? Math.floor(Number(m[1]) * (SIZE_UNITS[(m[2] ?? '').toLowerCase()] ?? 1)) : NaN;
      if (!Number.isFinite(bytes) || bytes < 1 || bytes > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a size such as 512kb or 5mb (at most ${max / (1024 * 1024)}mb), got ${show(raw)}`,
        });
        return z.NEVER;
      }
      return bytes;
    });
}

function oneOf<T extends string>(name: string, values: readonly T[], fallback: T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const v = raw.trim().toLowerCase() as T;
      if (!values.includes(v)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be one of ${values.join(', ')}, got ${show(raw)}` });
        return z.NEVER;
      }
      return v;
    });
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const envSchema = z.object({
  PORT: integer('PORT', 1, 65535, 3000),
  METRICS_PORT: integer('METRICS_PORT', 1, 65535, 0),
  HOST: z.string().optional(),
  NODE_ENV: oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development'),
  AUTH_MODE: oneOf('AUTH_MODE', ['dev', 'entra'] as const, 'dev'),
  DEMO_DATA: oneOf('DEMO_DATA', ['auto', 'on', 'off'] as const, 'auto'),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  SQLITE_PATH: z.string().optional(),
  CORS_ORIGINS: z.string().optional(),
  LOG_LEVEL: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  JSON_BODY_LIMIT: size('JSON_BODY_LIMIT', 1024 * 1024, 50 * 1024 * 1024),
  UPLOAD_LIMIT: size('UPLOAD_LIMIT', 10 * 1024 * 1024, 100 * 1024 * 1024),
  RATE_LIMIT_WRITES: integer('RATE_LIMIT_WRITES', 0, 1_000_000, 300),
  RATE_LIMIT_READS: integer('RATE_LIMIT_READS', 0, 1_000_000, 1200),
  RATE_LIMIT_WINDOW_MS: integer('RATE_LIMIT_WINDOW_MS', 1000, 86_400_000, 60_000),
  TRUST_PROXY: integer('TRUST_PROXY', 0, 10, 0),
  WORKER_THREADS: integer('WORKER_THREADS', 0, 64, -1),
  WORKER_QUEUE_LIMIT: integer('WORKER_QUEUE_LIMIT', 0, 10_000, 64),
  WORKER_TASK_TIMEOUT_MS: integer('WORKER_TASK_TIMEOUT_MS', 1000, 3_600_000, 30_000),
  ADDIN_DIR: z.string().optional(),
  ENTRA_TENANT_IDS: z.string().optional(),
  ENTRA_TENANT_ID: z.string().optional(),
  ENTRA_CLIENT_ID: z.string().optional(),
  ENTRA_AUDIENCES: z.string().optional(),
  ENTRA_CLIENT_SECRET: z.string().optional(),
  ENTRA_REQUIRED_SCOPE: z.string().optional(),
  ENTRA_GROUP_MAP: z.string().optional(),
});

/** Where the service's database is: a PostgreSQL URL, or a SQLite file. */
export type StoreTarget = { databaseUrl: string } | { sqlitePath: string };

/** The variables that name the data folder and the database. */
export interface StoreEnv {
  readonly DATA_DIR?: string | undefined;
  readonly DATABASE_URL?: string | undefined;
  readonly SQLITE_PATH?: string | undefined;
}

/** The data folder (DATA_DIR; unset or blank means ./data), absolute, resolved against `cwd`. */
export function dataDirOf(env: StoreEnv, cwd: string = process.cwd()): string {
  return path.resolve(cwd, env.DATA_DIR?.trim() || './data');
}

/** The SQLite file (SQLITE_PATH, else oda-register.db in the data folder), absolute, resolved against `cwd`. */
function sqlitePathOf(env: StoreEnv, cwd: string): string {
  return path.resolve(cwd, env.SQLITE_PATH?.trim() || path.join(dataDirOf(env, cwd), 'oda-register.db'));
}

/** DATABASE_URL trimmed (null when unset or blank), and what is wrong with it, if anything. */
function databaseUrlOf(env: StoreEnv): { databaseUrl: string | null; problem: string | null } {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const problem =
    databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)
      ? `DATABASE_URL must be a postgres:// or postgresql:// URL, got ${show(databaseUrl)}`
      : null;
  return { databaseUrl, problem };
}

/**
 * The database the service opens: PostgreSQL when DATABASE_URL is set, else the SQLite file (SQLITE_PATH, else
 * $DATA_DIR/oda-register.db). Throws ConfigError when DATABASE_URL is not a postgres:// URL, as loadConfig does.
 */
export function storeTargetOf(env: StoreEnv, cwd: string = process.cwd()): StoreTarget {
  const { databaseUrl, problem } = databaseUrlOf(env);
  if (problem !== null) throw new ConfigError([problem]);
  return databaseUrl !== null ? { databaseUrl } : { sqlitePath: sqlitePathOf(env, cwd) };
}

const groupMapSchema = z.record(
  z.string(),
  z.object({ role: z.enum(MEMBER_ROLES), organisationId: z.string().optional() }),
);

function entraConfig(env: z.infer<typeof envSchema>, problems: string[]): EntraConfig | null {
  const tenantIds = list(env.ENTRA_TENANT_IDS ?? env.ENTRA_TENANT_ID);
  const clientId = env.ENTRA_CLIENT_ID?.trim() ?? '';
  if (tenantIds.length === 0) problems.push('ENTRA_TENANT_IDS must list at least one tenant id when AUTH_MODE=entra');
  if (clientId === '') problems.push('ENTRA_CLIENT_ID must be set when AUTH_MODE=entra');
  let groupMap: EntraConfig['groupMap'] = {};
  if (env.ENTRA_GROUP_MAP?.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.ENTRA_GROUP_MAP);
    } catch {
      parsed = undefined;
    }
    const result = groupMapSchema.safeParse(parsed);
    if (result.success) groupMap = result.data;
    else
      problems.push(
        'ENTRA_GROUP_MAP must be JSON like {"<group id>": {"role": "line-manager", "organisationId": "..."}}',
      );
  }
  const audiences = list(env.ENTRA_AUDIENCES);
  return {
    tenantIds,
    clientId,
    audiences: audiences.length > 0 ? audiences : [clientId, `api://${clientId}`],
    clientSecret: env.ENTRA_CLIENT_SECRET?.trim() || null,
    requiredScope: env.ENTRA_REQUIRED_SCOPE?.trim() || 'access_as_user',
    groupMap,
  };
}

/** Reads and checks the configuration; throws ConfigError listing every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
  const e = parsed.data;
  const problems: string[] = [];

  if (e.AUTH_MODE === 'dev' && e.NODE_ENV === 'production') {
    problems.push('AUTH_MODE must be entra when NODE_ENV=production (the development issuer is refused there)');
  }
  const entra = e.AUTH_MODE === 'entra' ? entraConfig(e, problems) : null;

  const corsOrigins = list(e.CORS_ORIGINS);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS must list origins such as https://example.org (no path), got ${show(origin)}`);
    }
  }
  if (e.METRICS_PORT === e.PORT) {
    problems.push(`METRICS_PORT must differ from PORT (${e.PORT}): the metrics are never served on the public port`);
  }
  const { databaseUrl, problem: databaseUrlProblem } = databaseUrlOf(e);
  if (databaseUrlProblem !== null) problems.push(databaseUrlProblem);
  if (problems.length > 0) throw new ConfigError(problems);

  const cwd = process.cwd();
  const dataDir = dataDirOf(e, cwd);
  return {
    port: e.PORT,
    metricsPort: e.METRICS_PORT === 0 ? null : e.METRICS_PORT,
    host: e.HOST?.trim() || (e.NODE_ENV === 'production' ? '0.0.0.0' : 'localhost'),
    nodeEnv: e.NODE_ENV,
    authMode: e.AUTH_MODE,
    demoData: e.DEMO_DATA === 'auto' ? e.NODE_ENV !== 'production' : e.DEMO_DATA === 'on',
    dataDir,
    databaseUrl,
    sqlitePath: sqlitePathOf(e, cwd),
    corsOrigins,
    entra,
    logLevel: e.LOG_LEVEL,
    jsonBodyLimit: e.JSON_BODY_LIMIT,
    uploadLimit: e.UPLOAD_LIMIT,
    rateLimitWrites: e.RATE_LIMIT_WRITES,
    rateLimitReads: e.RATE_LIMIT_READS,
    rateLimitWindowMs: e.RATE_LIMIT_WINDOW_MS,
    trustProxy: e.TRUST_PROXY,
    addinDir: path.resolve(e.ADDIN_DIR?.trim() || 'dist/addin'),
    workerThreads: e.WORKER_THREADS < 0 ? null : e.WORKER_THREADS,
    workerQueueLimit: e.WORKER_QUEUE_LIMIT,
    workerTaskTimeoutMs: e.WORKER_TASK_TIMEOUT_MS,
  };
}

/** The authenticator's configuration (server/auth/authenticator.ts) from the service configuration. */
export function authConfigOf(config: Config): AuthConfig {
  if (config.authMode === 'dev' || config.entra === null) return { mode: 'dev', dataDir: config.dataDir };
  const e = config.entra;
  return {
    mode: 'entra',
    tenantIds: e.tenantIds,
    audiences: e.audiences,
    requiredScope: e.requiredScope,
    ...(e.clientSecret && e.tenantIds[0] && Object.keys(e.groupMap).length > 0
      ? {
          graph: { clientId: e.clientId, clientSecret: e.clientSecret, tenantId: e.tenantIds[0], groupMap: e.groupMap },
        }
      : {}),
  };
}
