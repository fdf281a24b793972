/**
 * What an operator sees at start-up: readable log lines on a terminal and JSON lines otherwise; a port in use is
 * one plain line naming the variable to change (PORT or METRICS_PORT), and a non-zero exit.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, startService } from '../helpers/service.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-startup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the service from the sources until it exits (or `until` shows in its output, then SIGTERM). */
function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  until?: RegExp,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, HOME: dir, DATA_DIR: path.join(dir, 'data'), NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (until?.test(out)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** A server holding a port on 127.0.0.1 while `fn` runs. */
async function holding<T>(port: number, fn: () => Promise<T>): Promise<T> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  try {
    return await fn();
  } finally {
    blocker.close();
  }
}

test('a port in use is one line naming PORT, and exit 1', async () => {
  const port = await freePort();
  const result = await holding(port, () =>
    run(process.execPath, ['--import', 'tsx', 'server/main.ts'], { PORT: String(port), HOST: '127.0.0.1' }),
  );
  expect(result.code).toBe(1);
  expect(result.err).toBe(
    `oda-register failed to start: port ${port} on 127.0.0.1 is in use; set PORT to a free port (e.g. PORT=${port + 1})\n`,
  );
}, 90_000);

test('a metrics port in use is one line naming METRICS_PORT, and exit 1', async () => {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const result = await holding(metricsPort, () =>
    run(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      HOST: '127.0.0.1',
    }),
  );
  expect(result.code).toBe(1);
  expect(result.err).toBe(
    `oda-register failed to start: port ${metricsPort} on 127.0.0.1 is in use; set METRICS_PORT to a free port (e.g. METRICS_PORT=${metricsPort + 1})\n`,
  );
}, 90_000);

test('on a terminal the logs are readable lines; piped, they are JSON', async () => {
  const port = await freePort();
  // script(1) gives the service a terminal for stdout.
  const tty = await run(
    'script',
    ['-qec', `${process.execPath} --import tsx server/main.ts`, '/dev/null'],
    { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    /serving/,
  );
  // eslint-disable-next-line no-control-regex
  const plain = tty.out.replace(/\u001b\[[0-9;]*m/g, '');
  expect(plain).toMatch(/\[\d\d:\d\d:\d\d\.\d{3}\] INFO: loaded the demo partnership into the empty database/);
  expect(tty.out).not.toContain('{"level"');

  await rm(path.join(dir, 'data'), { recursive: true, force: true });
  const piped = await startService({
    home: dir,
    dataDir: path.join(dir, 'data'),
    env: { LOG_LEVEL: 'info', HOST: '127.0.0.1' },
  });
  piped.child.kill('SIGTERM');
  await piped.exited;
  const json = piped
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string });
  expect(json.map((l) => l.msg)).toContain('loaded the demo partnership into the empty database');
}, 120_000);
