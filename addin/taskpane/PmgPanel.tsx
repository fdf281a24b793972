/**
 * The PMG's view: consolidate the latest submissions into a new register version, see its cross-partner
 * issues, and load any register version into new sheets (partners, contacts, commitments, totals, the role
 * matrix with coloured R/A/C/I, participation, issues).
 */
import { Button, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ISSUE_CODES } from '../../shared/issues.js';
import type { Register } from '../../shared/types.js';
import {
  ApiFault,
  APPENDIX_FORMATS,
  type AppendixFormat,
  type RegisterSummary,
  type SignOffStatus,
} from '../api/client.js';
import type { WorkbookGateway } from '../gateway.js';
import type { Session } from './auth/session.js';
import { NoticeBar, type Notice } from './FaultBar.js';
import { faultMessage } from './faults.js';
import { registerSheets } from './model/registerSheets.js';
import { consolidatedSummary } from './model/registerVersions.js';
import { ProgressLine } from './ProgressLine.js';
import { RegisterIssueList } from './RegisterIssueList.js';
import { DataFlowsSection } from '../register/DataFlowsSection.js';
import { RegisterVersionPicker } from './RegisterVersionPicker.js';
import { useAction } from './useAction.js';

const APPENDIX_NAMES: Record<AppendixFormat, string> = {
  docx: 'Word appendices',
  xlsx: 'Excel appendices',
  ods: 'OpenDocument appendices (.ods)',
  zip: 'CSV appendices (zip)',
  json: 'register (JSON)',
};

export function PmgPanel({
  session,
  gateway,
  onSignedOut,
}: {
  session: Session;
  gateway: WorkbookGateway;
  onSignedOut: () => void;
}) {
  const { api } = session;
  const action = useAction();
  const [registers, setRegisters] = useState<RegisterSummary[]>([]);
  const [version, setVersion] = useState<number | null>(null);
  const [register, setRegister] = useState<Register | null>(null);
  const [status, setStatus] = useState<SignOffStatus | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const fail = (err: unknown, what: string) => {
    if (err instanceof ApiFault && err.kind === 'signed-out') onSignedOut();
    setNotice({ intent: 'error', ...faultMessage(err, what) });
  };

  async function show(v: number) {
    const [r, s] = await Promise.all([api.register(v), api.signOffStatus(v)]);
    setVersion(v);
    setRegister(r.register as unknown as Register);
    setStatus(s);
  }

  useEffect(() => {
    void action.run('Reading the registers', async () => {
      try {
        const list = await api.registers();
        setRegisters(list);
        if (list[0]) await show(list[0].version);
      } catch (err) {
        fail(err, 'Reading the registers');
      }
    });
  }, [api]);

  const consolidate = () =>
    action.run('Consolidating', async (progress) => {
      setNotice(null);
      try {
        progress({ label: 'Consolidating the latest submissions', done: 0, total: 2 });
        const created = await api.consolidate();
        progress({ label: 'Reading the new register', done: 1, total: 2 });
        setRegisters(await api.registers());
        await show(created.version);
        const r = created.register as unknown as Register;
        setNotice({
          intent: 'success',
          title: `Register version ${created.version}`,
          body: consolidatedSummary(r, created.digest),
        });
      } catch (err) {
        fail(err, 'Consolidating');
      }
    });

  const load = () =>
    action.run('Loading the register into sheets', async (progress) => {
      if (!register) return;
      setNotice(null);
      try {
        const sheets = registerSheets(register);
        await gateway.writeRegisterSheets(sheets, progress);
        setNotice({
          intent: 'success',
          title: `Register version ${register.version} loaded`,
          body: `New sheets: ${sheets.map((s) => s.name).join(', ')}.`,
        });
      } catch (err) {
        fail(err, 'Loading the register');
      }
    });

  const download = (format: AppendixFormat) =>
    action.run(`Downloading the ${APPENDIX_NAMES[format]}`, async () => {
      if (!register) return;
      setNotice(null);
      try {
        const { blob, fileName } = await api.appendix(register.version, format);
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        setNotice({
          intent: 'success',
          title: `Downloaded ${fileName}`,
          body: `${APPENDIX_NAMES[format]} of register version ${register.version}.`,
        });
      } catch (err) {
        fail(err, 'Downloading the appendix');
      }
    });

  const crossPartner = register?.issues.filter((i) => ISSUE_CODES[i.code]?.scope === 'register') ?? [];
  const busy = action.busy !== null;
  return (
    <section
      aria-label="PMG"
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 10 }}
      data-testid="pmg"
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        <Button appearance="primary" disabled={busy} onClick={consolidate}>
          Consolidate now
        </Button>
        <Button disabled={busy || !register} onClick={load}>
          Load into sheets
        </Button>
      </div>
      <ProgressLine busy={action.busy} progress={action.progress} />
      <NoticeBar notice={notice} />
      {registers.length > 0 ? (
        <RegisterVersionPicker
          registers={registers}
          version={version}
          disabled={busy}
          onChoose={(v) =>
            void action.run('Reading the register', () =>
              show(v).catch((err: unknown) => fail(err, 'Reading the register')),
            )
          }
        />
      ) : (
        <Text>No register yet: consolidate the partners’ latest submissions to make version 1.</Text>
      )}
      {register ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 6 }}>
          <Text size={200}>
            {register.sources.length} of {register.organisations.length} partners submitted;{' '}
            {register.commitments.length} commitments, {register.roles.length} roles.
            {status
              ? ` Signed off by ${status.signOffs.length} of ${status.governingPartners.length} governing partners${status.readyForMou ? '; ready for the MoU' : ''}.`
              : ''}
          </Text>
          <div role="group" aria-label="MoU appendices" style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {APPENDIX_FORMATS.map((format) => (
              <Button key={format} size="small" disabled={busy} onClick={() => download(format)}>
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
