/**
 * The service's OpenAPI document as GET /api/openapi.json serves it in development (the development sign-in
 * routes included), built from the declared routes without starting the service: what `npm run gen:api`
 * (generateApiSchema.ts) turns into the pane's types and `npm run lint:api` (lintOpenApi.ts) lints.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiDeps } from '../server/api/deps.js';
import { buildOpenApiDocument } from '../server/api/openapi.js';
import { apiRoutes } from '../server/app.js';
import { loadConfig } from '../server/config.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function serviceDocument(): ReturnType<typeof buildOpenApiDocument> {
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const config = loadConfig({ NODE_ENV: 'development', AUTH_MODE: 'dev', LOG_LEVEL: 'silent' });
  // Route declarations only read their dependencies when a request arrives.
  const deps = { config } as ApiDeps;
  return buildOpenApiDocument(apiRoutes(deps, version), version);
}
