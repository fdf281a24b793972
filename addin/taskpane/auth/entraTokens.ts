/**
 * Microsoft Entra ID sign-in, loaded only when the service runs with AUTH_MODE=entra (a dynamic import, so
 * development and the harness never download MSAL). Nested app authentication
 * (`createNestablePublicClientApplication`) where Office supports NestedAppAuth 1.1; otherwise the Office
 * dialog API opens the sign-in in a dialog (Excel on the web supports NAA only for files on OneDrive or
 * SharePoint). Silent renewal first; a popup or dialog only when the user must act.
 */
import type { TokenSource } from '../../api/client.js';
import { inOffice, nestedAuthSupported, sendToPane, signInInDialog } from '../../excel/signInDialog.js';

export interface EntraSettings {
  clientId: string;
  authority: string;
  scopes: string[];
}

export async function entraTokens(settings: EntraSettings): Promise<TokenSource> {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const config = {
    auth: { clientId: settings.clientId, authority: settings.authority },
    cache: { cacheLocation: 'localStorage' as const },
  };
  const nested = nestedAuthSupported();
  const app = nested
    ? await msal.createNestablePublicClientApplication(config)
    : await msal.createStandardPublicClientApplication({
        ...config,
        auth: { ...config.auth, redirectUri: `${window.location.origin}/taskpane.html` },
      });
  const request = { scopes: settings.scopes };

  async function interactive(): Promise<string> {
    // Outside Office (the register page in a browser) a popup; inside Office without NAA, the Office dialog.
    if (nested || !inOffice()) return (await app.acquireTokenPopup(request)).accessToken;
    return dialogSignIn();
  }
  async function silent(): Promise<string | null> {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    try {
      const result = await app.acquireTokenSilent(account ? { ...request, account } : request);
      if (result.account) app.setActiveAccount(result.account);
      return result.accessToken;
    } catch (err) {
      if (err instanceof msal.InteractionRequiredAuthError) return null;
      throw err;
    }
  }
  return {
    token: async () => (await silent()) ?? interactive(),
    renew: () => silent(),
  };
}

/** Marks the dialog's window across MSAL's redirect (the redirect URI itself cannot carry a query). */
const DIALOG_FLAG = 'oda-register-signin-dialog';

/** Whether this page is the sign-in dialog (opened as taskpane.html?signin=dialog, or back from Entra). */
export function isSignInDialog(): boolean {
  if (new URLSearchParams(window.location.search).get('signin') === 'dialog') {
    sessionStorage.setItem(DIALOG_FLAG, '1');
    return true;
  }
  return sessionStorage.getItem(DIALOG_FLAG) === '1';
}

/**
 * The fallback where NAA is not available: taskpane.html?signin=dialog opened in an Office dialog runs MSAL's
 * redirect flow there and sends the token back with messageParent.
 */
function dialogSignIn(): Promise<string> {
  return signInInDialog(`${window.location.origin}/taskpane.html?signin=dialog`);
}

/** Runs inside the sign-in dialog: MSAL's redirect flow, then the token to the pane. */
export async function runSignInDialog(settings: EntraSettings): Promise<void> {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const app = await msal.createStandardPublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri: `${window.location.origin}/taskpane.html`,
    },
  });
  try {
    const result = await app.handleRedirectPromise();
    if (result) {
      sessionStorage.removeItem(DIALOG_FLAG);
      sendToPane(`token:${result.accessToken}`);
      return;
    }
    await app.loginRedirect({ scopes: settings.scopes });
  } catch (err) {
    sessionStorage.removeItem(DIALOG_FLAG);
    sendToPane(`error:${err instanceof Error ? err.message : String(err)}`);
  }
}
