/**
 * WAL checkpoints on walCheckpointer's thread (server/store/walCheckpointer.ts): writes reach the database
 * file while the writer never checkpoints below its fallback mark, the database stays whole, and close()
 * stops the thread and leaves no WAL behind.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../server/store/createStore.js';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from '../../server/store/walCheckpointer.js';
import { checkWorkbook } from '../../shared/checkWorkbook.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables } from '../helpers/rawTables.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-checkpoint-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('the database file takes in the writes while the service writes, and close leaves no WAL', async () => {
  const file = path.join(dir, 'oda.db');
  const store = await createStore({ sqlitePath: file });
  const check = checkWorkbook(goodRawTables(testCatalogue(), LEEDS), testCatalogue());
  const submission = check.submission!;
  const sizeBefore = statSync(file).size;
  const writes = 300;
  for (let version = 1; version <= writes; version++) {
    await store.appendSubmission({
      organisationId: LEEDS,
      baseVersion: version === 1 ? null : version - 1,
      submission,
      warnings: [],
      actor: 'manager@leeds.example',
      source: 'api',
    });
  }
  // Far below the writer's own checkpoint mark, so only the checkpoint thread can have copied them.
  const walPages = statSync(`${file}-wal`).size / 4096;
  expect(walPages).toBeLessThan(FALLBACK_AUTOCHECKPOINT_PAGES);
  const deadline = Date.now() + 5000;
  while (statSync(file).size <= sizeBefore + 100 * 4096 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(statSync(file).size).toBeGreaterThan(sizeBefore + 100 * 4096);
  expect((await store.checkIntegrity()).ok).toBe(true);
  expect((await store.latestSubmission(LEEDS))?.version).toBe(writes);
  await store.close();
  expect(existsSync(`${file}-wal`)).toBe(false);

  const reopened = await createStore({ sqlitePath: file });
  expect((await reopened.latestSubmission(LEEDS))?.version).toBe(writes);
  expect((await reopened.verifyAudit()).ok).toBe(true);
  await reopened.close();
});
