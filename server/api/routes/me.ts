/** Who am I: user, role and organisation. */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json } from '../docs.js';
import { meSchema } from '../schemas.js';

export function meRoutes(_deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      tag: 'me',
      summary: 'The calling user: email, role and organisation.',
      access: 'member',
      responses: { 200: json('The user.', meSchema) },
      handler: async ({ principal: p, catalogue, res }) => {
        const organisation = catalogue?.catalogue.organisations.find((o) => o.id === p.organisationId) ?? null;
        res.json({
          email: p.email,
          name: p.name,
          role: p.role,
          organisationId: p.organisationId,
          organisation,
          tokenKind: p.tokenKind,
        });
      },
    }),
  ];
}
