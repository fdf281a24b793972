/**
 * The task pane: sign in, then the views the user's role needs: their workbook and sign-off for a line
 * manager; the PMG's consolidation and register view for the PMG (who can sign off for partners too); the
 * registers and sign-offs for a viewer. The views other than the workbook load on first use.
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { PaneState, WorkbookGateway } from '../gateway.js';
import { forgetSignIn, rememberSignIn, resumeSession } from './auth/resume.js';
import type { Session } from './auth/session.js';
import { useLayoutStyles } from './layout.js';
import { SignIn } from './SignIn.js';
import { usePaneMemory } from './usePaneMemory.js';
import { ViewBoundary } from './ViewBoundary.js';
import { WorkbookPanel } from './WorkbookPanel.js';

/**
 * The views other than the workbook load in chunks of their own, fetched as soon as someone signs in (not when
 * the tab is opened, when the service may be gone); a failed fetch is caught by ViewBoundary, whose Retry
 * fetches again.
 */
function loader<T>(load: () => Promise<T>) {
  let pending: Promise<T> | null = null;
  return {
    load: () =>
      (pending ??= load().catch((err: unknown) => {
        pending = null;
        throw err;
      })),
    forget: () => {
      pending = null;
    },
  };
}
const signOffCode = loader(() => import(/* webpackChunkName: "signoff" */ './SignOffPanel.js'));
const pmgCode = loader(() => import(/* webpackChunkName: "pmg" */ './PmgPanel.js'));
const lazySignOff = () => lazy(() => signOffCode.load().then((m) => ({ default: m.SignOffPanel })));
const lazyPmg = () => lazy(() => pmgCode.load().then((m) => ({ default: m.PmgPanel })));

type View = NonNullable<PaneState['view']>;

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
  main: {
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalM,
    maxWidth: '720px',
    boxSizing: 'border-box',
    // It takes the focus only to hand it on after Sign out (the next Tab reaches the sign-in); no ring round it all.
    ':focus': { outlineStyle: 'none' },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    justifyContent: 'space-between',
  },
  title: { margin: 0 },
  who: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap', minWidth: 0 },
});

export function App({ gateway }: { gateway: WorkbookGateway }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [session, setSession] = useState<Session | null>(null);
  const [expired, setExpired] = useState(false);
  /** The tab the user chose in this session; until they choose, the one kept in the workbook for them. */
  const [view, setView] = useState<View | null>(null);
  const [SignOffPanel, setSignOffPanel] = useState(lazySignOff);
  const [PmgPanel, setPmgPanel] = useState(lazyPmg);
  /** Signing in again after Excel reloaded the pane: 'trying', then whether it had to ask the user. */
  const [resume, setResume] = useState<'trying' | 'reloaded' | 'done'>('trying');
  const memory = usePaneMemory(gateway, session?.me.email ?? null);

  const signedIn = (s: Session) => {
    rememberSignIn(s);
    setExpired(false);
    setView(null);
    setSession(s);
  };

  useEffect(() => {
    let live = true;
    resumeSession().then(
      ({ session: resumed, reloaded }) => {
        if (!live) return;
        if (resumed) signedIn(resumed);
        setResume(reloaded && !resumed ? 'reloaded' : 'done');
      },
      () => live && setResume('done'),
    );
    return () => {
      live = false;
    };
  }, []);

  const choose = (next: View) => {
    setView(next);
    memory?.remember({ view: next });
  };

  // After signing in the form that had the focus is gone: the focus goes to the selected tab, not the page's top
  // (once the tabs are drawn, after the pane's memory is read).
  const tabs = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);
  const [focusTabs, setFocusTabs] = useState(false);
  useEffect(() => {
    if (!session || !focusTabs || !tabs.current) return;
    tabs.current.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    setFocusTabs(false);
  }, [session, focusTabs, memory]);

  // Preload the other views' code while the service is there, so opening a tab later needs no network.
  useEffect(() => {
    if (!session) return;
    signOffCode.load().catch(() => undefined);
    if (session.me.role === 'pmg') pmgCode.load().catch(() => undefined);
  }, [session]);

  // The one handler for an expired sign-in: the API client calls it once when a 401 persists after the silent
  // renewal, so no view checks for it.
  useEffect(() => {
    if (!session) return;
    return session.api.onSignedOut(() => {
      forgetSignIn();
      setSession(null);
      setExpired(true);
    });
  }, [session]);

  const role = session?.me.role;
  const views: { id: View; label: string }[] = [];
  if (role === 'line-manager') views.push({ id: 'workbook', label: 'Workbook' });
  if (role) views.push({ id: 'signoff', label: role === 'viewer' ? 'Register' : 'Sign off' });
  if (role === 'pmg') views.push({ id: 'pmg', label: 'PMG' });
  // The tab this user had open in this workbook comes back with their sign-in, drawn selected from the start.
  const wanted = view ?? memory?.restored.view ?? null;
  const current = wanted && views.some((v) => v.id === wanted) ? wanted : (views[0]?.id ?? 'workbook');

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <main ref={main} tabIndex={-1} className={styles.main}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold" className={styles.title}>
            ODA register
          </Text>
          {session ? (
            <span className={styles.who}>
              <Text size={200} data-testid="who" className={layout.wrap}>
                {session.me.email}
                {session.me.organisation
                  ? `, ${String(session.me.organisation.name)}`
                  : session.me.role === 'pmg'
                    ? ', PMG'
                    : ''}
              </Text>
              <Button
                size="small"
                appearance="subtle"
                onClick={() => {
                  forgetSignIn();
                  setSession(null);
                  // The button goes with the session: the focus stays in the pane, just before the sign-in.
                  main.current?.focus();
                }}
              >
                Sign out
              </Button>
            </span>
          ) : null}
        </header>
        {!session && resume === 'trying' ? (
          <Spinner size="tiny" label="Opening…" />
        ) : !session ? (
          <SignIn
            expired={expired}
            reloaded={resume === 'reloaded'}
            onSignedIn={(s) => {
              signedIn(s);
              setFocusTabs(true);
            }}
          />
        ) : !memory ? (
          <Spinner size="tiny" label="Opening…" />
        ) : (
          <>
            <TabList ref={tabs} selectedValue={current} onTabSelect={(_, d) => choose(d.value as View)} size="small">
              {views.map((v) => (
                <Tab key={v.id} value={v.id}>
                  {v.label}
                </Tab>
              ))}
            </TabList>
            {/* Kept while another view shows, so its issue list and conflict stay as they were. */}
            {role === 'line-manager' ? (
              <div hidden={current !== 'workbook'}>
                <WorkbookPanel session={session} gateway={gateway} memory={memory} />
              </div>
            ) : null}
            {current === 'signoff' ? (
              <ViewBoundary
                key="signoff"
                name={role === 'viewer' ? 'Register' : 'Sign off'}
                onRetry={() => {
                  signOffCode.forget();
                  setSignOffPanel(lazySignOff);
                }}
              >
                <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
                  <SignOffPanel session={session} />
                </Suspense>
              </ViewBoundary>
            ) : null}
            {current === 'pmg' ? (
              <ViewBoundary
                key="pmg"
                name="PMG"
                onRetry={() => {
                  pmgCode.forget();
                  setPmgPanel(lazyPmg);
                }}
              >
                <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
                  <PmgPanel session={session} gateway={gateway} />
                </Suspense>
              </ViewBoundary>
            ) : null}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
