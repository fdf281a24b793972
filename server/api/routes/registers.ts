/** Registers: consolidate (PMG), list, get (ETag), latest, diff. Register versions are immutable. */
import { diffRegisters } from '../../../shared/diff.js';
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json, problems } from '../docs.js';
import {
  consolidateQuery,
  consolidationSchema,
  diffParams,
  registerDiffSchema,
  registerListSchema,
  registerParams,
  storedRegisterSchema,
} from '../schemas.js';
import { etagOf } from '../preconditions.js';
import { consolidation, registerResource, registerSummary } from '../resources.js';
import { consolidateNow } from '../../services/registers.js';
import { requireRegister } from '../../services/registers.js';
import { ProblemError } from '../../http/problem.js';

export function registerRoutes({ store }: ApiDeps): AnyRoute[] {
  const withEtag = { ETag: '"<version>"' };
  return [
    defineRoute({
      method: 'post',
      path: '/registers',
      operationId: 'consolidateRegister',
      tag: 'registers',
      summary:
        'Consolidate the latest submission of every partner into the next register version (PMG). When nothing changed since the latest register (same digest), that register is the answer (200) and no version is created, so its sign-offs still stand; force=true creates one anyway.',
      access: 'pmg',
      query: consolidateQuery,
      responses: {
        201: json('The new register.', consolidationSchema, { ...withEtag, Location: 'URL' }),
        200: json(
          'Nothing changed: the latest register, `unchanged` true; no version was created.',
          consolidationSchema,
          {
            ...withEtag,
            Location: 'URL',
          },
        ),
        ...problems(409),
      },
      handler: async ({ principal, query, res }) => {
        const { stored, created } = await consolidateNow({ store, actor: principal.email, force: query.force });
        res
          .status(created ? 201 : 200)
          .set('ETag', etagOf(stored.version))
          .set('Location', `/api/registers/${stored.version}`)
          .json(consolidation(stored, !created));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/registers',
      operationId: 'listRegisters',
      tag: 'registers',
      summary: 'Register versions, newest first, with counts.',
      access: 'member',
      responses: { 200: json('The registers.', registerListSchema) },
      handler: async ({ res }) => {
        res.json({ registers: (await store.listRegisters()).map(registerSummary) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/registers/latest',
      operationId: 'getLatestRegister',
      tag: 'registers',
      summary: 'The newest register version.',
      access: 'member',
      responses: { 200: json('The newest register.', storedRegisterSchema, withEtag), ...problems(404) },
      handler: async ({ res }) => {
        const r = await store.latestRegister();
        if (!r) throw new ProblemError('not-found', 'There is no register yet: a PMG member consolidates one first.');
        res
          .set('ETag', etagOf(r.version))
          .set('Content-Location', `/api/registers/${r.version}`)
          .json(registerResource(r));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/registers/{version}',
      operationId: 'getRegister',
      tag: 'registers',
      summary: 'One register version.',
      access: 'member',
      params: registerParams,
      responses: { 200: json('The register.', storedRegisterSchema, withEtag), ...problems(404) },
      handler: async ({ params, res }) => {
        const r = await requireRegister(store, params.version);
        res.set('ETag', etagOf(r.version)).json(registerResource(r));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/registers/{a}/diff/{b}',
      operationId: 'diffRegisters',
      tag: 'registers',
      summary: 'What changed from register version a to version b: rows added, removed and changed per table.',
      access: 'member',
      params: diffParams,
      responses: { 200: json('The difference.', registerDiffSchema), ...problems(404) },
      handler: async ({ params, res }) => {
        const a = await requireRegister(store, params.a);
        const b = await requireRegister(store, params.b);
        res.json({ from: a.version, to: b.version, diff: diffRegisters(a.register, b.register) });
      },
    }),
  ];
}
