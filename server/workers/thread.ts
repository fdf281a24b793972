/**
 * A worker thread's entry (piscina calls the default export once per task). A catalogue (which checking a
 * submission or an uploaded file needs) is sent to each thread once and kept under the key the pool gave it:
 * a task names the key, and a thread that does not hold it answers `need-catalogue`, so the pool sends the
 * task again with the catalogue.
 */
import type { Catalogue } from '../../shared/types.js';
import { runTask, type Answer, type Task } from './tasks.js';

/** The tasks that carry a catalogue. */
type CatalogueTask = Extract<Task, { kind: 'check-submission' | 'check-workbook-file' }>;
/** Such a task as it travels: its catalogue replaced by a key (and sent along when asked). */
type KeyedTask<T> = T extends unknown
  ? Omit<T, 'catalogue'> & { catalogueKey: number | null; catalogue?: Catalogue }
  : never;

/** What travels to a thread; `ping` starts a thread and proves it loads (the service's readiness). */
export type ThreadTask = Exclude<Task, CatalogueTask> | KeyedTask<CatalogueTask> | { kind: 'ping' };

export type ThreadAnswer = Answer | { kind: 'need-catalogue' } | { kind: 'pong' };

/** Catalogues kept per thread: the current one and a few before it, for requests still in flight. */
const KEPT_CATALOGUES = 4;
const catalogues = new Map<number, Catalogue>();

export default function runOnThread(task: ThreadTask): Promise<ThreadAnswer> | ThreadAnswer {
  if (task.kind === 'ping') return { kind: 'pong' };
  if (!('catalogueKey' in task)) return runTask(task);
  const { catalogueKey, catalogue: sent, ...rest } = task;
  if (catalogueKey !== null && sent) {
    catalogues.set(catalogueKey, sent);
    for (const key of catalogues.keys()) if (catalogues.size > KEPT_CATALOGUES) catalogues.delete(key);
  }
  const catalogue = catalogueKey === null ? null : catalogues.get(catalogueKey);
  if (catalogue === undefined) return { kind: 'need-catalogue' };
  if (rest.kind === 'check-submission') return runTask({ ...rest, catalogue });
  if (catalogue === null) throw new Error('A workbook file cannot be checked without a catalogue.');
  return runTask({ ...rest, catalogue });
}
