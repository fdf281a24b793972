/**
 * walSync (server/store/walSync.ts): a write is answered only after an fdatasync of the WAL that started
 * after its COMMIT, and callers arriving while one sync runs share the next one.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { walSync } from '../../server/store/walSync.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(condition()).toBe(true);
}

describe('walSync', () => {
  let dir: string;
  let wal: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'oda-walsync-'));
    wal = path.join(dir, 'db.sqlite-wal');
    await writeFile(wal, 'frames');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('answers a caller only after a sync that started after its call, shared by callers arriving meanwhile', async () => {
    const syncs: { done: () => void }[] = [];
    const syncer = walSync(wal, () => {
      const d = deferred();
      syncs.push({ done: d.resolve });
      return d.promise;
    });
    const settled: string[] = [];
    const first = syncer.sync().then(() => settled.push('first'));
    await until(() => syncs.length === 1);
    // These two commit while the first sync runs: that sync may not cover them.
    const second = syncer.sync().then(() => settled.push('second'));
    const third = syncer.sync().then(() => settled.push('third'));
    syncs[0]!.done();
    await first;
    await until(() => syncs.length === 2);
    expect(settled).toEqual(['first']);
    syncs[1]!.done();
    await Promise.all([second, third]);
    expect(settled).toEqual(['first', 'second', 'third']);
    await syncer.close();
  });

  it('syncs the real WAL file and reports a failed sync to its callers', async () => {
    let calls = 0;
    const syncer = walSync(wal, async (file: FileHandle) => {
      calls++;
      if (calls === 2) throw new Error('EIO: disk failure');
      await file.datasync();
    });
    await expect(syncer.sync()).resolves.toBeUndefined();
    await expect(syncer.sync()).rejects.toThrow('EIO');
    await expect(syncer.sync()).resolves.toBeUndefined();
    await syncer.close();
  });

  it('fails when the WAL file cannot be opened', async () => {
    const syncer = walSync(path.join(dir, 'missing-wal'));
    await expect(syncer.sync()).rejects.toThrow(/ENOENT/);
    await syncer.close();
  });
});
