/** The partnership catalogue: everyone reads it; the PMG replaces it (If-Match on its version). */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { AUTHED, json, problems } from '../docs.js';
import { catalogueBody, ifMatchHeaders, storedCatalogueSchema } from '../schemas.js';
import { etagOf, baseVersionFor } from '../preconditions.js';
import { requireCatalogue, replaceCatalogue } from '../../services/catalogue.js';
import type { StoredCatalogue } from '../../store/types.js';
import { z } from 'zod';

function resource(c: StoredCatalogue) {
  return {
    version: c.version,
    digest: c.digest,
    updatedBy: c.updatedBy,
    updatedAt: c.updatedAt,
    catalogue: c.catalogue,
  };
}

export function catalogueRoutes({ store }: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/catalogue',
      tag: 'catalogue',
      summary: 'The current partnership catalogue (ETag = its version).',
      access: 'member',
      responses: {
        200: json('The catalogue.', storedCatalogueSchema, { ETag: '"<version>"' }),
        ...problems(...AUTHED, 409),
      },
      handler: async ({ res }) => {
        const c = await requireCatalogue(store);
        res.set('ETag', etagOf(c.version)).json(resource(c));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/catalogue',
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
        ...problems(400, ...AUTHED, 412, 413, 415, 422, 428, 429),
      },
      handler: async ({ body, principal, req, res }) => {
        const current = await store.getCatalogue();
        const expectedVersion = baseVersionFor(req, current?.version ?? null, 'The catalogue');
        const stored = await replaceCatalogue({ store, input: body, actor: principal!.email, expectedVersion });
        res
          .status(current ? 200 : 201)
          .set('ETag', etagOf(stored.version))
          .set('Location', '/api/catalogue')
          .json(resource(stored));
      },
    }),
  ];
}
