/**
 * The line manager's workbook actions, for WorkbookPanel to show: set up, check, submit (If-Match on the base
 * version; what is sent is exactly the tables Check read), get latest, and a conflict settled by a three-way
 * merge (shared/merge.ts) of the workbook with the newer version, against the version both started from,
 * which the pane fetches from the service by the base version kept in the workbook's settings.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { plural, ukDateTime as when } from '../../shared/displayFormat.js';
import { excelSetupFor } from '../../shared/excelSetup.js';
import type { Issue } from '../../shared/issues.js';
import { changesOf, fateOfChanges, mergeThreeWay, type Choices, type Side } from '../../shared/merge.js';
import type { RawTables, Submission } from '../../shared/types.js';
import { ApiFault, type StoredSubmission } from '../api/client.js';
import type { PaneState, Progress, WorkbookGateway, WorkbookSettings } from '../gateway.js';
import type { Session } from './auth/session.js';
import type { Notice } from './NoticeBar.js';
import { isNotAMember, NOT_A_MEMBER_REASON } from '../faultMessages.js';
import { faultMessage } from './faults.js';
import { reportOf, sheetReportOf, type SheetReport } from './model/check.js';
import { checkWorkbook, type WorkbookCheck } from '../../shared/checkWorkbook.js';
import { describeChanges, describeFates } from './model/mergeText.js';
import { submissionRows } from './model/submissionRows.js';
import { useAction } from './useAction.js';
import type { PaneMemory } from './usePaneMemory.js';

export interface Conflict {
  /** The version the workbook was based on (null when the service no longer has it or there was none). */
  base: StoredSubmission | null;
  theirs: StoredSubmission;
  mine: Submission;
  choices: Choices;
}

/** The settings of a workbook that now holds `stored`. */
function settingsOf(
  current: WorkbookSettings,
  stored: Pick<StoredSubmission, 'organisationId' | 'version' | 'digest' | 'submittedAt' | 'submittedBy'>,
): WorkbookSettings {
  return {
    ...current,
    organisationId: stored.organisationId,
    baseVersion: stored.version,
    baseDigest: stored.digest,
    baseAt: stored.submittedAt,
    baseBy: stored.submittedBy,
  };
}

/** Whether raw tables hold any data row in a row table (About, pre-filled by Set up, does not count). */
function hasOwnRows(tables: RawTables): boolean {
  return Object.entries(tables).some(
    ([name, t]) =>
      name.toLowerCase() !== 'about' &&
      t.values.slice(1).some((row) => row.some((v) => v !== null && v !== undefined && String(v).trim() !== '')),
  );
}

/** What Check's notice says of its report. */
function checkNotice({ errors, warnings }: WorkbookCheck['report']): Notice {
  return errors === 0
    ? {
        intent: 'success',
        title: 'No errors',
        body: warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}; you can submit.` : 'You can submit.',
      }
    : {
        intent: 'warning',
        title: `${errors.toLocaleString('en-GB')} error${errors === 1 ? '' : 's'} to fix`,
        body: 'Click an issue to go to its cell.',
      };
}

/**
 * `memory`: what the pane showed in this workbook (usePaneMemory), so a pane Excel reloads shows Check's result
 * again (Check runs again: it is local) and reopens a merge the user had not settled.
 */
export function useWorkbookSync(session: Session, gateway: WorkbookGateway, memory?: PaneMemory) {
  const { api, catalogue } = session;
  const organisationId = session.me.organisationId ?? undefined;
  const action = useAction();
  const [settings, setSettings] = useState<WorkbookSettings>({});
  const [issues, setIssues] = useState<SheetReport | null>(null);
  const [changed, setChanged] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [confirmLatest, setConfirmLatest] = useState<StoredSubmission | null>(null);
  /** Why Submit and Get latest are off (the service no longer lists the user as a member), or null. */
  const [serviceOff, setServiceOff] = useState<string | null>(null);

  useEffect(() => {
    gateway.readSettings().then(setSettings, () => undefined);
  }, [gateway]);

  const fail = useCallback((err: unknown, what: string) => {
    if (isNotAMember(err)) setServiceOff(NOT_A_MEMBER_REASON);
    setNotice({ intent: 'error', ...faultMessage(err, what) });
  }, []);

  async function saveSettings(next: WorkbookSettings) {
    await gateway.saveSettings(next);
    setSettings(next);
  }

  /** Reads and checks the workbook, lists and highlights its issues; returns the tables it read. */
  async function check(progress: Progress): Promise<WorkbookCheck & { tables: RawTables }> {
    progress({ label: 'Reading the workbook', done: 0, total: 3 });
    const tables = await gateway.readTables();
    progress({ label: 'Checking', done: 1, total: 3 });
    const result = checkWorkbook(tables, catalogue, { expectedOrganisationId: organisationId });
    progress({ label: 'Highlighting issues', done: 2, total: 3 });
    await gateway.highlightIssues(result.report.issues);
    setIssues(sheetReportOf(result.report));
    memory?.remember({ checked: true });
    const current = await gateway.readSettings();
    setSettings(current);
    setChanged(current.baseDigest === undefined ? null : result.digest !== current.baseDigest);
    return { ...result, tables };
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
        setNotice(checkNotice(result.report));
      } catch (err) {
        fail(err, 'Checking');
      }
    });

  /**
   * Checks the workbook and submits the very tables it checked over `baseVersion`; a 412 opens the merge,
   * a 422 lists the issues. `merged`: what the notice says was merged, when this submits a merge.
   */
  async function submitOver(baseVersion: number | null, progress: Progress, merged?: string) {
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
    try {
      const stored = await api.submit(organisationId, result.tables, baseVersion);
      await saveSettings(settingsOf({ ...settings, organisationId }, stored));
      setConflict(null);
      setChanged(false);
      const warnings = stored.warningCount
        ? `, with ${stored.warningCount.toLocaleString('en-GB')} warning${stored.warningCount === 1 ? '' : 's'}`
        : '';
      setNotice(
        stored.unchanged
          ? {
              intent: 'info',
              title: `Nothing new to submit: the service already holds this as version ${stored.version}`,
              body: `No new version was made${warnings}.`,
            }
          : {
              intent: 'success',
              title: `Submitted as version ${stored.version}`,
              body: `${when(stored.submittedAt)}${warnings}.${merged ? ` ${merged}` : ''}`,
            },
      );
    } catch (err) {
      if (err instanceof ApiFault && err.kind === 'stale') {
        await openConflict(result.submission, baseVersion);
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

  async function openConflict(mine: Submission, baseVersion: number | null) {
    const theirs = await api.currentSubmission(mine.organisationId);
    if (!theirs) {
      setNotice({
        intent: 'error',
        title: 'Someone saved a newer version',
        body: 'But it cannot be read now; check again. Your workbook is unchanged.',
      });
      return;
    }
    const base = baseVersion === null ? null : await api.submissionVersion(mine.organisationId, baseVersion);
    const merge = mergeThreeWay(base?.submission ?? null, mine, theirs.submission);
    setConflict({ base, theirs, mine, choices: {} });
    setNotice({
      intent: 'warning',
      title: `Version ${theirs.version} is newer than your workbook`,
      body:
        merge.conflicts.length === 0
          ? 'Your changes and theirs do not overlap: they are merged below; submit the merge with one click. Nothing was stored yet; your workbook is unchanged.'
          : `${merge.conflicts.length} field${merge.conflicts.length === 1 ? '' : 's'} changed on both sides: choose below which to keep, then submit the merge. Nothing was stored yet; your workbook is unchanged.`,
    });
  }

  /** Reopens the merge kept in the workbook when the pane was reloaded: its versions fetched again, the workbook read again. */
  const reopenConflict = (kept: NonNullable<PaneState['conflict']>) =>
    action.run('Reopening the merge', async (progress) => {
      const lost = `The merge with version ${kept.theirs} you had open before the pane was reloaded`;
      try {
        const result = await check(progress);
        if (result.submission === null || !organisationId) {
          setNotice({
            intent: 'warning',
            title: `${lost} is not reopened yet`,
            body: `The workbook has ${plural(result.report.errors, 'error')} now: fix them, then Submit to fetch it again. Your workbook is unchanged.`,
          });
          return;
        }
        const [theirs, base] = await Promise.all([
          api.submissionVersion(organisationId, kept.theirs),
          kept.base === null ? null : api.submissionVersion(organisationId, kept.base),
        ]);
        if (!theirs) {
          setNotice({
            intent: 'warning',
            title: `${lost} cannot be reopened`,
            body: 'The service no longer has that version: Submit to compare with the latest. Your workbook is unchanged.',
          });
          return;
        }
        setConflict({ base, theirs, mine: result.submission, choices: kept.choices });
        setNotice({
          intent: 'warning',
          title: `Version ${theirs.version} is newer than your workbook`,
          body: 'The merge you had open before the pane was reloaded is back, with the choices you had made: finish it below. Nothing was stored yet; your workbook is unchanged.',
        });
      } catch (err) {
        if (isNotAMember(err)) setServiceOff(NOT_A_MEMBER_REASON);
        const why = faultMessage(err, 'Reopening the merge');
        setNotice({
          intent: 'warning',
          title: `${lost} must be fetched again`,
          body: `${why.title}. Submit again once the service answers, and the merge opens again. Your workbook is unchanged.`,
        });
      }
    });

  // A reloaded pane shows what it showed: the merge the user had open, else Check's result (run again).
  const restoring = useRef(true);
  useEffect(() => {
    const kept = memory?.restored;
    const restored = kept?.conflict ? reopenConflict(kept.conflict) : kept?.checked ? runCheck() : null;
    void Promise.resolve(restored).finally(() => {
      restoring.current = false;
    });
  }, []);

  // An open merge is kept in the workbook (its versions and the choices made, not its rows) until it is settled.
  useEffect(() => {
    if (restoring.current) return;
    memory?.remember({
      conflict: conflict
        ? { theirs: conflict.theirs.version, base: conflict.base?.version ?? null, choices: conflict.choices }
        : undefined,
    });
  }, [conflict]);

  const merge = useMemo(
    () =>
      conflict
        ? mergeThreeWay(conflict.base?.submission ?? null, conflict.mine, conflict.theirs.submission, conflict.choices)
        : null,
    [conflict],
  );

  /** What Keep mine and Take theirs each undo: the other side's changes since the base. */
  const undo = useMemo(() => {
    if (!conflict) return null;
    const base = conflict.base?.submission ?? null;
    return {
      keepMine: describeChanges(changesOf(base, conflict.theirs.submission)),
      takeTheirs: describeChanges(changesOf(base, conflict.mine)),
    };
  }, [conflict]);

  const choose = (ids: string[], side: Side) =>
    setConflict((c) =>
      c ? { ...c, choices: { ...c.choices, ...Object.fromEntries(ids.map((id) => [id, side])) } } : c,
    );

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
  async function load(stored: StoredSubmission, progress: Progress, told = '') {
    await gateway.writeTables(submissionRows(stored.submission), progress);
    await saveSettings(settingsOf(settings, stored));
    setConflict(null);
    await check(progress);
    setNotice({
      intent: 'success',
      title: `The workbook now holds version ${stored.version}`,
      body: `Submitted by ${stored.submittedBy} on ${when(stored.submittedAt)}.${told ? ` ${told}` : ''}`,
    });
  }

  /**
   * When the workbook's base is this manager's own version and someone saved after it: which of this manager's
   * changes (their version against the one before it) the latest version kept and which it overwrote, and by whom.
   */
  async function fateOfMine(current: WorkbookSettings, latest: StoredSubmission): Promise<string> {
    if (!organisationId || current.baseVersion === undefined || latest.version <= current.baseVersion) return '';
    if (current.baseBy !== session.me.email) return '';
    const mine = await api.submissionVersion(organisationId, current.baseVersion);
    if (!mine) return '';
    const before =
      current.baseVersion > 1 ? await api.submissionVersion(organisationId, current.baseVersion - 1) : null;
    const later = await laterSubmitters(current.baseVersion, latest);
    return describeFates(fateOfChanges(before?.submission ?? null, mine.submission, latest.submission), later);
  }

  /** Who submitted the versions after `version` up to `latest`, in order, without repeats. */
  async function laterSubmitters(version: number, latest: StoredSubmission): Promise<string[]> {
    const names = new Set<string>();
    for (let v = version + 1; v < latest.version; v++) {
      const s = await api.submissionVersion(latest.organisationId, v).catch(() => null);
      if (s) names.add(s.submittedBy);
    }
    names.add(latest.submittedBy);
    return [...names];
  }

  const [pendingTold, setPendingTold] = useState('');

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
        const tables = await gateway.readTables();
        const local = checkWorkbook(tables, catalogue, { expectedOrganisationId: organisationId });
        const current = await gateway.readSettings();
        const told = await fateOfMine(current, latest).catch(() => '');
        // A workbook changed since its base; with no base, one holding rows of its own (not just Set up's About).
        const changedSinceBase =
          current.baseDigest !== undefined
            ? local.digest !== current.baseDigest
            : hasOwnRows(tables) && local.digest !== latest.digest;
        if (latest.digest === local.digest) {
          await saveSettings(settingsOf({ ...current, organisationId }, latest));
          setChanged(false);
          setNotice({
            intent: 'success',
            title: `Up to date with version ${latest.version}`,
            body: `The workbook already holds it.${told ? ` ${told}` : ''}`,
          });
        } else if (changedSinceBase) {
          setPendingTold(told);
          setConfirmLatest(latest);
        } else {
          await load(latest, progress, told);
        }
      } catch (err) {
        fail(err, 'Getting the latest version');
      }
    });

  const submitMerge = () =>
    action.run('Submitting the merge', async (progress) => {
      if (!conflict || !merge) return;
      try {
        await gateway.writeTables(submissionRows(merge.merged), progress);
        const taken = describeChanges(merge.fromTheirs);
        await submitOver(
          conflict.theirs.version,
          progress,
          `It holds your changes and ${conflict.theirs.submittedBy}’s${taken ? ` (${taken})` : ''}.`,
        );
      } catch (err) {
        fail(err, 'Submitting the merge');
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
          await load(latest, progress, pendingTold);
        } catch (err) {
          fail(err, 'Getting the latest version');
        }
      });
  };

  const selectIssue = (issue: Issue) => {
    if (issue.sheet && issue.cell)
      gateway.selectCell(issue.sheet, issue.cell).catch((err: unknown) => fail(err, 'Selecting the cell'));
  };

  return {
    organisationId,
    action,
    busy: action.busy !== null,
    settings,
    issues,
    changed,
    notice,
    conflict,
    merge,
    undo,
    confirmLatest,
    serviceOff,
    setUp,
    runCheck,
    submit,
    getLatest,
    submitMerge,
    keepMine,
    takeTheirs,
    choose,
    confirmedLatest,
    cancelLatest: () => setConfirmLatest(null),
    selectIssue,
  };
}

export type WorkbookSync = ReturnType<typeof useWorkbookSync>;
