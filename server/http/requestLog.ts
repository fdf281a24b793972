/**
 * Request logs with a request id: the client's X-Request-Id when it is a sane one, else a new one. One line per
 * request when its response ends, as pino-http wrote them: `request completed` (or `request aborted`) at info,
 * `request errored` at error for a 5xx or a failed response, each with `req` (id, method, URL: never tokens or
 * bodies), `res` (the status) and `responseTime` in ms. `requestLogger(req)` is the logger with the request's
 * `req` for others to log through (the error handler).
 *
 * pino-http made a child logger per request, its bindings serialised, before anything was known about whether
 * a line would be written; here the child is made only when a line is written, so a service logging at `warn`
 * pays nothing for the requests that end well.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id (X-Request-Id), set by requestLog. */
    id?: string;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface Logged {
  logger: Logger;
  req: { id: string; method: string | undefined; url: string | undefined };
  child: Logger | null;
}

const LOGGED = Symbol('requestLog');

type LoggedRequest = IncomingMessage & { [LOGGED]?: Logged; originalUrl?: string };

function childOf(logged: Logged): Logger {
  return (logged.child ??= logged.logger.child({ req: logged.req }));
}

/** The logger of `req`, with its `req` bindings; `fallback` for a request requestLog has not seen. */
export function requestLogger(req: IncomingMessage, fallback: Logger): Logger {
  const logged = (req as LoggedRequest)[LOGGED];
  return logged ? childOf(logged) : fallback;
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    let id = req.id;
    if (!id) {
      const incoming = req.headers['x-request-id'];
      id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      req.id = id;
    }
    const logged: Logged = { logger, req: { id, method: req.method, url: req.originalUrl || req.url }, child: null };
    (req as LoggedRequest)[LOGGED] = logged;
    const start = Date.now();
    const complete = (err?: Error) => {
      res.removeListener('close', complete);
      res.removeListener('finish', complete);
      res.removeListener('error', complete);
      logEnd(logged, req, res, start, err);
    };
    res.on('close', complete);
    res.on('finish', complete);
    res.on('error', complete);
    next();
  };
}

function logEnd(logged: Logged, req: IncomingMessage, res: ServerResponse, start: number, err?: Error): void {
  const failed = err ?? (res as ServerResponse & { err?: Error }).err;
  const level = failed || res.statusCode >= 500 ? 'error' : 'info';
  if (!logged.logger.isLevelEnabled(level)) return;
  const responseTime = Date.now() - start;
  const log = childOf(logged);
  if (level === 'error') {
    const error = failed ?? new Error(`failed with status code ${res.statusCode}`);
    log.error({ res: { statusCode: res.statusCode }, err: error, responseTime }, 'request errored');
    return;
  }
  log.info(
    { res: { statusCode: res.statusCode }, responseTime },
    !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted',
  );
}
