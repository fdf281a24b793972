/** Response documentation shared by routes. */
import type { ZodType } from 'zod';
import type { AnyRoute, ResponseDoc } from './route.js';
import { problemSchema } from './schemas.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid: `errors` points at each bad field.',
  401: 'No valid bearer token.',
  403: 'Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them).',
  404: 'Not found.',
  409: 'Not possible in the current state (e.g. no catalogue yet).',
  412: 'The If-Match version is stale: someone else saved first.',
  413: 'The body or upload is too large.',
  415: 'Wrong content type.',
  422: 'The workbook or catalogue has errors: `issues` (or `errors`) lists every one; nothing was stored.',
  428: 'If-Match is required because a version exists.',
  429: 'Too many requests; retry after the time Retry-After gives.',
  503: 'Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored.',
};

/** Problem responses for the given statuses. */
export function problems(...statuses: number[]): Record<number, ResponseDoc> {
  const out: Record<number, ResponseDoc> = {};
  for (const s of statuses) {
    out[s] = {
      description: PROBLEM_DESCRIPTIONS[s] ?? 'Problem.',
      schema: problemSchema,
      contentType: PROBLEM_CONTENT_TYPE,
    };
  }
  return out;
}

export function json(description: string, schema: ZodType, headers?: Record<string, string>): ResponseDoc {
  return { description, schema, ...(headers ? { headers } : {}) };
}

/** Problems every authenticated route can answer. */
export const AUTHED = [401, 403] as const;

/**
 * Every response a route can give: its own, and the problems that follow from how it is declared (mount.ts):
 * 401 and 403 when authenticated; 429 when rate limited (all but the health probes); 400 for parameters, a
 * query, a body or If-Match; 413 and 415 for a body; 503 for an upload or a raw JSON body (worker threads busy).
 * The OpenAPI document and the tests' response check both read this.
 */
export function routeResponses(route: AnyRoute): Record<number, ResponseDoc> {
  const authenticated = route.access !== 'public';
  const hasBody = Boolean(route.body || route.rawJson || route.upload);
  const statuses: number[] = [];
  if (route.params || route.query || route.headers || hasBody) statuses.push(400);
  if (authenticated) statuses.push(...AUTHED);
  if (hasBody) statuses.push(413, 415);
  if (!route.unlimited) statuses.push(429);
  statuses.push(500);
  // Uploads and raw JSON bodies go to the worker threads, whose queue and time limit answer 503 (server/workers).
  if (route.rawJson || route.upload) statuses.push(503);
  return { ...problems(...statuses), ...route.responses };
}
