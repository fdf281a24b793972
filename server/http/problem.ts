/**
 * RFC 9457 problem details: every error the API answers is `application/problem+json` with `type`, `title`,
 * `status` and `detail`, plus `errors` (JSON pointers to bad fields) or `issues` (workbook issues) where they
 * apply. Never an HTML page, never a stack trace.
 */
import type { Response } from 'express';
import type { Issue } from '../../shared/issues.js';
import type { FieldError } from '../requests/fieldErrors.js';

export type { FieldError };

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Base of the problem `type` URIs; each names a page of the API documentation. */
export const PROBLEM_BASE = 'https://oda-register.example/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  issues?: Issue[];
  [extension: string]: unknown;
}

export type ProblemKind =
  | 'bad-request'
  | 'invalid-request'
  | 'malformed-json'
  | 'unauthorized'
  | 'forbidden'
  | 'not-a-member'
  | 'not-found'
  | 'method-not-allowed'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'invalid-workbook'
  | 'unreadable-workbook'
  | 'invalid-catalogue'
  | 'unprocessable'
  | 'no-catalogue'
  | 'too-many-requests'
  | 'not-ready'
  | 'service-busy'
  | 'internal';

const TITLES: Record<ProblemKind, [number, string]> = {
  'bad-request': [400, 'Bad request'],
  'invalid-request': [400, 'The request is not valid'],
  'malformed-json': [400, 'The request body is not valid JSON'],
  unauthorized: [401, 'Authentication required'],
  forbidden: [403, 'Not allowed'],
  'not-a-member': [403, 'Not a member of the partnership'],
  'not-found': [404, 'Not found'],
  'method-not-allowed': [405, 'Method not allowed'],
  conflict: [409, 'Conflict'],
  'precondition-failed': [412, 'Someone else saved a newer version'],
  'precondition-required': [428, 'If-Match required'],
  'payload-too-large': [413, 'Request too large'],
  'unsupported-media-type': [415, 'Unsupported media type'],
  'invalid-workbook': [422, 'The workbook has errors'],
  'unreadable-workbook': [422, 'The file cannot be read as a workbook'],
  'invalid-catalogue': [422, 'The catalogue is not valid'],
  unprocessable: [422, 'This cannot be done'],
  'no-catalogue': [409, 'No partnership catalogue yet'],
  'too-many-requests': [429, 'Too many requests'],
  'not-ready': [503, 'Service not ready'],
  'service-busy': [503, 'Service busy'],
  internal: [500, 'Internal server error'],
};

/** Every problem type the service answers, with its status and title (for the OpenAPI document). */
export const PROBLEM_TYPES: readonly { name: ProblemKind; status: number; title: string }[] = Object.entries(
  TITLES,
).map(([name, [status, title]]) => ({ name: name as ProblemKind, status, title }));

/** An error that becomes a problem response; throw it from any handler. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly headers: Record<string, string>;
  readonly extensions: Partial<ProblemBody>;

  constructor(
    readonly kind: ProblemKind,
    detail: string,
    opts: { extensions?: Partial<ProblemBody>; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    const [status, title] = TITLES[kind];
    this.status = status;
    this.title = title;
    this.type = `${PROBLEM_BASE}${kind}`;
    this.headers = opts.headers ?? {};
    this.extensions = opts.extensions ?? {};
  }

  toBody(instance?: string, requestId?: string): ProblemBody {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance !== undefined ? { instance } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
      ...this.extensions,
    };
  }
}

/** A JSON body that does not parse (body-parser's, or a worker's JSON.parse message). */
export function malformedJson(message: string): ProblemError {
  return new ProblemError('malformed-json', `The request body is not valid JSON: ${message}.`, {
    extensions: { errors: [{ pointer: '/body', detail: 'is not valid JSON' }] },
  });
}

/** A 400 naming each bad field by a JSON pointer. */
export function invalidRequest(errors: FieldError[], detail?: string): ProblemError {
  const first = errors[0];
  return new ProblemError(
    'invalid-request',
    detail ?? (first ? `${first.pointer}: ${first.detail}` : 'The request is not valid.'),
    { extensions: { errors } },
  );
}

export function sendProblem(res: Response, problem: ProblemError, instance?: string, requestId?: string): void {
  for (const [name, value] of Object.entries(problem.headers)) {
    try {
      res.setHeader(name, value);
    } catch {
      // A header Node refuses (a character it cannot send) is dropped: the problem body still says it all.
    }
  }
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem.toBody(instance, requestId)));
}
