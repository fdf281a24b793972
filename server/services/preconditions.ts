/**
 * The If-Match rules of every versioned write (a submission, the catalogue), free of HTTP: the API reads the
 * headers (server/api/preconditions.ts) and hands them over as a WritePrecondition; a rule broken is a
 * PreconditionFailed, which the API answers 412 or 428.
 */
import { PreconditionFailed } from './errors.js';

/** If-Match as sent: absent, `*`, or one version. */
export type IfMatch = { kind: 'none' } | { kind: 'any' } | { kind: 'version'; version: number };

export interface WritePrecondition {
  ifMatch: IfMatch;
  /** If-None-Match as sent (trimmed), null when absent. */
  ifNoneMatch: string | null;
}

/** How ETags name a version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The base version the precondition names when it can be taken as is, without knowing the current version:
 * none (no If-Match: a first write) or If-Match "n" with n >= 1; the store checks it atomically. Undefined for
 * If-Match: *, If-None-Match or "0", which need the current version (baseVersionFor).
 */
export function expectedVersion(p: WritePrecondition): number | null | undefined {
  if (p.ifNoneMatch !== null) return undefined;
  if (p.ifMatch.kind === 'none') return null;
  if (p.ifMatch.kind === 'version' && p.ifMatch.version >= 1) return p.ifMatch.version;
  return undefined;
}

/**
 * Works out the version a write replaces from the precondition and the current version:
 * - a current version exists: If-Match is required (428), and must name it (412; `*` too, as it names none);
 * - none exists: no header or `If-None-Match: *`; an If-Match naming a version is stale (412).
 * The store checks again atomically, so a race still ends in 412.
 */
export function baseVersionFor(p: WritePrecondition, current: number | null, subject: string): number | null {
  const { ifMatch } = p;
  if (current === null) {
    if (ifMatch.kind === 'version' || ifMatch.kind === 'any') {
      throw new PreconditionFailed(
        `${subject} has no saved version yet, so If-Match ${ifMatch.kind === 'any' ? '*' : etagOf(ifMatch.version)} does not match. Send it without If-Match (or with If-None-Match: *).`,
        { currentVersion: null },
      );
    }
    return null;
  }
  if (p.ifNoneMatch === '*') {
    throw new PreconditionFailed(
      `${subject} already has version ${current}; send If-Match: ${etagOf(current)} after reviewing it.`,
      { currentVersion: current },
    );
  }
  if (ifMatch.kind === 'any') {
    throw new PreconditionFailed(
      `${subject} is at version ${current}: If-Match: * is not accepted, as it would overwrite changes you have not seen. Name the version you edited (e.g. If-Match: ${etagOf(current)}).`,
      { currentVersion: current, ifMatchDetail: 'must name the version you edited, not *' },
    );
  }
  if (ifMatch.kind === 'none') {
    throw new PreconditionFailed(
      `${subject} is at version ${current}: send If-Match with the ETag of the version you edited (e.g. If-Match: ${etagOf(current)}), so that nobody overwrites a change they have not seen.`,
      { currentVersion: current, required: true, ifMatchDetail: 'is required when a version exists' },
    );
  }
  if (ifMatch.version !== current) {
    throw new PreconditionFailed(
      `${subject} is at version ${current}, not ${ifMatch.version}: someone else saved a change first. Reload and try again.`,
      { currentVersion: current },
    );
  }
  return current;
}
