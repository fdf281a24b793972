/**
 * Consolidate on the register page (PMG only, so a PMG member without Excel needs no command line): a button,
 * a confirmation saying what will happen, progress while the service works, then the result: the new version,
 * or "unchanged" when the latest submissions give the same digest as the latest register (no version created,
 * its sign-offs stand). A failure is the page's sentence for the fault (faults.ts).
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
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../taskpane/auth/session.js';
import { NoticeBar, type Notice } from '../taskpane/NoticeBar.js';
import { registerFault } from './faults.js';
import { shortDigest } from '../../shared/displayFormat.js';
import { useSpacing } from './spacing.js';

export function Consolidate({
  session,
  latest,
  onConsolidated,
}: {
  session: Session;
  /** The newest register version, or null when none has been consolidated yet. */
  latest: number | null;
  /** After a consolidation: the version to show (the new one, or the unchanged latest). */
  onConsolidated: (version: number) => Promise<void> | void;
}) {
  const space = useSpacing();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  async function consolidate() {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const r = await session.api.consolidate();
      await onConsolidated(r.version);
      setNotice(
        r.unchanged
          ? {
              intent: 'info',
              title: 'Unchanged',
              body: `Nothing changed since register version ${r.version} (same digest ${shortDigest(r.digest)}), so no new version was created and its sign-offs still stand.`,
            }
          : {
              intent: 'success',
              title: `Register version ${r.version} created`,
              body: `${r.register.organisations.length} organisations, ${r.register.sources.length} workbooks, ${r.register.issues.length} issues; digest ${shortDigest(r.digest)}. Partners can now sign it off.`,
            },
      );
    } catch (err) {
      setNotice({ intent: 'error', ...registerFault(err, 'Consolidating the register') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card consolidate" aria-labelledby="consolidate-title" data-testid="consolidate">
      <h2 id="consolidate-title">Consolidate (PMG)</h2>
      <p className={space.lead}>
        Combine the latest submitted workbook of every partner into the next register version.
      </p>
      <Dialog>
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary" disabledFocusable={busy}>
            Consolidate…
          </Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Consolidate a new register version?</DialogTitle>
            <DialogContent className={space.wrap} data-testid="confirm-consolidate">
              {`The latest submitted workbook of every partner becomes register version ${latest === null ? 1 : latest + 1}, recorded as made by you (${session.me.email}).`}
              {latest === null
                ? ''
                : ` If nothing changed since version ${latest}, no version is created and its sign-offs still stand; otherwise partners sign off the new version.`}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary" onClick={() => void consolidate()}>
                  Consolidate
                </Button>
              </DialogTrigger>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <div aria-live="polite" className={space.below} data-testid="consolidate-result">
        {busy ? <Spinner size="small" label="Consolidating the latest workbooks…" /> : <NoticeBar notice={notice} />}
      </div>
    </section>
  );
}
