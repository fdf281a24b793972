/**
 * The line manager's workbook: set it up, check it in the pane, submit it (If-Match on the version it was
 * based on), get the latest version from the service, and settle a conflict when someone saved first. The
 * base version and the digest of what was submitted or loaded live in the workbook's settings, so the pane
 * can tell whether the workbook changed since.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { excelSetupFor } from '../../shared/excelSetup.js';
import type { Issue } from '../../shared/issues.js';
import type { Submission } from '../../shared/types.js';
import { ApiFault, type StoredSubmission } from '../api/client.js';
import type { Progress, WorkbookGateway, WorkbookSettings } from '../gateway.js';
import type { Session } from './auth/session.js';
import { ConflictView } from './ConflictView.js';
import { NoticeBar, type Notice } from './FaultBar.js';
import { faultMessage } from './faults.js';
import { IssueList } from './IssueList.js';
import { checkTables, reportOf, type CheckResult } from './model/check.js';
import { submissionRows } from './model/submissionRows.js';
import { workbookDiff, type WorkbookDiff } from './model/workbookDiff.js';
import { ProgressLine } from './ProgressLine.js';
import { useAction } from './useAction.js';

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

interface Conflict {
  theirs: StoredSubmission;
  mine: Submission;
  diff: WorkbookDiff;
}

export function WorkbookPanel(props: { session: Session; gateway: WorkbookGateway; onSignedOut: () => void }) {
  const { session, gateway } = props;
  const { api, catalogue } = session;
  const organisationId = session.me.organisationId ?? undefined;
  const action = useAction();
  const [settings, setSettings] = useState<WorkbookSettings>({});
  const [issues, setIssues] = useState<Pick<CheckResult, 'report' | 'bySheet'> | null>(null);
  const [changed, setChanged] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [confirmLatest, setConfirmLatest] = useState<StoredSubmission | null>(null);

  useEffect(() => {
    gateway.readSettings().then(setSettings, () => undefined);
  }, [gateway]);

  const fail = useCallback(
    (err: unknown, what: string) => {
      if (err instanceof ApiFault && err.kind === 'signed-out') props.onSignedOut();
      setNotice({ intent: 'error', ...faultMessage(err, what) });
    },
    [props],
  );

  /** Reads and checks the workbook, lists and highlights its issues. */
  async function check(progress: Progress): Promise<CheckResult> {
    progress({ label: 'Reading the workbook', done: 0, total: 3 });
    const tables = await gateway.readTables();
    progress({ label: 'Checking', done: 1, total: 3 });
    const result = checkTables(tables, catalogue, organisationId);
    progress({ label: 'Highlighting issues', done: 2, total: 3 });
    await gateway.highlightIssues(result.report.issues);
    setIssues(result);
    const current = await gateway.readSettings();
    setSettings(current);
    setChanged(current.baseDigest === undefined ? null : result.digest !== current.baseDigest);
    return result;
  }

  const setUp = () =>
    action.run('Setting up the workbook', async (progress) => {
      setNotice(null);
      try {
        const report = await gateway.setUp(excelSetupFor(catalogue, organisationId), progress);
        if (organisationId) await saveSettings({ ...(await gateway.readSettings()), organisationId });
        const parts = [
          report.created.length ? `created ${report.created.join(', ')}` : '',
          report.repaired.length ? `repaired ${report.repaired.join(', ')}` : '',
          report.addedColumns.length ? `added columns ${report.addedColumns.join(', ')}` : '',
        ].filter(Boolean);
        setNotice({
          intent: 'success',
          title: 'The workbook is set up',
          body: `${parts.join('; ') || 'Nothing needed changing'}.${report.skipped.length ? ` Not done here: ${report.skipped.join(' ')}` : ''}`,
        });
      } catch (err) {
        fail(err, 'Setting up');
      }
    });

  const runCheck = () =>
    action.run('Checking the workbook', async (progress) => {
      setNotice(null);
      setConflict(null);
      try {
        const result = await check(progress);
        const { errors, warnings } = result.report;
        setNotice(
          errors === 0
            ? {
                intent: 'success',
                title: 'No errors',
                body: warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}; you can submit.` : 'You can submit.',
              }
            : {
                intent: 'warning',
                title: `${errors.toLocaleString('en-GB')} error${errors === 1 ? '' : 's'} to fix`,
                body: 'Click an issue to go to its cell.',
              },
        );
      } catch (err) {
        fail(err, 'Checking');
      }
    });

  async function saveSettings(next: WorkbookSettings) {
    await gateway.saveSettings(next);
    setSettings(next);
  }

  /** Submits the workbook's tables over `baseVersion`; a 412 opens the conflict view, a 422 lists the issues. */
  async function submitOver(baseVersion: number | null, progress: Progress) {
    const result = await check(progress);
    if (result.submission === null || !organisationId) {
      setNotice({
        intent: 'warning',
        title: 'Not submitted',
        body: `Fix the ${result.report.errors.toLocaleString('en-GB')} error${result.report.errors === 1 ? '' : 's'} below first. Your workbook is unchanged.`,
      });
      return;
    }
    progress({ label: 'Sending to the service', done: 3, total: 4 });
    const tables = await gateway.readTables();
    try {
      const stored = await api.submit(organisationId, tables, baseVersion);
      await saveSettings({
        ...settings,
        organisationId,
        baseVersion: stored.version,
        baseDigest: stored.digest,
        baseAt: stored.submittedAt,
        baseBy: stored.submittedBy,
      });
      setConflict(null);
      setChanged(false);
      setNotice({
        intent: 'success',
        title: `Submitted as version ${stored.version}`,
        body: `${when(stored.submittedAt)}${stored.warningCount ? `, with ${stored.warningCount.toLocaleString('en-GB')} warning${stored.warningCount === 1 ? '' : 's'}` : ''}.`,
      });
    } catch (err) {
      if (err instanceof ApiFault && err.kind === 'stale') {
        await openConflict(result.submission);
        return;
      }
      if (err instanceof ApiFault && err.kind === 'invalid' && err.issues.length > 0) {
        const report = reportOf(err.issues as Issue[], err.problem ?? {});
        setIssues(report);
        await gateway.highlightIssues(report.report.issues);
      }
      fail(err, 'Submitting');
    }
  }

  async function openConflict(mine: Submission) {
    const theirs = await api.currentSubmission(mine.organisationId);
    if (!theirs) {
      setNotice({
        intent: 'error',
        title: 'Someone saved a newer version',
        body: 'But it cannot be read now; check again. Your workbook is unchanged.',
      });
      return;
    }
    setConflict({ theirs, mine, diff: workbookDiff(mine, theirs.submission as unknown as Submission) });
    setNotice({
      intent: 'warning',
      title: `Version ${theirs.version} is newer than your workbook`,
      body: 'Compare below, then keep yours or take theirs. Nothing was stored; your workbook is unchanged.',
    });
  }

  const submit = () =>
    action.run('Submitting', async (progress) => {
      setNotice(null);
      try {
        await submitOver(settings.baseVersion ?? null, progress);
      } catch (err) {
        fail(err, 'Submitting');
      }
    });

  /** Writes a stored version into the tables and makes it the workbook's base. */
  async function load(stored: StoredSubmission, progress: Progress) {
    await gateway.writeTables(submissionRows(stored.submission as unknown as Submission), progress);
    await saveSettings({
      ...settings,
      organisationId: stored.organisationId,
      baseVersion: stored.version,
      baseDigest: stored.digest,
      baseAt: stored.submittedAt,
      baseBy: stored.submittedBy,
    });
    setConflict(null);
    await check(progress);
    setNotice({
      intent: 'success',
      title: `The workbook now holds version ${stored.version}`,
      body: `Submitted by ${stored.submittedBy} on ${when(stored.submittedAt)}.`,
    });
  }

  const getLatest = () =>
    action.run('Getting the latest version', async (progress) => {
      setNotice(null);
      try {
        if (!organisationId) return;
        const latest = await api.currentSubmission(organisationId);
        if (!latest) {
          setNotice({
            intent: 'info',
            title: 'Nothing submitted yet',
            body: 'Your organisation has no version on the service yet.',
          });
          return;
        }
        const local = checkTables(await gateway.readTables(), catalogue, organisationId);
        const current = await gateway.readSettings();
        const hasRows = local.digest !== null || local.report.errors > 0;
        const unchanged = local.digest !== null && local.digest === current.baseDigest;
        if (latest.digest === local.digest) {
          await saveSettings({
            ...current,
            organisationId,
            baseVersion: latest.version,
            baseDigest: latest.digest,
            baseAt: latest.submittedAt,
            baseBy: latest.submittedBy,
          });
          setNotice({
            intent: 'success',
            title: `Up to date with version ${latest.version}`,
            body: 'The workbook already holds it.',
          });
        } else if (hasRows && !unchanged) {
          setConfirmLatest(latest);
        } else {
          await load(latest, progress);
        }
      } catch (err) {
        fail(err, 'Getting the latest version');
      }
    });

  const keepMine = () =>
    action.run('Submitting over the newer version', async (progress) => {
      if (!conflict) return;
      try {
        await submitOver(conflict.theirs.version, progress);
      } catch (err) {
        fail(err, 'Submitting');
      }
    });

  const takeTheirs = () =>
    action.run('Taking the newer version', async (progress) => {
      if (!conflict) return;
      try {
        await load(conflict.theirs, progress);
      } catch (err) {
        fail(err, 'Taking the newer version');
      }
    });

  const confirmedLatest = () => {
    const latest = confirmLatest;
    setConfirmLatest(null);
    if (latest)
      void action.run('Getting the latest version', async (progress) => {
        try {
          await load(latest, progress);
        } catch (err) {
          fail(err, 'Getting the latest version');
        }
      });
  };

  const busy = action.busy !== null;
  return (
    <section aria-label="Your workbook" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 10 }}>
      <Text size={200} data-testid="base">
        {settings.baseVersion
          ? `Based on version ${settings.baseVersion}${settings.baseBy ? ` by ${settings.baseBy}` : ''}${settings.baseAt ? `, ${when(settings.baseAt)}` : ''}${changed === true ? '; changed since' : changed === false ? '; unchanged since' : ''}.`
          : 'Not submitted from this workbook yet.'}
      </Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 6 }}>
        <Button disabled={busy} onClick={setUp}>
          Set up workbook
        </Button>
        <Button disabled={busy} onClick={runCheck}>
          Check
        </Button>
        <Button appearance="primary" disabled={busy || !organisationId} onClick={submit}>
          Submit
        </Button>
        <Button disabled={busy || !organisationId} onClick={getLatest}>
          Get latest
        </Button>
      </div>
      <ProgressLine busy={action.busy} progress={action.progress} />
      <NoticeBar notice={notice} />
      {conflict ? (
        <ConflictView
          theirs={conflict.theirs}
          diff={conflict.diff}
          busy={busy}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      ) : null}
      {issues ? (
        <IssueList
          report={issues.report}
          bySheet={issues.bySheet}
          disabled={busy}
          onSelect={(issue) => {
            if (issue.sheet && issue.cell)
              gateway.selectCell(issue.sheet, issue.cell).catch((err: unknown) => fail(err, 'Selecting the cell'));
          }}
        />
      ) : null}
      <Dialog open={confirmLatest !== null} onOpenChange={(_, d) => (d.open ? undefined : setConfirmLatest(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Replace your changes?</DialogTitle>
            <DialogContent>
              Your workbook has changes that are not on the service. Getting version {confirmLatest?.version} (by{' '}
              {confirmLatest?.submittedBy}) replaces the rows of all five tables, and those changes are lost.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={confirmedLatest}>
                Replace my tables
              </Button>
              <Button onClick={() => setConfirmLatest(null)}>Keep my workbook</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
