/** The running action: its name, a bar when the count is known, "2 of 5" in words for screen readers. */
import { ProgressBar, Spinner, Text } from '@fluentui/react-components';
import type { ActionState } from './useAction.js';

export function ProgressLine({ busy, progress }: ActionState) {
  if (!busy) return null;
  const known = progress !== null && progress.total > 0;
  const words = known
    ? `${progress.label}: ${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')}`
    : `${busy}…`;
  return (
    <div role="status" aria-live="polite" data-testid="progress" style={{ display: 'grid', gap: 4 }}>
      {known ? <ProgressBar value={progress.done} max={progress.total} /> : <Spinner size="tiny" label={words} />}
      {known ? <Text size={200}>{words}</Text> : null}
    </div>
  );
}
