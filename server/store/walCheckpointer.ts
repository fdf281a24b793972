/**
 * WAL checkpoints off the event loop. better-sqlite3 is synchronous, so SQLite's automatic checkpoint (every
 * 1000 WAL pages, run inside whichever COMMIT crosses the mark: copying the pages into the database file and
 * two fsyncs) stalls every request for milliseconds. Instead, a worker thread with its own connection to the
 * same file runs `PRAGMA wal_checkpoint(PASSIVE)` every CHECKPOINT_INTERVAL_MS: PASSIVE never waits for or
 * blocks the writer, and with synchronous=FULL on that connection SQLite syncs the WAL before copying and the
 * database file before the WAL may be reused, exactly as the automatic checkpoint does, so no committed write
 * is put at risk. The main connection keeps an automatic checkpoint with a higher mark as a fallback (a worker
 * that cannot keep up, or failed), so the WAL stays bounded either way.
 *
 * The worker starts with the first write (a store that never writes never starts one), is unref'd (it does
 * not keep the process alive) and is stopped by stop(), before the main connection closes (whose final
 * checkpoint then removes the WAL).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const CHECKPOINT_INTERVAL_MS = 100;
/** WAL pages after which the main connection checkpoints itself (when the worker has not). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 4000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.lib);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 0');
db.pragma('synchronous = FULL');
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    checkpoint.get();
  } catch (error) {
    // SQLITE_BUSY: another checkpoint is running; the next tick tries again.
    if (!String(error && error.code).startsWith('SQLITE_BUSY')) parentPort.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Called after each commit: starts the worker the first time. */
  committed(): void;
  stop(): Promise<void>;
}

export function walCheckpointer(path: string, onError: (message: string) => void): WalCheckpointer {
  let worker: Worker | null = null;
  let exited: Promise<void> | null = null;
  let stopped = false;
  return {
    committed() {
      if (worker !== null || stopped) return;
      const lib = createRequire(import.meta.url).resolve('better-sqlite3');
      const started = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { lib, path, intervalMs: CHECKPOINT_INTERVAL_MS },
      });
      started.unref();
      started.on('message', (m: { error?: string }) => onError(m.error ?? String(m)));
      started.on('error', (error) => onError(String(error)));
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      worker = started;
    },
    async stop() {
      stopped = true;
      if (worker === null) return;
      // Unref'd, the worker's exit would not keep the loop alive: a short-lived process (the CLI) awaiting it
      // here would end silently, mid-command. Waiting for it to stop must hold the process open.
      worker.ref();
      worker.postMessage('stop');
      await exited;
      worker = null;
    },
  };
}
