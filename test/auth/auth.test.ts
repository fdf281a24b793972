import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import {
  createDevAuthenticator,
  DEV_PRIVATE_KEY_FILE,
  DEV_PRODUCTION_REFUSAL,
  DEV_PUBLIC_KEY_FILE,
  DevIssuerError,
  loadOrCreateDevIssuer,
} from '../../server/auth/devIssuer.js';
import { createAuthenticator } from '../../server/auth/authenticator.js';
import { AuthError, type MemberLookup } from '../../server/auth/types.js';
import { rejection } from '../helpers/rejection.js';
import { entraClaims, makeTenantKey, signEntra } from '../support/entraTokens.js';

const members = new Map<string, { role: 'line-manager' | 'pmg' | 'viewer'; organisationId: string | null }>();
const lookupMember: MemberLookup = async (email) => members.get(email) ?? null;

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'oda-auth-'));
  members.clear();
  members.set('alice@leeds.gov.uk', { role: 'line-manager', organisationId: 'leeds-cc' });
  members.set('priya@oda.example.org', { role: 'pmg', organisationId: null });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function withNodeEnv<T>(value: string, run: () => T): T {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = value;
  try {
    return run();
  } finally {
    process.env.NODE_ENV = before;
  }
}

describe('development issuer', () => {
  test('a minted token round-trips to the member of the catalogue', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const auth = createDevAuthenticator({ issuer, lookupMember });
    const token = await issuer.mint({ email: ' Alice@Leeds.gov.uk ', name: 'Alice Ng', lookupMember });
    await expect(auth.authenticate(token)).resolves.toEqual({
      email: 'alice@leeds.gov.uk',
      name: 'Alice Ng',
      subject: 'alice@leeds.gov.uk',
      role: 'line-manager',
      organisationId: 'leeds-cc',
      tokenKind: 'dev',
    });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: 'oda-register-dev', aud: 'oda-register' });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(8 * 60 * 60);
  });

  test('the key pair is created once as JWK files readable by the owner only, and reused', async () => {
    const first = await loadOrCreateDevIssuer(join(dataDir, 'nested'));
    const token = await first.mint({ email: 'priya@oda.example.org', lookupMember, ttlSeconds: 60 });
    for (const file of [DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE]) {
      expect((await stat(join(dataDir, 'nested', file))).mode & 0o777).toBe(0o600);
    }
    const privateJwk = JSON.parse(await readFile(join(dataDir, 'nested', DEV_PRIVATE_KEY_FILE), 'utf8'));
    const publicJwk = JSON.parse(await readFile(join(dataDir, 'nested', DEV_PUBLIC_KEY_FILE), 'utf8'));
    expect(privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(typeof privateJwk.d).toBe('string');
    expect(publicJwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: privateJwk.x,
      y: privateJwk.y,
      kid: first.kid,
      alg: 'ES256',
      use: 'sig',
    });

    // A restart loads the same key: tokens minted before still work.
    const second = await loadOrCreateDevIssuer(join(dataDir, 'nested'));
    expect(second.kid).toBe(first.kid);
    await expect(createDevAuthenticator({ issuer: second, lookupMember }).authenticate(token)).resolves.toMatchObject({
      role: 'pmg',
    });
  });

  test('processes starting together agree on one key pair', async () => {
    const issuers = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateDevIssuer(dataDir)));
    expect(new Set(issuers.map((i) => i.kid)).size).toBe(1);
    expect((await readdir(dataDir)).sort()).toEqual([DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE].sort());
  });

  test('minting for an email outside the catalogue is refused, naming the email', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    await expect(issuer.mint({ email: 'Mallory@Example.org', lookupMember })).rejects.toThrow(
      new DevIssuerError(
        "mallory@example.org is not a member of the partnership catalogue; add them to the catalogue's members first.",
      ),
    );
  });

  test('a bad email or lifetime is refused with what was wrong', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    await expect(issuer.mint({ email: 'alice', lookupMember })).rejects.toThrow('"alice" is not an email address.');
    await expect(issuer.mint({ email: 'alice@leeds.gov.uk', ttlSeconds: 0, lookupMember })).rejects.toThrow(
      /lifetime must be a whole number of seconds from 1 to 2592000 \(30 days\), not 0/,
    );
    await expect(issuer.mint({ email: 'alice@leeds.gov.uk', ttlSeconds: 1.5, lookupMember })).rejects.toThrow(
      /not 1.5/,
    );
  });

  test('an expired token is refused with its expiry time', async () => {
    const minted = new Date('2026-03-02T10:00:00Z');
    const issuer = await loadOrCreateDevIssuer(dataDir, { clock: { now: () => minted } });
    const token = await issuer.mint({ email: 'alice@leeds.gov.uk', ttlSeconds: 600, lookupMember });
    const later = createDevAuthenticator({
      issuer,
      lookupMember,
      clock: { now: () => new Date('2026-03-02T10:11:00Z') },
    });
    const error = await rejection(later.authenticate(token));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('The token expired at 2026-03-02T10:10:00.000Z; sign in again.');
  });

  test('a token accepted before is refused once it expires, and a changed signature is never taken for it', async () => {
    const minted = new Date('2026-03-02T10:00:00Z');
    let now = minted;
    const issuer = await loadOrCreateDevIssuer(dataDir, { clock: { now: () => minted } });
    const token = await issuer.mint({ email: 'alice@leeds.gov.uk', ttlSeconds: 600, lookupMember });
    const auth = createDevAuthenticator({ issuer, lookupMember, clock: { now: () => now } });
    await expect(auth.authenticate(token)).resolves.toMatchObject({ email: 'alice@leeds.gov.uk' });
    await expect(auth.authenticate(token)).resolves.toMatchObject({ email: 'alice@leeds.gov.uk' });

    const [head, body, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const forged = await rejection(auth.authenticate(`${head}.${body}.${flipped}`));
    expect((forged as AuthError).status).toBe(401);

    now = new Date('2026-03-02T10:11:00Z');
    const expired = await rejection(auth.authenticate(token));
    expect(expired.message).toBe('The token expired at 2026-03-02T10:10:00.000Z; sign in again.');
  });

  test('a token of another data folder’s issuer is refused as a bad signature', async () => {
    const ours = await loadOrCreateDevIssuer(join(dataDir, 'ours'));
    const theirs = await loadOrCreateDevIssuer(join(dataDir, 'theirs'));
    const token = await theirs.mint({ email: 'priya@oda.example.org', lookupMember });
    const error = await rejection(createDevAuthenticator({ issuer: ours, lookupMember }).authenticate(token));
    expect((error as AuthError).status).toBe(401);
    expect(error.message).toMatch(/bad signature/);
  });

  test('an Entra token is not accepted by the development issuer', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const entraToken = await signEntra(await makeTenantKey('k'), entraClaims('alice@leeds.gov.uk'));
    const error = await rejection(createDevAuthenticator({ issuer, lookupMember }).authenticate(entraToken));
    expect(error.message).toBe('The token is signed with "RS256"; only ES256 is accepted.');
  });

  test('a member removed from the catalogue after minting is 403', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const token = await issuer.mint({ email: 'alice@leeds.gov.uk', lookupMember });
    members.delete('alice@leeds.gov.uk');
    const error = await rejection(createDevAuthenticator({ issuer, lookupMember }).authenticate(token));
    expect(error).toEqual(new AuthError('alice@leeds.gov.uk is not a member of the partnership.', 403));
    expect((error as AuthError).status).toBe(403);
  });

  test('an unreadable key file is reported by name and left alone', async () => {
    const file = join(dataDir, DEV_PRIVATE_KEY_FILE);
    await writeFile(file, '{"kty":"RSA"}');
    await expect(loadOrCreateDevIssuer(dataDir)).rejects.toThrow(
      `${file} is not an ES256 (P-256) private key in JWK form. Delete it to create a new development key pair (tokens minted with the old key stop working).`,
    );
    expect(await readFile(file, 'utf8')).toBe('{"kty":"RSA"}');
  });
});

describe('development issuer in production', () => {
  test('loading the issuer is refused and creates no key files', async () => {
    const error = await withNodeEnv('production', () => rejection(loadOrCreateDevIssuer(dataDir)));
    expect(error.message).toBe('The development issuer is disabled in production; set AUTH_MODE=entra');
    expect(await readdir(dataDir)).toEqual([]);
  });

  test('the authenticator and minting are refused too', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    withNodeEnv('production', () => {
      expect(() => createDevAuthenticator({ issuer, lookupMember })).toThrow(DEV_PRODUCTION_REFUSAL);
    });
    const error = await withNodeEnv('production', () =>
      rejection(issuer.mint({ email: 'alice@leeds.gov.uk', lookupMember })),
    );
    expect(error.message).toBe(DEV_PRODUCTION_REFUSAL);
  });

  test('createAuthenticator in dev mode is refused in production', async () => {
    const error = await withNodeEnv('production', () =>
      rejection(createAuthenticator({ mode: 'dev', dataDir }, { lookupMember })),
    );
    expect(error.message).toBe(DEV_PRODUCTION_REFUSAL);
  });
});

describe('createAuthenticator', () => {
  test('dev mode authenticates tokens of the issuer kept in the data folder', async () => {
    const auth = await createAuthenticator({ mode: 'dev', dataDir }, { lookupMember });
    expect(auth.mode).toBe('dev');
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const token = await issuer.mint({ email: 'priya@oda.example.org', lookupMember });
    await expect(auth.authenticate(token)).resolves.toMatchObject({ email: 'priya@oda.example.org', role: 'pmg' });
  });

  test('entra mode validates Entra tokens and refuses development ones', async () => {
    const auth = await createAuthenticator(
      {
        mode: 'entra',
        tenantIds: ['6f1c2a3b-4d5e-4f60-8a1b-2c3d4e5f6a7b'],
        audiences: ['api://oda-register.example.org'],
      },
      { lookupMember },
    );
    expect(auth.mode).toBe('entra');
    const devToken = await (
      await loadOrCreateDevIssuer(dataDir)
    ).mint({ email: 'priya@oda.example.org', lookupMember });
    const error = await rejection(auth.authenticate(devToken));
    expect(error.message).toMatch(/names no tenant \(tid\)/);
  });
});
