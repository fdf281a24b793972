/**
 * Sign off a register version for an organisation, after seeing what it says about that organisation: its
 * stake, tier and signatory, its commitments and their totals, its roles, and the issues that name it. A
 * line manager signs for their own organisation; a PMG member records a governing partner's confirmation.
 */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Register } from '../../shared/types.js';
import { enumLabel, INVOLVEMENT, STATUS, UNIT, RESOURCE_TYPE, RACI_ROLE } from '../../shared/enums.js';
import { ApiFault, type RegisterSummary, type SignOffStatus } from '../api/client.js';
import type { Session } from './auth/session.js';
import { NoticeBar, type Notice } from './FaultBar.js';
import { faultMessage } from './faults.js';
import { ProgressLine } from './ProgressLine.js';
import { RegisterIssueList } from './RegisterIssueList.js';
import { RegisterVersionPicker } from './RegisterVersionPicker.js';
import { useAction } from './useAction.js';
import { FIT } from './layout.js';

const gbp = (n: number) => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });

export function SignOffPanel({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const { api, me } = session;
  const action = useAction();
  const [registers, setRegisters] = useState<RegisterSummary[] | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [register, setRegister] = useState<Register | null>(null);
  const [status, setStatus] = useState<SignOffStatus | null>(null);
  const [organisationId, setOrganisationId] = useState<string>(me.organisationId ?? '');
  const [notice, setNotice] = useState<Notice | null>(null);

  const fail = (err: unknown, what: string) => {
    if (err instanceof ApiFault && err.kind === 'signed-out') onSignedOut();
    setNotice({ intent: 'error', ...faultMessage(err, what) });
  };

  useEffect(() => {
    api.registers().then(
      (list) => {
        setRegisters(list);
        if (list[0]) setVersion(list[0].version);
      },
      (err: unknown) => fail(err, 'Reading the registers'),
    );
  }, [api]);

  useEffect(() => {
    if (version === null) return;
    setRegister(null);
    setStatus(null);
    void action.run(`Reading register version ${version}`, async () => {
      try {
        const [r, s] = await Promise.all([api.register(version), api.signOffStatus(version)]);
        setRegister(r.register as unknown as Register);
        setStatus(s);
        if (!organisationId && s.missing[0]) setOrganisationId(s.missing[0]);
      } catch (err) {
        fail(err, 'Reading the register');
      }
    });
  }, [api, version]);

  const signOff = () =>
    action.run('Signing off', async () => {
      if (version === null || !organisationId) return;
      setNotice(null);
      try {
        const result = await api.signOff(version, me.role === 'pmg' ? organisationId : undefined);
        setStatus(result.status);
        setNotice({
          intent: 'success',
          title: `Signed off register version ${version}`,
          body: `For ${organisationName} by ${result.signOff.signedBy}, ${new Date(result.signOff.signedAt).toLocaleString('en-GB')}.${result.status.readyForMou ? ' Every governing partner has now signed: the register is ready for the MoU.' : ` Still to sign: ${result.status.missing.length}.`}`,
        });
      } catch (err) {
        fail(err, 'Signing off');
      }
    });

  if (registers !== null && registers.length === 0) {
    return <Text>There is no register yet: the PMG consolidates one first.</Text>;
  }
  const org = register?.organisations.find((o) => o.id === organisationId);
  const organisationName = org?.name ?? organisationId;
  const commitments = register?.commitments.filter((c) => c.organisationId === organisationId) ?? [];
  const roles = register?.roles.filter((r) => r.organisationId === organisationId) ?? [];
  const issues = register?.issues.filter((i) => i.organisationId === organisationId) ?? [];
  const totals = register?.totals.byOrganisation.find((t) => t.organisationId === organisationId);
  const signed = status?.signOffs.find((s) => s.organisationId === organisationId);
  const busy = action.busy !== null;

  return (
    <section
      aria-label="Sign off"
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 10 }}
      data-testid="signoff"
    >
      <RegisterVersionPicker registers={registers ?? []} version={version} disabled={busy} onChoose={setVersion} />
      {me.role === 'pmg' && status ? (
        <Field label="For the organisation">
          <Select root={FIT} value={organisationId} onChange={(_, d) => setOrganisationId(d.value)} disabled={busy}>
            {status.governingPartners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <ProgressLine busy={action.busy} progress={action.progress} />
      <NoticeBar notice={notice} />
      {register && org ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 6 }} data-testid="about-us">
          <Text weight="semibold" as="h3">
            What version {register.version} says about {org.name}
          </Text>
          <Text size={200}>
            {enumLabel(INVOLVEMENT, org.involvement)}
            {org.tier ? `, tier ${org.tier}` : ''}; stake {(org.stake * 100).toFixed(2)}%; MoU signatory{' '}
            {org.signatory ?? 'not given'}
            {org.signedOn ? `, signed ${new Date(org.signedOn).toLocaleDateString('en-GB')}` : ''}.
          </Text>
          {totals ? (
            <Text size={200}>
              Counted commitments: {totals.analystFte.toFixed(2)} FTE of analyst time, {gbp(totals.fundingGbp)} and{' '}
              {gbp(totals.fundingGbpPerYear)} a year of funding, {totals.datasets} datasets.
            </Text>
          ) : null}
          <Text size={200} weight="semibold">
            {commitments.length} commitment{commitments.length === 1 ? '' : 's'}
          </Text>
          <ul style={{ margin: '0 0 0 16px', padding: 0 }}>
            {commitments.map((c, n) => (
              <li key={n}>
                <Text size={200}>
                  {c.ref ? `${c.ref}: ` : ''}
                  {enumLabel(RESOURCE_TYPE, c.resourceType)}, {c.quantity} {enumLabel(UNIT, c.unit)}, {c.description} (
                  {enumLabel(STATUS, c.status)})
                </Text>
              </li>
            ))}
          </ul>
          <Text size={200} weight="semibold">
            {roles.length} role{roles.length === 1 ? '' : 's'}
          </Text>
          <ul style={{ margin: '0 0 0 16px', padding: 0 }}>
            {roles.map((r) => (
              <li key={r.activityId}>
                <Text size={200}>
                  {enumLabel(RACI_ROLE, r.role)} for {r.activity}
                </Text>
              </li>
            ))}
          </ul>
          {issues.length > 0 ? (
            <>
              <Text size={200} weight="semibold">
                Issues naming {org.name}
              </Text>
              <RegisterIssueList issues={issues} />
            </>
          ) : null}
          {status && !status.governingPartners.some((p) => p.id === organisationId) ? (
            <Text data-testid="not-governing">
              {org.name} is not a governing partner, so it does not sign off the register.
            </Text>
          ) : signed ? (
            <Text data-testid="signed">
              Signed off by {signed.signedBy} on {new Date(signed.signedAt).toLocaleString('en-GB')}.
            </Text>
          ) : (
            <Button appearance="primary" disabled={busy} onClick={signOff}>
              Sign off version {register.version} for {org.name}
            </Button>
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
