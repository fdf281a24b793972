/**
 * The task pane: sign in, then the views the user's role needs: their workbook and sign-off for a line
 * manager; the PMG's consolidation and register view for the PMG (who can sign off for partners too); the
 * registers and sign-offs for a viewer. The views other than the workbook load on first use.
 */
import { Button, FluentProvider, Spinner, Tab, TabList, Text, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { WorkbookGateway } from '../gateway.js';
import type { Session } from './auth/session.js';
import { SignIn } from './SignIn.js';
import { WorkbookPanel } from './WorkbookPanel.js';

const SignOffPanel = lazy(() =>
  import(/* webpackChunkName: "signoff" */ './SignOffPanel.js').then((m) => ({ default: m.SignOffPanel })),
);
const PmgPanel = lazy(() =>
  import(/* webpackChunkName: "pmg" */ './PmgPanel.js').then((m) => ({ default: m.PmgPanel })),
);

type View = 'workbook' | 'signoff' | 'pmg';

export function App({ gateway }: { gateway: WorkbookGateway }) {
  const [session, setSession] = useState<Session | null>(null);
  const [expired, setExpired] = useState(false);
  const [view, setView] = useState<View>('workbook');

  const signedOut = () => {
    setSession(null);
    setExpired(true);
  };

  const role = session?.me.role;
  const views: { id: View; label: string }[] = [];
  if (role === 'line-manager') views.push({ id: 'workbook', label: 'Workbook' });
  if (role) views.push({ id: 'signoff', label: 'Sign off' });
  if (role === 'pmg') views.push({ id: 'pmg', label: 'PMG' });
  const current = views.some((v) => v.id === view) ? view : (views[0]?.id ?? 'workbook');

  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <main
        style={{
          padding: 12,
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr)',
          gap: 12,
          maxWidth: 720,
          boxSizing: 'border-box',
        }}
      >
        <header
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline', justifyContent: 'space-between' }}
        >
          <Text as="h1" size={500} weight="semibold" style={{ margin: 0 }}>
            ODA register
          </Text>
          {session ? (
            <span style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
              <Text size={200} data-testid="who">
                {session.me.email}
                {session.me.organisation
                  ? `, ${String(session.me.organisation.name)}`
                  : session.me.role === 'pmg'
                    ? ', PMG'
                    : ''}
              </Text>
              <Button size="small" appearance="subtle" onClick={() => setSession(null)}>
                Sign out
              </Button>
            </span>
          ) : null}
        </header>
        {!session ? (
          <SignIn
            expired={expired}
            onSignedIn={(s) => {
              setExpired(false);
              setSession(s);
            }}
          />
        ) : (
          <>
            <TabList selectedValue={current} onTabSelect={(_, d) => setView(d.value as View)} size="small">
              {views.map((v) => (
                <Tab key={v.id} value={v.id}>
                  {v.label}
                </Tab>
              ))}
            </TabList>
            <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
              {/* Kept while another view shows, so its issue list and conflict stay as they were. */}
              {role === 'line-manager' ? (
                <div hidden={current !== 'workbook'}>
                  <WorkbookPanel session={session} gateway={gateway} onSignedOut={signedOut} />
                </div>
              ) : null}
              {current === 'signoff' ? <SignOffPanel session={session} onSignedOut={signedOut} /> : null}
              {current === 'pmg' ? <PmgPanel session={session} gateway={gateway} onSignedOut={signedOut} /> : null}
            </Suspense>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
