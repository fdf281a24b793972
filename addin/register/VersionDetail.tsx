/**
 * One register version: its facts and sign-off status, the appendix downloads and the verify control, then
 * partners and stakes, commitment totals, the role matrix, issues and what changed since the previous version.
 */
import { Button, ProgressBar, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { RegisterSummary, SignOffStatus } from '../api/client.js';
import type { RegisterDiff } from '../../shared/diff.js';
import type { Register } from '../../shared/types.js';
import type { Session } from '../taskpane/auth/session.js';
import { NoticeBar } from '../taskpane/NoticeBar.js';
import { Compare } from './Compare.js';
import { DataFlowsSection } from './DataFlowsSection.js';
import { Downloads } from './Downloads.js';
import { registerFault, type FaultMessage } from './faults.js';
import { IssuesSection } from './IssuesSection.js';
import { ukDateTime } from '../../shared/displayFormat.js';
import { PartnersSection } from './PartnersSection.js';
import { RoleMatrixSection } from './RoleMatrixSection.js';
import { SignOffSummary } from './SignOffSummary.js';
import { useSpacing } from './spacing.js';
import { TotalsSection } from './TotalsSection.js';

interface Loaded {
  register: Register;
  status: SignOffStatus;
  diff: RegisterDiff | null;
}

const STEPS = 3;

export function VersionDetail(props: {
  session: Session;
  summary: RegisterSummary;
  previous: number | null;
  status: SignOffStatus | null;
  /** Every register version, for the comparison pickers. */
  versions: number[];
}) {
  const space = useSpacing();
  const { session, summary, previous } = props;
  const version = summary.version;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [done, setDone] = useState(0);
  const [fault, setFault] = useState<FaultMessage | null>(null);

  const load = useCallback(async () => {
    setFault(null);
    setDone(0);
    const step = <T,>(p: Promise<T>) => p.then((v) => (setDone((n) => n + 1), v));
    try {
      const [stored, status, diff] = await Promise.all([
        step(session.api.register(version)),
        step(props.status ? Promise.resolve(props.status) : session.api.signOffStatus(version)),
        step(previous === null ? Promise.resolve(null) : session.api.registerDiff(previous, version)),
      ]);
      setLoaded({
        register: stored.register,
        status,
        diff: diff?.diff ?? null,
      });
    } catch (err) {
      setFault(registerFault(err, `Loading register version ${version}`));
    }
    // props.status only seeds the first load; a retry asks the service again.
  }, [session, version, previous]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <article aria-labelledby="version-title" data-testid="version-detail">
      <section className="card" aria-labelledby="version-title">
        <h2 id="version-title">Register version {version}</h2>
        <dl className="facts">
          <dt>Consolidated</dt>
          <dd>
            {ukDateTime(summary.createdAt)} by {summary.createdBy}
          </dd>
          <dt>Digest</dt>
          <dd>
            <code data-testid="digest">{summary.digest}</code>
          </dd>
          <dt>Content</dt>
          <dd>
            {summary.organisations} organisations, {summary.submissions} workbooks, {summary.errors} errors,{' '}
            {summary.warnings} warnings
          </dd>
        </dl>
        {loaded ? <SignOffSummary status={loaded.status} /> : null}
      </section>
      <Downloads session={session} version={version} />
      {fault ? (
        <div className="card state" role="alert">
          <NoticeBar notice={{ intent: 'error', ...fault }} />
          <Button onClick={() => void load()}>Try again</Button>
        </div>
      ) : !loaded ? (
        <div className="card" role="status" aria-live="polite" data-testid="progress">
          <Spinner size="small" label={`Loading register version ${version}: ${done} of ${STEPS} parts`} />
          <ProgressBar value={done} max={STEPS} className={space.below} />
        </div>
      ) : (
        <>
          <PartnersSection register={loaded.register} />
          <TotalsSection register={loaded.register} />
          <RoleMatrixSection register={loaded.register} />
          <DataFlowsSection register={loaded.register} />
          <IssuesSection register={loaded.register} />
          <Compare
            session={session}
            versions={props.versions}
            version={version}
            register={loaded.register}
            previous={previous}
            diff={loaded.diff}
          />
        </>
      )}
    </article>
  );
}
