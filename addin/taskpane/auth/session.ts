/** A signed-in pane: the API client with its tokens, who the user is, and the partnership catalogue. */
import { createApi, type Api, type Me, type TokenSource } from '../../api/client.js';
import type { Catalogue } from '../../../shared/types.js';

/** How the user signed in: the service's development issuer, or Microsoft Entra ID. */
export type SignInMode = 'dev' | 'entra';

export interface Session {
  api: Api;
  me: Me;
  catalogue: Catalogue;
  mode: SignInMode;
}

export async function openSession(tokens: TokenSource, mode: SignInMode, baseUrl = ''): Promise<Session> {
  const api = createApi({ baseUrl, tokens });
  const me = await api.me();
  const { catalogue } = await api.catalogue();
  return { api, me, catalogue, mode };
}
