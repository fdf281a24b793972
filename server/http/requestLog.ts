/**
 * Request logs with a request id, as pino-http wrote them (`request completed` at info, `request errored` at
 * error for a 5xx or a failed response, with `req: { id, method, url }`, `res: { statusCode }` and
 * `responseTime`), without its per-request cost when those levels are off: the child logger carrying the
 * request is made only when something logs (req.log), not for every request. The id is the caller's
 * `X-Request-Id` when it is safe to echo, else a new UUID; it is sent back in `X-Request-Id` and is `req.id`.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
// req.id / req.log are typed by pino-http's declarations (the same fields it set).
import type {} from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    req.id = id;
    const bindings = { req: { id, method: req.method, url: req.url } };
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: false,
      get: () => (child ??= logger.child(bindings)),
      set: (value: Logger) => {
        child = value;
      },
    });
    const start = Date.now();
    const done = (err?: unknown) => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      res.removeListener('error', done);
      const failed = err instanceof Error || res.statusCode >= 500;
      const level = failed ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const fields = { res: { statusCode: res.statusCode }, responseTime: Date.now() - start };
      if (failed) {
        const error = err instanceof Error ? err : new Error(`failed with status code ${res.statusCode}`);
        req.log.error({ ...fields, err: error }, 'request errored');
      } else req.log.info(fields, 'request completed');
    };
    res.on('finish', done);
    res.on('close', done);
    res.on('error', done);
    next();
  };
}
