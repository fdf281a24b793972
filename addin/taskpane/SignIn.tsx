/**
 * Sign in: with Microsoft (Entra ID, MSAL loaded only then) when the service runs with Entra, or, in
 * development, as one of the catalogue's members, with a token from the service's development issuer. Used by
 * the task pane and by the register page; `place` picks the fault wording (only the pane has a workbook).
 */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createPublicApi, type DevMember, type SignInConfig } from '../api/client.js';
import { devMemberGroups } from './model/devMembers.js';
import { openSession, type Session } from './auth/session.js';
import { devTokens } from './auth/devTokens.js';
import { faultMessageIn, signInExpiredIn, type FaultPlace } from '../faultMessages.js';
import { NoticeBar, type Notice } from './NoticeBar.js';
import { useLayoutStyles } from './layout.js';

export function SignIn({
  onSignedIn,
  expired,
  reloaded,
  place = 'pane',
}: {
  onSignedIn: (s: Session) => void;
  /** Shown after the sign-in expired: says so. */
  expired?: boolean;
  /** Shown when the pane was reloaded and could not sign in again by itself: says so. */
  reloaded?: boolean;
  place?: FaultPlace;
}) {
  const layout = useLayoutStyles();
  const [config, setConfig] = useState<SignInConfig | null>(null);
  const [members, setMembers] = useState<DevMember[]>([]);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(
    expired
      ? { intent: 'warning', ...signInExpiredIn(place) }
      : reloaded
        ? {
            intent: 'info',
            title: 'The pane was reloaded',
            body: 'Excel reloads an add-in left idle. Sign in again to carry on where you were: the tab, your Check and any merge you had open come back. Your workbook is unchanged.',
          }
        : null,
  );

  useEffect(() => {
    const api = createPublicApi();
    api
      .signInConfig()
      .then(async (c) => {
        setConfig(c);
        if (c.mode === 'dev') {
          setMembers(await api.devMembers());
        }
      })
      .catch((err: unknown) => setNotice({ intent: 'error', ...faultMessageIn(place, err, 'Signing in') }));
  }, []);

  async function signIn() {
    if (busy || !config) return;
    setBusy(true);
    setNotice(null);
    try {
      if (config.mode === 'dev') {
        onSignedIn(await openSession(devTokens(createPublicApi(), email), 'dev'));
      } else if (config.entra) {
        const { entraTokens } = await import(/* webpackChunkName: "entra" */ './auth/entraTokens.js');
        onSignedIn(await openSession(await entraTokens(config.entra), 'entra'));
      }
    } catch (err) {
      setNotice({ intent: 'error', ...faultMessageIn(place, err, 'Signing in') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="signin-title" className={layout.column}>
      <Text as="h2" id="signin-title" size={500} weight="semibold">
        Sign in
      </Text>
      <NoticeBar notice={notice} />
      {config?.mode === 'dev' ? (
        <>
          <Text size={200}>Development sign-in: choose a member of the partnership catalogue.</Text>
          <Field label="Sign in as">
            <Select
              root={{ className: layout.fit }}
              value={email}
              onChange={(_, d) => setEmail(d.value)}
              data-testid="dev-member"
            >
              {/* No default: signing in as whoever is first in the list would be a trap. */}
              <option value="" disabled>
                Choose a member
              </option>
              {devMemberGroups(members).map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
        </>
      ) : null}
      <Button appearance="primary" disabled={!config || busy || (config.mode === 'dev' && !email)} onClick={signIn}>
        {busy ? 'Signing in…' : config?.mode === 'entra' ? 'Sign in with Microsoft' : 'Sign in'}
      </Button>
    </section>
  );
}
