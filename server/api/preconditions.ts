/** ETags are `"<version>"`; writes name the version they replace with If-Match (RFC 9110). */
import type { Request } from 'express';
import { ProblemError } from '../http/problem.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export type IfMatch = { kind: 'none' } | { kind: 'any' } | { kind: 'version'; version: number };

/** Reads If-Match: absent, `*`, or one ETag `"3"`; anything else is a 400 naming the header. */
export function readIfMatch(req: Request): IfMatch {
  const raw = req.get('if-match');
  if (raw === undefined || raw.trim() === '') return { kind: 'none' };
  const text = raw.trim();
  if (text === '*') return { kind: 'any' };
  const m = /^"(\d{1,15})"$/.exec(text);
  if (!m) {
    throw new ProblemError('bad-request', `If-Match must be the ETag you received, such as "3"; got ${text}.`, {
      extensions: { errors: [{ pointer: '/headers/if-match', detail: 'must be one ETag such as "3"' }] },
    });
  }
  return { kind: 'version', version: Number(m[1]) };
}

/**
 * Works out the version a write replaces from If-Match / If-None-Match and the current version:
 * - a current version exists: If-Match is required (428), and must name it (412; `*` too, as it names none);
 * - none exists: no header or `If-None-Match: *`; an If-Match naming a version is stale (412).
 * The store checks again atomically, so a race still ends in 412.
 */
export function baseVersionFor(req: Request, current: number | null, subject: string): number | null {
  const ifMatch = readIfMatch(req);
  const ifNoneMatch = req.get('if-none-match')?.trim();
  if (current === null) {
    if (ifMatch.kind === 'version' || ifMatch.kind === 'any') {
      throw new ProblemError(
        'precondition-failed',
        `${subject} has no saved version yet, so If-Match ${ifMatch.kind === 'any' ? '*' : etagOf(ifMatch.version)} does not match. Send it without If-Match (or with If-None-Match: *).`,
        { extensions: { currentVersion: null } },
      );
    }
    return null;
  }
  if (ifNoneMatch === '*') {
    throw new ProblemError(
      'precondition-failed',
      `${subject} already has version ${current}; send If-Match: ${etagOf(current)} after reviewing it.`,
      { extensions: { currentVersion: current }, headers: { ETag: etagOf(current) } },
    );
  }
  if (ifMatch.kind === 'any') {
    throw new ProblemError(
      'precondition-failed',
      `${subject} is at version ${current}: If-Match: * is not accepted, as it would overwrite changes you have not seen. Name the version you edited (e.g. If-Match: ${etagOf(current)}).`,
      {
        extensions: {
          currentVersion: current,
          errors: [{ pointer: '/headers/if-match', detail: 'must name the version you edited, not *' }],
        },
        headers: { ETag: etagOf(current) },
      },
    );
  }
  if (ifMatch.kind === 'none') {
    throw new ProblemError(
      'precondition-required',
      `${subject} is at version ${current}: send If-Match with the ETag of the version you edited (e.g. If-Match: ${etagOf(current)}), so that nobody overwrites a change they have not seen.`,
      {
        extensions: {
          currentVersion: current,
          errors: [{ pointer: '/headers/if-match', detail: 'is required when a version exists' }],
        },
      },
    );
  }
  if (ifMatch.version !== current) {
    throw new ProblemError(
      'precondition-failed',
      `${subject} is at version ${current}, not ${ifMatch.version}: someone else saved a change first. Reload and try again.`,
      { extensions: { currentVersion: current }, headers: { ETag: etagOf(current) } },
    );
  }
  return current;
}
