/**
 * The line manager's workbook: a view over useWorkbookSync, which holds the actions (set up, check, submit,
 * get latest, and a conflict settled by a three-way merge).
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
  makeStyles,
  useRestoreFocusTarget,
  tokens,
} from '@fluentui/react-components';
import { ukDateTime } from '../../shared/displayFormat.js';
import type { WorkbookGateway } from '../gateway.js';
import type { Session } from './auth/session.js';
import { ConflictView } from './ConflictView.js';
import { NoticeBar } from './NoticeBar.js';
import { IssueList } from './IssueList.js';
import { ProgressLine } from './ProgressLine.js';
import type { PaneMemory } from './usePaneMemory.js';
import { useWorkbookSync } from './useWorkbookSync.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM },
  buttons: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  /** The base's line and the dialog (which names a member by e-mail address): they wrap in a 320 px pane. */
  base: { overflowWrap: 'anywhere' },
});

export function WorkbookPanel(props: { session: Session; gateway: WorkbookGateway; memory?: PaneMemory }) {
  const styles = useStyles();
  // The confirmation dialog is opened by Get latest, not by a DialogTrigger: closing it gives the focus back here.
  const restoreFocus = useRestoreFocusTarget();
  const sync = useWorkbookSync(props.session, props.gateway, props.memory);
  const { settings, changed, busy, organisationId, confirmLatest, serviceOff } = sync;
  return (
    <section aria-label="Your workbook" className={styles.root}>
      <Text size={200} data-testid="base" className={styles.base}>
        {settings.baseVersion
          ? `Based on version ${settings.baseVersion}${settings.baseBy ? ` by ${settings.baseBy}` : ''}${settings.baseAt ? `, ${ukDateTime(settings.baseAt)}` : ''}${changed === true ? '; changed since' : changed === false ? '; unchanged since' : ''}.`
          : 'Not submitted from this workbook yet.'}
      </Text>
      <div className={styles.buttons}>
        <Button disabled={busy} onClick={sync.setUp}>
          Set up workbook
        </Button>
        <Button disabled={busy} onClick={sync.runCheck}>
          Check
        </Button>
        <Button
          appearance="primary"
          disabled={busy || !organisationId || serviceOff !== null}
          aria-describedby={serviceOff ? 'service-off' : undefined}
          onClick={sync.submit}
        >
          Submit
        </Button>
        <Button
          {...restoreFocus}
          disabled={busy || !organisationId || serviceOff !== null}
          aria-describedby={serviceOff ? 'service-off' : undefined}
          onClick={sync.getLatest}
        >
          Get latest
        </Button>
      </div>
      {serviceOff ? (
        <Text id="service-off" size={200} data-testid="service-off">
          {serviceOff}
        </Text>
      ) : null}
      <ProgressLine busy={sync.action.busy} progress={sync.action.progress} />
      <NoticeBar notice={sync.notice} />
      <ConflictView sync={sync} />
      {sync.issues ? (
        <IssueList
          report={sync.issues.report}
          bySheet={sync.issues.bySheet}
          disabled={busy}
          onSelect={sync.selectIssue}
        />
      ) : null}
      <Dialog open={confirmLatest !== null} onOpenChange={(_, d) => (d.open ? undefined : sync.cancelLatest())}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Replace your changes?</DialogTitle>
            <DialogContent className={styles.base}>
              Your workbook has changes that are not on the service. Getting version {confirmLatest?.version} (by{' '}
              {confirmLatest?.submittedBy}) replaces the rows of every table, and those changes are lost.
            </DialogContent>
            <DialogActions>
              {/* The safe choice comes first, so it has the focus when the dialog opens. */}
              <Button appearance="primary" onClick={sync.cancelLatest}>
                Keep my workbook
              </Button>
              <Button onClick={sync.confirmedLatest}>Replace my tables</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
