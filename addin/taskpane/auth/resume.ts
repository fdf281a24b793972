/**
 * Signing in again, silently, when Excel reloads the pane (Excel on the web reloads add-ins left idle). Who
 * was signed in and how is kept in the pane's sessionStorage (this browsing context only, gone with the tab;
 * never the workbook, and never a token): development sign-in asks the service's development issuer again for
 * that member; Entra asks MSAL's cache silently. When that cannot be done without the user, the sign-in screen
 * says the pane was reloaded.
 */
import { createPublicApi } from '../../api/client.js';
import { devTokens } from './devTokens.js';
import { openSession, type Session, type SignInMode } from './session.js';

const KEY = 'odaRegister.signedIn';

interface SignedIn {
  mode: SignInMode;
  email: string;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Notes who signed in and how (no token), for a silent sign-in after a reload. */
export function rememberSignIn(session: Session): void {
  storage()?.setItem(KEY, JSON.stringify({ mode: session.mode, email: session.me.email } satisfies SignedIn));
}

/** Forgets it (signing out, or a sign-in that expired). */
export function forgetSignIn(): void {
  storage()?.removeItem(KEY);
}

function remembered(): SignedIn | null {
  try {
    const value = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Partial<SignedIn> | null;
    return value && (value.mode === 'dev' || value.mode === 'entra') && typeof value.email === 'string'
      ? { mode: value.mode, email: value.email }
      : null;
  } catch {
    return null;
  }
}

/**
 * After a reload: the session signed in again without the user, `reloaded` when someone was signed in here but
 * that could not be done silently, or neither when nobody was (a pane opened afresh).
 */
export async function resumeSession(): Promise<{ session: Session | null; reloaded: boolean }> {
  const was = remembered();
  if (!was) return { session: null, reloaded: false };
  try {
    const publicApi = createPublicApi();
    const config = await publicApi.signInConfig();
    if (config.mode === 'dev' && was.mode === 'dev') {
      return { session: await openSession(devTokens(publicApi, was.email), 'dev'), reloaded: true };
    }
    if (config.entra && was.mode === 'entra') {
      const { entraTokens } = await import(/* webpackChunkName: "entra" */ './entraTokens.js');
      const tokens = await entraTokens(config.entra);
      // Silently only: a popup or dialog the user did not ask for is not opened on a reload.
      if ((await tokens.renew()) !== null) return { session: await openSession(tokens, 'entra'), reloaded: true };
    }
  } catch {
    // The service is away or the sign-in was refused: the user signs in, told why.
  }
  forgetSignIn();
  return { session: null, reloaded: true };
}
