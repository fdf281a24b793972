/** The running action: its name, a bar when the count is known, "2 of 5" in words for screen readers. */
import { makeStyles, ProgressBar, Spinner, Text, tokens } from '@fluentui/react-components';
import type { ActionState } from './useAction.js';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: 'anywhere' },
});

export function ProgressLine({ busy, progress }: ActionState) {
  const styles = useStyles();
  if (!busy) return null;
  const known = progress !== null && progress.total > 0;
  const words = known
    ? `${progress.label}: ${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')}`
    : `${busy}…`;
  return (
    <div role="status" aria-live="polite" data-testid="progress" className={styles.root}>
      {known ? <ProgressBar value={progress.done} max={progress.total} /> : <Spinner size="tiny" label={words} />}
      {known ? <Text size={200}>{words}</Text> : null}
    </div>
  );
}
