/** Layout shared by the pane's views, so each fits the pane's width (320 px in Excel). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useLayoutStyles = makeStyles({
  /** A dropdown's root slot: no wider than the pane, however long its options. */
  fit: { maxWidth: '100%', minWidth: 0 },
  /** One column whose children may shrink to the pane's width (a grid track's minimum is otherwise auto). */
  column: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM },
  /** A row of buttons that wraps at the pane's edge. */
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalSNudge },
  /** Long words (an e-mail address, a digest) break rather than run off the pane. */
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  /** Read by screen readers, not shown (a table's caption, a badge's severity). */
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});
