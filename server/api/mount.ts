/**
 * Mounts declared routes on an Express router: authentication, path validation, access rule, write rate
 * limit, upload, query/body validation, then the handler. Unknown paths under the router are 404 problems
 * and known paths with another method 405 problems with `Allow`.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { ZodType } from 'zod';
import type { Authenticator, Principal } from '../auth/types.js';
import { invalidRequest, ProblemError } from '../http/problem.js';
import { fieldErrors } from './fieldErrors.js';
import { checkAccess } from './access.js';
import { expressPath, pathPattern, type AnyRoute } from './route.js';

export interface MountDeps {
  auth: Authenticator;
  /** Rate limit applied to every write (non-GET) route, after authentication. */
  writeLimiter: RequestHandler | null;
  /** Limits GET requests (diffs and registers are heavy to read); null when off. */
  readLimiter: RequestHandler | null;
  /** Parses a multipart upload into req.file (multer .single('file')). */
  upload: RequestHandler;
}

function parseWith<T>(schema: ZodType | undefined, value: unknown, base: string): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(fieldErrors(base, result.error));
  return result.data as T;
}

async function authenticate(auth: Authenticator, req: Request): Promise<Principal> {
  const header = req.get('authorization');
  if (!header) {
    throw new ProblemError('unauthorized', 'Send a bearer token in the Authorization header.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="oda-register"' },
    });
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) {
    throw new ProblemError('unauthorized', 'The Authorization header must be "Bearer <token>".', {
      headers: { 'WWW-Authenticate': 'Bearer realm="oda-register", error="invalid_request"' },
    });
  }
  return auth.authenticate(m[1]);
}

function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

function isMultipart(req: Request): boolean {
  return req.is('multipart/form-data') !== false && req.is('multipart/form-data') !== null;
}

function isJson(req: Request): boolean {
  const t = req.is(['application/json', 'application/*+json']);
  return t !== false && t !== null;
}

function checkMediaType(route: AnyRoute, req: Request): void {
  if (!route.body && !route.rawJson && !route.upload) return;
  const multipart = isMultipart(req);
  if (route.upload === 'only') {
    if (!multipart) {
      throw new ProblemError(
        'unsupported-media-type',
        'Send the workbook as multipart/form-data with the file in the field "file".',
      );
    }
    return;
  }
  if (multipart && route.upload === 'or-json') return;
  if (hasBody(req) && !isJson(req)) {
    throw new ProblemError(
      'unsupported-media-type',
      `Send the body as application/json${route.upload ? ' (or a multipart/form-data upload in the field "file")' : ''}, not ${req.get('content-type') ?? 'no content type'}.`,
    );
  }
}

function handlerFor(route: AnyRoute, deps: MountDeps): RequestHandler[] {
  const chain: RequestHandler[] = [];
  // 1. who is calling, path parameters, access rule
  chain.push(async (req: Request, res: Response, next: NextFunction) => {
    const principal = route.access === 'public' ? null : await authenticate(deps.auth, req);
    res.locals.principal = principal;
    const params = parseWith<Record<string, unknown>>(route.params, { ...req.params }, '/params');
    res.locals.params = params;
    if (principal) {
      const id = typeof params?.id === 'string' ? params.id : undefined;
      checkAccess(route.access, principal, id);
    }
    checkMediaType(route, req);
    next();
  });
  // 2. writes and members' reads are rate limited, each with its own budget (health probes are not)
  const limiter = route.method !== 'get' ? deps.writeLimiter : route.access === 'public' ? null : deps.readLimiter;
  if (limiter) chain.push(limiter);
  // 3. uploads
  if (route.upload) chain.push(deps.upload);
  // 4. query, body, handler
  chain.push(async (req: Request, res: Response) => {
    const query = parseWith(route.query, { ...(req.query as Record<string, unknown>) }, '/query');
    const file = (req as Request & { file?: { buffer: Buffer; originalname: string; size: number } }).file ?? null;
    let body: unknown = undefined;
    let rawBody: Buffer | null = null;
    if (route.rawJson) {
      rawBody = Buffer.isBuffer(req.body) ? req.body : null;
      if (rawBody === null) throw invalidRequest([{ pointer: '/body', detail: 'a JSON body is required' }]);
    } else if (route.upload === 'only' || (route.upload === 'or-json' && isMultipart(req))) {
      if (!file) {
        throw invalidRequest([{ pointer: '/body/file', detail: 'attach the workbook (.xlsx) in the field "file"' }]);
      }
    } else if (route.body) {
      // A body whose every field is optional may be left out altogether (a line manager's sign-off).
      if (req.body === undefined && !route.body.safeParse({}).success) {
        throw invalidRequest([{ pointer: '/body', detail: 'a JSON body is required' }]);
      }
      body = parseWith(route.body, req.body ?? {}, '/body');
    }
    await route.handler({
      params: res.locals.params,
      query,
      body,
      principal: res.locals.principal as Principal | null,
      file,
      rawBody,
      req,
      res,
    });
  });
  return chain;
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT'];

/**
 * Whether a request (path below the API prefix) goes to a `rawJson` route, whose body is read as bytes rather
 * than parsed: the app's body parsers ask this before the router has matched the route.
 */
export function rawJsonMatcher(routes: readonly AnyRoute[]): (req: Request) => boolean {
  const raw = routes
    .filter((r) => r.rawJson)
    .map((r) => ({ method: r.method.toUpperCase(), pattern: pathPattern(r.path) }));
  return (req) => raw.some((r) => r.method === req.method && r.pattern.test(req.path));
}

export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: MountDeps): void {
  for (const route of routes) {
    router[route.method](expressPath(route.path), ...handlerFor(route, deps));
  }
  const patterns = routes.map((r) => ({ pattern: pathPattern(r.path), method: r.method }));
  router.use((req: Request) => {
    const allowed = [...new Set(patterns.filter((p) => p.pattern.test(req.path)).map((p) => p.method.toUpperCase()))];
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      allowed.sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
      throw new ProblemError('method-not-allowed', `${req.method} is not allowed here; use ${allowed.join(', ')}.`, {
        headers: { Allow: allowed.join(', ') },
      });
    }
    throw new ProblemError('not-found', `There is no API route ${req.method} ${req.originalUrl.split('?')[0]}.`);
  });
}
