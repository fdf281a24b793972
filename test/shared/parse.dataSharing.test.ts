/**
 * The Data sharing table of contract 1.1 (docs/workbook-contract.md, "Data sharing"): optional, read into
 * `submission.dataSharing`, and each rule at its cell. The rules' codes are also in test/shared/parse.test.ts's table
 * of cases (one issue each, nothing else going wrong).
 */
import type { Issue } from '../../shared/issues.js';
import { parseWorkbook } from '../../shared/parse.js';
import { matchRecipients } from '../../shared/rules/dataSharing.js';
import type { RawTables } from '../../shared/types.js';
import { LEEDS, NHS, POLICE, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, withDataSharing } from '../helpers/rawTables.js';

const catalogue = testCatalogue();
const parse = (tables: RawTables) => parseWorkbook(tables, catalogue);
const places = (issues: Issue[]) => issues.map((i) => [i.code, i.severity, i.cell]);

describe('Data sharing is optional', () => {
  it('a contract 1 workbook (no sheet) gives the same submission as before: no dataSharing key, no issue', () => {
    const { submission, issues } = parse(goodRawTables(catalogue));
    expect(issues).toEqual([]);
    expect(submission).not.toBeNull();
    expect('dataSharing' in submission!).toBe(false);
  });

  it('an empty Data sharing table is valid and adds nothing to the submission', () => {
    const tables = withDataSharing(goodRawTables(catalogue), []);
    const { submission, issues } = parse(tables);
    expect(issues).toEqual([]);
    expect('dataSharing' in submission!).toBe(false);
  });

  it('a Data sharing table without a required column is table/missing-column', () => {
    const tables = withDataSharing(goodRawTables(catalogue));
    const t = tables['Data sharing']!;
    for (const row of t.values) row.splice(7, 1); // Controller role
    expect(places(parse(tables).issues)).toEqual([['table/missing-column', 'error', undefined]]);
  });
});

describe('Data sharing rows', () => {
  it('are read into the submission with enum ids, recipients as ids in id order, and dates as yyyy-mm-dd', () => {
    const tables = withDataSharing(goodRawTables(catalogue, POLICE), [
      {
        Ref: 'DS1',
        Dataset: 'Recorded crime',
        Recipients: 'leeds-cc; NHS West Yorkshire ICB ;Leeds City Council',
        'Personal data': 'criminal offence',
        'Lawful basis': 'Law enforcement',
        Condition: 'DPA 2018 Schedule 8',
        'Controller role': 'Controller',
        'Review date': 46113,
        Status: 'Agreed',
      },
      { Dataset: 'Incident counts', Recipients: 'all partners', 'Personal data': 'Aggregated', 'Lawful basis': null },
    ]);
    const { submission, issues } = parse(tables);
    expect(issues).toEqual([]);
    expect(submission!.dataSharing).toEqual([
      {
        ref: 'DS1',
        dataset: 'Recorded crime',
        recipients: [LEEDS, NHS],
        purpose: 'Population health analysis',
        personalData: 'criminal-offence',
        lawfulBasis: 'law-enforcement',
        condition: 'DPA 2018 Schedule 8',
        controllerRole: 'controller',
        agreementRef: 'ISG-0001',
        dpiaRef: 'DPIA-01',
        reviewDate: '2026-04-01',
        retention: 'Two years',
        status: 'agreed',
        notes: null,
      },
      expect.objectContaining({ ref: 'S2', recipients: 'all', personalData: 'aggregated', lawfulBasis: null }),
    ]);
  });

  it('need nothing more for None and Aggregated data: no lawful basis, condition, DPIA, review or agreement', () => {
    const blank = {
      'Lawful basis': null,
      Condition: null,
      'Agreement ref': null,
      'DPIA ref': null,
      'Review date': null,
    };
    const tables = withDataSharing(goodRawTables(catalogue), [
      { ...blank, 'Personal data': 'None' },
      { ...blank, 'Personal data': 'Aggregated' },
    ]);
    expect(parse(tables).issues).toEqual([]);
  });

  it('of pseudonymised data need a lawful basis but no condition, DPIA, review date or agreement', () => {
    const tables = withDataSharing(goodRawTables(catalogue), [
      {
        'Personal data': 'Pseudonymised',
        Condition: null,
        'DPIA ref': null,
        'Review date': null,
        'Agreement ref': null,
      },
    ]);
    expect(parse(tables).issues).toEqual([]);
  });

  it('report every problem of a row at its own cell, errors blocking the submission', () => {
    const tables = withDataSharing(goodRawTables(catalogue), [
      {
        'Personal data': 'Special category',
        'Lawful basis': null,
        Condition: null,
        'DPIA ref': null,
        'Review date': null,
        'Agreement ref': null,
      },
    ]);
    const { submission, issues } = parse(tables);
    expect(submission).toBeNull();
    expect(places(issues)).toEqual([
      ['data-sharing/lawful-basis-required', 'error', 'F2'],
      ['data-sharing/condition-required', 'error', 'G2'],
      ['data-sharing/no-dpia', 'warning', 'J2'],
      ['data-sharing/no-review-date', 'warning', 'K2'],
      ['data-sharing/no-agreement', 'warning', 'I2'],
    ]);
    expect(issues.every((i) => i.sheet === 'Data sharing' && i.row === 2 && i.organisationId === LEEDS)).toBe(true);
  });

  it('keep the warnings with an accepted submission', () => {
    const tables = withDataSharing(goodRawTables(catalogue), [{ 'DPIA ref': null, 'Review date': '2028-04-01' }]);
    const { submission, issues } = parse(tables);
    expect(places(issues)).toEqual([['data-sharing/no-dpia', 'warning', 'J2']]);
    expect(submission!.dataSharing).toHaveLength(1);
  });

  it('check each cell by its column: required, enumeration, length, date; a refused lawful basis is not also "required"', () => {
    const tables = withDataSharing(goodRawTables(catalogue), [
      { Dataset: null, 'Personal data': 'Secret', 'Controller role': 'Owner', Status: null },
      { Purpose: 'x'.repeat(501), 'Lawful basis': 'Because', 'Review date': 'soon', Dataset: 'y'.repeat(201) },
    ]);
    expect(places(parse(tables).issues)).toEqual([
      ['cell/required', 'error', 'B2'],
      ['cell/enum', 'error', 'E2'],
      ['cell/enum', 'error', 'H2'],
      ['cell/required', 'error', 'M2'],
      ['cell/too-long', 'error', 'B3'],
      ['cell/too-long', 'error', 'D3'],
      ['cell/enum', 'error', 'F3'],
      ['cell/format', 'error', 'K3'],
    ]);
  });

  it('need their own Ref (ignoring case), and blank Refs may repeat', () => {
    const tables = withDataSharing(goodRawTables(catalogue), [
      { Ref: 'DS1' },
      { Ref: 'ds1 ' },
      { Ref: null },
      { Ref: null },
    ]);
    const { issues } = parse(tables);
    expect(places(issues)).toEqual([['row/duplicate', 'error', 'A3']]);
    expect(issues[0]!.message).toBe('Ref "ds1" is already used in row 2; each dataset needs its own Ref (or none).');
  });

  it('report each unknown recipient, and All partners among named ones', () => {
    const tables = withDataSharing(goodRawTables(catalogue), [
      { Recipients: 'Leeds City Council; Cake Co; Pie Ltd' },
      { Recipients: 'All partners; nhs-wy' },
      { Recipients: ' ; ' },
    ]);
    const { issues } = parse(tables);
    expect(places(issues)).toEqual([
      ['data-sharing/unknown-recipient', 'error', 'C2'],
      ['data-sharing/unknown-recipient', 'error', 'C2'],
      ['data-sharing/unknown-recipient', 'error', 'C3'],
    ]);
    expect(issues[2]!.message).toBe(
      'Recipients names "All partners" among other recipients; write "All partners" on its own, or name each recipient.',
    );
  });

  it('a review date after the MoU ends is fine', () => {
    const tables = withDataSharing(goodRawTables(catalogue), [{ 'Review date': '2030-01-01' }]);
    expect(parse(tables).issues).toEqual([]);
  });
});

describe('matchRecipients', () => {
  it('matches ids and names ignoring case and spacing, in id order without repeats', () => {
    expect(matchRecipients('west  yorkshire police;LEEDS-CC;leeds city council', catalogue.organisations)).toEqual({
      recipients: [LEEDS, POLICE],
      unknown: [],
    });
    expect(matchRecipients(' ALL PARTNERS ', catalogue.organisations)).toEqual({ recipients: 'all', unknown: [] });
  });
});
