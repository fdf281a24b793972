/** A register's issues as a list, each with its severity badge: the PMG's cross-partner issues, a partner's own. */
import { Badge, Text } from '@fluentui/react-components';
import { datesInWords } from '../../shared/displayFormat.js';
import type { Issue } from '../../shared/issues.js';

export function RegisterIssueList({ issues, testId }: { issues: readonly Issue[]; testId?: string }) {
  return (
    <ul style={{ margin: '0 0 0 16px', padding: 0 }} data-testid={testId}>
      {issues.map((i, n) => (
        <li key={n}>
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
