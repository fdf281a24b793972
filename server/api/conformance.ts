/**
 * Whether a response the API sent is one its OpenAPI document describes: a status the route documents (its
 * own or one routeResponses adds), the documented content type, and a body its zod schema (the one the
 * document is generated from) accepts with nothing left over: a field the schema does not list is a
 * difference too. The API tests check every response they receive with this (test/helpers/testApp.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { routeResponses } from './docs.js';
import { API_PREFIX } from './openapi.js';
import { pathPattern, type AnyRoute } from './route.js';
import { problemSchema } from './schemas.js';

export interface SentResponse {
  method: string;
  /** The request path, with the API prefix. */
  path: string;
  status: number;
  contentType: string | undefined;
  body: string | Buffer;
}

/** The first place where a and b differ, as a path (`.registers[0].hasErrors`), or null. */
function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at || '.'} (length)`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return at || '.';
}

/** Null when the response matches the document; else a sentence saying how it does not. */
export function responseViolation(routes: readonly AnyRoute[], sent: SentResponse): string | null {
  if (!sent.path.toLowerCase().startsWith(`${API_PREFIX}/`)) return null;
  const below = sent.path.slice(API_PREFIX.length);
  const method = sent.method === 'HEAD' ? 'get' : sent.method.toLowerCase();
  const route = routes.find((r) => r.method === method && pathPattern(r.path).test(below));
  const where = route ? `${route.method.toUpperCase()} ${API_PREFIX}${route.path}` : `${sent.method} ${sent.path}`;
  // Outside every route (404, 405): a problem is all that is promised.
  const doc = route
    ? routeResponses(route)[sent.status]
    : sent.status >= 400
      ? { description: '', schema: problemSchema, contentType: PROBLEM_CONTENT_TYPE }
      : undefined;
  if (!doc) return `${where} answered ${sent.status}, which its documentation does not list`;
  const contentType = doc.contentType ?? 'application/json';
  if (!doc.schema) return null;
  if (!(sent.contentType ?? '').toLowerCase().startsWith(contentType)) {
    return `${where} answered ${sent.status} as ${sent.contentType ?? 'no content type'}, documented as ${contentType}`;
  }
  if (sent.method === 'HEAD' || !/json$/.test(contentType)) return null;
  let body: unknown;
  try {
    body = JSON.parse(typeof sent.body === 'string' ? sent.body : sent.body.toString('utf8'));
  } catch {
    return `${where} answered ${sent.status} with a body that is not JSON`;
  }
  const parsed = doc.schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${where} answered ${sent.status} with a body the schema refuses at /${issue?.path.join('/') ?? ''}: ${issue?.message ?? ''}`;
  }
  const difference = firstDifference(body, parsed.data);
  if (difference !== null) {
    return `${where} answered ${sent.status} with a body the schema does not describe at ${difference}`;
  }
  return null;
}
