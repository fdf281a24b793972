/**
 * The on-behalf-of path, without the internet: msal-node talks to a fake INetworkModule (its own
 * `system.networkClient` seam) answering the tenant's token endpoint, with the authority and cloud discovery
 * metadata given in config so msal makes no discovery calls; Graph answers through an injected fetch.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { createLocalJWKSet } from 'jose';
import { createEntraAuthenticator } from '../../server/auth/entra.js';
import { createGraphDirectory, type GraphDirectory } from '../../server/auth/graph.js';
import type { GroupMap } from '../../server/auth/groupMap.js';
import { AuthError, type MemberLookup } from '../../server/auth/types.js';
import { rejection } from '../helpers/rejection.js';
import {
  API_APP_ID_URI,
  API_CLIENT_ID,
  entraClaims,
  fixedClock,
  makeTenantKey,
  signEntra,
  TENANT,
  type TenantKey,
} from '../support/entraTokens.js';

const AUTHORITY = `https://login.microsoftonline.com/${TENANT}`;
const TOKEN_ENDPOINT = `${AUTHORITY}/oauth2/v2.0/token`;
const CLIENT_SECRET = 'test-client-secret';

const authorityMetadata = JSON.stringify({
  token_endpoint: TOKEN_ENDPOINT,
  authorization_endpoint: `${AUTHORITY}/oauth2/v2.0/authorize`,
  end_session_endpoint: `${AUTHORITY}/oauth2/v2.0/logout`,
  issuer: `${AUTHORITY}/v2.0`,
  jwks_uri: `${AUTHORITY}/discovery/v2.0/keys`,
});
const cloudDiscoveryMetadata = JSON.stringify({
  tenant_discovery_endpoint: `${AUTHORITY}/v2.0/.well-known/openid-configuration`,
  'api-version': '1.1',
  metadata: [
    {
      preferred_network: 'login.microsoftonline.com',
      preferred_cache: 'login.windows.net',
      aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
    },
  ],
});

interface Post {
  url: string;
  form: URLSearchParams;
}

/** Answers msal's token endpoint POSTs; records them; fails any GET (discovery must not happen). */
class FakeEntraNetwork implements INetworkModule {
  readonly posts: Post[] = [];
  readonly gets: string[] = [];
  failure: { error: string; error_description: string } | null = null;

  async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
    this.gets.push(url);
    throw new Error(`unexpected GET ${url}`);
  }

  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const form = new URLSearchParams(options?.body ?? '');
    this.posts.push({ url, form });
    if (this.failure) {
      return { status: 400, headers: {}, body: { ...this.failure, error_codes: [65001] } as T };
    }
    const assertion = form.get('assertion') ?? '';
    const body = {
      token_type: 'Bearer',
      scope: 'https://graph.microsoft.com/User.Read https://graph.microsoft.com/GroupMember.Read.All',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: `graph-token-${this.posts.length}-${assertion.slice(-12)}`,
    };
    return { status: 200, headers: { 'content-type': 'application/json' }, body: body as T };
  }
}

interface GraphUserFixture {
  id: string;
  displayName: string;
  mail: string;
  memberOf: { '@odata.type': string; id: string }[][];
}

/** A fake Graph: /me and paged /me/transitiveMemberOf, answering only the Graph tokens msal handed out. */
function fakeGraph(network: FakeEntraNetwork, users: Record<string, GraphUserFixture>) {
  const calls: { url: string; token: string }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const token = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
    calls.push({ url, token });
    const issued = network.posts.findIndex((_, i) => token.startsWith(`graph-token-${i + 1}-`));
    const assertion = issued >= 0 ? (network.posts[issued]?.form.get('assertion') ?? '') : '';
    const user = Object.entries(users).find(([tok]) => tok === assertion)?.[1];
    if (!user) return new Response('{"error":{"code":"InvalidAuthenticationToken"}}', { status: 401 });
    const parsed = new URL(url);
    if (parsed.pathname === '/v1.0/me') {
      return Response.json({
        id: user.id,
        displayName: user.displayName,
        mail: user.mail,
        userPrincipalName: user.mail,
      });
    }
    if (parsed.pathname === '/v1.0/me/transitiveMemberOf') {
      const page = Number(parsed.searchParams.get('page') ?? '0');
      const next =
        page + 1 < user.memberOf.length
          ? `https://graph.microsoft.com/v1.0/me/transitiveMemberOf?page=${page + 1}`
          : undefined;
      return Response.json({ value: user.memberOf[page] ?? [], ...(next ? { '@odata.nextLink': next } : {}) });
    }
    return new Response('{}', { status: 404 });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const group = (id: string) => ({ '@odata.type': '#microsoft.graph.group', id });
const groupMap: GroupMap = {
  'a1f0c0de-0000-4000-8000-00000000000a': { role: 'line-manager', organisationId: 'leeds-cc' },
  'b2f0c0de-0000-4000-8000-00000000000b': { role: 'line-manager', organisationId: 'wy-police' },
  'c3f0c0de-0000-4000-8000-00000000000c': { role: 'viewer' },
};
const noMembers: MemberLookup = async () => null;

let tenantKey: TenantKey;
let carolToken: string;
let daveToken: string;
let erinToken: string;
let network: FakeEntraNetwork;
let graph: ReturnType<typeof fakeGraph>;
let directory: GraphDirectory;

beforeAll(async () => {
  tenantKey = await makeTenantKey('tenant-key-1');
  carolToken = await signEntra(tenantKey, entraClaims('Carol@Leeds.gov.uk', { name: undefined }));
  daveToken = await signEntra(tenantKey, entraClaims('dave@leeds.gov.uk'));
  erinToken = await signEntra(tenantKey, entraClaims('erin@leeds.gov.uk'));
});

beforeEach(() => {
  network = new FakeEntraNetwork();
  graph = fakeGraph(network, {
    [carolToken]: {
      id: 'carol-oid',
      displayName: 'Carol Hughes',
      mail: 'carol@leeds.gov.uk',
      // Two pages; a directory role is a membership too, but never maps to an organisation.
      memberOf: [
        [{ '@odata.type': '#microsoft.graph.directoryRole', id: 'a1f0c0de-0000-4000-8000-00000000000a' }],
        [
          group('unmapped-group'),
          group('A1F0C0DE-0000-4000-8000-00000000000A'),
          group('c3f0c0de-0000-4000-8000-00000000000c'),
        ],
      ],
    },
    [daveToken]: {
      id: 'dave-oid',
      displayName: 'Dave',
      mail: 'dave@leeds.gov.uk',
      memberOf: [[group('a1f0c0de-0000-4000-8000-00000000000a'), group('b2f0c0de-0000-4000-8000-00000000000b')]],
    },
    [erinToken]: {
      id: 'erin-oid',
      displayName: 'Erin',
      mail: 'erin@leeds.gov.uk',
      memberOf: [[group('unmapped-group')]],
    },
  });
  directory = createGraphDirectory({
    clientId: API_CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    tenantId: TENANT,
    authorityMetadata,
    cloudDiscoveryMetadata,
    networkClient: network,
    fetchImpl: graph.fetchImpl,
  });
});

function authenticator(lookupMember: MemberLookup = noMembers) {
  return createEntraAuthenticator({
    tenantIds: [TENANT],
    audiences: [API_APP_ID_URI],
    jwks: createLocalJWKSet({ keys: [tenantKey.publicJwk] }),
    lookupMember,
    graph: directory,
    groupMap,
    clock: fixedClock,
  });
}

describe('on-behalf-of exchange and Graph group mapping', () => {
  test('a user outside the catalogue is mapped to an organisation through their Entra group', async () => {
    const principal = await authenticator().authenticate(carolToken);
    expect(principal).toEqual({
      email: 'carol@leeds.gov.uk',
      name: 'Carol Hughes',
      subject: 'oid-Carol@Leeds.gov.uk',
      role: 'line-manager',
      organisationId: 'leeds-cc',
      tokenKind: 'entra',
    });

    // msal really performed the OBO exchange at the tenant's token endpoint, with no discovery calls.
    expect(network.gets).toEqual([]);
    expect(network.posts).toHaveLength(1);
    const [post] = network.posts;
    expect(post?.url.split('?')[0]).toBe(TOKEN_ENDPOINT);
    expect(post?.form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(post?.form.get('requested_token_use')).toBe('on_behalf_of');
    expect(post?.form.get('assertion')).toBe(carolToken);
    expect(post?.form.get('client_id')).toBe(API_CLIENT_ID);
    expect(post?.form.get('client_secret')).toBe(CLIENT_SECRET);
    expect(post?.form.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining([
        'https://graph.microsoft.com/User.Read',
        'https://graph.microsoft.com/GroupMember.Read.All',
      ]),
    );

    // Graph was called with the token msal obtained (never the user's own token), following the next page.
    expect(graph.calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/v1.0/me',
      '/v1.0/me/transitiveMemberOf',
      '/v1.0/me/transitiveMemberOf',
    ]);
    expect(graph.calls.every((c) => c.token.startsWith('graph-token-1-'))).toBe(true);
  });

  test('a member of the catalogue is mapped without any Graph call', async () => {
    const lookup: MemberLookup = async (email) =>
      email === 'carol@leeds.gov.uk' ? { role: 'pmg', organisationId: null } : null;
    await expect(authenticator(lookup).authenticate(carolToken)).resolves.toMatchObject({ role: 'pmg' });
    expect(network.posts).toEqual([]);
    expect(graph.calls).toEqual([]);
  });

  test('msal caches the Graph token per user assertion', async () => {
    await directory.lookupUser(carolToken);
    await directory.lookupUser(carolToken);
    expect(network.posts.map((p) => p.form.get('assertion'))).toEqual([carolToken]);
    await directory.lookupUser(daveToken);
    expect(network.posts.map((p) => p.form.get('assertion'))).toEqual([carolToken, daveToken]);
  });

  test('the authenticator reuses a user’s group memberships instead of asking Graph on every request', async () => {
    const auth = authenticator();
    await auth.authenticate(carolToken);
    const callsAfterFirst = graph.calls.length;
    await auth.authenticate(carolToken);
    expect(graph.calls.length).toBe(callsAfterFirst);
  });

  test('groups of two organisations give no access and say why', async () => {
    const error = await rejection(authenticator().authenticate(daveToken), AuthError);
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      "dave@leeds.gov.uk belongs to groups of several organisations (leeds-cc, wy-police); the PMG must list them in the catalogue's members.",
    );
  });

  test('no mapped group: 403 not a member of the partnership', async () => {
    const error = await rejection(authenticator().authenticate(erinToken), AuthError);
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      'erin@leeds.gov.uk is not a member of the partnership. None of their groups is mapped to a role.',
    );
  });

  test('a refused token exchange (consent missing) is a 403 naming the cause, without internals', async () => {
    network.failure = {
      error: 'invalid_grant',
      error_description: 'AADSTS65001: The user or administrator has not consented to use the application.',
    };
    const error = await rejection(authenticator().authenticate(carolToken), AuthError);
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/carol@leeds\.gov\.uk is not a member of the partnership\./);
    expect(error.message).toMatch(
      /on-behalf-of token exchange for Microsoft Graph failed \(invalid_grant, AADSTS65001\)/,
    );
    expect(error.message).toMatch(/administrator must grant the API consent/);
    expect(error.message).not.toMatch(/\n\s+at |Trace ID|Correlation ID/);
  });

  test('Graph refusing the call is reported with its status', async () => {
    const refusing = createGraphDirectory({
      clientId: API_CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      tenantId: TENANT,
      authorityMetadata,
      cloudDiscoveryMetadata,
      networkClient: network,
      fetchImpl: (async () => new Response('{}', { status: 403 })) as typeof fetch,
    });
    await expect(refusing.lookupUser(carolToken)).rejects.toThrow(
      "Microsoft Graph answered 403 when asked for the user's profile.",
    );
  });

  test('a next-page link to another host is not followed, so the Graph token goes nowhere else', async () => {
    const urls: string[] = [];
    const leaky = createGraphDirectory({
      clientId: API_CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      tenantId: TENANT,
      authorityMetadata,
      cloudDiscoveryMetadata,
      networkClient: network,
      fetchImpl: (async (input: string | URL | Request) => {
        urls.push(String(input));
        return String(input).includes('/me/transitiveMemberOf')
          ? Response.json({ value: [group('g1')], '@odata.nextLink': 'https://evil.example/steal' })
          : Response.json({ id: 'carol-oid' });
      }) as typeof fetch,
    });
    await expect(leaky.lookupUser(carolToken)).resolves.toMatchObject({ groupIds: ['g1'] });
    expect(urls.some((u) => u.startsWith('https://evil.example'))).toBe(false);
  });
});
