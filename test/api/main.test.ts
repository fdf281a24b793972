/** `npm start` as a real process: demo loaded on first start, serves, prints what to open, stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../server/store/createStore.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-main-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('starts on PORT with the demo, answers, and exits 0 on SIGTERM with the database closed', async () => {
  const port = 40000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      HOME: dir,
      DATA_DIR: path.join(dir, 'data'),
      PORT: String(port),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    for (let i = 0; i < 200 && !out.includes('serving'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`http://localhost:${port}/api`);
    expect(out).toContain('oda-register token --email');
    const ready = (await (await fetch(`http://localhost:${port}/api/ready`)).json()) as { catalogueVersion: number };
    expect(ready.catalogueVersion).toBe(1);
    const missing = await fetch(`http://localhost:${port}/api/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  const store = await createStore({ sqlitePath: path.join(dir, 'data', 'oda-register.db') });
  try {
    expect((await store.checkIntegrity()).ok).toBe(true);
    expect((await store.latestSubmissions()).length).toBe(7);
  } finally {
    await store.close();
  }
}, 60_000);
