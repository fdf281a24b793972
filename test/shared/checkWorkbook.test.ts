/**
 * The one check of a workbook (shared/checkWorkbook.ts): the organisation, the submission and its canonical
 * text and digest when valid (the digest the store records, whichever SHA-256 made it), and the issue report
 * capped as every report is.
 */
import { describe, expect, test } from '@jest/globals';
import { checkWorkbook } from '../../shared/checkWorkbook.js';
import { canonicalJson, digestOf } from '../../shared/digest.js';
import { ISSUE_LIST_LIMIT } from '../../shared/issueReport.js';
import { nativeDigestOf, nativeSha256Hex } from '../../server/store/nativeDigest.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { aboutRow, fillCommitments, goodRawTables, setCell } from '../helpers/rawTables.js';

const catalogue = testCatalogue();

describe('checkWorkbook', () => {
  test('a valid workbook: its submission, canonical text and digest, the same with either SHA-256', () => {
    const portable = checkWorkbook(goodRawTables(catalogue, LEEDS), catalogue, { expectedOrganisationId: LEEDS });
    expect(portable.organisationId).toBe(LEEDS);
    expect(portable.submission).not.toBeNull();
    expect(portable.canonical).toBe(canonicalJson(portable.submission));
    expect(portable.digest).toBe(digestOf(portable.submission));
    expect(portable.digest).toBe(nativeDigestOf(portable.submission));
    const native = checkWorkbook(goodRawTables(catalogue, LEEDS), catalogue, { sha256Hex: nativeSha256Hex });
    expect(native).toEqual(portable);
    expect(portable.warnings).toEqual(portable.report.issues);
    expect(portable.report).toMatchObject({ errors: 0, truncated: false });
  });

  test('a workbook with errors: no submission, canonical text or digest, and the first issues listed', () => {
    // Every commitment's quantity refused: well over a report's list.
    let tables = fillCommitments(goodRawTables(catalogue, LEEDS), ISSUE_LIST_LIMIT + 200);
    for (let row = 1; row <= ISSUE_LIST_LIMIT + 200; row++)
      tables = setCell(tables, 'Commitments', row, 'Quantity', 'lots');
    const check = checkWorkbook(tables, catalogue, { expectedOrganisationId: LEEDS });
    expect(check).toMatchObject({
      organisationId: LEEDS,
      submission: null,
      canonical: null,
      digest: null,
      warnings: [],
    });
    expect(check.report.truncated).toBe(true);
    expect(check.report.issues).toHaveLength(ISSUE_LIST_LIMIT);
    expect(check.report.errors).toBeGreaterThanOrEqual(ISSUE_LIST_LIMIT + 200);
    // The CLI lists every one.
    const all = checkWorkbook(tables, catalogue, { expectedOrganisationId: LEEDS, listLimit: 'all' });
    expect(all.report.truncated).toBe(false);
    expect(all.report.issues).toHaveLength(all.report.errors + all.report.warnings);
    expect(all.report.issues.slice(0, ISSUE_LIST_LIMIT)).toEqual(check.report.issues);
  });

  test('a workbook whose About names no organisation is for the one expected', () => {
    const good = goodRawTables(catalogue, LEEDS);
    const tables = setCell(good, 'About', aboutRow(good, 'Organisation ID'), 'Value', '');
    expect(checkWorkbook(tables, catalogue, { expectedOrganisationId: LEEDS }).organisationId).toBe(LEEDS);
    expect(checkWorkbook(tables, catalogue).organisationId).toBeNull();
  });
});
