/**
 * Start-up of the command line and the service, as ratios to a bare `node -e ""` (and, for the service, a bare
 * Node http server) started in the same run: `oda-register --help` at most 3x, `oda-register status` at most
 * 5x, the service until /api/ready answers at most 8x the bare server. Each process is started as a user starts
 * it (`node bin/oda-register.js`, `node bin/serve.js` as `npm start` runs it), runs interleaved with the baseline,
 * and the medians are compared. Run alone with `npx tsx bench/startup.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chooseBuild, ROOT } from '../bin/launch.js';
import { runCli } from '../server/cli/program.js';
import { freePort } from '../test/helpers/service.js';
import { report, type Verdict } from './measure.js';

const RUNS = 9;
const BIN = path.join(ROOT, 'bin/oda-register.js');
const SERVE = path.join(ROOT, 'bin/serve.js');

/** Milliseconds from spawning `node args` until it exits (it must exit 0). */
function timeExit(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`node ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** Milliseconds from spawning `node args` until GET `url` answers 200; then the process is stopped. */
async function timeReady(args: string[], env: NodeJS.ProcessEnv, url: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`node ${args.join(' ')} exited ${child.exitCode} before ${url}`);
      const ok = await fetch(url).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - t0;
      if (performance.now() - t0 > 60_000) throw new Error(`node ${args.join(' ')} did not answer ${url} in 60 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs each measurement RUNS times, interleaved, so a change in the machine's load moves all of them alike. */
async function interleaved(measures: Record<string, () => Promise<number>>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
  for (const fn of Object.values(measures)) await fn(); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const [k, fn] of Object.entries(measures)) times[k]!.push(await fn());
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

export async function benchStartup(): Promise<Verdict> {
  for (const program of ['cli', 'service'] as const) {
    const build = chooseBuild(program);
    if (build.kind === 'sources') {
      console.log(`NOTE  startup: ${build.reason}, so this measures the tsx fallback; run \`npm run build\` first.`);
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oda-bench-startup-'));
  try {
    // A fresh HOME: Office development certificates in the user's (npm run certs) would make the service
    // answer https only, and the http readiness below would wait for ever.
    const home = path.join(dir, 'home');
    await mkdir(home);
    const env = {
      ...process.env,
      HOME: home,
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    };
    const io = { stdout: process.stdout, stderr: process.stderr, env, cwd: ROOT };
    const quiet = { ...io, stdout: { write: () => true } as unknown as NodeJS.WritableStream };
    await runCli(['init', '--catalogue', 'examples/catalogue.json'], quiet);
    await runCli(
      ['import', ...['northshire-icb', 'northshire-police'].map((o) => `examples/workbooks/${o}.xlsx`)],
      quiet,
    );

    const port = await freePort();
    const barePort = await freePort();
    const serviceEnv = { ...env, PORT: String(port), HOST: '127.0.0.1', WORKER_THREADS: '1' };
    const bareServer = `require('http').createServer((q, s) => s.end('ok')).listen(${barePort}, '127.0.0.1')`;
    const ms = await interleaved({
      node: () => timeExit(['-e', ''], env),
      help: () => timeExit([BIN, '--help'], env),
      status: () => timeExit([BIN, 'status'], env),
      bare: () => timeReady(['-e', bareServer], env, `http://127.0.0.1:${barePort}/`),
      service: () => timeReady([SERVE], serviceEnv, `http://127.0.0.1:${port}/api/ready`),
    });
    const node = { label: 'node -e ""', ms: ms.node! };
    const verdicts = [
      report('startup --help', { label: 'oda-register --help', ms: ms.help! }, node, { maxRatio: 3 }),
      report('startup status', { label: 'oda-register status', ms: ms.status! }, node, { maxRatio: 5 }),
      report(
        'startup service',
        { label: 'npm start to /api/ready', ms: ms.service! },
        { label: 'a bare node http server', ms: ms.bare! },
        { maxRatio: 8 },
      ),
    ];
    return { name: 'startup', ok: verdicts.every((v) => v.ok) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verdict = await benchStartup();
  if (!verdict.ok) process.exitCode = 1;
}
