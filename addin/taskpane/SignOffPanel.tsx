/**
 * Sign off a register version for an organisation, after seeing what it says about that organisation: its
 * stake, tier and signatory, its commitments and totals, its roles, every issue that names or involves it
 * (blocking first) and the register-wide blockers. Signing asks for confirmation naming the version and its
 * digest; a standing sign-off can be withdrawn. A line manager signs for their own organisation; a PMG member
 * records a governing partner's confirmation on its behalf; a viewer reads only. A view over useSignOff.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { amount, fte, money, percent, plural, ukDate, ukDateTime } from '../../shared/displayFormat.js';
import { enumLabel, INVOLVEMENT, RACI_ROLE, RESOURCE_TYPE, STATUS } from '../../shared/enums.js';
import type { Session } from './auth/session.js';
import { NoticeBar } from './NoticeBar.js';
import { useLayoutStyles } from './layout.js';
import { ProgressLine } from './ProgressLine.js';
import { RegisterIssueList } from './RegisterIssueList.js';
import { RegisterVersionPicker } from './RegisterVersionPicker.js';
import { useSignOff } from './useSignOff.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM },
  about: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  list: { margin: `0 0 0 ${tokens.spacingHorizontalL}`, padding: 0 },
  wrap: { overflowWrap: 'anywhere' },
});

export function SignOffPanel({ session }: { session: Session }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const s = useSignOff(session);
  const { register, status, busy } = s;
  const { org, commitments, roles, issues, blocking, totals, signed, governing, forWhom, digest } = s.about;

  if (s.registers !== null && s.registers.length === 0) {
    return <Text>There is no register yet: the PMG consolidates one first.</Text>;
  }
  return (
    <section aria-label={s.role === 'viewer' ? 'Register' : 'Sign off'} className={styles.root} data-testid="signoff">
      <RegisterVersionPicker
        registers={s.registers ?? []}
        version={s.version}
        disabled={busy}
        onChoose={s.setVersion}
      />
      {s.role !== 'line-manager' && status ? (
        <Field label={s.role === 'pmg' ? 'On behalf of the organisation' : 'Organisation'}>
          <Select
            root={{ className: layout.fit }}
            value={s.organisationId}
            onChange={(_, d) => s.setOrganisationId(d.value)}
            disabled={busy}
          >
            {status.governingPartners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <ProgressLine busy={s.action.busy} progress={s.action.progress} />
      <NoticeBar notice={s.notice} />
      {register && org ? (
        <div className={styles.about} data-testid="about-us">
          <Text weight="semibold" as="h2" size={400} className={styles.heading}>
            What version {register.version} says about {org.name}
          </Text>
          <Text size={200}>
            {enumLabel(INVOLVEMENT, org.involvement)}
            {org.tier ? `, tier ${org.tier}` : ''}; stake {percent(org.stake)}; MoU signatory{' '}
            {org.signatory ?? 'not given'}
            {org.signedOn ? `, signed ${ukDate(org.signedOn)}` : ''}.
          </Text>
          {totals ? (
            <Text size={200}>
              Counted commitments: {fte(totals.analystFte)} FTE of analyst time; funding of {money(totals.fundingGbp)}{' '}
              one-off and {money(totals.fundingGbpPerYear)} a year; {plural(totals.datasets, 'dataset')}.
            </Text>
          ) : null}
          <div data-testid="signoff-issues">
            <Text size={300} weight="semibold" as="h3" className={styles.heading}>
              {issues.ours.length === 0
                ? `No issue names ${org.name}`
                : `${plural(issues.ours.length, 'issue')} naming or involving ${org.name}`}
            </Text>
            {issues.ours.length > 0 ? <RegisterIssueList issues={issues.ours} testId="issues-ours" /> : null}
            {issues.registerWide.length > 0 ? (
              <>
                <Text size={300} weight="semibold" as="h3" className={styles.heading}>
                  {plural(issues.registerWide.length, 'other blocking issue')} in the register
                </Text>
                <RegisterIssueList issues={issues.registerWide} testId="issues-register-wide" />
              </>
            ) : null}
          </div>
          <Text size={300} weight="semibold" as="h3" className={styles.heading}>
            {plural(commitments.length, 'commitment')}
          </Text>
          <ul className={styles.list}>
            {commitments.map((c, n) => (
              <li key={n} className={styles.wrap}>
                <Text size={200}>
                  {c.ref ? `${c.ref}: ` : ''}
                  {enumLabel(RESOURCE_TYPE, c.resourceType)}, {amount(c.quantity, c.unit)}, {c.description} (
                  {enumLabel(STATUS, c.status)})
                </Text>
              </li>
            ))}
          </ul>
          <Text size={300} weight="semibold" as="h3" className={styles.heading}>
            {plural(roles.length, 'role')}
          </Text>
          <ul className={styles.list}>
            {roles.map((r) => (
              <li key={r.activityId}>
                <Text size={200}>
                  {enumLabel(RACI_ROLE, r.role)} for {r.activity}
                </Text>
              </li>
            ))}
          </ul>
          {status && !governing ? (
            <Text data-testid="not-governing">
              {org.name} is not a governing partner, so it does not sign off the register.
            </Text>
          ) : signed ? (
            <>
              <Text data-testid="signed" className={styles.wrap}>
                Signed off by {signed.signedBy} on {ukDateTime(signed.signedAt)}.
              </Text>
              {s.canSign ? (
                <Dialog>
                  <DialogTrigger disableButtonEnhancement>
                    <Button disabled={busy}>Withdraw the sign-off</Button>
                  </DialogTrigger>
                  <DialogSurface>
                    <DialogBody>
                      <DialogTitle>Withdraw the sign-off of version {register.version}?</DialogTitle>
                      <DialogContent className={styles.wrap}>
                        {org.name} will no longer confirm register version {register.version} ({digest}), and the
                        register will not be ready for the MoU. The withdrawal is recorded in the audit trail; it cannot
                        sign this version again, only the next one the PMG consolidates.
                      </DialogContent>
                      <DialogActions>
                        <DialogTrigger disableButtonEnhancement>
                          <Button appearance="primary">Keep the sign-off</Button>
                        </DialogTrigger>
                        <DialogTrigger disableButtonEnhancement>
                          <Button onClick={s.withdraw}>Withdraw it</Button>
                        </DialogTrigger>
                      </DialogActions>
                    </DialogBody>
                  </DialogSurface>
                </Dialog>
              ) : null}
            </>
          ) : s.canSign ? (
            <Dialog>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary" disabled={busy}>
                  {s.role === 'pmg'
                    ? `Record ${org.name}’s sign-off of version ${register.version}`
                    : `Sign off version ${register.version} for ${org.name}`}
                </Button>
              </DialogTrigger>
              <DialogSurface>
                <DialogBody>
                  <DialogTitle>Sign off version {register.version}?</DialogTitle>
                  <DialogContent className={styles.wrap} data-testid="confirm-signoff">
                    <p>
                      You confirm register version {register.version}, digest {digest}, {forWhom}.
                      {s.role === 'pmg' ? ` It is recorded as made by you (${session.me.email}).` : ''}
                    </p>
                    {blocking > 0 ? (
                      <p>
                        It has {plural(blocking, 'blocking issue')} (listed above): until they are settled the register
                        is not ready for the MoU.
                      </p>
                    ) : null}
                  </DialogContent>
                  <DialogActions>
                    <DialogTrigger disableButtonEnhancement>
                      <Button appearance="primary" onClick={s.signOff}>
                        Sign off version {register.version}
                      </Button>
                    </DialogTrigger>
                    <DialogTrigger disableButtonEnhancement>
                      <Button>Cancel</Button>
                    </DialogTrigger>
                  </DialogActions>
                </DialogBody>
              </DialogSurface>
            </Dialog>
          ) : (
            <Text data-testid="read-only">You can read the register and its sign-offs; viewers do not sign off.</Text>
          )}
          {status ? (
            <Text size={200}>
              {status.signOffs.length} of {status.governingPartners.length} governing partners signed
              {status.readyForMou ? '; ready for the MoU.' : '.'}
            </Text>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
