/** Development sign-in: a token from the service's development issuer for a chosen catalogue member. */
import type { PublicApi, TokenSource } from '../../api/client.js';

export function devTokens(publicApi: PublicApi, email: string): TokenSource {
  let current: Promise<string> | null = null;
  const fetchToken = () => publicApi.devToken(email).then((t) => t.token);
  return {
    token: () => (current ??= fetchToken()),
    renew: async () => {
      current = fetchToken();
      return current.catch(() => null);
    },
  };
}
