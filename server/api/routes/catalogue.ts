/** The partnership catalogue: everyone reads it; the PMG replaces it (If-Match on its version). */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json, problems } from '../docs.js';
import { catalogueBody, ifMatchHeaders, storedCatalogueSchema } from '../schemas.js';
import { etagOf, preconditionOf } from '../preconditions.js';
import { catalogueResource } from '../resources.js';
import { loadedCatalogue, replaceCatalogue } from '../../services/catalogue.js';
import { baseVersionFor } from '../../services/preconditions.js';
import { z } from 'zod';

export function catalogueRoutes({ store }: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/catalogue',
      operationId: 'getCatalogue',
      tag: 'catalogue',
      summary: 'The current partnership catalogue (ETag = its version).',
      access: 'member',
      responses: {
        200: json('The catalogue.', storedCatalogueSchema, { ETag: '"<version>"' }),
        ...problems(409),
      },
      handler: async ({ catalogue, res }) => {
        const c = loadedCatalogue(catalogue);
        res.set('ETag', etagOf(c.version)).json(catalogueResource(c));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/catalogue',
      operationId: 'putCatalogue',
      tag: 'catalogue',
      summary: 'Replace the catalogue (PMG). If-Match with the current version, unless there is none yet.',
      access: 'pmg',
      headers: ifMatchHeaders,
      // Validated by validateCatalogue (messages name each place); the schema documents the shape.
      body: z.unknown(),
      bodyDoc: catalogueBody,
      responses: {
        200: json('Replaced.', storedCatalogueSchema, { ETag: '"<version>"' }),
        201: json('The first catalogue.', storedCatalogueSchema, { ETag: '"<version>"' }),
        ...problems(412, 422, 428),
      },
      handler: async ({ body, principal, catalogue: current, req, res }) => {
        const expectedVersion = baseVersionFor(preconditionOf(req), current?.version ?? null, 'The catalogue');
        const stored = await replaceCatalogue({ store, input: body, actor: principal.email, expectedVersion });
        res
          .status(current ? 200 : 201)
          .set('ETag', etagOf(stored.version))
          .set('Location', '/api/catalogue')
          .json(catalogueResource(stored));
      },
    }),
  ];
}
