/** Response documentation shared by routes. */
import type { ZodType } from 'zod';
import type { ResponseDoc } from './route.js';
import { problemSchema } from './schemas.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid: `errors` points at each bad field.',
  401: 'No valid bearer token.',
  403: 'Not allowed for this user.',
  404: 'Not found.',
  409: 'Not possible in the current state (e.g. no catalogue yet).',
  412: 'The If-Match version is stale: someone else saved first.',
  413: 'The body or upload is too large.',
  415: 'Wrong content type.',
  422: 'The workbook or catalogue has errors: `issues` (or `errors`) lists every one; nothing was stored.',
  428: 'If-Match is required because a version exists.',
  429: 'Too many writes; retry later.',
  503: 'Not ready.',
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
