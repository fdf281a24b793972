/** The OpenAPI document of the API, served as it is generated from the route declarations. */
import { defineRoute, type AnyRoute } from '../route.js';
import { json } from '../docs.js';
import { buildOpenApiDocument } from '../openapi.js';
import { z } from '../schemas.js';

/** GET /openapi.json, documenting `routes` (read at the first request, so the list may include this route). */
export function openApiRoute(routes: () => readonly AnyRoute[], version: string): AnyRoute {
  let document: unknown = null;
  return defineRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'service',
    summary: 'This OpenAPI 3.1 document.',
    access: 'public',
    responses: { 200: json('The document.', z.record(z.string(), z.unknown())) },
    handler: async ({ res }) => {
      document ??= buildOpenApiDocument(routes(), version);
      res.json(document);
    },
  });
}
