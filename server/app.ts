/**
 * The sync service's Express app: security headers, CORS allow-list, request logs with a request id, body
 * and upload limits, write rate limits, the /api routes (documented at /api/openapi.json), the add-in's
 * static files when built, and problem+json for every error.
 */
import { randomUUID } from 'node:crypto';
import cors from 'cors';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import helmet from 'helmet';
import multer from 'multer';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Authenticator, Principal } from './auth/types.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Store } from './store/types.js';
import { inlineWorkers, type Workers } from './workers/workers.js';
import { errorHandler } from './http/errorHandler.js';
import { addinFiles } from './http/addinFiles.js';
import { ProblemError, sendProblem } from './http/problem.js';
import type { ApiDeps } from './api/deps.js';
import { mountRoutes, rawJsonMatcher } from './api/mount.js';
import { API_PREFIX, buildOpenApiDocument } from './api/openapi.js';
import { defineRoute, type AnyRoute } from './api/route.js';
import { z } from './api/schemas.js';
import { healthRoutes } from './api/routes/health.js';
import { meRoutes } from './api/routes/me.js';
import { catalogueRoutes } from './api/routes/catalogue.js';
import { submissionRoutes } from './api/routes/submissions.js';
import { registerRoutes } from './api/routes/registers.js';
import { signOffRoutes } from './api/routes/signOffs.js';
import { auditRoutes } from './api/routes/audit.js';
import { signInRoutes } from './api/routes/signIn.js';

export interface AppOptions {
  store: Store;
  auth: Authenticator;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Where files are read and submissions checked: the service passes its worker threads; in-process when not given. */
  workers?: Workers;
  /** Version shown in the OpenAPI document. */
  version?: string;
}

/** Hosts allowed to frame the task pane: Office on the web and desktop. */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft.com',
  'https://*.sharepoint.com',
  // Excel on the web hosts the task pane in a frame served from officeapps.live.com.
  'https://*.officeapps.live.com',
];

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Every route of the API, in matching order (`/registers/latest` before `/registers/{version}`). */
export function apiRoutes(deps: ApiDeps, version: string): AnyRoute[] {
  const routes: AnyRoute[] = [
    ...healthRoutes(deps),
    ...meRoutes(deps),
    ...catalogueRoutes(deps),
    ...submissionRoutes(deps),
    ...registerRoutes(deps),
    ...signOffRoutes(deps),
    ...auditRoutes(deps),
    ...signInRoutes(deps),
  ];
  let document: unknown = null;
  routes.push(
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      tag: 'service',
      summary: 'This OpenAPI 3.1 document.',
      access: 'public',
      responses: { 200: { description: 'The document.', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ res }) => {
        document ??= buildOpenApiDocument(routes, version);
        res.json(document);
      },
    }),
  );
  return routes;
}

export function createApp(options: AppOptions): Express {
  const { store, auth, clock, logger, config } = options;
  const version = options.version ?? '0.1.0';
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Never log tokens or bodies: method, URL and request id are enough.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", 'https://appsforoffice.microsoft.com'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'https://login.microsoftonline.com'],
          frameAncestors: OFFICE_FRAME_ANCESTORS,
          frameSrc: ["'self'", 'https://login.microsoftonline.com'],
          // Plain http is served when there are no dev certificates: do not force https sub-resources.
          upgradeInsecureRequests: null,
        },
      },
      // X-Frame-Options cannot allow-list hosts and would stop the task pane loading inside Office:
      // frame-ancestors above does the job.
      frameguard: false,
      // Office loads the add-in's icons cross-origin.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );

  const allowed = new Set(config.corsOrigins);
  app.use(
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
      exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'X-Request-Id'],
      methods: ['GET', 'HEAD', 'PUT', 'POST'],
      maxAge: 600,
    }),
  );

  const router = express.Router();
  const deps: ApiDeps = { store, auth, clock, logger, config, workers: options.workers ?? inlineWorkers() };
  const routes = apiRoutes(deps, version);
  // JSON bodies are parsed here, except on routes that read theirs as bytes (rawJson: the submission PUT, which
  // checks a large one on a worker thread): those get the bytes, under the same size limit.
  const takesRawJson = rawJsonMatcher(routes);
  const isJsonBody = (req: Request) => Boolean(req.is(['application/json', 'application/*+json']));
  app.use(
    API_PREFIX,
    express.json({
      limit: config.jsonBodyLimit,
      type: (req) => isJsonBody(req as Request) && !takesRawJson(req as Request),
    }),
    express.raw({
      limit: config.jsonBodyLimit,
      type: (req) => isJsonBody(req as Request) && takesRawJson(req as Request),
    }),
  );

  /** A limit per signed-in user (else per address) and window, answering a 429 problem saying when to retry. */
  const limiter = (limit: number, what: string): RequestHandler | null =>
    limit > 0
      ? rateLimit({
          windowMs: config.rateLimitWindowMs,
          limit,
          standardHeaders: 'draft-8',
          legacyHeaders: false,
          keyGenerator: (req: Request, res: Response) => {
            const principal = res.locals.principal as Principal | null | undefined;
            return principal ? `user:${principal.email}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
          },
          handler: (req: Request, res: Response) => {
            const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
            const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - clock.now().getTime()) / 1000)) : 60;
            sendProblem(
              res,
              new ProblemError(
                'too-many-requests',
                `Too many ${what} in a short time (at most ${limit} per ${Math.round(config.rateLimitWindowMs / 1000)} s); try again in ${seconds} s.`,
                { headers: { 'Retry-After': String(seconds) } },
              ),
              req.originalUrl.split('?')[0],
              typeof req.id === 'string' ? req.id : undefined,
            );
          },
        })
      : null;
  const writeLimiter = limiter(config.rateLimitWrites, 'changes');
  const readLimiter = limiter(config.rateLimitReads, 'reads');

  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config.uploadLimit, files: 1, fields: 20, parts: 25 },
  }).single('file');

  mountRoutes(router, routes, { auth, writeLimiter, readLimiter, upload });
  app.use(API_PREFIX, router);

  app.use(addinFiles(config));

  app.use((req: Request) => {
    throw new ProblemError('not-found', `There is nothing at ${req.method} ${req.originalUrl.split('?')[0]}.`);
  });
  app.use(errorHandler(logger, config));
  return app;
}
