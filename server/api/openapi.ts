/** The OpenAPI 3.1 document, generated from the declared routes and their zod schemas. */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { ZodObject, ZodType } from 'zod';
import { ACCESS_DESCRIPTIONS } from './access.js';
import { routeResponses } from './docs.js';
import type { AnyRoute } from './route.js';
import { uploadBody } from './schemas.js';
import { API_TAGS } from './tags.js';

export const API_PREFIX = '/api';

export function buildOpenApiDocument(routes: readonly AnyRoute[], version: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Microsoft Entra ID access token, or a development token (`oda-register token --email E`).',
  });
  for (const route of routes) {
    const request: NonNullable<RouteConfig['request']> = {};
    if (route.params) request.params = route.params as ZodObject;
    if (route.query) request.query = route.query as ZodObject;
    if (route.headers) request.headers = route.headers as ZodObject;
    const content: Record<string, { schema: ZodType }> = {};
    if (route.upload !== 'only') {
      const jsonSchema = route.bodyDoc ?? route.body;
      if (jsonSchema) content['application/json'] = { schema: jsonSchema };
    }
    if (route.upload) content['multipart/form-data'] = { schema: uploadBody };
    if (Object.keys(content).length > 0) request.body = { required: true, content };

    const responses: RouteConfig['responses'] = {};
    for (const [status, doc] of Object.entries(routeResponses(route))) {
      responses[status] = {
        description: doc.description,
        ...(doc.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(doc.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        ...(doc.schema ? { content: { [doc.contentType ?? 'application/json']: { schema: doc.schema } } } : {}),
      };
    }
    registry.registerPath({
      method: route.method,
      path: API_PREFIX + route.path,
      operationId: route.operationId,
      summary: route.summary,
      description: `${route.description ? `${route.description}\n\n` : ''}Access: ${ACCESS_DESCRIPTIONS[route.access]}`,
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ bearerAuth: [] }],
      request,
      responses,
    });
  }
  const used = new Set<string>(routes.map((r) => r.tag));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'oda-register sync service',
      version,
      description:
        'Partner workbooks, consolidation into governance registers, and sign-off, for an Office of Data Analytics partnership. Errors are RFC 9457 problem details.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: Object.entries(API_TAGS)
      .filter(([name]) => used.has(name))
      .map(([name, description]) => ({ name, description })),
  });
}
