/**
 * The sync service's Express app, assembled from small middleware builders (server/http): request logs with
 * a request id, security headers, the CORS allow-list, the /api routes (each with its authentication, rate
 * limit, body parser and upload: server/api/mount.ts; documented at /api/openapi.json), the add-in's files,
 * and problem+json for every error.
 */
import express, { type Express, type Request, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Authenticator } from './auth/types.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Store } from './store/types.js';
import { inlineWorkers, type Workers } from './workers/workers.js';
import { addinFiles } from './http/addinFiles.js';
import { bodyParsers } from './http/bodyParsers.js';
import { corsAllowList } from './http/cors.js';
import { errorHandler } from './http/errorHandler.js';
import { ProblemError } from './http/problem.js';
import { rateLimits } from './http/rateLimits.js';
import { requestLog } from './http/requestLog.js';
import { apiResourcePolicy, securityHeaders } from './http/securityHeaders.js';
import { workbookUpload } from './http/uploads.js';
import type { ApiDeps } from './api/deps.js';
import { mountRoutes } from './api/mount.js';
import { API_PREFIX } from './api/openapi.js';
import type { AnyRoute } from './api/route.js';
import { healthRoutes } from './api/routes/health.js';
import { meRoutes } from './api/routes/me.js';
import { catalogueRoutes } from './api/routes/catalogue.js';
import { submissionRoutes } from './api/routes/submissions.js';
import { registerRoutes } from './api/routes/registers.js';
import { signOffRoutes } from './api/routes/signOffs.js';
import { appendixRoutes } from './api/routes/appendix.js';
import { auditRoutes } from './api/routes/audit.js';
import { signInRoutes } from './api/routes/signIn.js';
import { openApiRoute } from './api/routes/openapi.js';

export { OFFICE_FRAME_ANCESTORS } from './http/securityHeaders.js';

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
  /** Counts requests by route and status (server/metrics.ts), when METRICS_PORT is set. */
  requestMetrics?: RequestHandler;
}

/** Every route of the API, in matching order (`/registers/latest` before `/registers/{version}`): one line each. */
export function apiRoutes(deps: ApiDeps, version: string): AnyRoute[] {
  const routes: AnyRoute[] = [
    ...healthRoutes(deps),
    ...meRoutes(deps),
    ...catalogueRoutes(deps),
    ...submissionRoutes(deps),
    ...registerRoutes(deps),
    ...signOffRoutes(deps),
    ...appendixRoutes(deps),
    ...auditRoutes(deps),
    ...signInRoutes(deps),
    openApiRoute(() => routes, version),
  ];
  return routes;
}

/** The routes an app made by createApp serves (for checks of its responses against their documentation). */
export function routesOf(app: Express): readonly AnyRoute[] {
  return app.locals.apiRoutes as AnyRoute[];
}

export function createApp(options: AppOptions): Express {
  const { store, auth, clock, logger, config } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestLog(logger));
  if (options.requestMetrics) app.use(options.requestMetrics);
  app.use(securityHeaders());
  app.use(corsAllowList(config.corsOrigins));

  const deps: ApiDeps = { store, auth, clock, logger, config, workers: options.workers ?? inlineWorkers() };
  const router = express.Router();
  const routes = apiRoutes(deps, options.version ?? '0.1.0');
  app.locals.apiRoutes = routes;
  mountRoutes(router, routes, {
    auth,
    readCatalogue: () => store.getCatalogue(),
    limits: rateLimits(config, clock),
    parsers: bodyParsers(config.jsonBodyLimit),
    upload: workbookUpload(config.uploadLimit),
  });
  app.use(API_PREFIX, apiResourcePolicy(), router);

  app.use(addinFiles(config));

  app.use((req: Request) => {
    throw new ProblemError('not-found', `There is nothing at ${req.method} ${req.originalUrl.split('?')[0]}.`);
  });
  app.use(errorHandler(logger, config));
  return app;
}
