/**
 * The register page: a banner (partnership, who is signed in, Sign out), then the pane's sign-in (dev members
 * or Entra, in the register page's wording) until a session exists, then the register versions. An expired
 * sign-in returns here with a notice.
 */
import { Button, FluentProvider, makeStyles, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { SignIn } from '../taskpane/SignIn.js';
import type { Session } from '../taskpane/auth/session.js';
import { Registers } from './Registers.js';
import { useSpacing } from './spacing.js';

const ROLE_NAMES = { 'line-manager': 'line manager', pmg: 'PMG', viewer: 'viewer' } as const;

const useStyles = makeStyles({
  /** The page's own background (register.html) shows through. */
  provider: { background: 'transparent', minHeight: '100vh' },
  signIn: { maxWidth: '520px' },
});

export function RegisterApp() {
  const styles = useStyles();
  const space = useSpacing();
  const [session, setSession] = useState<Session | null>(null);
  const [expired, setExpired] = useState(false);

  // The one handler for an expired sign-in: the API client calls it once when a 401 persists after the silent
  // renewal, so no section checks for it.
  useEffect(() => session?.api.onSignedOut(() => signOut(true)), [session]);

  function signOut(becauseExpired = false) {
    session?.api.reset();
    setSession(null);
    setExpired(becauseExpired);
  }

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <a className="skip" href="#content">
        Skip to the register
      </a>
      <header className="banner">
        <div>
          <h1>ODA register</h1>
          {session ? <div className="partnership">{session.catalogue.partnership.name}</div> : null}
        </div>
        {session ? (
          <div className="who" data-testid="who">
            <span>
              Signed in as {session.me.name ?? session.me.email} ({ROLE_NAMES[session.me.role]}
              {session.me.organisation ? `, ${session.me.organisation.name}` : ''})
            </span>
            <Button appearance="outline" size="small" onClick={() => signOut()}>
              Sign out
            </Button>
          </div>
        ) : null}
      </header>
      <main id="content" tabIndex={-1}>
        {session ? (
          <Registers session={session} />
        ) : (
          <div className={`card ${styles.signIn}`}>
            <p className={space.lead}>
              Sign in to see the partnership&apos;s register versions, who has confirmed them, and the MoU appendices.
            </p>
            <SignIn
              place="register-page"
              expired={expired}
              onSignedIn={(s) => {
                setExpired(false);
                setSession(s);
              }}
            />
          </div>
        )}
      </main>
      <footer className="footer">
        <a href="/accessibility.html">Accessibility statement</a>
      </footer>
    </FluentProvider>
  );
}
