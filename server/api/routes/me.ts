/** Who am I: user, role and organisation. */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { AUTHED, json, problems } from '../docs.js';
import { meSchema } from '../schemas.js';

export function meRoutes({ store }: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/me',
      tag: 'me',
      summary: 'The calling user: email, role and organisation.',
      access: 'member',
      responses: { 200: json('The user.', meSchema), ...problems(...AUTHED) },
      handler: async ({ principal, res }) => {
        const p = principal!;
        const catalogue = (await store.getCatalogue())?.catalogue;
        const organisation = catalogue?.organisations.find((o) => o.id === p.organisationId) ?? null;
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
