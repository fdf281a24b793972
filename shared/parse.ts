/**
 * parseWorkbook: raw tables of a partner workbook -> a validated Submission and every issue at once.
 *
 * Decisions (see also shared/cells.ts and shared/rules/):
 * - Each of the five tables must be present (`table/missing`), but a table may have no data rows: a partner
 *   with no commitments, roles or participation is legitimate. An empty Contacts table fails the
 *   one-primary-Point-of-contact rule; an empty About table lacks its required fields.
 * - Issues carry the Organisation ID of About once it is found in the catalogue, and come sorted by sheet
 *   (workbook order) then row, issues about a whole sheet (no row) last; issues of one row keep their order.
 * - Linear in the number of rows: duplicate checks use maps.
 */
import { ABOUT, COMMITMENTS, CONTACTS, PARTICIPATION, ROLES, TABLES } from './contract.js';
import { hasErrors, type Issue } from './issues.js';
import { readAbout } from './rules/about.js';
import { readCommitments } from './rules/commitments.js';
import { readContacts } from './rules/contacts.js';
import { readParticipation } from './rules/participation.js';
import { readRoles } from './rules/roles.js';
import { IssueList, locateTable } from './table.js';
import type { Catalogue, ParseResult, RawTables, Submission } from './types.js';

export interface ParseOptions {
  /** The organisation the submitter may write for; a workbook for another is `about/organisation-not-yours`. */
  expectedOrganisationId?: string;
}

export function parseWorkbook(tables: RawTables, catalogue: Catalogue, opts: ParseOptions = {}): ParseResult {
  const issues = new IssueList();
  const about = readAbout(locateTable(tables, ABOUT, issues), catalogue, opts, issues);
  const contacts = readContacts(locateTable(tables, CONTACTS, issues), issues);
  const commitments = readCommitments(locateTable(tables, COMMITMENTS, issues), catalogue.partnership, issues);
  const roles = readRoles(locateTable(tables, ROLES, issues), catalogue.activities, issues);
  const participation = readParticipation(locateTable(tables, PARTICIPATION, issues), issues);

  const organisationId = about.organisation?.id;
  const sorted = sortIssues(issues.items).map((i): Issue => (organisationId ? { ...i, organisationId } : i));
  if (hasErrors(sorted) || !about.about || !organisationId) {
    return { organisationId: organisationId ?? null, submission: null, issues: sorted };
  }
  const submission: Submission = { organisationId, about: about.about, contacts, commitments, roles, participation };
  return { organisationId, submission, issues: sorted };
}

/** Sheet in workbook order, then row (issues of a whole sheet after its rows); stable within a row. */
function sortIssues(issues: readonly Issue[]): Issue[] {
  const order = new Map<string, number>(TABLES.map((t, i) => [t.name.toLowerCase(), i]));
  const rank = (i: Issue): number => (i.sheet === undefined ? -1 : (order.get(i.sheet.toLowerCase()) ?? TABLES.length));
  return issues
    .map((issue, n) => ({ issue, n }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.row ?? Infinity) - (b.issue.row ?? Infinity) || a.n - b.n)
    .map((x) => x.issue);
}
