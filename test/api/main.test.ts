/** `npm start` as a real process: demo loaded on first start, serves, prints what to open, stops cleanly on SIGTERM. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../server/store/createStore.js';
import { startService } from '../helpers/service.js';

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
    expect(service.output()).toContain('oda-register token --email');
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
