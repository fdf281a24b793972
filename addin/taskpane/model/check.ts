/**
 * The pane's view of a workbook's issues: the report of shared/checkWorkbook.ts (the pane checks the workbook
 * with it, no round trip) or of a 422 the service sent, its listed issues grouped by sheet for the list.
 */
import { issueReport, type IssueReport } from '../../../shared/issueReport.js';
import type { Issue } from '../../../shared/issues.js';

/** Issues without a sheet are listed under this heading. */
export const WHOLE_WORKBOOK = 'Workbook';

export interface SheetIssues {
  sheet: string;
  errors: number;
  warnings: number;
  /** The listed issues of this sheet (the report lists the first ISSUE_LIST_LIMIT of all). */
  issues: Issue[];
}

/** A report of issues and its listed issues by sheet, as the issue list shows them. */
export interface SheetReport {
  report: IssueReport;
  bySheet: SheetIssues[];
}

/** Listed issues by sheet, in the report's order (which is workbook order). */
export function groupBySheet(issues: readonly Issue[]): SheetIssues[] {
  const groups = new Map<string, SheetIssues>();
  for (const issue of issues) {
    const sheet = issue.sheet ?? WHOLE_WORKBOOK;
    let group = groups.get(sheet);
    if (!group) {
      group = { sheet, errors: 0, warnings: 0, issues: [] };
      groups.set(sheet, group);
    }
    group.issues.push(issue);
    if (issue.severity === 'error') group.errors++;
    else group.warnings++;
  }
  return [...groups.values()];
}

/** A report (the pane's own check's) with its listed issues by sheet. */
export function sheetReportOf(report: IssueReport): SheetReport {
  return { report, bySheet: groupBySheet(report.issues) };
}

/** What a 422 says beyond its listed issues, when it capped them (server: shared/issueReport.ts). */
export interface ServiceCounts {
  errorCount?: number;
  byCode?: Record<string, number>;
  truncated?: boolean;
}

/**
 * A report of issues the service sent (a 422), shown the same way as the pane's own; when the service listed
 * only the first of them, its counts of all of them.
 */
export function reportOf(issues: readonly Issue[], counts: ServiceCounts = {}): SheetReport {
  let report = issueReport(issues);
  if (counts.truncated && counts.byCode && counts.errorCount !== undefined) {
    const total = Object.values(counts.byCode).reduce((n, c) => n + c, 0);
    report = {
      ...report,
      errors: counts.errorCount,
      warnings: Math.max(0, total - counts.errorCount),
      byCode: counts.byCode as IssueReport['byCode'],
      truncated: true,
    };
  }
  return sheetReportOf(report);
}
