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
} from '@fluentui/react-components';
import type { IssueReport } from '../../shared/issueReport.js';
import { unlistedIssuesSentence } from '../../shared/issueReport.js';
import type { Issue } from '../../shared/issues.js';
import type { SheetIssues } from './model/check.js';

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
              <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 2 }}>
                {group.issues.map((issue, n) => (
                  <li key={n}>
                    <Button
                      appearance="subtle"
                      size="small"
                      disabled={props.disabled || !issue.cell}
                      onClick={() => onSelect(issue)}
                      data-cell={issue.cell ?? ''}
                      style={{
                        textAlign: 'left',
                        justifyContent: 'flex-start',
                        height: 'auto',
                        whiteSpace: 'normal',
                        width: '100%',
                      }}
                      aria-label={`${issue.severity}${issue.cell ? ` in ${group.sheet} ${issue.cell}` : ''}: ${issue.message}`}
                    >
                      <span style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
                        <Badge
                          size="medium"
                          shape="rounded"
                          color={issue.severity === 'error' ? 'danger' : 'warning'}
                          appearance="filled"
                          style={{ flexShrink: 0 }}
                        >
                          {issue.cell ?? (issue.row ? `row ${issue.row}` : '—')}
                        </Badge>
                        <span>{issue.message}</span>
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {more ? <Text size={200}>{more}</Text> : null}
    </section>
  );
}
