/**
 * One long action at a time: `run` refuses to start while another runs (the buttons are disabled too), and
 * exposes its progress ("Writing Commitments: 2 of 5") for the pane's progress bar.
 */
import { useCallback, useRef, useState } from 'react';
import type { Progress } from '../gateway.js';

export interface ActionState {
  /** What is running, or null. */
  busy: string | null;
  progress: { label: string; done: number; total: number } | null;
}

export function useAction() {
  const running = useRef(false);
  const [state, setState] = useState<ActionState>({ busy: null, progress: null });
  const progress: Progress = useCallback((step) => setState((s) => ({ ...s, progress: step })), []);
  const run = useCallback(
    async <T>(label: string, action: (progress: Progress) => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setState({ busy: label, progress: null });
      try {
        return await action(progress);
      } finally {
        running.current = false;
        setState({ busy: null, progress: null });
      }
    },
    [progress],
  );
  return { ...state, run };
}
