/**
 * Picks the authentication mode from a small typed config (the API builds it from the environment):
 * `dev` (the default for `npm start`: local issuer, keys in the data folder) or `entra` (Microsoft Entra ID).
 */
import type { Clock } from '../clock.js';
import { createDevAuthenticator, loadOrCreateDevIssuer } from './devIssuer.js';
import type { GroupMap } from './groupMap.js';
import type { Authenticator, MemberLookup } from './types.js';

export interface DevAuthConfig {
  mode: 'dev';
  /** The data folder holding the development key pair. */
  dataDir: string;
}

export interface EntraGraphConfig {
  /** The API's own app registration (the confidential client doing the on-behalf-of exchange). */
  clientId: string;
  clientSecret: string;
  /** The tenant whose users are looked up in Graph. */
  tenantId: string;
  groupMap: GroupMap;
}

export interface EntraAuthConfig {
  mode: 'entra';
  tenantIds: string[];
  audiences: string[];
  requiredScope?: string;
  clockToleranceSeconds?: number;
  /** Set to map users missing from the catalogue's members through their Entra groups. */
  graph?: EntraGraphConfig;
}

export type AuthConfig = DevAuthConfig | EntraAuthConfig;

export interface AuthDependencies {
  lookupMember: MemberLookup;
  clock?: Clock;
}

export async function createAuthenticator(config: AuthConfig, deps: AuthDependencies): Promise<Authenticator> {
  const clock = deps.clock === undefined ? {} : { clock: deps.clock };
  if (config.mode === 'dev') {
    const issuer = await loadOrCreateDevIssuer(config.dataDir, clock);
    return createDevAuthenticator({ issuer, lookupMember: deps.lookupMember, ...clock });
  }
  // Entra's verifier and Graph client (MSAL) load only in this mode: development sign-in starts without them.
  const { createEntraAuthenticator } = await import('./entra.js');
  const { createGraphDirectory } = await import('./graph.js');
  const { graph, mode: _mode, ...entra } = config;
  return createEntraAuthenticator({
    ...entra,
    lookupMember: deps.lookupMember,
    ...clock,
    ...(graph === undefined
      ? {}
      : {
          groupMap: graph.groupMap,
          graph: createGraphDirectory({
            clientId: graph.clientId,
            clientSecret: graph.clientSecret,
            tenantId: graph.tenantId,
          }),
        }),
  });
}
