/**
 * Turns every error into a problem response: our own errors, the store's, the authenticator's, body-parser's
 * (malformed JSON, too large), multer's (upload too large) and anything unexpected (500, logged with the
 * request id, no stack trace in the response).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AuthError } from '../auth/types.js';
import { NotFoundError, VersionConflictError } from '../store/errors.js';
import { NotPermitted, NotPossible, PreconditionFailed, ValidationFailed } from '../services/errors.js';
import { pointerOf, type FieldError } from '../services/fieldErrors.js';
import { invalidRequest, malformedJson, ProblemError, sendProblem } from './problem.js';
import { formatProblem } from '../../shared/catalogue.js';
import { WorkersBusy, WorkTimedOut } from '../workers/errors.js';

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

/** `organisations[3].sector` -> `/body/organisations/3/sector` */
function catalogueProblemPointer(path: string): string {
  return pointerOf(
    '/body',
    path
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter((p) => p !== ''),
  );
}

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

export function toProblem(err: unknown, limits: { jsonBodyLimit: number; uploadLimit: number }): ProblemError | null {
  if (err instanceof ProblemError) return err;
  if (err instanceof ValidationFailed) {
    return new ProblemError('invalid-workbook', err.message, {
      // The first ISSUE_LIST_LIMIT issues, and the counts of all of them (shared/issueReport.ts).
      extensions: {
        organisationId: err.organisationId,
        issues: err.report.issues,
        truncated: err.report.truncated,
        byCode: err.report.byCode,
        errorCount: err.report.errors,
        warningCount: err.report.warnings,
      },
    });
  }
  if (err instanceof VersionConflictError) {
    return new ProblemError('precondition-failed', err.message, {
      extensions: { currentVersion: err.current },
      headers: err.current !== null ? { ETag: `"${err.current}"` } : {},
    });
  }
  if (err instanceof PreconditionFailed) {
    const current = err.currentVersion;
    return new ProblemError(err.required ? 'precondition-required' : 'precondition-failed', err.message, {
      extensions: {
        currentVersion: current,
        ...(err.ifMatchDetail ? { errors: [{ pointer: '/headers/if-match', detail: err.ifMatchDetail }] } : {}),
      },
      headers: current !== null && !err.required ? { ETag: `"${current}"` } : {},
    });
  }
  if (err instanceof NotFoundError) return new ProblemError('not-found', err.message);
  if (err instanceof NotPermitted) return new ProblemError('forbidden', err.message);
  if (err instanceof NotPossible) {
    switch (err.reason) {
      case 'no-catalogue':
        return new ProblemError('no-catalogue', err.message);
      case 'sign-off-withdrawn':
        return new ProblemError('conflict', err.message);
      case 'organisation-required':
        return invalidRequest([{ pointer: '/body/organisationId', detail: err.message }], err.message);
      case 'invalid-catalogue': {
        const errors: FieldError[] = err.problems.map((p) => ({
          pointer: catalogueProblemPointer(p.path),
          detail: formatProblem(p),
        }));
        return new ProblemError('invalid-catalogue', err.message, { extensions: { errors } });
      }
      default:
        return new ProblemError('unprocessable', err.message, {
          extensions: { errors: [{ pointer: '/body/organisationId', detail: err.message }] },
        });
    }
  }
  if (err instanceof WorkersBusy || err instanceof WorkTimedOut) {
    return new ProblemError('service-busy', err.message, {
      headers: { 'Retry-After': String(err.retryAfterSeconds) },
    });
  }
  if (err instanceof AuthError) {
    // A header value must be visible ASCII; the message may quote token text (an alg, a tenant id).
    const description = err.message.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
    return new ProblemError(err.status === 403 ? 'forbidden' : 'unauthorized', err.message, {
      headers:
        err.status === 401
          ? {
              'WWW-Authenticate': `Bearer realm="oda-register", error="invalid_token", error_description="${description}"`,
            }
          : {},
    });
  }
  if (typeof err !== 'object' || err === null) return null;
  const e = err as HttpishError;
  const message = typeof e.message === 'string' ? e.message : '';
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
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status >= 400 && status < 500) {
    return new ProblemError(status === 413 ? 'payload-too-large' : 'bad-request', message || 'Bad request.');
  }
  return null;
}

export function errorHandler(logger: Logger, limits: { jsonBodyLimit: number; uploadLimit: number }) {
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
