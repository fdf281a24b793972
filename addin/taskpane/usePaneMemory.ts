/**
 * What the pane shows, kept in the workbook's settings for the signed-in user (gateway.ts, PaneState), so a
 * pane Excel reloads opens as it was. `restored` is what was kept when the user signed in (null while it is
 * read); `remember` changes part of it, one save at a time (each merges into what is there, so no change is
 * lost, and writes only what is new).
 * A workbook that cannot keep it costs only the restoring, never the action.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaneState, WorkbookGateway } from '../gateway.js';

export interface PaneMemory {
  restored: PaneState;
  remember(change: PaneState): void;
}

export function usePaneMemory(gateway: WorkbookGateway, user: string | null): PaneMemory | null {
  const [restored, setRestored] = useState<PaneState | null>(null);
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    setRestored(null);
    if (!user) return;
    let live = true;
    gateway.readPaneState(user).then(
      (state) => live && setRestored(state),
      () => live && setRestored({}),
    );
    return () => {
      live = false;
    };
  }, [gateway, user]);

  const remember = useCallback(
    (change: PaneState) => {
      if (!user) return;
      saving.current = saving.current.then(() => gateway.savePaneState(user, change)).catch(() => undefined);
    },
    [gateway, user],
  );

  return restored === null ? null : { restored, remember };
}
