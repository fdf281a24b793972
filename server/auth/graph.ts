/**
 * Microsoft Graph, read on behalf of the signed-in user: msal-node exchanges the user's access token for a
 * Graph token (OAuth 2.0 on-behalf-of), then the service reads the user's profile and group memberships.
 * The API's app registration needs the delegated Graph permissions User.Read and GroupMember.Read.All,
 * with admin consent.
 */
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';

/**
 * The delegated Graph permissions asked for. Named, not `https://graph.microsoft.com/.default`: Entra answers a
 * `.default` request with the granted scopes only, so msal-node's cache (which matches on the requested scopes)
 * would never find the token again and every request would repeat the exchange.
 */
export const GRAPH_SCOPES = [
  'https://graph.microsoft.com/User.Read',
  'https://graph.microsoft.com/GroupMember.Read.All',
];
export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
/** Pages of group memberships followed at most (999 groups a page). */
const MAX_GRAPH_PAGES = 20;

export interface GraphProfile {
  id: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string | null;
}

export interface GraphUser {
  profile: GraphProfile;
  /** Ids of every group the user belongs to, directly or through nested groups. */
  groupIds: string[];
}

export interface GraphDirectory {
  /** The tenant whose users this directory can look up. */
  readonly tenantId: string;
  /** Reads the profile and group memberships of the user whose access token (to this API) is given. */
  lookupUser(userAccessToken: string): Promise<GraphUser>;
}

/** Graph or the token exchange failed; the message says which and why, without internal detail. */
export class GraphDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphDirectoryError';
  }
}

export interface GraphDirectoryOptions {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  /** Default https://login.microsoftonline.com (another host for national clouds). */
  authorityHost?: string;
  /** The tenant's OpenID configuration as JSON text, so msal skips fetching it. */
  authorityMetadata?: string;
  /** Instance discovery metadata as JSON text, so msal skips fetching it. */
  cloudDiscoveryMetadata?: string;
  /** msal's HTTP client (tests answer the token endpoint here). */
  networkClient?: INetworkModule;
  /** The fetch used for Graph calls. */
  fetchImpl?: typeof fetch;
  /** Default https://graph.microsoft.com/v1.0. */
  graphBaseUrl?: string;
}

function describeMsalFailure(err: unknown): string {
  const code =
    typeof err === 'object' && err !== null && 'errorCode' in err
      ? String((err as { errorCode: unknown }).errorCode)
      : '';
  const text = err instanceof Error ? err.message : '';
  const aadsts = /AADSTS\d+/.exec(text)?.[0];
  const detail = [code, aadsts].filter(Boolean).join(', ') || 'unknown error';
  const consent =
    aadsts === 'AADSTS65001' || code === 'consent_required'
      ? ': an administrator must grant the API consent to Microsoft Graph (User.Read, GroupMember.Read.All)'
      : '';
  return `The on-behalf-of token exchange for Microsoft Graph failed (${detail})${consent}.`;
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function createGraphDirectory(options: GraphDirectoryOptions): GraphDirectory {
  const authorityHost = (options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '');
  const graphBaseUrl = (options.graphBaseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
  const graphOrigin = new URL(graphBaseUrl).origin;
  const fetchImpl = options.fetchImpl ?? fetch;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: `${authorityHost}/${options.tenantId}`,
      ...(options.authorityMetadata === undefined ? {} : { authorityMetadata: options.authorityMetadata }),
      ...(options.cloudDiscoveryMetadata === undefined
        ? {}
        : { cloudDiscoveryMetadata: options.cloudDiscoveryMetadata }),
    },
    ...(options.networkClient === undefined ? {} : { system: { networkClient: options.networkClient } }),
  });

  /** A Graph token for the user; msal caches it per user assertion until it nears expiry. */
  async function graphToken(userAccessToken: string): Promise<string> {
    let accessToken: string | undefined;
    try {
      const result = await app.acquireTokenOnBehalfOf({ oboAssertion: userAccessToken, scopes: GRAPH_SCOPES });
      accessToken = result?.accessToken;
    } catch (err) {
      throw new GraphDirectoryError(describeMsalFailure(err));
    }
    if (!accessToken) throw new GraphDirectoryError('The on-behalf-of token exchange returned no Graph token.');
    return accessToken;
  }

  async function getJson(url: string, token: string, what: string): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    } catch {
      throw new GraphDirectoryError(`Microsoft Graph could not be reached to read ${what}.`);
    }
    if (!response.ok) {
      throw new GraphDirectoryError(`Microsoft Graph answered ${response.status} when asked for ${what}.`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new GraphDirectoryError(`Microsoft Graph sent something other than a JSON object for ${what}.`);
    }
    return body as Record<string, unknown>;
  }

  async function readGroups(token: string): Promise<string[]> {
    const groups = new Set<string>();
    let url: string | null = `${graphBaseUrl}/me/transitiveMemberOf?$select=id&$top=999`;
    for (let page = 0; url !== null; page += 1) {
      if (page >= MAX_GRAPH_PAGES) {
        throw new GraphDirectoryError(
          `The user belongs to more groups than ${MAX_GRAPH_PAGES} pages of Graph results.`,
        );
      }
      const body = await getJson(url, token, "the user's group memberships");
      const value = body.value;
      if (!Array.isArray(value)) {
        throw new GraphDirectoryError('Microsoft Graph sent group memberships without a "value" list.');
      }
      for (const entry of value as unknown[]) {
        if (typeof entry !== 'object' || entry === null) continue;
        const item = entry as Record<string, unknown>;
        // Directory roles and administrative units are memberships too; only groups map to organisations.
        const type = item['@odata.type'];
        const id = asString(item.id);
        if (id !== null && (type === undefined || type === '#microsoft.graph.group')) groups.add(id);
      }
      const next = asString(body['@odata.nextLink']);
      // Never send the Graph token anywhere but Graph.
      url = next !== null && new URL(next).origin === graphOrigin ? next : null;
    }
    return [...groups].sort();
  }

  return {
    tenantId: options.tenantId,
    async lookupUser(userAccessToken: string): Promise<GraphUser> {
      const token = await graphToken(userAccessToken);
      const me = await getJson(
        `${graphBaseUrl}/me?$select=id,displayName,mail,userPrincipalName`,
        token,
        "the user's profile",
      );
      const id = asString(me.id);
      if (id === null) throw new GraphDirectoryError('Microsoft Graph sent a profile without an id.');
      const profile: GraphProfile = {
        id,
        displayName: asString(me.displayName),
        mail: asString(me.mail),
        userPrincipalName: asString(me.userPrincipalName),
      };
      return { profile, groupIds: await readGroups(token) };
    },
  };
}
