/**
 * Turns every error into a problem response: a ProblemError as it is, a domain error by its kind
 * (domainProblems.ts), body-parser's errors (malformed JSON, too large), multer's and busboy's (upload too
 * large, malformed form) and anything unexpected (500, logged with the request id, no stack trace in the
 * response).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domainError.js';
import { domainProblem } from './domainProblems.js';
import { malformedJson, ProblemError, sendProblem } from './problem.js';

export interface BodyLimits {
  jsonBodyLimit: number;
  uploadLimit: number;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

/** What the errors of body-parser (http-errors), multer and busboy carry. */
interface HttpishError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  code?: unknown;
  field?: unknown;
  message?: unknown;
  name?: unknown;
}

/** body-parser's errors, by their `type`. */
function bodyParserProblem(e: HttpishError, message: string, limits: BodyLimits): ProblemError | null {
  switch (e.type) {
    case 'entity.parse.failed':
      return malformedJson(message);
    case 'entity.too.large':
      return new ProblemError(
        'payload-too-large',
        `The request body is larger than the limit of ${formatBytes(limits.jsonBodyLimit)}.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ProblemError('unsupported-media-type', `${message}; send UTF-8 JSON.`);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new ProblemError('bad-request', 'The request body was incomplete.');
  }
  return null;
}

/** multer's errors (by name and code) and busboy's (by message). */
function uploadProblem(e: HttpishError, message: string, limits: BodyLimits): ProblemError | null {
  if (e.name === 'MulterError') {
    if (e.code === 'LIMIT_FILE_SIZE') {
      return new ProblemError(
        'payload-too-large',
        `The uploaded file is larger than the limit of ${formatBytes(limits.uploadLimit)}.`,
      );
    }
    const field = typeof e.field === 'string' ? e.field : 'file';
    return new ProblemError('bad-request', `${message}: send one workbook in the multipart field "file".`, {
      extensions: { errors: [{ pointer: `/body/${field}`, detail: message }] },
    });
  }
  if (/^(Unexpected end of form|Malformed part header|Multipart: Boundary not found)/i.test(message)) {
    return new ProblemError('bad-request', `The multipart upload is malformed (${message}).`);
  }
  return null;
}

/** The problem response for `err`; null for an unexpected error (a 500, logged). */
export function toProblem(err: unknown, limits: BodyLimits): ProblemError | null {
  if (err instanceof ProblemError) return err;
  if (err instanceof DomainError) return domainProblem(err);
  if (typeof err !== 'object' || err === null) return null;
  const e = err as HttpishError;
  const message = typeof e.message === 'string' ? e.message : '';
  const problem = bodyParserProblem(e, message, limits) ?? uploadProblem(e, message, limits);
  if (problem) return problem;
  // Any other client error of the HTTP libraries (http-errors' status).
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status >= 400 && status < 500) {
    return new ProblemError(status === 413 ? 'payload-too-large' : 'bad-request', message || 'Bad request.');
  }
  return null;
}

export function errorHandler(logger: Logger, limits: BodyLimits) {
  // Express recognises an error handler by its four parameters.
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const requestId = typeof req.id === 'string' ? req.id : undefined;
    let problem = toProblem(err, limits);
    if (!problem) {
      (req.log ?? logger).error({ err }, 'unhandled error');
      problem = new ProblemError(
        'internal',
        `Something went wrong on the server; it has been logged${requestId ? ` with request id ${requestId}` : ''}.`,
      );
    } else if (problem.status >= 500) {
      (req.log ?? logger).error({ err }, problem.message);
    }
    sendProblem(res, problem, req.originalUrl.split('?')[0], requestId);
  };
}
