/**
 * The local development issuer (AUTH_MODE=dev): an ES256 key pair kept as JWK files in the data folder, a
 * `mint` that signs tokens for members of the catalogue (used by `oda-register token --email E`), and an
 * Authenticator that accepts those tokens. Everything here refuses to run when NODE_ENV=production.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { systemClock, type Clock } from '../clock.js';
import { DomainError } from '../errors/domainError.js';
import { toAuthError } from './tokenErrors.js';
import { AuthError, type AuthenticateOptions, type Authenticator, type MemberLookup, type Principal } from './types.js';
import { verifiedTokens } from './verifiedTokens.js';

export const DEV_ISSUER = 'oda-register-dev';
export const DEV_AUDIENCE = 'oda-register';
export const DEV_ALGORITHM = 'ES256';
/** The private key (which holds the public key too); the public file is a copy for people and other tools. */
export const DEV_PRIVATE_KEY_FILE = 'dev-issuer.private.jwk.json';
export const DEV_PUBLIC_KEY_FILE = 'dev-issuer.public.jwk.json';
export const DEV_PRODUCTION_REFUSAL = 'The development issuer is disabled in production; set AUTH_MODE=entra';
/** Eight hours: a working day. */
export const DEV_DEFAULT_TTL_SECONDS = 8 * 60 * 60;
export const DEV_MAX_TTL_SECONDS = 30 * 24 * 60 * 60;
const DEV_CLOCK_TOLERANCE_SECONDS = 5;

/** A refusal the CLI shows as it is (bad email, not a member, production, unreadable key file). */
export class DevIssuerError extends DomainError {
  readonly kind = 'dev-issuer-refused';

  constructor(message: string) {
    super(message);
    this.name = 'DevIssuerError';
  }
}

export interface MintOptions {
  email: string;
  name?: string;
  /** Lifetime of the token; default DEV_DEFAULT_TTL_SECONDS, at most DEV_MAX_TTL_SECONDS. */
  ttlSeconds?: number;
  /** The catalogue's members: a token is minted only for one of them. */
  lookupMember: MemberLookup;
}

export interface DevIssuer {
  readonly issuer: typeof DEV_ISSUER;
  readonly audience: typeof DEV_AUDIENCE;
  /** The key id: the RFC 7638 thumbprint of the public key. */
  readonly kid: string;
  readonly publicJwk: JWK;
  /** Where the private key lives. */
  readonly privateKeyFile: string;
  /** Verifies the issuer's signatures. */
  readonly verificationKey: CryptoKey;
  mint(options: MintOptions): Promise<string>;
}

export interface DevIssuerOptions {
  clock?: Clock;
}

function refuseInProduction(): void {
  // Any spelling of production counts (the service's config reads NODE_ENV case-insensitively too).
  if (process.env.NODE_ENV?.trim().toLowerCase() === 'production') throw new DevIssuerError(DEV_PRODUCTION_REFUSAL);
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/**
 * Writes `text` to `file` with mode 0600 only if the file does not exist yet, atomically (a temporary file
 * linked into place), so two processes starting together never see a half-written key. Returns false when the
 * file already existed.
 */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
  try {
    await chmod(tmp, 0o600);
    await link(tmp, file);
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

function isPrivateEcJwk(value: unknown): value is JWK & { kty: 'EC'; crv: 'P-256'; d: string; x: string; y: string } {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    typeof jwk.d === 'string' &&
    typeof jwk.x === 'string' &&
    typeof jwk.y === 'string'
  );
}

function publicPart(jwk: JWK): JWK {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

async function readPrivateJwk(file: string): Promise<JWK | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw new DevIssuerError(`Cannot read the development issuer key ${file}: ${errorCode(err) ?? 'unknown error'}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isPrivateEcJwk(parsed)) {
    throw new DevIssuerError(
      `${file} is not an ES256 (P-256) private key in JWK form. Delete it to create a new development key pair (tokens minted with the old key stop working).`,
    );
  }
  return parsed;
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d };
}

function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw new DevIssuerError(`"${email}" is not an email address.`);
  }
  return value;
}

function checkTtl(ttlSeconds: number): number {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > DEV_MAX_TTL_SECONDS) {
    throw new DevIssuerError(
      `The token lifetime must be a whole number of seconds from 1 to ${DEV_MAX_TTL_SECONDS} (30 days), not ${ttlSeconds}.`,
    );
  }
  return ttlSeconds;
}

/**
 * Loads the development key pair from `dataDir`, creating the folder and the pair (files with mode 0600) on
 * first use. Throws DevIssuerError when NODE_ENV=production or the key file is unreadable.
 */
export async function loadOrCreateDevIssuer(dataDir: string, options: DevIssuerOptions = {}): Promise<DevIssuer> {
  refuseInProduction();
  const clock = options.clock ?? systemClock;
  const privateKeyFile = join(dataDir, DEV_PRIVATE_KEY_FILE);
  const publicKeyFile = join(dataDir, DEV_PUBLIC_KEY_FILE);

  let privateJwk = await readPrivateJwk(privateKeyFile);
  if (privateJwk === null) {
    await mkdir(dataDir, { recursive: true });
    const created = await newPrivateJwk();
    // Another process may have won the race; its key is the one to use.
    privateJwk = (await createExclusive(privateKeyFile, `${JSON.stringify(created, null, 2)}\n`))
      ? created
      : await readPrivateJwk(privateKeyFile);
    if (privateJwk === null) throw new DevIssuerError(`The development issuer key ${privateKeyFile} vanished.`);
  }

  const publicJwk = publicPart(privateJwk);
  const kid = await calculateJwkThumbprint(publicJwk);
  const signingKey = await importJWK(privateJwk, DEV_ALGORITHM);
  const verificationKey = (await importJWK(publicJwk, DEV_ALGORITHM)) as CryptoKey;
  await createExclusive(
    publicKeyFile,
    `${JSON.stringify({ ...publicJwk, kid, alg: DEV_ALGORITHM, use: 'sig' }, null, 2)}\n`,
  );

  return {
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    kid,
    publicJwk,
    privateKeyFile,
    verificationKey,
    async mint({ email, name, ttlSeconds = DEV_DEFAULT_TTL_SECONDS, lookupMember }: MintOptions): Promise<string> {
      refuseInProduction();
      const address = normaliseEmail(email);
      const lifetime = checkTtl(ttlSeconds);
      const member = await lookupMember(address);
      if (member === null) {
        throw new DevIssuerError(
          `${address} is not a member of the partnership catalogue; add them to the catalogue's members first.`,
        );
      }
      const now = Math.floor(clock.now().getTime() / 1000);
      const claims: Record<string, string> = { email: address };
      const displayName = name?.trim();
      if (displayName) claims.name = displayName;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: DEV_ALGORITHM, kid, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(address)
        .setIssuedAt(now)
        .setExpirationTime(now + lifetime)
        .sign(signingKey);
    },
  };
}

export interface DevAuthenticatorOptions {
  issuer: DevIssuer;
  lookupMember: MemberLookup;
  clock?: Clock;
}

/** Accepts tokens of the development issuer and maps them to members of the catalogue. */
export function createDevAuthenticator({
  issuer,
  lookupMember,
  clock = systemClock,
}: DevAuthenticatorOptions): Authenticator {
  refuseInProduction();
  const expected = { issuer: DEV_ISSUER, audiences: [DEV_AUDIENCE], algorithm: DEV_ALGORITHM };
  const verified = verifiedTokens({ toleranceSeconds: DEV_CLOCK_TOLERANCE_SECONDS });
  return {
    mode: 'dev',
    async authenticate(token: string, options?: AuthenticateOptions): Promise<Principal> {
      if (typeof token !== 'string' || token.trim() === '') throw new AuthError('No bearer token was given.');
      const now = clock.now();
      let payload = verified.get(token, now);
      if (payload === undefined) {
        try {
          ({ payload } = await jwtVerify(token, issuer.verificationKey, {
            issuer: DEV_ISSUER,
            audience: DEV_AUDIENCE,
            algorithms: [DEV_ALGORITHM],
            currentDate: now,
            clockTolerance: DEV_CLOCK_TOLERANCE_SECONDS,
            requiredClaims: ['exp'],
          }));
        } catch (err) {
          throw toAuthError(err, token, expected);
        }
        verified.set(token, payload);
      }
      const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : '';
      if (email === '') throw new AuthError('The token names no user (email claim).');
      const member = await (options?.lookupMember ?? lookupMember)(email);
      if (member === null) throw new AuthError(`${email} is not a member of the partnership.`, 403);
      return {
        email,
        name: typeof payload.name === 'string' ? payload.name : null,
        subject: payload.sub ?? email,
        role: member.role,
        organisationId: member.organisationId,
        tokenKind: 'dev',
      };
    },
  };
}
