/**
 * ETags are `"<version>"`; writes name the version they replace with If-Match (RFC 9110). This file reads the
 * headers; the rules they are held to are the services' (server/services/preconditions.ts).
 */
import type { Request } from 'express';
import { ProblemError } from '../http/problem.js';
import type { IfMatch, WritePrecondition } from '../services/preconditions.js';

export { etagOf } from '../services/preconditions.js';

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

/** The request's If-Match and If-None-Match, for a versioned write. */
export function preconditionOf(req: Request): WritePrecondition {
  return { ifMatch: readIfMatch(req), ifNoneMatch: req.get('if-none-match')?.trim() ?? null };
}
