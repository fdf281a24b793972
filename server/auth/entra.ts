/**
 * AUTH_MODE=entra: validates Microsoft Entra ID v2 access tokens with jose against the tenant's published
 * keys (signature by RS256 only, issuer, audience, expiry and not-before with small skew, the required scope,
 * a tenant allow-list), then maps the user to a member of the catalogue, or through Microsoft Graph group
 * memberships and a groupMap when the user is not listed.
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { systemClock, type Clock } from '../clock.js';
import { DEFAULT_AUTHORITY_HOST, GraphDirectoryError, type GraphDirectory, type GraphUser } from './graph.js';
import { checkGroupMap, mapGroups, type GroupMap } from './groupMap.js';
import { IssuerKeysUnavailableError, toAuthError } from './tokenErrors.js';
import { AuthError, type AuthenticateOptions, type Authenticator, type MemberLookup, type Principal } from './types.js';

export const ENTRA_ALGORITHM = 'RS256';
export const DEFAULT_REQUIRED_SCOPE = 'access_as_user';
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;
/** How long a user's Graph group memberships are reused before Graph is asked again. */
export const DEFAULT_GROUP_CACHE_SECONDS = 300;
const GROUP_CACHE_MAX_USERS = 1000;
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EntraAuthenticatorOptions {
  /** Tenant ids (GUIDs) whose users may call the service. */
  tenantIds: string[];
  /** The API's app ID URI (api://...) and/or client id. */
  audiences: string[];
  requiredScope?: string;
  /** Verification keys for every tenant (tests); by default each tenant's published key set. */
  jwks?: JWTVerifyGetKey;
  lookupMember: MemberLookup;
  /** Consulted for users who are not in the catalogue's members, together with groupMap. */
  graph?: GraphDirectory;
  groupMap?: GroupMap;
  clock?: Clock;
  clockToleranceSeconds?: number;
  /** Default https://login.microsoftonline.com (another host for national clouds). */
  authorityHost?: string;
  groupCacheSeconds?: number;
}

function firstString(payload: JWTPayload, names: readonly string[]): string | null {
  for (const name of names) {
    const value = payload[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function checkOptions(options: EntraAuthenticatorOptions): void {
  if (options.tenantIds.length === 0) throw new Error('Entra authentication needs at least one allowed tenant id.');
  for (const tid of options.tenantIds) {
    if (!TENANT_ID.test(tid)) {
      throw new Error(`"${tid}" is not a tenant id: give the directory (tenant) id GUID, not a domain name.`);
    }
  }
  if (options.audiences.length === 0 || options.audiences.some((a) => a.trim() === '')) {
    throw new Error("Entra authentication needs the API's app ID URI or client id as its audience.");
  }
  if (options.graph && !options.groupMap) throw new Error('A Graph directory is configured without a groupMap.');
}

export function createEntraAuthenticator(options: EntraAuthenticatorOptions): Authenticator {
  checkOptions(options);
  const { requiredScope = DEFAULT_REQUIRED_SCOPE, lookupMember, graph, clock = systemClock } = options;
  const authorityHost = (options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '');
  const verifier: Verifier = {
    authorityHost,
    allowedTenants: new Set(options.tenantIds.map((t) => t.toLowerCase())),
    audiences: options.audiences,
    clock,
    clockToleranceSeconds: options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
    keysFor: options.jwks ? () => options.jwks! : tenantKeySets(authorityHost),
  };
  const groupMap = checkGroupMap(options.groupMap ?? {});
  const groups: GroupLookup | null = graph
    ? {
        graph,
        groupMap,
        userOf: cachedGraphUsers(graph, clock, options.groupCacheSeconds ?? DEFAULT_GROUP_CACHE_SECONDS),
      }
    : null;

  return {
    mode: 'entra',
    async authenticate(token: string, options?: AuthenticateOptions): Promise<Principal> {
      if (typeof token !== 'string' || token.trim() === '') throw new AuthError('No bearer token was given.');
      const { payload, tid } = await verifyToken(token, verifier);
      const principal = signedInUser(payload, requiredScope);
      const member = await (options?.lookupMember ?? lookupMember)(principal.email);
      if (member !== null) return { ...principal, role: member.role, organisationId: member.organisationId };
      return memberByGroups(token, tid, principal, groups);
    },
  };
}

/** What checking a token's signature and claims needs. */
interface Verifier {
  authorityHost: string;
  allowedTenants: ReadonlySet<string>;
  audiences: string[];
  clock: Clock;
  clockToleranceSeconds: number;
  keysFor: (tid: string) => JWTVerifyGetKey;
}

/** One remote key set per tenant, made on first use and reused (jose caches and refreshes the keys). */
function tenantKeySets(authorityHost: string): (tid: string) => JWTVerifyGetKey {
  const keySets = new Map<string, JWTVerifyGetKey>();
  return (tid) => {
    let keys = keySets.get(tid);
    if (!keys) {
      const remote = createRemoteJWKSet(new URL(`${authorityHost}/${tid}/discovery/v2.0/keys`));
      keys = async (header, token) => {
        try {
          return await remote(header, token);
        } catch (err) {
          if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw err;
          throw new IssuerKeysUnavailableError();
        }
      };
      keySets.set(tid, keys);
    }
    return keys;
  };
}

/** The token's claims once its tenant is allowed and its signature, issuer, audience and times check out. */
async function verifyToken(token: string, v: Verifier): Promise<{ payload: JWTPayload; tid: string }> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw new AuthError('The token is malformed: it is not a signed JSON Web Token.');
  }
  const claimedTid = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : null;
  if (claimedTid === null) {
    throw new AuthError('The token names no tenant (tid): it is not a Microsoft Entra ID access token.');
  }
  if (!v.allowedTenants.has(claimedTid))
    throw new AuthError(`Tenant ${claimedTid} is not allowed to use this service.`);
  const issuer = `${v.authorityHost}/${claimedTid}/v2.0`;
  try {
    const { payload } = await jwtVerify(token, v.keysFor(claimedTid), {
      issuer,
      audience: v.audiences,
      algorithms: [ENTRA_ALGORITHM],
      currentDate: v.clock.now(),
      clockTolerance: v.clockToleranceSeconds,
      requiredClaims: ['exp'],
    });
    return { payload, tid: claimedTid };
  } catch (err) {
    const failure = toAuthError(err, token, { issuer, audiences: v.audiences, algorithm: ENTRA_ALGORITHM });
    if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'iss' && unverified.ver === '1.0') {
      throw new AuthError(
        `${failure.message} This is a v1.0 token: set accessTokenAcceptedVersion to 2 in the API's app registration manifest.`,
      );
    }
    throw failure;
  }
}

type SignedInUser = Pick<Principal, 'email' | 'name' | 'subject'> & { tokenKind: 'entra' };

/** The user a verified token was issued to, once it carries the required scope (a user's, not an app's). */
function signedInUser(payload: JWTPayload, requiredScope: string): SignedInUser {
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(requiredScope)) {
    throw new AuthError(
      Array.isArray(payload.roles) && typeof payload.scp !== 'string'
        ? `The token is an application token without the "${requiredScope}" scope; a user must sign in.`
        : `The token lacks the "${requiredScope}" scope.`,
    );
  }
  // The user is named by preferred_username or upn only. The `email` claim is not verified by Entra: in a
  // multi-tenant app anyone can set their account's mail attribute to a partner's address and sign in as
  // that partner ("nOAuth"), so it never identifies a member here.
  const found = firstString(payload, ['preferred_username', 'upn']);
  if (found === null) {
    throw new AuthError('The token names no user (preferred_username or upn); an email claim is not trusted.');
  }
  const email = found.toLowerCase();
  const subject = firstString(payload, ['oid', 'sub']) ?? email;
  const name = firstString(payload, ['name']);
  return { email, name, subject, tokenKind: 'entra' as const };
}

/** Graph and the groupMap, for users the catalogue's members do not list. */
interface GroupLookup {
  graph: GraphDirectory;
  groupMap: GroupMap;
  userOf: (token: string, subject: string) => Promise<GraphUser>;
}

/** A user's Graph profile and groups, reused for `seconds` (at most GROUP_CACHE_MAX_USERS users, oldest out). */
function cachedGraphUsers(
  directory: GraphDirectory,
  clock: Clock,
  seconds: number,
): (token: string, subject: string) => Promise<GraphUser> {
  const groupCache = new Map<string, { until: number; user: GraphUser }>();
  return async (token, subject) => {
    const now = clock.now().getTime();
    const cached = groupCache.get(subject);
    if (cached && cached.until > now) return cached.user;
    const user = await directory.lookupUser(token);
    groupCache.delete(subject);
    if (groupCache.size >= GROUP_CACHE_MAX_USERS) {
      const oldest = groupCache.keys().next().value;
      if (oldest !== undefined) groupCache.delete(oldest);
    }
    groupCache.set(subject, { until: now + seconds * 1000, user });
    return user;
  };
}

/** A user the catalogue does not list, as the member their Graph groups make them in the Graph tenant. */
async function memberByGroups(
  token: string,
  tid: string,
  principal: SignedInUser,
  groups: GroupLookup | null,
): Promise<Principal> {
  const { email } = principal;
  const notMember = `${email} is not a member of the partnership.`;
  if (!groups || groups.graph.tenantId.toLowerCase() !== tid) throw new AuthError(notMember, 403);
  let user: GraphUser;
  try {
    user = await groups.userOf(token, `${tid}/${principal.subject}`);
  } catch (err) {
    const reason = err instanceof GraphDirectoryError ? ` ${err.message}` : '';
    throw new AuthError(`${notMember} Their group memberships could not be read from Microsoft Graph.${reason}`, 403);
  }
  const mapped = mapGroups(user.groupIds, groups.groupMap);
  if (mapped.kind === 'ambiguous') {
    throw new AuthError(
      `${email} belongs to groups of several organisations (${mapped.organisationIds.join(', ')}); the PMG must list them in the catalogue's members.`,
      403,
      'not-permitted',
    );
  }
  if (mapped.kind === 'none') throw new AuthError(`${notMember} None of their groups is mapped to a role.`, 403);
  return {
    ...principal,
    name: principal.name ?? user.profile.displayName,
    role: mapped.role,
    organisationId: mapped.organisationId,
  };
}
