/** A register's issues as a list, each with its severity badge: the PMG's cross-partner issues, a partner's own. */
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { datesInWords } from '../../shared/displayFormat.js';
import type { Issue } from '../../shared/issues.js';
import { useLayoutStyles } from './layout.js';

const useStyles = makeStyles({
  list: { margin: `0 0 0 ${tokens.spacingHorizontalL}`, padding: 0 },
});

export function RegisterIssueList({ issues, testId }: { issues: readonly Issue[]; testId?: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <ul className={styles.list} data-testid={testId}>
      {issues.map((i, n) => (
        <li key={n} className={layout.wrap}>
          <Text size={200}>
            <Badge size="small" color={i.severity === 'error' ? 'danger' : 'warning'}>
              {i.severity}
            </Badge>{' '}
            {datesInWords(i.message)}
          </Text>
        </li>
      ))}
    </ul>
  );
}
