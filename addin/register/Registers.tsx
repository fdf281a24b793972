/**
 * The register versions with their sign-off status, newest first, and the chosen one (kept in the address as
 * #v3, so it can be bookmarked and the back button works). States: loading, none consolidated yet, an error
 * with a Try again button.
 */
import { Button, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { RegisterSummary, SignOffStatus } from '../api/client.js';
import type { Session } from '../taskpane/auth/session.js';
import { NoticeBar } from '../taskpane/NoticeBar.js';
import { Consolidate } from './Consolidate.js';
import { registerFault, type FaultMessage } from './faults.js';
import { shortDigest, ukDateTime } from '../../shared/displayFormat.js';
import { signOffBadge } from './model/signOffs.js';
import { VersionDetail } from './VersionDetail.js';
import { useSpacing } from './spacing.js';

function versionInHash(): number | null {
  const m = /^#v(\d+)$/.exec(window.location.hash);
  return m ? Number(m[1]) : null;
}

export function Registers({ session }: { session: Session }) {
  const space = useSpacing();
  const [registers, setRegisters] = useState<RegisterSummary[] | null>(null);
  const [statuses, setStatuses] = useState<Record<number, SignOffStatus>>({});
  const [fault, setFault] = useState<FaultMessage | null>(null);
  const [chosen, setChosen] = useState<number | null>(versionInHash());

  const fail = useCallback((err: unknown, action: string) => setFault(registerFault(err, action)), []);

  /** Read the versions; `quietly` keeps the current list on screen meanwhile (after a consolidation). */
  const load = useCallback(
    async (quietly = false) => {
      setFault(null);
      if (!quietly) setRegisters(null);
      try {
        const list = await session.api.registers();
        setRegisters(list);
        const pairs = await Promise.all(
          list.map(async (r) => [r.version, await session.api.signOffStatus(r.version)] as const),
        );
        setStatuses(Object.fromEntries(pairs));
      } catch (err) {
        fail(err, 'Loading the register versions');
      }
    },
    [session, fail],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const onHash = () => setChosen(versionInHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (fault && !registers) {
    return (
      <div className="card state" role="alert">
        <NoticeBar notice={{ intent: 'error', ...fault }} />
        <Button onClick={() => void load()}>Try again</Button>
      </div>
    );
  }
  const consolidate =
    session.me.role === 'pmg' ? (
      <Consolidate
        session={session}
        latest={registers?.reduce<number | null>((n, r) => Math.max(n ?? 0, r.version), null) ?? null}
        onConsolidated={async (version) => {
          await load(true);
          window.location.hash = `v${version}`;
          setChosen(version);
        }}
      />
    ) : null;

  if (!registers) {
    return (
      <div className="card" role="status" aria-live="polite">
        <Spinner size="small" label="Loading the register versions…" />
      </div>
    );
  }
  if (registers.length === 0) {
    return (
      <>
        {consolidate}
        <div className="card state" data-testid="no-register">
          <h2>No register has been consolidated yet</h2>
          {session.me.role === 'pmg' ? (
            <p className={space.flush}>
              Consolidate above to make register version 1 from the latest workbook of every partner; partners then sign
              it off.
            </p>
          ) : (
            <p className={space.flush}>
              The PMG consolidates the partners&apos; workbooks into a register version (on this page, in the Excel
              add-in&apos;s PMG tab, or with <code>oda-register consolidate</code>). It will appear here once they have.
            </p>
          )}
          <Button onClick={() => void load()}>Check again</Button>
        </div>
      </>
    );
  }

  const current = registers.find((r) => r.version === chosen) ?? registers[0]!;
  const previous = registers.filter((r) => r.version < current.version).sort((a, b) => b.version - a.version)[0];

  return (
    <>
      {consolidate}
      <div className="layout">
        <nav className="card versions" aria-labelledby="versions-title">
          <h2 id="versions-title">Register versions</h2>
          <ul>
            {registers.map((r) => {
              const badge = signOffBadge(statuses[r.version]);
              return (
                <li key={r.version}>
                  <button
                    type="button"
                    aria-current={r.version === current.version ? 'true' : undefined}
                    data-testid={`version-${r.version}`}
                    onClick={() => {
                      window.location.hash = `v${r.version}`;
                      setChosen(r.version);
                    }}
                  >
                    <span className="v">Version {r.version}</span>
                    <span className="meta">{ukDateTime(r.createdAt)}</span>
                    <span className="meta">
                      {r.errors > 0 ? `${r.errors} errors, ` : ''}
                      {r.warnings} warnings · {shortDigest(r.digest)}
                    </span>
                    <span className={`badge ${badge.ready ? 'ready' : 'waiting'}`}>{badge.text}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <VersionDetail
          key={current.version}
          session={session}
          summary={current}
          previous={previous?.version ?? null}
          status={statuses[current.version] ?? null}
          versions={registers.map((r) => r.version)}
        />
      </div>
    </>
  );
}
