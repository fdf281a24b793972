/**
 * Every problem the product reports is an Issue. Codes are stable: other programs read them, and
 * docs/issue-codes.md documents them (generated from ISSUE_CODES; a test keeps the two in step).
 */
export type Severity = 'error' | 'warning';

export const ISSUE_CODES = {
  'table/missing': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A required table (sheet) is not in the workbook.',
  },
  'table/missing-column': { severity: 'error', scope: 'workbook', summary: 'A required column header is missing.' },
  'table/extra-column': {
    severity: 'warning',
    scope: 'workbook',
    summary: 'A column the contract does not know; it is ignored.',
  },
  'cell/required': { severity: 'error', scope: 'workbook', summary: 'A required cell is blank.' },
  'cell/type': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A cell holds the wrong kind of value (text where a number or date is needed).',
  },
  'cell/enum': { severity: 'error', scope: 'workbook', summary: 'A value is not one of the allowed choices.' },
  'cell/format': {
    severity: 'error',
    scope: 'workbook',
    summary:
      'A value is badly formed (an email, a date), or text holds a hidden control, bidirectional or format character.',
  },
  'cell/range': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A number is out of its allowed range (a quantity of 0 or less).',
  },
  'cell/too-long': { severity: 'error', scope: 'workbook', summary: 'A text is longer than allowed.' },
  'row/duplicate': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A row repeats a key that must be unique (a Ref, an activity, an About field).',
  },
  'about/unknown-organisation': {
    severity: 'error',
    scope: 'workbook',
    summary: 'The Organisation ID is not in the partnership catalogue.',
  },
  'about/organisation-not-yours': {
    severity: 'error',
    scope: 'workbook',
    summary: 'The workbook is for another organisation than the one submitting it.',
  },
  'about/tier-required': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A governance-and-funding partner of a tiered partnership has no funding tier.',
  },
  'about/differs-from-catalogue': {
    severity: 'warning',
    scope: 'workbook',
    summary: 'About repeats a value that differs from the catalogue; the catalogue wins.',
  },
  'contacts/no-primary': {
    severity: 'error',
    scope: 'workbook',
    summary: 'No contact is the primary Point of contact.',
  },
  'contacts/multiple-primary': {
    severity: 'error',
    scope: 'workbook',
    summary: 'More than one contact is the primary Point of contact.',
  },
  'commitment/unit-mismatch': {
    severity: 'error',
    scope: 'workbook',
    summary: 'The unit does not fit the resource type.',
  },
  'commitment/end-before-start': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A commitment ends before it starts.',
  },
  'commitment/outside-mou-period': {
    severity: 'warning',
    scope: 'workbook',
    summary: 'A commitment falls (partly) outside the MoU period.',
  },
  'roles/unknown-activity': {
    severity: 'error',
    scope: 'workbook',
    summary: 'An activity that is not in the partnership catalogue.',
  },
  'data-sharing/lawful-basis-required': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A dataset with personal data (other than None or Aggregated) has no lawful basis.',
  },
  'data-sharing/condition-required': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A dataset of Special category or Criminal offence data has no Article 9 or 10 condition.',
  },
  'data-sharing/no-dpia': {
    severity: 'warning',
    scope: 'workbook',
    summary: 'A dataset of Special category or Criminal offence data has no DPIA reference.',
  },
  'data-sharing/no-review-date': {
    severity: 'warning',
    scope: 'workbook',
    summary: 'A dataset of Personal, Special category or Criminal offence data has no review date.',
  },
  'data-sharing/no-agreement': {
    severity: 'warning',
    scope: 'workbook',
    summary: 'A dataset of Personal, Special category or Criminal offence data has no agreement reference.',
  },
  'data-sharing/unknown-recipient': {
    severity: 'error',
    scope: 'workbook',
    summary: 'A recipient that is not an organisation of the partnership catalogue.',
  },
  'data-sharing/review-before-mou': {
    severity: 'warning',
    scope: 'workbook',
    summary: 'A review date before the MoU period starts.',
  },
  'register/no-accountable': {
    severity: 'error',
    scope: 'register',
    summary: 'An activity has no accountable organisation.',
  },
  'register/multiple-accountable': {
    severity: 'error',
    scope: 'register',
    summary: 'An activity has more than one accountable organisation.',
  },
  'register/no-responsible': {
    severity: 'warning',
    scope: 'register',
    summary: 'No organisation is responsible or accountable for an activity.',
  },
  'register/missing-submission': {
    severity: 'warning',
    scope: 'register',
    summary: 'A catalogue organisation has no accepted workbook yet.',
  },
  'register/observer-lead': {
    severity: 'warning',
    scope: 'register',
    summary: 'An observer is responsible or accountable for an activity.',
  },
  'register/no-pmg-member': {
    severity: 'warning',
    scope: 'register',
    summary: 'A governing partner has no PMG member contact.',
  },
  'register/unsigned-mou': {
    severity: 'warning',
    scope: 'register',
    summary: 'A governing partner has no MoU signed date.',
  },
  'register/undocumented-data': {
    severity: 'warning',
    scope: 'register',
    summary: 'A partner with an Agreed or Delivered Data commitment has no Data sharing row.',
  },
  'register/no-ig-contact': {
    severity: 'warning',
    scope: 'register',
    summary:
      'A partner sharing Personal, Special category or Criminal offence data has no Information governance lead, Caldicott Guardian or Data Protection Officer contact.',
  },
} as const satisfies Record<string, { severity: Severity; scope: 'workbook' | 'register'; summary: string }>;

export type IssueCode = keyof typeof ISSUE_CODES;

export interface Issue {
  severity: Severity;
  code: IssueCode;
  message: string;
  organisationId?: string;
  sheet?: string;
  /** Excel row number (1-based). */
  row?: number;
  /** Column header as the contract names it. */
  column?: string;
  /** A1 address of the cell, e.g. "C7". */
  cell?: string;
}

/** Where an issue is: every field of Issue besides what it says. */
export type IssuePlace = Omit<Issue, 'code' | 'message' | 'severity'>;

/** An issue with the severity its code has in ISSUE_CODES, and only the place fields that are defined. */
export function makeIssue(code: IssueCode, message: string, place: IssuePlace = {}): Issue {
  const issue: Issue = { severity: ISSUE_CODES[code].severity, code, message };
  if (place.organisationId !== undefined) issue.organisationId = place.organisationId;
  if (place.sheet !== undefined) issue.sheet = place.sheet;
  if (place.row !== undefined) issue.row = place.row;
  if (place.column !== undefined) issue.column = place.column;
  if (place.cell !== undefined) issue.cell = place.cell;
  return issue;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** How many of the issues are errors and how many warnings. */
export function countIssues(issues: readonly { severity: string }[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** "Commitments!C7: message", or just the message when the issue has no place. */
export function formatIssue(issue: Issue): string {
  const place = issue.sheet
    ? `${issue.sheet}${issue.cell ? `!${issue.cell}` : issue.row ? ` row ${issue.row}` : ''}`
    : '';
  return place ? `${place}: ${issue.message}` : issue.message;
}
