/**
 * A register version's issues for the page: the cross-partner issues (the register's own checks, which no
 * single workbook can fix) first, then each partner's workbook notes grouped under the organisation's name,
 * errors before warnings.
 */
import { datesInWords } from '../../../shared/displayFormat.js';
import type { Issue } from '../../../shared/issues.js';
import type { Register } from '../../../shared/types.js';

export interface IssueLine {
  severity: 'error' | 'warning';
  message: string;
  /** "Commitments, row 3 (G3)" when the issue points at a cell. */
  where: string | null;
}

export interface IssueGroups {
  crossPartner: IssueLine[];
  byOrganisation: { organisation: string; issues: IssueLine[] }[];
  errors: number;
  warnings: number;
}

function line(issue: Issue): IssueLine {
  const at = [issue.sheet, issue.row !== undefined ? `row ${issue.row}` : null].filter(Boolean).join(', ');
  return {
    severity: issue.severity,
    message: datesInWords(issue.message),
    where: at ? `${at}${issue.cell ? ` (${issue.cell})` : ''}` : null,
  };
}

const bySeverity = (a: IssueLine, b: IssueLine) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);

export function issueGroups(register: Register): IssueGroups {
  const names = new Map(register.organisations.map((o) => [o.id, o.name]));
  const crossPartner: IssueLine[] = [];
  const grouped = new Map<string, IssueLine[]>();
  for (const issue of register.issues) {
    if (!issue.organisationId || issue.code.startsWith('register/')) crossPartner.push(line(issue));
    else {
      const name = names.get(issue.organisationId) ?? issue.organisationId;
      grouped.set(name, [...(grouped.get(name) ?? []), line(issue)]);
    }
  }
  return {
    crossPartner: crossPartner.sort(bySeverity),
    byOrganisation: [...grouped]
      .sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
      .map(([organisation, issues]) => ({ organisation, issues: issues.sort(bySeverity) })),
    errors: register.issues.filter((i) => i.severity === 'error').length,
    warnings: register.issues.filter((i) => i.severity === 'warning').length,
  };
}
