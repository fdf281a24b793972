import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportSPKI, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { createEntraAuthenticator } from '../../server/auth/entra.js';
import { AuthError, type Authenticator, type MemberLookup } from '../../server/auth/types.js';
import { rejection } from '../helpers/rejection.js';
import {
  API_APP_ID_URI,
  API_CLIENT_ID,
  entraClaims,
  fixedClock,
  makeTenantKey,
  NOW_SECONDS,
  OTHER_TENANT,
  signEntra,
  TENANT,
  type TenantKey,
} from '../support/entraTokens.js';

const members: Record<string, { role: 'line-manager' | 'pmg' | 'viewer'; organisationId: string | null }> = {
  'alice@leeds.gov.uk': { role: 'line-manager', organisationId: 'leeds-cc' },
  'priya@oda.example.org': { role: 'pmg', organisationId: null },
};
const lookupMember: MemberLookup = async (email) => members[email] ?? null;

let tenantKey: TenantKey;
let strangerKey: TenantKey;
let auth: Authenticator;

beforeAll(async () => {
  tenantKey = await makeTenantKey('tenant-key-1');
  strangerKey = await makeTenantKey('stranger-key');
  auth = createEntraAuthenticator({
    tenantIds: [TENANT, OTHER_TENANT],
    audiences: [API_APP_ID_URI, API_CLIENT_ID],
    jwks: createLocalJWKSet({ keys: [tenantKey.publicJwk] }),
    lookupMember,
    clock: fixedClock,
  });
});

async function refusal(token: string, authenticator: Authenticator = auth): Promise<AuthError> {
  const error = await rejection(authenticator.authenticate(token), AuthError);
  expect(error.message).not.toMatch(/\n\s+at /);
  return error;
}

describe('Entra access token validation', () => {
  test('a good token maps to the member of the catalogue', async () => {
    const token = await signEntra(tenantKey, entraClaims('Alice@Leeds.gov.uk', { name: 'Alice Ng' }));
    await expect(auth.authenticate(token)).resolves.toEqual({
      email: 'alice@leeds.gov.uk',
      name: 'Alice Ng',
      subject: 'oid-Alice@Leeds.gov.uk',
      role: 'line-manager',
      organisationId: 'leeds-cc',
      tokenKind: 'entra',
    });
  });

  test('the user may be named by upn when there is no preferred_username', async () => {
    const token = await signEntra(
      tenantKey,
      entraClaims('x', { preferred_username: undefined, upn: 'PRIYA@oda.example.org' }),
    );
    const principal = await auth.authenticate(token);
    expect(principal).toMatchObject({ email: 'priya@oda.example.org', role: 'pmg', organisationId: null });
  });

  test('the unverified email claim never names the user (nOAuth)', async () => {
    const token = await signEntra(
      tenantKey,
      entraClaims('x', { preferred_username: undefined, email: 'priya@oda.example.org' }),
    );
    await expect(auth.authenticate(token)).rejects.toThrow(/names no user \(preferred_username or upn\)/);
  });

  test('the API client id is accepted as audience as well as the app ID URI', async () => {
    const token = await signEntra(tenantKey, entraClaims('alice@leeds.gov.uk', { aud: API_CLIENT_ID }));
    await expect(auth.authenticate(token)).resolves.toMatchObject({ email: 'alice@leeds.gov.uk' });
  });

  test('expiry and not-before allow a small clock skew', async () => {
    const lateButWithinSkew = await signEntra(tenantKey, entraClaims('alice@leeds.gov.uk', { exp: NOW_SECONDS - 30 }));
    const earlyButWithinSkew = await signEntra(tenantKey, entraClaims('alice@leeds.gov.uk', { nbf: NOW_SECONDS + 30 }));
    await expect(auth.authenticate(lateButWithinSkew)).resolves.toMatchObject({ role: 'line-manager' });
    await expect(auth.authenticate(earlyButWithinSkew)).resolves.toMatchObject({ role: 'line-manager' });
  });

  test.each<[string, JWTPayload, RegExp]>([
    ['expired', { exp: NOW_SECONDS - 120 }, /expired at 2026-03-02T09:58:00\.000Z/],
    ['not valid yet', { nbf: NOW_SECONDS + 300 }, /not valid yet \(not before 2026-03-02T10:05:00\.000Z\)/],
    ['wrong audience', { aud: 'api://someone-else' }, /another audience \("api:\/\/someone-else"\)/],
    [
      'wrong issuer',
      { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
      new RegExp(`wrong issuer .*${OTHER_TENANT}.*expected "https://login.microsoftonline.com/${TENANT}/v2.0"`),
    ],
    [
      'tenant not allowed',
      { tid: '12345678-1234-4234-8234-123456789abc' },
      /Tenant 12345678-1234-4234-8234-123456789abc is not allowed/,
    ],
    ['missing scope', { scp: 'User.Read' }, /lacks the "access_as_user" scope/],
    [
      'app-only token',
      { scp: undefined, roles: ['Register.Read'] },
      /application token without the "access_as_user" scope/,
    ],
    ['no tenant', { tid: undefined }, /names no tenant \(tid\)/],
    ['no user name', { preferred_username: undefined }, /names no user/],
    ['no expiry', { exp: undefined }, /no expiry/],
  ])('%s: rejected with its reason', async (_defect, overrides, reason) => {
    const error = await refusal(await signEntra(tenantKey, entraClaims('alice@leeds.gov.uk', overrides)));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(reason);
  });

  test('a v1.0 token is refused with a hint to switch the app registration to v2 tokens', async () => {
    const v1 = entraClaims('alice@leeds.gov.uk', { iss: `https://sts.windows.net/${TENANT}/`, ver: '1.0' });
    const error = await refusal(await signEntra(tenantKey, v1));
    expect(error.message).toMatch(/wrong issuer .*accessTokenAcceptedVersion to 2/);
  });

  test('an unsigned token (alg none) is refused', async () => {
    const token = new UnsecuredJWT(entraClaims('alice@leeds.gov.uk')).encode();
    expect((await refusal(token)).message).toMatch(/unsigned \(alg "none"\); only RS256/);
  });

  test('an HS256 token signed with the public key (key confusion) is refused', async () => {
    const pem = await exportSPKI(tenantKey.publicKey);
    const token = await new SignJWT(entraClaims('alice@leeds.gov.uk'))
      .setProtectedHeader({ alg: 'HS256', kid: tenantKey.kid })
      .sign(new TextEncoder().encode(pem));
    expect((await refusal(token)).message).toMatch(/signed with "HS256"; only RS256 is accepted/);
  });

  test('a token signed by another key claiming the tenant key id is refused', async () => {
    const token = await signEntra(strangerKey, entraClaims('alice@leeds.gov.uk'), tenantKey.kid);
    expect((await refusal(token)).message).toMatch(/bad signature.*not signed by the issuer/);
  });

  test('a token signed by a key the tenant does not publish is refused', async () => {
    const token = await signEntra(strangerKey, entraClaims('alice@leeds.gov.uk'));
    expect((await refusal(token)).message).toMatch(/bad signature.*key the issuer does not publish/);
  });

  test('a token whose claims were altered after signing is refused', async () => {
    const [header, , signature] = (await signEntra(tenantKey, entraClaims('alice@leeds.gov.uk'))).split('.');
    const forged = Buffer.from(JSON.stringify(entraClaims('priya@oda.example.org'))).toString('base64url');
    expect((await refusal(`${header}.${forged}.${signature}`)).message).toMatch(/bad signature/);
  });

  test.each([['not-a-token'], ['a.b.c'], ['']])('garbage %p is refused as malformed or missing', async (token) => {
    expect((await refusal(token)).message).toMatch(/malformed|No bearer token/);
  });

  test('a valid token of someone outside the catalogue is 403 "not a member of the partnership"', async () => {
    const error = await refusal(await signEntra(tenantKey, entraClaims('bob@elsewhere.org')));
    expect(error.status).toBe(403);
    expect(error.message).toBe('bob@elsewhere.org is not a member of the partnership.');
  });
});

describe('Entra configuration', () => {
  const base = { audiences: [API_APP_ID_URI], lookupMember };

  test('a tenant given as a domain name is refused with the value named', () => {
    expect(() => createEntraAuthenticator({ ...base, tenantIds: ['leeds.gov.uk'] })).toThrow(
      '"leeds.gov.uk" is not a tenant id',
    );
  });

  test('no tenants or no audience is refused', () => {
    expect(() => createEntraAuthenticator({ ...base, tenantIds: [] })).toThrow(/at least one allowed tenant/);
    expect(() => createEntraAuthenticator({ ...base, tenantIds: [TENANT], audiences: [] })).toThrow(/audience/);
  });

  test('a line-manager group without an organisation is refused, naming the group', () => {
    expect(() =>
      createEntraAuthenticator({ ...base, tenantIds: [TENANT], groupMap: { 'group-7': { role: 'line-manager' } } }),
    ).toThrow('groupMap entry for group group-7 maps to line-manager but names no organisationId.');
  });
});

describe("the tenant's published key set", () => {
  let server: Server;
  let host: string;
  const requests: string[] = [];
  let available = true;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const match = /^\/([0-9a-f-]+)\/discovery\/v2\.0\/keys$/.exec(req.url ?? '');
      if (!available || !match) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [tenantKey.publicJwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    requests.length = 0;
    available = true;
  });

  function remoteAuth(): Authenticator {
    return createEntraAuthenticator({
      tenantIds: [TENANT, OTHER_TENANT],
      audiences: [API_APP_ID_URI],
      lookupMember,
      clock: fixedClock,
      authorityHost: host,
    });
  }

  test('keys are fetched from the tenant discovery endpoint once and reused, one set per tenant', async () => {
    const authenticator = remoteAuth();
    const claims = entraClaims('alice@leeds.gov.uk', { iss: `${host}/${TENANT}/v2.0` });
    await expect(authenticator.authenticate(await signEntra(tenantKey, claims))).resolves.toMatchObject({
      organisationId: 'leeds-cc',
    });
    await expect(authenticator.authenticate(await signEntra(tenantKey, claims))).resolves.toMatchObject({
      organisationId: 'leeds-cc',
    });
    expect(requests).toEqual([`/${TENANT}/discovery/v2.0/keys`]);

    const other = entraClaims('alice@leeds.gov.uk', { tid: OTHER_TENANT, iss: `${host}/${OTHER_TENANT}/v2.0` });
    await authenticator.authenticate(await signEntra(tenantKey, other));
    expect(requests).toEqual([`/${TENANT}/discovery/v2.0/keys`, `/${OTHER_TENANT}/discovery/v2.0/keys`]);
  });

  test('a tenant outside the allow-list never causes a key fetch', async () => {
    const stranger = '12345678-1234-4234-8234-123456789abc';
    const claims = entraClaims('alice@leeds.gov.uk', { tid: stranger, iss: `${host}/${stranger}/v2.0` });
    expect((await refusal(await signEntra(tenantKey, claims), remoteAuth())).message).toMatch(/not allowed/);
    expect(requests).toEqual([]);
  });

  test('when the keys cannot be fetched the token is refused with that reason', async () => {
    available = false;
    const claims = entraClaims('alice@leeds.gov.uk', { iss: `${host}/${TENANT}/v2.0` });
    const error = await refusal(await signEntra(tenantKey, claims), remoteAuth());
    expect(error.message).toMatch(/signing keys are unavailable/);
  });
});
