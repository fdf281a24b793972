/**
 * parseWorkbook: raw tables of a partner workbook -> a validated Submission and every issue at once.
 *
 * Decisions (see also shared/cells.ts and shared/rules/):
 * - Each of the five tables of contract 1 must be present (`table/missing`); Data sharing (contract 1.1) may
 *   be left out. A table may have no data rows, but a table may have no data rows: a partner
 *   with no commitments, roles or participation is legitimate. An empty Contacts table fails the
 *   one-primary-Point-of-contact rule; an empty About table lacks its required fields.
 * - Issues carry the Organisation ID of About once it is found in the catalogue, and come in the order of
 *   `sortIssues`: issues without a sheet first, then sheet by sheet in workbook order, each sheet's rows in
 *   row order and then its issues about the whole sheet (no row); issues of one place keep their order.
 * - Linear in the number of rows: duplicate checks use maps.
 */
import { ABOUT, COMMITMENTS, CONTACTS, DATA_SHARING, PARTICIPATION, ROLES, TABLES } from './contract.js';
import { hasErrors, type Issue } from './issues.js';
import { readAbout } from './rules/about.js';
import { readCommitments } from './rules/commitments.js';
import { readContacts } from './rules/contacts.js';
import { readDataSharing } from './rules/dataSharing.js';
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
  const dataSharing = readDataSharing(locateTable(tables, DATA_SHARING, issues), catalogue, issues);

  const organisationId = about.organisation?.id;
  const sorted = sortIssues(issues.items).map((i): Issue => (organisationId ? { ...i, organisationId } : i));
  if (hasErrors(sorted) || !about.about || !organisationId) {
    return { organisationId: organisationId ?? null, submission: null, issues: sorted };
  }
  const submission: Submission = { organisationId, about: about.about, contacts, commitments, roles, participation };
  // Contract 1.1: only when there are rows, so a contract 1 workbook gives the same submission and digest.
  if (dataSharing.length > 0) submission.dataSharing = dataSharing;
  return { organisationId, submission, issues: sorted };
}

/**
 * Issues without a sheet first; then sheet by sheet: the contract's tables in workbook order (About, Contacts,
 * Commitments, Roles, Participation, Data sharing), then sheets of other names (a table on a sheet named otherwise) in the
 * order their first issue was found; within a sheet by row, its issues without a row after its rows. Sheet
 * names are compared ignoring case. Stable: issues of the same place keep the order they were found in.
 */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const sheetRank = new Map<string, number>(TABLES.map((t, i) => [t.name.toLowerCase(), i]));
  for (const issue of issues) {
    const key = issue.sheet?.toLowerCase();
    if (key !== undefined && !sheetRank.has(key)) sheetRank.set(key, sheetRank.size);
  }
  const rank = (i: Issue): number => (i.sheet === undefined ? -1 : (sheetRank.get(i.sheet.toLowerCase()) ?? -1));
  return issues
    .map((issue, n) => ({ issue, n }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.row ?? Infinity) - (b.issue.row ?? Infinity) || a.n - b.n)
    .map((x) => x.issue);
}
