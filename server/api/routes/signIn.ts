/**
 * How the task pane signs in. `GET /sign-in` (public) tells it which way: Microsoft Entra ID (with the client id
 * and scope its MSAL needs) or the development issuer. In development only (AUTH_MODE=dev, never with
 * NODE_ENV=production, like the issuer itself), `GET /dev/members` lists the catalogue's members and
 * `POST /dev/token` mints a token for one of them, for clients on this machine (loopback) only: the harness
 * and a sideloaded add-in on a developer's machine sign in without the CLI.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json, problems } from '../docs.js';
import { ProblemError } from '../../http/problem.js';
import { loadOrCreateDevIssuer, type DevIssuer } from '../../auth/devIssuer.js';
import { memberLookup } from '../../services/members.js';
import { MEMBER_ROLES } from '../../../shared/types.js';

/** Lifetime of a token minted for the pane: one hour, after which it renews silently. */
export const DEV_PANE_TOKEN_TTL_SECONDS = 60 * 60;

const signInSchema = z
  .object({
    mode: z.enum(['dev', 'entra']),
    entra: z
      .object({ clientId: z.string(), authority: z.string(), scopes: z.array(z.string()) })
      .nullable()
      .openapi({ description: 'What MSAL needs (AUTH_MODE=entra); null in development.' }),
  })
  .openapi('SignInConfig');

const devMembersSchema = z
  .object({
    members: z.array(
      z.object({
        email: z.string(),
        role: z.enum(MEMBER_ROLES),
        organisationId: z.string().nullable(),
        organisationName: z.string().nullable(),
      }),
    ),
  })
  .openapi('DevMembers');

const devTokenBody = z.object({ email: z.string().min(3).max(320) }).openapi('DevTokenRequest');
const devTokenSchema = z
  .object({ token: z.string(), expiresAt: z.string().openapi({ description: 'ISO time.' }) })
  .openapi('DevToken');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Headers a proxy adds with the client's address: any of them means the client may be elsewhere. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** Whether `host` (a Host header: name or address, any port) names this machine: localhost, 127.x or [::1]. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  // WHATWG URL: names lower-cased, IPv4 normalised (127.1 -> 127.0.0.1), IPv6 in brackets and compressed.
  hostname = hostname.replace(/\.$/, '');
  return (
    hostname === 'localhost' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname === '[::1]' ||
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(hostname)
  );
}

/**
 * A client on this machine, calling from one of the service's own pages: the connection's own address is a
 * loopback one and no proxy header (X-Forwarded-For, Forwarded, X-Real-IP) says otherwise; the Host header
 * names this machine (a page whose name was rebound to 127.0.0.1 sends its own name: DNS rebinding); and the
 * Origin, when the browser sends one, is the service's own (another site's page cannot mint a token).
 */
function requireLoopback(req: Request): void {
  const address = req.socket.remoteAddress ?? '';
  const refuse = (why: string) => {
    throw new ProblemError(
      'forbidden',
      `Development sign-in is offered only to clients on the machine that runs the service, from its own pages: ${why}.`,
    );
  };
  if (!LOOPBACK.has(address)) refuse('the connection does not come from this machine');
  const proxied = PROXY_HEADERS.find((name) => req.headers[name] !== undefined);
  if (proxied !== undefined) refuse(`the request came through a proxy (${proxied})`);
  const host = req.headers.host;
  if (!isLoopbackHost(host)) refuse(`the Host ${JSON.stringify(host ?? '')} is not localhost or a loopback address`);
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const own = `${req.protocol}://${host}`;
    let same: boolean;
    try {
      same = new URL(origin).origin === new URL(own).origin;
    } catch {
      same = false;
    }
    if (!same) refuse(`the Origin ${JSON.stringify(origin)} is not the service's own (${new URL(own).origin})`);
  }
}

/** Development sign-in is on only with the development issuer and never in production. */
export function devSignInEnabled(config: ApiDeps['config']): boolean {
  return config.authMode === 'dev' && config.nodeEnv !== 'production';
}

export function signInRoutes({ store, config, clock }: ApiDeps): AnyRoute[] {
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'get',
      path: '/sign-in',
      operationId: 'getSignInConfiguration',
      tag: 'service',
      summary: 'How the task pane signs in: Entra ID (client id, authority, scopes) or the development issuer.',
      access: 'public',
      responses: { 200: json('The sign-in configuration.', signInSchema) },
      handler: async ({ res }) => {
        const entra = config.entra;
        res.json({
          mode: config.authMode,
          entra:
            config.authMode === 'entra' && entra
              ? {
                  clientId: entra.clientId,
                  authority: `https://login.microsoftonline.com/${entra.tenantIds[0] ?? 'organizations'}`,
                  scopes: [`api://${entra.clientId}/${entra.requiredScope}`],
                }
              : null,
        });
      },
    }),
  ];
  if (!devSignInEnabled(config)) return routes;

  let issuer: Promise<DevIssuer> | null = null;
  const lookupMember = memberLookup(store);
  routes.push(
    defineRoute({
      method: 'get',
      path: '/dev/members',
      operationId: 'listDevMembers',
      tag: 'service',
      summary: 'Development only (loopback clients): the catalogue’s members, to choose whom to sign in as.',
      access: 'public',
      responses: { 200: json('The members.', devMembersSchema), ...problems(403, 409) },
      handler: async ({ req, res }) => {
        requireLoopback(req);
        const catalogue = (await store.getCatalogue())?.catalogue;
        if (!catalogue)
          throw new ProblemError('no-catalogue', 'There is no partnership catalogue yet, so nobody to sign in as.');
        const names = new Map(catalogue.organisations.map((o) => [o.id, o.name]));
        res.json({
          members: catalogue.members.map((m) => ({
            email: m.email.toLowerCase(),
            role: m.role,
            organisationId: m.organisationId ?? null,
            organisationName: m.organisationId ? (names.get(m.organisationId) ?? null) : null,
          })),
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/dev/token',
      operationId: 'mintDevToken',
      tag: 'service',
      summary: 'Development only (loopback clients): a development token for a catalogue member, valid for an hour.',
      access: 'public',
      body: devTokenBody,
      responses: { 200: json('The token.', devTokenSchema), ...problems(400, 403, 415) },
      handler: async ({ req, body, res }) => {
        requireLoopback(req);
        issuer ??= loadOrCreateDevIssuer(config.dataDir, { clock }).catch((err: unknown) => {
          issuer = null;
          throw err;
        });
        let token: string;
        try {
          token = await (
            await issuer
          ).mint({ email: body.email, ttlSeconds: DEV_PANE_TOKEN_TTL_SECONDS, lookupMember });
        } catch (err) {
          throw new ProblemError('forbidden', err instanceof Error ? err.message : String(err));
        }
        const expiresAt = new Date(clock.now().getTime() + DEV_PANE_TOKEN_TTL_SECONDS * 1000).toISOString();
        res.set('Cache-Control', 'no-store').json({ token, expiresAt });
      },
    }),
  );
  return routes;
}
