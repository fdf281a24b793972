/**
 * The sign-off view's state and actions: the register versions, the chosen one with its sign-off status, the
 * organisation signed for (a line manager's own; the partner a PMG member records for), signing (after the
 * view's confirmation) and withdrawing. What the user may do follows their role: a viewer only reads.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { shortDigest, ukDateTime } from '../../shared/displayFormat.js';
import type { Register } from '../../shared/types.js';
import type { RegisterSummary, SignOffStatus } from '../api/client.js';
import type { Session } from './auth/session.js';
import type { Notice } from './NoticeBar.js';
import { faultMessage } from './faults.js';
import { signOffIssues } from './model/signOffIssues.js';
import { useAction } from './useAction.js';

export function useSignOff(session: Session) {
  const { api, me } = session;
  const action = useAction();
  const [registers, setRegisters] = useState<RegisterSummary[] | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [register, setRegister] = useState<Register | null>(null);
  const [status, setStatus] = useState<SignOffStatus | null>(null);
  const [organisationId, setOrganisationId] = useState<string>(me.organisationId ?? '');
  const [notice, setNotice] = useState<Notice | null>(null);

  const fail = useCallback((err: unknown, what: string) => {
    setNotice({ intent: 'error', ...faultMessage(err, what) });
  }, []);

  useEffect(() => {
    api.registers().then(
      (list) => {
        setRegisters(list);
        if (list[0]) setVersion(list[0].version);
      },
      (err: unknown) => fail(err, 'Reading the registers'),
    );
  }, [api, fail]);

  useEffect(() => {
    if (version === null) return;
    setRegister(null);
    setStatus(null);
    void action.run(`Reading register version ${version}`, async () => {
      try {
        const [r, s] = await Promise.all([api.register(version), api.signOffStatus(version)]);
        setRegister(r.register);
        setStatus(s);
        setOrganisationId((current) => current || s.missing[0] || s.governingPartners[0]?.id || '');
      } catch (err) {
        fail(err, 'Reading the register');
      }
    });
  }, [api, version]);

  const org = register?.organisations.find((o) => o.id === organisationId);
  const organisationName = org?.name ?? organisationId;
  const role = me.role;
  const forWhom = role === 'pmg' ? `on behalf of ${organisationName}` : `for ${organisationName}`;

  /** What the chosen version says about the organisation, and where its sign-off stands. */
  const about = useMemo(() => {
    const issues = register ? signOffIssues(register, organisationId) : { ours: [], registerWide: [] };
    return {
      org,
      commitments: register?.commitments.filter((c) => c.organisationId === organisationId) ?? [],
      roles: register?.roles.filter((r) => r.organisationId === organisationId) ?? [],
      issues,
      /** Errors naming the organisation and the register-wide blockers. */
      blocking: issues.ours.filter((i) => i.severity === 'error').length + issues.registerWide.length,
      totals: register?.totals.byOrganisation.find((t) => t.organisationId === organisationId),
      signed: status?.signOffs.find((x) => x.organisationId === organisationId),
      governing: status?.governingPartners.some((p) => p.id === organisationId) ?? false,
      forWhom,
      digest: status ? shortDigest(status.registerDigest) : '',
    };
  }, [register, status, organisationId, org, forWhom]);
  /** A viewer reads; a line manager signs for their own organisation; the PMG records a partner's confirmation. */
  const canSign = role === 'line-manager' || role === 'pmg';

  const signOff = () =>
    action.run('Signing off', async () => {
      if (version === null || !organisationId || !canSign) return;
      setNotice(null);
      try {
        const result = await api.signOff(version, role === 'pmg' ? organisationId : undefined);
        setStatus(result.status);
        setNotice({
          intent: 'success',
          title: `Signed off register version ${version}`,
          body: `Recorded by ${result.signOff.signedBy} ${forWhom} on ${ukDateTime(result.signOff.signedAt)}.${result.status.readyForMou ? ' Every governing partner has now signed: the register is ready for the MoU.' : ` Still to sign: ${result.status.missing.length}.`}`,
        });
      } catch (err) {
        fail(err, 'Signing off');
      }
    });

  const withdraw = () =>
    action.run('Withdrawing the sign-off', async () => {
      if (version === null || !organisationId || !canSign) return;
      setNotice(null);
      try {
        const result = await api.withdrawSignOff(version, organisationId);
        setStatus(result.status);
        setNotice({
          intent: 'info',
          title: `Sign-off of register version ${version} withdrawn`,
          body: `${organisationName} no longer confirms version ${version}; the register is not ready for the MoU. It signs the next version the PMG consolidates.`,
        });
      } catch (err) {
        fail(err, 'Withdrawing the sign-off');
      }
    });

  return {
    role,
    action,
    busy: action.busy !== null,
    registers,
    version,
    setVersion,
    register,
    status,
    organisationId,
    organisationName,
    setOrganisationId,
    about,
    notice,
    canSign,
    signOff,
    withdraw,
  };
}

export type SignOffState = ReturnType<typeof useSignOff>;
