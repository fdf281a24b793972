/** The service as a real process: demo loaded on first start, serves, prints what to open, stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../server/store/createStore.js';
import { freePort, startService } from '../helpers/service.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-main-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('starts on PORT with the demo, answers, and exits 0 on SIGTERM with the database closed', async () => {
  const service = await startService({ home: dir, dataDir: path.join(dir, 'data') });
  const { port } = service;
  try {
    expect(service.output()).toContain(`http://localhost:${port}/api`);
    expect(service.output()).toContain('node bin/oda-register.js token --email');
    const ready = (await (await fetch(`http://localhost:${port}/api/ready`)).json()) as { catalogueVersion: number };
    expect(ready.catalogueVersion).toBe(1);
    const missing = await fetch(`http://localhost:${port}/api/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  } finally {
    service.child.kill('SIGTERM');
  }
  expect((await service.exited).code).toBe(0);
  const store = await createStore({ sqlitePath: path.join(dir, 'data', 'oda-register.db') });
  try {
    expect((await store.checkIntegrity()).ok).toBe(true);
    expect((await store.latestSubmissions()).length).toBe(7);
  } finally {
    await store.close();
  }
}, 60_000);

/**
 * `npm start` as an operator runs it (a terminal, nohup, a container or systemd): SIGTERM goes to the process that
 * was started, npm, in the caller's own process group. The service must be that process's own child with nothing
 * in between that swallows the signal (npm forwards it; the start script execs node), so it stops.
 */
test('npm start stops on SIGTERM to the npm process: port closed and "stopped" logged within 10 s', async () => {
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    detached: false,
    env: { ...process.env, HOME: dir, DATA_DIR: path.join(dir, 'data'), PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const answers = () =>
    fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
  try {
    for (let i = 0; i < 600 && !(await answers()); i++) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await answers()).toBe(true);

    const signalled = Date.now();
    process.kill(child.pid!, 'SIGTERM');
    while (Date.now() - signalled < 10_000 && ((await answers()) || !out.includes('"msg":"stopped"'))) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await answers()).toBe(false);
    expect(out).toContain('"msg":"stopped"');
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(await exited).toBe(0);
  } finally {
    // Only if the test failed with the service still up: stop what this test started.
    if (await answers()) child.kill('SIGKILL');
  }
}, 120_000);
