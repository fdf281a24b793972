/**
 * The PMG's view: consolidate the latest submissions into a new register version, see its cross-partner
 * issues, and load any register version into new sheets (partners, contacts, commitments, totals, the role
 * matrix with coloured R/A/C/I, participation, issues). A view over usePmgRegister, which holds the actions.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { APPENDIX_EXTENSIONS } from '../api/client.js';
import type { WorkbookGateway } from '../gateway.js';
import type { Session } from './auth/session.js';
import { NoticeBar } from './NoticeBar.js';
import { useLayoutStyles } from './layout.js';
import { ProgressLine } from './ProgressLine.js';
import { RegisterIssueList } from './RegisterIssueList.js';
import { DataFlowsSection } from '../register/DataFlowsSection.js';
import { RegisterVersionPicker } from './RegisterVersionPicker.js';
import { usePmgRegister } from './usePmgRegister.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalMNudge },
  register: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalSNudge },
});

export function PmgPanel({ session, gateway }: { session: Session; gateway: WorkbookGateway }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const pmg = usePmgRegister(session, gateway);
  const { registers, version, register, status, crossPartner, busy } = pmg;
  return (
    <section aria-label="PMG" className={styles.root} data-testid="pmg">
      <div className={layout.row}>
        <Button appearance="primary" disabled={busy} onClick={pmg.consolidate}>
          Consolidate now
        </Button>
        <Button disabled={busy || !register} onClick={pmg.load}>
          Load into sheets
        </Button>
      </div>
      <ProgressLine busy={pmg.action.busy} progress={pmg.action.progress} />
      <NoticeBar notice={pmg.notice} />
      {registers.length > 0 ? (
        <RegisterVersionPicker registers={registers} version={version} disabled={busy} onChoose={pmg.choose} />
      ) : (
        <Text>No register yet: consolidate the partners’ latest submissions to make version 1.</Text>
      )}
      {register ? (
        <div className={styles.register}>
          <Text size={200}>
            {register.sources.length} of {register.organisations.length} partners submitted;{' '}
            {register.commitments.length} commitments, {register.roles.length} roles.
            {status
              ? ` Signed off by ${status.signOffs.length} of ${status.governingPartners.length} governing partners${status.readyForMou ? '; ready for the MoU' : ''}.`
              : ''}
          </Text>
          <div role="group" aria-label="MoU appendices" className={layout.row}>
            {APPENDIX_EXTENSIONS.map((format) => (
              <Button key={format} size="small" disabled={busy} onClick={() => pmg.download(format)}>
                {format === 'zip' ? 'CSV' : format.toUpperCase()}
              </Button>
            ))}
          </div>
          <Text weight="semibold" as="h3">
            Cross-partner issues: {crossPartner.length}
          </Text>
          <RegisterIssueList issues={crossPartner} testId="cross-partner" />
          <DataFlowsSection register={register} />
        </div>
      ) : null}
    </section>
  );
}
