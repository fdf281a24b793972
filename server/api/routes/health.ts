/** Liveness and readiness. */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json, problems } from '../docs.js';
import { healthSchema, readySchema } from '../schemas.js';
import { ProblemError } from '../../http/problem.js';

/** Longest a readiness check waits for the worker threads to start. */
export const READY_WAIT_MS = 3000;

export function healthRoutes({ store, workers }: ApiDeps): AnyRoute[] {
  /**
   * Whether the worker threads are up: the first readiness check starts one (the service does at start-up) and
   * waits up to READY_WAIT_MS for it. A thread that cannot load its code (a production copy missing a file)
   * makes the service not ready, instead of failing the first upload.
   */
  const threadsUp = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the worker threads are still starting')), READY_WAIT_MS);
    });
    try {
      await Promise.race([
        workers.ready().catch((err: unknown) => {
          throw new Error(`the worker threads cannot start: ${err instanceof Error ? err.message : String(err)}`);
        }),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
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
      summary: 'Readiness: the database answers, its schema is migrated and the worker threads are up.',
      access: 'public',
      responses: { 200: json('Ready.', readySchema), ...problems(503) },
      handler: async ({ req, res }) => {
        let catalogueVersion: number | null;
        try {
          catalogueVersion = (await store.getCatalogue())?.version ?? null;
        } catch (err) {
          req.log.warn({ err }, 'readiness check failed');
          throw new ProblemError('not-ready', 'The database cannot be reached or is not migrated.');
        }
        try {
          await threadsUp();
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          throw new ProblemError('not-ready', `The service is not ready: ${why}.`);
        }
        res.json({ status: 'ready', store: store.kind, catalogueVersion });
      },
    }),
  ];
}
