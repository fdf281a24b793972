/** Registers: consolidate (PMG), list, get (ETag), latest, diff. Register versions are immutable. */
import { diffRegisters } from '../../../shared/diff.js';
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { AUTHED, json, problems } from '../docs.js';
import {
  diffParams,
  registerDiffSchema,
  registerListSchema,
  registerParams,
  storedRegisterSchema,
} from '../schemas.js';
import { etagOf } from '../preconditions.js';
import { registerResource, registerSummary } from '../resources.js';
import { consolidateNow } from '../../services/registers.js';
import { requireRegister } from '../../services/signOffs.js';
import { ProblemError } from '../../http/problem.js';

export function registerRoutes({ store }: ApiDeps): AnyRoute[] {
  const withEtag = { ETag: '"<version>"' };
  return [
    defineRoute({
      method: 'post',
      path: '/registers',
      tag: 'registers',
      summary: 'Consolidate the latest submission of every partner into the next register version (PMG).',
      access: 'pmg',
      responses: {
        201: json('The new register.', storedRegisterSchema, { ...withEtag, Location: 'URL' }),
        ...problems(...AUTHED, 409, 429),
      },
      handler: async ({ principal, res }) => {
        const r = await consolidateNow({ store, actor: principal!.email });
        res
          .status(201)
          .set('ETag', etagOf(r.version))
          .set('Location', `/api/registers/${r.version}`)
          .json(registerResource(r));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/registers',
      tag: 'registers',
      summary: 'Register versions, newest first, with counts.',
      access: 'member',
      responses: { 200: json('The registers.', registerListSchema), ...problems(...AUTHED) },
      handler: async ({ res }) => {
        res.json({ registers: (await store.listRegisters()).map(registerSummary) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/registers/latest',
      tag: 'registers',
      summary: 'The newest register version.',
      access: 'member',
      responses: { 200: json('The newest register.', storedRegisterSchema, withEtag), ...problems(...AUTHED, 404) },
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
      tag: 'registers',
      summary: 'One register version.',
      access: 'member',
      params: registerParams,
      responses: { 200: json('The register.', storedRegisterSchema, withEtag), ...problems(400, ...AUTHED, 404) },
      handler: async ({ params, res }) => {
        const r = await requireRegister(store, params.version);
        res.set('ETag', etagOf(r.version)).json(registerResource(r));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/registers/{a}/diff/{b}',
      tag: 'registers',
      summary: 'What changed from register version a to version b: rows added, removed and changed per table.',
      access: 'member',
      params: diffParams,
      responses: { 200: json('The difference.', registerDiffSchema), ...problems(400, ...AUTHED, 404) },
      handler: async ({ params, res }) => {
        const a = await requireRegister(store, params.a);
        const b = await requireRegister(store, params.b);
        res.json({ from: a.version, to: b.version, diff: diffRegisters(a.register, b.register) });
      },
    }),
  ];
}
