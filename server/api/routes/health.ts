/** Liveness and readiness. */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json, problems } from '../docs.js';
import { healthSchema, readySchema } from '../schemas.js';
import { ProblemError } from '../../http/problem.js';

export function healthRoutes({ store, logger }: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      operationId: 'getHealth',
      tag: 'service',
      unlimited: true,
      summary: 'Liveness: the process answers.',
      access: 'public',
      responses: { 200: json('Alive.', healthSchema) },
      handler: async ({ res }) => {
        res.json({ status: 'ok' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/ready',
      operationId: 'getReadiness',
      tag: 'service',
      unlimited: true,
      summary: 'Readiness: the database answers and its schema is migrated.',
      access: 'public',
      responses: { 200: json('Ready.', readySchema), ...problems(503) },
      handler: async ({ res }) => {
        let catalogueVersion: number | null;
        try {
          catalogueVersion = (await store.getCatalogue())?.version ?? null;
        } catch (err) {
          logger.warn({ err }, 'readiness check failed');
          throw new ProblemError('not-ready', 'The database cannot be reached or is not migrated.');
        }
        res.json({ status: 'ready', store: store.kind, catalogueVersion });
      },
    }),
  ];
}
