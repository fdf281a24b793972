/** Test helpers: a local RSA key set standing in for a tenant's published keys, and Entra-shaped access tokens. */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const TENANT = '6f1c2a3b-4d5e-4f60-8a1b-2c3d4e5f6a7b';
export const OTHER_TENANT = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f2a3b4c5d';
export const API_APP_ID_URI = 'api://oda-register.example.org';
export const API_CLIENT_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
export const NOW = new Date('2026-03-02T10:00:00Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
export const fixedClock = { now: () => NOW };

export interface TenantKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeTenantKey(kid: string): Promise<TenantKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}

/** The claims of a good v2.0 access token for `email` in TENANT, valid at NOW. */
export function entraClaims(email: string, overrides: JWTPayload = {}): JWTPayload {
  return {
    aud: API_APP_ID_URI,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: NOW_SECONDS - 60,
    nbf: NOW_SECONDS - 60,
    exp: NOW_SECONDS + 3600,
    tid: TENANT,
    oid: `oid-${email}`,
    sub: `sub-${email}`,
    name: 'Test User',
    preferred_username: email,
    scp: 'access_as_user',
    ver: '2.0',
    ...overrides,
  };
}

/** Signs claims as Entra would (RS256, kid header); undefined claim values are dropped. */
export async function signEntra(key: TenantKey, claims: JWTPayload, kid: string = key.kid): Promise<string> {
  const defined = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
  return new SignJWT(defined).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key.privateKey);
}
