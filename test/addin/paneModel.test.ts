/**
 * The pane's own logic, in Node: stored submissions written back as rows (Get latest) read back as the same
 * submission; the check's grouping and digest agree with the service's; the conflict diff names rows and
 * fields; a register becomes the PMG's sheets with the role matrix and totals.
 */
import { describe, expect, test } from '@jest/globals';
import { TABLES } from '../../shared/contract.js';
import { consolidate } from '../../shared/consolidate.js';
import { canonicalJson } from '../../shared/digest.js';
import { parseWorkbook } from '../../shared/parse.js';
import { sha256Hex } from '../../shared/digest.js';
import type { RawTables, Submission, SubmissionSource } from '../../shared/types.js';
import { groupBySheet, reportOf, sheetReportOf, WHOLE_WORKBOOK } from '../../addin/taskpane/model/check.js';
import { checkWorkbook } from '../../shared/checkWorkbook.js';
import { nativeSha256Hex } from '../../server/store/nativeDigest.js';
import { submissionRows } from '../../addin/taskpane/model/submissionRows.js';
import { describeChanges, describeFates } from '../../addin/taskpane/model/mergeText.js';
import { fateOfChanges, mergeThreeWay } from '../../shared/merge.js';
import { registerSheets, RACI_FILLS } from '../../addin/taskpane/model/registerSheets.js';
import { testCatalogue, LEEDS } from '../helpers/catalogue.js';
import { goodRawTables, setCell, removeRow } from '../helpers/rawTables.js';

const catalogue = testCatalogue();

function tablesOf(submission: Submission): RawTables {
  const rows = submissionRows(submission);
  return Object.fromEntries(
    TABLES.map((def) => [
      def.name,
      { sheet: def.name, topLeft: 'A1', values: [def.columns.map((c) => c.header), ...(rows[def.name] ?? [])] },
    ]),
  );
}

function submissionOf(tables: RawTables): Submission {
  const parsed = parseWorkbook(tables, catalogue);
  if (!parsed.submission) throw new Error(JSON.stringify(parsed.issues));
  return parsed.submission;
}

describe('submissionRows (Get latest, take theirs)', () => {
  test.each(catalogue.organisations.map((o) => o.id))('%s: rows written back read as the same submission', (id) => {
    const submission = submissionOf(goodRawTables(catalogue, id));
    expect(submissionOf(tablesOf(submission))).toEqual(submission);
  });

  test('enumerations as labels and booleans as Yes/No, as a line manager types them', () => {
    const rows = submissionRows(submissionOf(goodRawTables(catalogue, LEEDS)));
    expect(rows.Contacts?.[0]).toEqual(expect.arrayContaining(['Point of contact', 'Yes']));
    expect(rows.About?.[0]).toEqual(['Organisation ID', LEEDS]);
    expect(rows.Commitments?.[0]).toEqual(expect.arrayContaining(['Analyst time', 'FTE', 'Agreed']));
  });
});

describe('checkWorkbook in the pane', () => {
  test('a valid workbook: no issues, and the digest the service stores for it', () => {
    const result = checkWorkbook(goodRawTables(catalogue, LEEDS), catalogue, { expectedOrganisationId: LEEDS });
    expect(result.report.errors).toBe(0);
    expect(result.submission).not.toBeNull();
    // The store's digest: sha256 of the canonical JSON it writes (server/store/submissions.ts).
    expect(result.canonical).toBe(canonicalJson(result.submission));
    expect(result.digest).toBe(`sha256:${sha256Hex(canonicalJson(result.submission))}`);
    // The service's check hashes with node:crypto: the same digest.
    const onService = checkWorkbook(goodRawTables(catalogue, LEEDS), catalogue, {
      expectedOrganisationId: LEEDS,
      sha256Hex: nativeSha256Hex,
    });
    expect(onService.digest).toBe(result.digest);
  });

  test('issues grouped by sheet in workbook order, with counts', () => {
    let tables = goodRawTables(catalogue, LEEDS);
    tables = setCell(tables, 'Contacts', 1, 'Email', 'not an address');
    tables = setCell(tables, 'Commitments', 1, 'Quantity', -1);
    tables = setCell(tables, 'Commitments', 2, 'Unit', 'Parsecs');
    const { Participation: _dropped, ...withoutParticipation } = tables;
    const check = checkWorkbook(withoutParticipation, catalogue, { expectedOrganisationId: LEEDS });
    expect(check.submission).toBeNull();
    expect(check.digest).toBeNull();
    const result = sheetReportOf(check.report);
    expect(result.bySheet.map((g) => [g.sheet, g.errors])).toEqual([
      ['Contacts', 1],
      ['Commitments', 2],
      ['Participation', 1],
    ]);
    expect(result.bySheet[0]?.issues[0]?.cell).toBe('C2');
  });

  test('issues without a sheet are grouped under their own heading, first', () => {
    const groups = groupBySheet([
      { severity: 'warning', code: 'about/differs-from-catalogue', message: 'a', sheet: 'About', cell: 'B3' },
      { severity: 'error', code: 'about/unknown-organisation', message: 'b' },
    ]);
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings])).toEqual([
      ['About', 0, 1],
      [WHOLE_WORKBOOK, 1, 0],
    ]);
  });

  test('a capped 422 from the service is reported with its counts of every issue', () => {
    const listed = [{ severity: 'error', code: 'cell/required', message: 'a', sheet: 'Contacts', cell: 'A2' }] as const;
    const { report } = reportOf([...listed], {
      errorCount: 1500,
      byCode: { 'cell/required': 1500, 'table/extra-column': 2 },
      truncated: true,
    });
    expect(report).toMatchObject({ errors: 1500, warnings: 2, truncated: true });
    expect(report.issues).toHaveLength(1);
  });

  test('another organisation’s workbook is refused as the service refuses it', () => {
    const result = checkWorkbook(goodRawTables(catalogue, LEEDS), catalogue, {
      expectedOrganisationId: catalogue.organisations[1]!.id,
    });
    expect(result.report.issues.map((i) => i.code)).toContain('about/organisation-not-yours');
  });
});

describe('a merge in the workbook’s words (a 412)', () => {
  test('sheets, rows and headers name each change; the fate of one’s changes names who saved after them', () => {
    const base = submissionOf(goodRawTables(catalogue, LEEDS));
    const mine = submissionOf(setCell(goodRawTables(catalogue, LEEDS), 'Contacts', 1, 'Job title', 'Head of Data'));
    let theirsTables = removeRow(goodRawTables(catalogue, LEEDS), 'Commitments', 2);
    theirsTables = setCell(theirsTables, 'About', 6, 'Value', 'Someone Else');
    const theirs = submissionOf(theirsTables);
    const merge = mergeThreeWay(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(describeChanges(merge.fromMine)).toMatch(/^Contacts .+: Job title$/);
    expect(describeChanges(merge.fromTheirs)).toMatch(/^About: MoU signatory; Commitments A2 · .+ removed$/);
    expect(describeFates(fateOfChanges(base, theirs, merge.merged), ['b@example.org'])).toMatch(
      /^Your changes merged by b@example\.org: About: MoU signatory; Commitments A2 .+ removed\.$/,
    );
    expect(describeFates(fateOfChanges(base, theirs, mine), ['b@example.org'])).toMatch(
      /^Your changes overwritten by b@example\.org: About: MoU signatory; Commitments A2 .+ removed\.$/,
    );
  });
});

describe('registerSheets (the PMG loads a register)', () => {
  const sources: SubmissionSource[] = catalogue.organisations.map((o, n) => {
    const submission = submissionOf(goodRawTables(catalogue, o.id));
    return { organisationId: o.id, version: n + 1, digest: `sha256:${n}`, submission, warnings: [] };
  });
  const register = consolidate(catalogue, sources, { version: 3, createdAt: '2026-01-01T00:00:00.000Z' });

  test('one sheet per appendix, named for the version, within Excel’s 31 characters', () => {
    const sheets = registerSheets(register);
    expect(sheets.map((s) => s.name)).toEqual([
      'v3 Partners',
      'v3 Contacts',
      'v3 Commitments',
      'v3 Totals',
      'v3 Role matrix',
      'v3 Participation',
      'v3 Issues',
    ]);
    for (const s of sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      for (const row of s.rows) expect(row).toHaveLength(s.header.length);
    }
  });

  test('the role matrix holds each organisation’s letter for each activity, coloured', () => {
    const matrix = registerSheets(register).find((s) => s.name === 'v3 Role matrix')!;
    expect(matrix.fills).toEqual(RACI_FILLS);
    for (const role of register.roles) {
      const row = matrix.rows.find((r) => r[0] === role.activity)!;
      const org = register.organisations.find((o) => o.id === role.organisationId)!;
      expect(row[matrix.header.indexOf(org.name)]).toBe(role.role.charAt(0).toUpperCase());
    }
  });

  test('totals per organisation and for all partners', () => {
    const totals = registerSheets(register).find((s) => s.name === 'v3 Totals')!;
    const last = totals.rows.at(-1)!;
    expect(last[0]).toBe('All partners');
    const fte = register.totals.byOrganisation.reduce((n, t) => n + t.analystFte, 0);
    expect(last[1]).toBeCloseTo(fte, 4);
  });

  test('dates in words and money without pence when whole, as the register page and the appendices show them', () => {
    const sheets = registerSheets(register);
    const partners = sheets.find((s) => s.name === 'v3 Partners')!;
    expect(partners.numberFormats![partners.header.indexOf('MoU signed on')]).toBe('d mmmm yyyy');
    const commitments = sheets.find((s) => s.name === 'v3 Commitments')!;
    expect(commitments.numberFormats![commitments.header.indexOf('Start')]).toBe('d mmmm yyyy');
    expect(commitments.widths![commitments.header.indexOf('Start')]).toBeGreaterThanOrEqual('30 September 2025'.length);
    const totals = sheets.find((s) => s.name === 'v3 Totals')!;
    const at = totals.header.indexOf('Funding (GBP per year)');
    const whole = totals.rows.every((r) => Number.isInteger(r[at]));
    expect(whole).toBe(true);
    expect(totals.numberFormats![at]).toBe('"£"#,##0');
    const withPence = registerSheets({
      ...register,
      totals: {
        byOrganisation: register.totals.byOrganisation.map((t, i) =>
          i === 0 ? { ...t, fundingGbpPerYear: 1234.5 } : t,
        ),
      },
    }).find((s) => s.name === 'v3 Totals')!;
    expect(withPence.numberFormats![at]).toBe('"£"#,##0.00');
  });
});
