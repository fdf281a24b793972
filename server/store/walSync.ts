/**
 * Durable commits without an fsync on the event loop. The SQLite connection runs in WAL mode with
 * synchronous=NORMAL, so COMMIT writes the transaction's frames to the `-wal` file (into the OS page cache)
 * and returns without an fsync; before any write of that COMMIT is answered, the service fdatasyncs the
 * `-wal` file through libuv's thread pool (`sync()` below) and waits for it.
 *
 * Why an answered write is then as durable as with synchronous=FULL (which only adds an fsync of the WAL to
 * the COMMIT itself):
 * - The frames of every committed transaction are written to the WAL file by COMMIT (write(2), before COMMIT
 *   returns). An fdatasync of that file started after COMMIT returned puts them, and everything written before
 *   them (the WAL header, earlier frames), on disk, file size included.
 * - After a power cut, SQLite's recovery replays the WAL's frames up to the last valid commit frame (salts and a
 *   cumulative checksum), so a durable commit frame preceded by durable frames is recovered: every answered
 *   write is there. Frames written after the sync and lost are whole unanswered transactions, dropped as a
 *   unit; SQLite documents WAL with NORMAL as never corrupting the database on power loss.
 * - A checkpoint copies the WAL into the database file: with NORMAL, SQLite syncs the WAL before and the
 *   database file after each checkpoint, before it may reuse the WAL from its start; so a checkpoint never
 *   exposes an answered write to loss. A reused WAL is the same file (SQLite deletes it only when the last
 *   connection closes, and this connection stays open until close()), so the descriptor kept here stays valid.
 * - A write visible to readers before its sync finishes (another request may read it meanwhile) has not been
 *   answered; if it were lost, so would be every later write (the WAL is a sequence), which is what a client
 *   whose request was cut off by a crash must already expect. A write answered after such a read is synced
 *   with everything before it.
 * test/api/crash.test.ts kills the service with SIGKILL mid-stream and checks every answered write;
 * test/store/walSync.test.ts checks that answers wait for the sync.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface WalSync {
  /** Resolves once everything written to the WAL before this call is on disk. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export function walSync(
  walPath: string,
  fdatasync: (file: FileHandle) => Promise<void> = (f) => f.datasync(),
): WalSync {
  let file: Promise<FileHandle> | null = null;
  /** The sync in progress, and the one queued behind it (which starts once it ends). */
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const handle = (): Promise<FileHandle> => {
    file ??= open(walPath, 'r').catch((error: unknown) => {
      file = null;
      throw error;
    });
    return file;
  };

  const start = (): Promise<void> => {
    const run = handle()
      .then(fdatasync)
      .finally(() => {
        if (running === run) running = null;
      });
    running = run;
    return run;
  };

  return {
    sync() {
      // A sync already running may have started before the caller's COMMIT: wait for the next one, which
      // every caller arriving meanwhile shares.
      if (running === null) return start();
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return running ?? start();
        });
      return queued;
    },
    async close() {
      await running?.catch(() => undefined);
      await queued?.catch(() => undefined);
      const f = file;
      file = null;
      if (f) await (await f.catch(() => null))?.close();
    },
  };
}
