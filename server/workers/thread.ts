/**
 * A worker thread's entry (piscina calls the default export once per task). A catalogue is sent to each
 * thread once and kept under the key the pool gave it: a task names the key, and a thread that does not hold
 * it answers `need-catalogue`, so the pool sends the task again with the catalogue.
 */
import type { Catalogue } from '../../shared/types.js';
import { runTask, type Answer, type Task } from './tasks.js';

/** What travels to a thread: a task, with its catalogue replaced by a key (and sent along when asked). */
export type ThreadTask =
  | Exclude<Task, { kind: 'check-submission' }>
  | (Omit<Extract<Task, { kind: 'check-submission' }>, 'catalogue'> & {
      catalogueKey: number | null;
      catalogue?: Catalogue;
    });

export type ThreadAnswer = Answer | { kind: 'need-catalogue' };

/** Catalogues kept per thread: the current one and a few before it, for requests still in flight. */
const KEPT_CATALOGUES = 4;
const catalogues = new Map<number, Catalogue>();

export default function runOnThread(task: ThreadTask): Promise<ThreadAnswer> | ThreadAnswer {
  if (task.kind !== 'check-submission') return runTask(task);
  const { catalogueKey, catalogue: sent, ...rest } = task;
  if (catalogueKey !== null && sent) {
    catalogues.set(catalogueKey, sent);
    for (const key of catalogues.keys()) if (catalogues.size > KEPT_CATALOGUES) catalogues.delete(key);
  }
  const catalogue = catalogueKey === null ? null : catalogues.get(catalogueKey);
  if (catalogue === undefined) return { kind: 'need-catalogue' };
  return runTask({ ...rest, catalogue });
}
