/**
 * The Dockerfile and compose.yaml cannot be built or run on this machine (no container engine, no base images):
 * this checks they say what .ci/production.sh, which CI runs for real, does: the same files copied, the same
 * install of the production dependencies only, the same command with the same environment, readiness as the
 * health check; Debian slim Node 24 in both stages, a non-root user, the service as PID 1 (no shell form);
 * compose waits for PostgreSQL's pg_isready and keeps its data on a volume.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [op = '', ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

let script: string;
let docker: { op: string; args: string }[];
let runtime: { op: string; args: string }[];
let compose: {
  services: Record<string, Record<string, unknown> & { environment?: Record<string, string> }>;
  volumes: Record<string, unknown>;
};
beforeAll(async () => {
  script = await read('.ci/production.sh');
  docker = instructions(await read('Dockerfile'));
  const stages = docker.map((d, i) => (d.op === 'FROM' ? i : -1)).filter((i) => i >= 0);
  runtime = docker.slice(stages.at(-1));
  compose = parse(await read('compose.yaml')) as typeof compose;
});

test('multi-stage, Debian slim Node 24 in every stage', () => {
  const froms = docker.filter((d) => d.op === 'FROM').map((d) => d.args);
  expect(froms).toEqual(['node:24-bookworm-slim AS build', 'node:24-bookworm-slim AS runtime']);
});

test('the runtime stage copies from the build exactly the files .ci/production.sh copies', () => {
  const copied = runtime
    .filter((d) => d.op === 'COPY')
    .map((d) => /^--from=build \/app\/(\S+) \.\/(\S+)$/.exec(d.args))
    .map((m) => {
      expect(m?.[1]).toBe(m?.[2]);
      return m?.[1];
    });
  const cp = /^cp -R (.+) "\$app\/"$/m.exec(script)?.[1]?.split(' ');
  expect(cp).toBeDefined();
  expect(copied.sort()).toEqual(cp!.sort());
});

test('the production dependencies are installed with the same command, and nothing else', () => {
  const install = /\(cd "\$app" && (npm ci [^)]*)\)/.exec(script)?.[1];
  expect(install).toContain('--omit=dev');
  expect(install).toContain('--ignore-scripts');
  const run = runtime.filter((d) => d.op === 'RUN').map((d) => d.args);
  expect(run).toHaveLength(1);
  expect(run[0]).toContain(install);
});

test('the same command, as PID 1 (exec form), as a non-root user, with the same environment', () => {
  const cmd = runtime.find((d) => d.op === 'CMD')?.args;
  expect(JSON.parse(cmd!)).toEqual(['node', 'dist/server/service.js']);
  expect(script).toMatch(/^\s+exec node dist\/server\/service\.js$/m);
  const user = runtime.filter((d) => d.op === 'USER').map((d) => d.args);
  expect(user).toEqual(['node']);
  // The variables the script sets for the service, and the Dockerfile's ENV plus what compose adds.
  const exported = /export (NODE_ENV=(?:[^\n]*\\\n)*[^\n]*)/.exec(script)![1]!.replace(/\\\n/g, ' ');
  const scriptVars = new Map([...exported.matchAll(/([A-Z_]+)=("[^"]*"|\S+)/g)].map((m) => [m[1]!, m[2]!]));
  const env = runtime.find((d) => d.op === 'ENV')!.args;
  const dockerVars = new Map([...env.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  const composeVars = compose.services.service!.environment!;
  for (const name of ['NODE_ENV', 'AUTH_MODE', 'LOG_LEVEL']) {
    expect([name, dockerVars.get(name)]).toEqual([name, scriptVars.get(name)]);
    expect([name, composeVars[name]]).toEqual([name, scriptVars.get(name)]);
  }
  // Where the script picks free ports and a temp folder, the image and compose have fixed ones.
  for (const name of scriptVars.keys()) {
    expect([name, name in composeVars]).toEqual([name, true]);
  }
  for (const name of ['HOST', 'PORT', 'METRICS_PORT', 'DATA_DIR']) {
    expect([name, String(composeVars[name])]).toEqual([name, dockerVars.get(name)]);
  }
  expect(composeVars.DATABASE_URL).toMatch(/^postgres:\/\/oda:\$\{POSTGRES_PASSWORD\}@db:5432\/oda_register$/);
});

test('HEALTHCHECK asks readiness, as the script does before its checks', () => {
  const health = runtime.find((d) => d.op === 'HEALTHCHECK')?.args ?? '';
  expect(health).toContain("'/api/ready'");
  expect(health).toMatch(/CMD \["node", "-e", /);
  expect(script).toContain('curl -fsS "$base/api/ready"');
});

test('compose: PostgreSQL with pg_isready, the service waiting for it healthy, the data on a volume', () => {
  const db = compose.services.db!;
  expect(String(db.image)).toMatch(/^postgres:\d+/);
  expect((db.healthcheck as { test: string[] }).test.join(' ')).toContain('pg_isready -U oda -d oda_register');
  expect(db.volumes).toEqual(['db-data:/var/lib/postgresql/data']);
  expect(Object.keys(compose.volumes)).toEqual(['db-data']);
  const service = compose.services.service!;
  expect(service.build).toBe('.');
  expect(service.depends_on).toEqual({ db: { condition: 'service_healthy' } });
  expect(service.ports).toEqual(['3000:3000']);
});

test('CI runs the production layout', async () => {
  expect(await read('.ci/run')).toContain('bash .ci/production.sh');
});
