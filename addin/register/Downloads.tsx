/**
 * The MoU appendices of a register version in the five formats (fetched with the signed-in token, then saved
 * under the file name the service gives), and "verify a file": any exported appendix sent to POST /api/verify,
 * whose plain sentence (true copy, edited where, unknown version, not an appendix) is shown as it is.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { AppendixExtension, VerifyResult } from '../api/client.js';
import type { Session } from '../taskpane/auth/session.js';
import { NoticeBar, type Notice } from '../taskpane/NoticeBar.js';
import { registerFault } from './faults.js';
import { useSpacing } from './spacing.js';

const FORMATS: { format: AppendixExtension; label: string }[] = [
  { format: 'docx', label: 'Download Word (.docx)' },
  { format: 'xlsx', label: 'Download Excel (.xlsx)' },
  { format: 'ods', label: 'Download OpenDocument (.ods)' },
  { format: 'zip', label: 'Download CSV (.zip)' },
  { format: 'json', label: 'Download JSON (.json)' },
];

/** The most differences listed under a verdict; the sentence counts them all. */
const SHOWN_DIFFERENCES = 20;

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const VERDICT_INTENT = {
  'true-copy': 'success',
  edited: 'error',
  'unknown-register': 'error',
  'not-an-appendix': 'warning',
} as const;
const VERDICT_TITLE = {
  'true-copy': 'True copy',
  edited: 'Edited',
  'unknown-register': 'Unknown register',
  'not-an-appendix': 'Not an appendix',
} as const;

export function Downloads({ session, version }: { session: Session; version: number }) {
  const space = useSpacing();
  const [busy, setBusy] = useState<AppendixExtension | 'verify' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [verdict, setVerdict] = useState<VerifyResult | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const fileId = useId();

  function failed(err: unknown, action: string) {
    setNotice({ intent: 'error', ...registerFault(err, action) });
  }

  async function download(format: AppendixExtension, label: string) {
    if (busy) return;
    setBusy(format);
    setNotice(null);
    try {
      const { blob, fileName } = await session.api.appendix(version, format);
      save(blob, fileName);
      setNotice({ intent: 'success', title: 'Downloaded', body: `Saved ${fileName}.` });
    } catch (err) {
      failed(err, `${label.replace('Download ', 'Downloading ')} of version ${version}`);
    } finally {
      setBusy(null);
    }
  }

  async function verify() {
    if (busy || !file) return;
    setBusy('verify');
    setVerdict(null);
    setNotice(null);
    try {
      setVerdict(await session.api.verify(file, file.name));
    } catch (err) {
      failed(err, `Verifying ${file.name}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="downloads-title" data-testid="downloads">
      <h3 id="downloads-title">MoU appendices of version {version}</h3>
      <div className="downloads">
        {FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            appearance={format === 'docx' ? 'primary' : 'secondary'}
            disabled={busy !== null}
            onClick={() => void download(format, label)}
          >
            {busy === format ? 'Preparing…' : label}
          </Button>
        ))}
      </div>
      <div aria-live="polite" className={space.below}>
        <NoticeBar notice={notice} />
      </div>
      <div className="verify">
        <h4 className={space.flush}>Verify a file</h4>
        <p className={space.flush}>
          Check that an appendix someone sent you is a true copy of a register version, or see what was changed in it.
        </p>
        <div className="verify-row">
          <label htmlFor={fileId}>Appendix file</label>
          <input
            id={fileId}
            ref={input}
            type="file"
            accept=".docx,.xlsx,.zip,.json"
            data-testid="verify-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setVerdict(null);
            }}
          />
          <Button disabled={!file || busy !== null} onClick={() => void verify()}>
            {busy === 'verify' ? 'Verifying…' : 'Verify'}
          </Button>
        </div>
        <div aria-live="polite">
          {verdict ? (
            <MessageBar intent={VERDICT_INTENT[verdict.verdict]} layout="multiline" data-testid="verdict">
              <MessageBarBody>
                {verdict.message.startsWith(VERDICT_TITLE[verdict.verdict]) ? null : (
                  <MessageBarTitle>{VERDICT_TITLE[verdict.verdict]}</MessageBarTitle>
                )}{' '}
                {verdict.message}
                {verdict.differences.length > 0 ? (
                  <ul className={space.differences}>
                    {verdict.differences.slice(0, SHOWN_DIFFERENCES).map((d, i) => (
                      <li key={i}>
                        {d.where}
                        {d.key ? `, ${d.key}` : d.row !== null ? `, row ${d.row}` : ''}
                        {d.field ? `, ${d.field}` : ''}: “{d.found}” where the register has “{d.expected}”
                      </li>
                    ))}
                    {verdict.differenceCount > SHOWN_DIFFERENCES ? (
                      <li>and {(verdict.differenceCount - SHOWN_DIFFERENCES).toLocaleString('en-GB')} more</li>
                    ) : null}
                  </ul>
                ) : null}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </div>
    </section>
  );
}
