/**
 * The PMG view's state and actions, for PmgPanel to show: the register versions, the chosen one with its
 * sign-off status, consolidating the latest submissions into a new version, loading a version into new sheets,
 * and downloading its MoU appendices.
 */
import { useEffect, useState } from 'react';
import { ISSUE_CODES } from '../../shared/issues.js';
import type { Register } from '../../shared/types.js';
import type { AppendixExtension, RegisterSummary, SignOffStatus } from '../api/client.js';
import type { WorkbookGateway } from '../gateway.js';
import type { Session } from './auth/session.js';
import type { Notice } from './NoticeBar.js';
import { faultMessage } from './faults.js';
import { registerSheets } from './model/registerSheets.js';
import { consolidatedSummary } from './model/registerVersions.js';
import { useAction } from './useAction.js';

export const APPENDIX_NAMES: Record<AppendixExtension, string> = {
  docx: 'Word appendices',
  xlsx: 'Excel appendices',
  ods: 'OpenDocument appendices (.ods)',
  zip: 'CSV appendices (zip)',
  json: 'register (JSON)',
};

export function usePmgRegister(session: Session, gateway: WorkbookGateway) {
  const { api } = session;
  const action = useAction();
  const [registers, setRegisters] = useState<RegisterSummary[]>([]);
  const [version, setVersion] = useState<number | null>(null);
  const [register, setRegister] = useState<Register | null>(null);
  const [status, setStatus] = useState<SignOffStatus | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const fail = (err: unknown, what: string) => {
    setNotice({ intent: 'error', ...faultMessage(err, what) });
  };

  async function show(v: number) {
    const [r, s] = await Promise.all([api.register(v), api.signOffStatus(v)]);
    setVersion(v);
    setRegister(r.register);
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
        setNotice({
          intent: 'success',
          title: `Register version ${created.version}`,
          body: consolidatedSummary(created.register, created.digest),
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

  const download = (format: AppendixExtension) =>
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

  const choose = (v: number) =>
    void action.run('Reading the register', () => show(v).catch((err: unknown) => fail(err, 'Reading the register')));

  const crossPartner = register?.issues.filter((i) => ISSUE_CODES[i.code]?.scope === 'register') ?? [];

  return {
    action,
    busy: action.busy !== null,
    registers,
    version,
    register,
    status,
    notice,
    crossPartner,
    consolidate,
    load,
    download,
    choose,
  };
}

export type PmgRegister = ReturnType<typeof usePmgRegister>;
