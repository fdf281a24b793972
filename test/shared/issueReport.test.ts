/** A report's issue list is capped, while its counts cover every issue (shared/issueReport.ts). */
import { makeIssue, type Issue } from '../../shared/issues.js';
import { ISSUE_LIST_LIMIT, issueReport, unlistedIssueCount, unlistedIssuesSentence } from '../../shared/issueReport.js';

function junk(n: number): Issue[] {
  const issues: Issue[] = [];
  for (let r = 0; r < n; r++) {
    issues.push(makeIssue('cell/required', `Row ${r + 2}: Name is required.`, { sheet: 'Contacts', row: r + 2 }));
    if (r % 4 === 0)
      issues.push(makeIssue('cell/enum', `Row ${r + 2}: not a role.`, { sheet: 'Contacts', row: r + 2 }));
    if (r % 10 === 0) issues.push(makeIssue('table/extra-column', 'An extra column.', { sheet: 'Contacts' }));
  }
  return issues;
}

test('a long list keeps its first 1,000 issues in order, and counts every issue by severity and code', () => {
  const issues = junk(20_000);
  const report = issueReport(issues);
  expect(ISSUE_LIST_LIMIT).toBe(1000);
  expect(report.truncated).toBe(true);
  expect(report.issues).toHaveLength(1000);
  expect(report.issues).toEqual(issues.slice(0, 1000));
  expect(report.errors).toBe(25_000);
  expect(report.warnings).toBe(2_000);
  expect(report.byCode).toEqual({ 'table/extra-column': 2_000, 'cell/required': 20_000, 'cell/enum': 5_000 });
  expect(unlistedIssueCount(report)).toBe(26_000);
  expect(unlistedIssuesSentence(report, 'run with --json to list every one')).toBe(
    '26,000 more issues are not listed (of 27,000: cell/required 20,000, cell/enum 5,000, table/extra-column 2,000): run with --json to list every one.',
  );
});

test('a short list is listed whole, not truncated, and needs no sentence', () => {
  const issues = junk(3);
  const report = issueReport(issues);
  expect(report).toEqual({
    errors: 4,
    warnings: 1,
    byCode: { 'table/extra-column': 1, 'cell/required': 3, 'cell/enum': 1 },
    truncated: false,
    issues,
  });
  expect(unlistedIssuesSentence(report)).toBeNull();
  expect(issueReport(issues, 5).truncated).toBe(false);
  expect(issueReport(issues, 4).truncated).toBe(true);
  expect(issueReport([])).toEqual({ errors: 0, warnings: 0, byCode: {}, truncated: false, issues: [] });
});

test('a cap of one issue counts the others in one sentence', () => {
  const report = issueReport(junk(1).slice(0, 2), 1);
  expect(unlistedIssuesSentence(report)).toBe('1 more issue is not listed (of 2: cell/required 1, cell/enum 1).');
  expect(() => issueReport([], -1)).toThrow(RangeError);
});
