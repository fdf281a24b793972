/**
 * A unique (or primary key) violation on a write means another writer took the same version first: a writer
 * outside the store, or the row's key checked by this write before that writer committed. What that means for
 * the write is the caller's: a version conflict (`versionConflict`), the row the other writer stored, or a
 * retry with the next version.
 */
import type { Backend } from './backend.js';
import { VersionConflictError } from './errors.js';

/** Runs `write`; if another writer took its version first, answers with `taken(error)` instead. */
export async function ifVersionTaken<T>(
  backend: Backend,
  write: () => Promise<T>,
  taken: (error: unknown) => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!backend.isUniqueViolation(error)) throw error;
    return taken(error);
  }
}

/** `taken` for a versioned write: the VersionConflictError naming the version that is current now. */
export function versionConflict(
  subject: string,
  expected: number | null,
  current: () => Promise<number | null>,
): () => Promise<never> {
  return async () => {
    throw new VersionConflictError(subject, expected, await current());
  };
}
