/**
 * Mounts declared routes on an Express router. Each route's chain: who is calling (the bearer token, checked
 * against one snapshot of the catalogue), the rate limit (counted whether or not the token was good), path
 * parameters, access rule and media type, then the body (parsed only now: a request refused above never has
 * its body read), query/body validation and the handler. Unknown paths under the router are 404 problems and
 * known paths with another method 405 problems with `Allow`.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { ZodType } from 'zod';
import type { Authenticator, Principal } from '../auth/types.js';
import type { BodyParsers } from '../http/bodyParsers.js';
import { invalidRequest, ProblemError } from '../http/problem.js';
import type { RateLimits } from '../http/rateLimits.js';
import { fieldErrors } from '../requests/fieldErrors.js';
import { findMember } from '../services/members.js';
import { fileNameSchema } from '../requests/submissionRequest.js';
import type { StoredCatalogue } from '../store/types.js';
import { checkAccess } from './access.js';
import { expressPath, pathPattern, type AnyRoute, type UploadedFile } from './route.js';

export interface MountDeps {
  auth: Authenticator;
  /** The catalogue as stored now; read once per authenticated request. */
  readCatalogue: () => Promise<StoredCatalogue | null>;
  limits: RateLimits;
  parsers: BodyParsers;
  /** Parses a multipart upload into req.file (multer .single('file')). */
  upload: RequestHandler;
}

/** What the first step of a route's chain leaves for the next ones. */
interface Caller {
  principal: Principal | null;
  catalogue: StoredCatalogue | null;
  /** Why the caller could not be authenticated: thrown once the rate limiter has counted the request. */
  refusal: unknown;
}

function parseWith<T>(schema: ZodType | undefined, value: unknown, base: string): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(fieldErrors(base, result.error));
  return result.data as T;
}

function bearerToken(req: Request): string {
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
  return m[1];
}

/** The caller, mapped to a member through the same catalogue snapshot the handler then uses. */
async function identify(deps: MountDeps, req: Request): Promise<Caller> {
  try {
    const token = bearerToken(req);
    let snapshot: Promise<StoredCatalogue | null> | undefined;
    const catalogue = () => (snapshot ??= deps.readCatalogue());
    const principal = await deps.auth.authenticate(token, {
      lookupMember: async (email) => {
        const stored = await catalogue();
        return stored ? findMember(stored.catalogue, email) : null;
      },
    });
    return { principal, catalogue: await catalogue(), refusal: null };
  } catch (error) {
    return { principal: null, catalogue: null, refusal: error };
  }
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

/** The uploaded file, its name held to the limit a PUT's fileName has. */
function uploadedFile(req: Request): UploadedFile | null {
  const file = (req as Request & { file?: UploadedFile }).file;
  if (!file) return null;
  const name = fileNameSchema.safeParse(file.originalname);
  if (!name.success) {
    throw invalidRequest(
      name.error.issues.map((i) => ({ pointer: '/body/file', detail: `its file name ${i.message}` })),
    );
  }
  return file;
}

/** The body parsers a route needs, in order; none for a route without a body. */
function parsersFor(route: AnyRoute, deps: MountDeps): RequestHandler[] {
  // A raw JSON route that also takes an upload (validate) reads whichever was sent.
  if (route.rawJson) return route.upload === 'or-json' ? [deps.upload, deps.parsers.rawJson] : [deps.parsers.rawJson];
  const parsers: RequestHandler[] = [];
  if (route.upload) parsers.push(deps.upload);
  if (route.body && route.upload !== 'only') parsers.push(deps.parsers.json);
  return parsers;
}

function handlerFor(route: AnyRoute, deps: MountDeps): RequestHandler[] {
  const chain: RequestHandler[] = [];
  const authenticated = route.access !== 'public';
  // 1. who is calling: answers about members are never cached
  if (authenticated) {
    chain.push(async (req: Request, res: Response, next: NextFunction) => {
      res.set('Cache-Control', 'no-store');
      const caller = await identify(deps, req);
      res.locals.caller = caller;
      res.locals.principal = caller.principal;
      next();
    });
  }
  // 2. writes and reads are rate limited, each with its own budget (health probes are not), whether or not the
  //    caller could be authenticated
  const limiter = route.unlimited ? null : route.method !== 'get' ? deps.limits.writes : deps.limits.reads;
  if (limiter) chain.push(limiter);
  // 3. refusal, path parameters, access rule, media type
  chain.push((req: Request, res: Response, next: NextFunction) => {
    const caller = res.locals.caller as Caller | undefined;
    if (caller?.refusal) throw caller.refusal;
    const params = parseWith<Record<string, unknown>>(route.params, { ...req.params }, '/params');
    res.locals.params = params;
    if (caller?.principal) {
      const id = typeof params?.id === 'string' ? params.id : undefined;
      checkAccess(route.access, caller.principal, id);
    }
    checkMediaType(route, req);
    next();
  });
  // 4. the body, read only now
  chain.push(...parsersFor(route, deps));
  // 5. query, body, handler
  chain.push(async (req: Request, res: Response) => {
    const caller = res.locals.caller as Caller | undefined;
    const query = parseWith(route.query, { ...(req.query as Record<string, unknown>) }, '/query');
    const file = uploadedFile(req);
    let body: unknown = undefined;
    let rawBody: Buffer | null = null;
    if (route.upload === 'only' || (route.upload === 'or-json' && isMultipart(req))) {
      if (!file) {
        throw invalidRequest([
          { pointer: '/body/file', detail: 'attach the workbook (.xlsx or .ods) in the field "file"' },
        ]);
      }
    } else if (route.rawJson) {
      rawBody = Buffer.isBuffer(req.body) ? req.body : null;
      if (rawBody === null) throw invalidRequest([{ pointer: '/body', detail: 'a JSON body is required' }]);
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
      principal: caller?.principal ?? null,
      catalogue: caller?.catalogue ?? null,
      file,
      rawBody,
      req,
      res,
    } as Parameters<AnyRoute['handler']>[0]);
  });
  return chain;
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT'];

/** Where a request's route pattern is kept (`/api/registers/{version}`), for the metrics (server/metrics.ts). */
export const ROUTE_LOCAL = 'routePattern';

export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: MountDeps): void {
  for (const route of routes) {
    const pattern: RequestHandler = (req, res, next) => {
      res.locals[ROUTE_LOCAL] = `${req.baseUrl}${route.path}`;
      next();
    };
    router[route.method](expressPath(route.path), pattern, ...handlerFor(route, deps));
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
