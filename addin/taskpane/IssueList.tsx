/**
 * Issues grouped by sheet, with counts; each issue a button that selects its cell in the workbook. A capped
 * report (shared/issueReport.ts) says how many more there are.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { IssueReport } from '../../shared/issueReport.js';
import { unlistedIssuesSentence } from '../../shared/issueReport.js';
import type { Issue } from '../../shared/issues.js';
import { WHOLE_WORKBOOK, type SheetIssues } from './model/check.js';
import { useLayoutStyles } from './layout.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  issue: {
    textAlign: 'left',
    justifyContent: 'flex-start',
    height: 'auto',
    whiteSpace: 'normal',
    width: '100%',
    overflowWrap: 'anywhere',
  },
  text: {
    display: 'block',
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    overflowWrap: 'anywhere',
  },
  line: { display: 'flex', columnGap: tokens.spacingHorizontalSNudge, alignItems: 'baseline' },
  badge: { flexShrink: 0 },
});

function counts(errors: number, warnings: number): string {
  const parts = [];
  if (errors) parts.push(`${errors.toLocaleString('en-GB')} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings.toLocaleString('en-GB')} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ') || 'no issues';
}

export function IssueList(props: {
  report: IssueReport;
  bySheet: SheetIssues[];
  onSelect: (issue: Issue) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { report, bySheet, onSelect } = props;
  if (report.errors + report.warnings === 0) return null;
  const more = unlistedIssuesSentence(report, 'fix the ones listed and check again to see the rest');
  return (
    <section aria-label="Issues" data-testid="issues">
      <Text weight="semibold" as="h3" block>
        {counts(report.errors, report.warnings)}
      </Text>
      <Accordion multiple collapsible defaultOpenItems={bySheet.map((g) => g.sheet)}>
        {bySheet.map((group) => (
          <AccordionItem key={group.sheet} value={group.sheet} data-testid={`issues-${group.sheet}`}>
            <AccordionHeader size="small">
              {group.sheet}: {counts(group.errors, group.warnings)}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {group.issues.map((issue, n) => {
                  const place = (
                    <span className={styles.line}>
                      <Badge
                        size="medium"
                        shape="rounded"
                        color={issue.severity === 'error' ? 'danger' : 'warning'}
                        appearance="filled"
                        className={styles.badge}
                      >
                        <span className={layout.visuallyHidden}>{issue.severity} </span>
                        {issue.cell ?? (issue.row ? `row ${issue.row}` : group.sheet === WHOLE_WORKBOOK ? 'all' : '—')}
                      </Badge>
                      <span>{issue.message}</span>
                    </span>
                  );
                  return (
                    <li key={n}>
                      {issue.cell ? (
                        <Button
                          appearance="subtle"
                          size="small"
                          disabled={props.disabled}
                          onClick={() => onSelect(issue)}
                          data-cell={issue.cell}
                          className={styles.issue}
                        >
                          {place}
                        </Button>
                      ) : (
                        // No cell to go to: plain text at full contrast, not a disabled button.
                        <Text size={200} className={styles.text} data-testid="issue-without-cell">
                          {place}
                        </Text>
                      )}
                    </li>
                  );
                })}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {more ? <Text size={200}>{more}</Text> : null}
    </section>
  );
}
