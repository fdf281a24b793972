import { DEFAULT_PROJECT } from '../../shared/contract.js';
import { ISSUE_CODES, type Issue, type IssueCode } from '../../shared/issues.js';
import { parseWorkbook, sortIssues } from '../../shared/parse.js';
import type { Catalogue, RawTables, Submission } from '../../shared/types.js';
import { LEEDS, NHS, POLICE, testCatalogue, tieredCatalogue, UNIVERSITY, VOLUNTARY } from '../helpers/catalogue.js';
import {
  addRow,
  excelSerial,
  goodRawTables,
  rawTable,
  removeColumn,
  removeRow,
  setAbout,
  setCell,
  withDataSharing,
} from '../helpers/rawTables.js';

const catalogue = testCatalogue();

function parse(tables: RawTables, cat: Catalogue = catalogue, expectedOrganisationId?: string) {
  return parseWorkbook(tables, cat, expectedOrganisationId === undefined ? {} : { expectedOrganisationId });
}

function only(issues: Issue[], code: IssueCode): Issue[] {
  return issues.filter((i) => i.code === code);
}

describe('a good workbook', () => {
  it('parses to the exact submission, with no issues', () => {
    const result = parse(goodRawTables(catalogue, LEEDS), catalogue, LEEDS);
    const expected: Submission = {
      organisationId: LEEDS,
      about: {
        organisationId: LEEDS,
        organisationName: 'Leeds City Council',
        sector: 'local-government',
        involvement: 'governance-and-funding',
        fundingTier: 1,
        signatory: 'Sam Signer',
        signedOn: '2025-04-01',
      },
      contacts: [
        {
          name: 'Pat Point',
          jobTitle: 'Head of Insight',
          email: 'pat.point@leeds.gov.uk',
          phone: '0113 000 0001',
          contactRole: 'point-of-contact',
          primary: true,
        },
        {
          name: 'Morgan Manager',
          jobTitle: 'Analytics Manager',
          email: 'manager@leeds.gov.uk',
          phone: null,
          contactRole: 'pmg-member',
          primary: false,
        },
        {
          name: 'Sam Signer',
          jobTitle: 'Director',
          email: 'sam.signer@leeds.gov.uk',
          phone: null,
          contactRole: 'mou-signatory',
          primary: false,
        },
      ],
      commitments: [
        {
          ref: 'A1',
          resourceType: 'analyst-time',
          description: 'Data analyst for the partnership',
          quantity: 0.5,
          unit: 'fte',
          start: '2025-04-01',
          end: '2028-03-31',
          project: DEFAULT_PROJECT,
          status: 'agreed',
          notes: null,
        },
        {
          ref: 'A2',
          resourceType: 'analyst-time',
          description: 'Senior analyst support',
          quantity: 4,
          unit: 'days-per-month',
          start: '2025-04-01',
          end: '2028-03-31',
          project: 'Youth violence',
          status: 'proposed',
          notes: 'Subject to budget',
        },
        {
          ref: 'F1',
          resourceType: 'funding',
          description: 'Annual contribution',
          quantity: 25000,
          unit: 'gbp-per-year',
          start: '2025-04-01',
          end: null,
          project: DEFAULT_PROJECT,
          status: 'agreed',
          notes: null,
        },
      ],
      roles: [
        {
          activityId: 'data-sharing',
          activity: 'Data sharing agreements',
          role: 'accountable',
          namedLead: 'Morgan Manager',
          notes: null,
        },
      ],
      participation: [
        {
          forum: 'Programme Management Group',
          representative: 'Morgan Manager',
          frequency: 'monthly',
          channel: 'video-call',
          notes: null,
        },
      ],
    };
    expect(result).toEqual({ organisationId: LEEDS, submission: expected, issues: [] });
  });

  it.each([POLICE, UNIVERSITY, NHS, VOLUNTARY])('is valid for %s too', (id) => {
    const result = parse(goodRawTables(catalogue, id), catalogue, id);
    expect(result.issues).toEqual([]);
    expect(result.submission?.organisationId).toBe(id);
  });

  it('finds tables and headers ignoring case, spacing and column order', () => {
    const good = goodRawTables(catalogue);
    const contacts = good.Contacts!;
    const reordered = contacts.values.map((row) => [...row].reverse());
    reordered[0] = reordered[0]!.map((h) => `  ${String(h).toUpperCase()} `);
    const tables: RawTables = {
      ABOUT: good.About!,
      contacts: { ...contacts, values: reordered },
      commitments: good.Commitments!,
      Roles: good.Roles!,
      PARTICIPATION: good.Participation!,
    };
    expect(parse(tables)).toEqual(parse(goodRawTables(catalogue)));
  });

  it('skips blank rows and still numbers the rows after them by their Excel row', () => {
    const tables = goodRawTables(catalogue);
    tables.Contacts!.values.splice(2, 0, [null, '   ', undefined, { richText: [{ text: ' ' }] }]);
    tables.Contacts!.values.splice(3, 0, []);
    setCell(tables, 'Contacts', 5, 'Email', 'sam at leeds');
    const result = parse(tables);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'cell/format', sheet: 'Contacts', row: 6, column: 'Email', cell: 'C6' }),
    ]);
  });

  it('accepts every date form, numeric text and RACI letters', () => {
    const tables = goodRawTables(catalogue);
    setCell(tables, 'Commitments', 1, 'Start', '01/05/2025');
    setCell(tables, 'Commitments', 1, 'End', excelSerial('2026-03-31'));
    setCell(tables, 'Commitments', 2, 'Start', new Date('2025-06-01T00:00:00Z'));
    setCell(tables, 'Commitments', 2, 'End', '2027-01-31');
    setCell(tables, 'Commitments', 1, 'Quantity', '0.5');
    setCell(tables, 'Commitments', 3, 'Quantity', ' 25,000.50 ');
    setCell(tables, 'Roles', 1, 'Role', 'a');
    addRow(tables, 'Roles', { Activity: 'ANALYTICS-PROJECTS', Role: 'c' });
    addRow(tables, 'Roles', { Activity: ' information  governance review ', Role: 'I' });
    const { submission, issues } = parse(tables);
    expect(issues).toEqual([]);
    expect(submission!.commitments.map((c) => [c.start, c.end, c.quantity])).toEqual([
      ['2025-05-01', '2026-03-31', 0.5],
      ['2025-06-01', '2027-01-31', 4],
      ['2025-04-01', null, 25000.5],
    ]);
    expect(submission!.roles.map((r) => [r.activityId, r.activity, r.role])).toEqual([
      ['data-sharing', 'Data sharing agreements', 'accountable'],
      ['analytics-projects', 'Analytics projects', 'consulted'],
      ['ig-review', 'Information governance review', 'informed'],
    ]);
  });

  it('reads ExcelJS rich text, hyperlinks and formula results', () => {
    const tables = goodRawTables(catalogue);
    setCell(tables, 'Contacts', 1, 'Name', { richText: [{ text: 'Pat ' }, { text: 'Point' }] });
    setCell(tables, 'Contacts', 1, 'Email', { text: 'Pat Point', hyperlink: 'mailto:pat@leeds.gov.uk' });
    setCell(tables, 'Commitments', 1, 'Quantity', { formula: '1/2', result: 0.5 });
    const { submission, issues } = parse(tables);
    expect(issues).toEqual([]);
    expect(submission!.contacts[0]).toMatchObject({ name: 'Pat Point', email: 'pat@leeds.gov.uk' });
    expect(submission!.commitments[0]!.quantity).toBe(0.5);
  });

  it('allows tables with no rows where a partner may have none', () => {
    const tables = goodRawTables(catalogue);
    for (const name of ['Commitments', 'Roles', 'Participation']) tables[name]!.values.splice(1);
    const { submission, issues } = parse(tables);
    expect(issues).toEqual([]);
    expect(submission).toMatchObject({ commitments: [], roles: [], participation: [] });
  });

  it('keeps Primary = Yes on a contact who is not the Point of contact, and blank Primary is No', () => {
    const tables = goodRawTables(catalogue);
    setCell(tables, 'Contacts', 2, 'Primary', 'Yes');
    setCell(tables, 'Contacts', 3, 'Primary', '');
    const { submission, issues } = parse(tables);
    expect(issues).toEqual([]);
    expect(submission!.contacts.map((c) => c.primary)).toEqual([true, true, false]);
  });

  it('keeps the warnings with the submission', () => {
    const tables = goodRawTables(catalogue);
    setAbout(tables, 'Organisation name', 'Leeds CC');
    setCell(tables, 'Commitments', 1, 'Start', '2024-01-01');
    const { submission, issues } = parse(tables);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['about/differs-from-catalogue', 'warning'],
      ['commitment/outside-mou-period', 'warning'],
    ]);
    expect(submission!.about.organisationName).toBe('Leeds CC');
  });
});

interface Case {
  title: string;
  code: IssueCode;
  change: (tables: RawTables) => void;
  catalogue?: Catalogue;
  expectedOrganisationId?: string;
  place: Partial<Issue>;
  message?: string | RegExp;
}

const longText = 'x'.repeat(501);

const cases: Case[] = [
  {
    title: 'a missing sheet',
    code: 'table/missing',
    change: (t) => delete t.Roles,
    place: { sheet: 'Roles' },
    message: 'The workbook has no Roles table; add a Roles sheet with its table.',
  },
  {
    title: 'a table whose position is not a cell',
    code: 'table/missing',
    change: (t) => (t.Participation!.topLeft = 'nowhere'),
    place: { sheet: 'Participation' },
    message: 'The Participation table could not be read: it has no valid top-left cell address ("nowhere").',
  },
  {
    title: 'a missing required column',
    code: 'table/missing-column',
    change: (t) => removeColumn(t, 'Contacts', 'Email'),
    place: { sheet: 'Contacts', row: 1, column: 'Email' },
    message: /^The Contacts table has no "Email" column/,
  },
  {
    title: 'an unknown column',
    code: 'table/extra-column',
    change: (t) => t.Commitments!.values[0]!.push('Budget code'),
    place: { sheet: 'Commitments', row: 1, cell: 'K1' },
    message: /^Column "Budget code" is not part of the Commitments table and is ignored/,
  },
  {
    title: 'a repeated column',
    code: 'table/extra-column',
    change: (t) => t.Roles!.values[0]!.push('role'),
    place: { sheet: 'Roles', row: 1, column: 'Role', cell: 'E1' },
  },
  {
    title: 'an unknown About field',
    code: 'table/extra-column',
    change: (t) => addRow(t, 'About', { Field: 'Budget code', Value: 'X1' }),
    place: { sheet: 'About', row: 9, column: 'Field', cell: 'A9' },
  },
  {
    title: 'a blank required cell',
    code: 'cell/required',
    change: (t) => setCell(t, 'Contacts', 2, 'Name', '  '),
    place: { sheet: 'Contacts', row: 3, column: 'Name', cell: 'A3' },
    message: 'Name is required for each contact. Full name.',
  },
  {
    title: 'a required About field with no row',
    code: 'cell/required',
    change: (t) => removeRow(t, 'About', 2),
    place: { sheet: 'About' },
    message: /^About has no "Organisation name" field/,
  },
  {
    title: 'an About value without its field name',
    code: 'cell/required',
    change: (t) => addRow(t, 'About', { Value: 'Leeds' }),
    place: { sheet: 'About', row: 9, column: 'Field', cell: 'A9' },
    message: 'Field is required for each About row. The name of the field.',
  },
  {
    title: 'text where a number belongs',
    code: 'cell/type',
    change: (t) => setCell(t, 'Commitments', 2, 'Quantity', 'lots'),
    place: { sheet: 'Commitments', row: 3, column: 'Quantity', cell: 'D3' },
    message: 'Quantity "lots" is not a number; type digits such as 0.5 or 1,234.5.',
  },
  {
    title: 'an Excel error',
    code: 'cell/type',
    change: (t) => setCell(t, 'Participation', 1, 'Forum', { error: '#REF!' }),
    place: { sheet: 'Participation', row: 2, column: 'Forum', cell: 'A2' },
    message: /^Forum holds the Excel error #REF!/,
  },
  {
    title: 'a value not in the list',
    code: 'cell/enum',
    change: (t) => setCell(t, 'Commitments', 1, 'Unit', 'Hours'),
    place: { sheet: 'Commitments', row: 2, column: 'Unit', cell: 'E2' },
    message:
      'Unit "Hours" is not one of: FTE, Days per month, Hours per week, GBP, GBP per year, Datasets, Licences, Other.',
  },
  {
    title: 'a bad About value',
    code: 'cell/enum',
    change: (t) => setAbout(t, 'Sector', 'Banking'),
    place: { sheet: 'About', row: 4, column: 'Value', cell: 'B4' },
    message: /^Sector "Banking" is not one of: Local government, Police/,
  },
  {
    title: 'a bad email address',
    code: 'cell/format',
    change: (t) => setCell(t, 'Contacts', 1, 'Email', 'pat.point@leeds'),
    place: { sheet: 'Contacts', row: 2, column: 'Email', cell: 'C2' },
    message: 'Email "pat.point@leeds" is not an email address such as name@example.org.',
  },
  {
    title: 'an impossible date',
    code: 'cell/format',
    change: (t) => setCell(t, 'Commitments', 1, 'Start', '31/02/2025'),
    place: { sheet: 'Commitments', row: 2, column: 'Start', cell: 'F2' },
    message: 'Start "31/02/2025" is not a real date: February 2025 has no day 31.',
  },
  {
    title: 'a quantity of 0',
    code: 'cell/range',
    change: (t) => setCell(t, 'Commitments', 2, 'Quantity', 0),
    place: { sheet: 'Commitments', row: 3, column: 'Quantity', cell: 'D3' },
    message: 'Quantity 0 is not allowed; it must be greater than 0.',
  },
  {
    title: 'a description over 500 characters',
    code: 'cell/too-long',
    change: (t) => setCell(t, 'Commitments', 1, 'Description', longText),
    place: { sheet: 'Commitments', row: 2, column: 'Description', cell: 'C2' },
    message: 'Description is 501 characters long; at most 500 are allowed.',
  },
  {
    title: 'a repeated Ref',
    code: 'row/duplicate',
    change: (t) => setCell(t, 'Commitments', 3, 'Ref', ' a1 '),
    place: { sheet: 'Commitments', row: 4, column: 'Ref', cell: 'A4' },
    message: 'Ref "a1" is already used in row 2; each commitment needs its own Ref (or none).',
  },
  {
    title: 'a repeated activity, by id after name',
    code: 'row/duplicate',
    change: (t) => addRow(t, 'Roles', { Activity: 'data-sharing', Role: 'Informed' }),
    place: { sheet: 'Roles', row: 3, column: 'Activity', cell: 'A3' },
    message: 'Activity "Data sharing agreements" already has a role in row 2; give each activity one row.',
  },
  {
    title: 'a repeated About field',
    code: 'row/duplicate',
    change: (t) => addRow(t, 'About', { Field: 'sector', Value: 'Police' }),
    place: { sheet: 'About', row: 9, column: 'Field', cell: 'A9' },
  },
  {
    title: 'an organisation not in the catalogue',
    code: 'about/unknown-organisation',
    change: (t) => setAbout(t, 'Organisation ID', 'bradford-mdc'),
    place: { sheet: 'About', row: 2, column: 'Value', cell: 'B2' },
    message:
      /^Organisation ID "bradford-mdc" is not in the catalogue of West Yorkshire Office of Data Analytics\. The organisation ids are: leeds-cc, wy-police/,
  },
  {
    title: 'a workbook for another organisation',
    code: 'about/organisation-not-yours',
    change: () => undefined,
    expectedOrganisationId: POLICE,
    place: { sheet: 'About', row: 2, column: 'Value', cell: 'B2', organisationId: LEEDS },
    message:
      'This workbook is for Leeds City Council ("leeds-cc"), but you may submit only for West Yorkshire Police ("wy-police").',
  },
  {
    title: 'a funding partner of a tiered partnership without a tier',
    code: 'about/tier-required',
    catalogue: (() => {
      const c = tieredCatalogue();
      c.organisations[0]!.tier = null;
      return c;
    })(),
    change: (t) => setAbout(t, 'Funding tier', null),
    place: { sheet: 'About', row: 6, column: 'Value', cell: 'B6', organisationId: LEEDS },
  },
  {
    title: 'a sector that differs from the catalogue',
    code: 'about/differs-from-catalogue',
    change: (t) => setAbout(t, 'Sector', 'Health'),
    place: { sheet: 'About', row: 4, cell: 'B4', organisationId: LEEDS },
    message:
      'Sector is "Health" here but "Local government" for Leeds City Council ("leeds-cc") in the partnership catalogue; the catalogue\'s value is used. If the Organisation ID is wrong, correct it; otherwise correct this value, or ask the PMG to correct the catalogue if it is the catalogue that is wrong.',
  },
  {
    title: 'no primary Point of contact',
    code: 'contacts/no-primary',
    change: (t) => setCell(t, 'Contacts', 1, 'Primary', 'No'),
    place: { sheet: 'Contacts', row: 2, column: 'Primary', cell: 'F2' },
  },
  {
    title: 'two primary Points of contact',
    code: 'contacts/multiple-primary',
    change: (t) =>
      addRow(t, 'Contacts', {
        Name: 'Alex',
        Email: 'alex@leeds.gov.uk',
        'Contact role': 'point of contact',
        Primary: 'y',
      }),
    place: { sheet: 'Contacts', row: 5, column: 'Primary', cell: 'F5' },
  },
  {
    title: 'a unit that does not fit the resource type',
    code: 'commitment/unit-mismatch',
    change: (t) => setCell(t, 'Commitments', 1, 'Unit', 'GBP'),
    place: { sheet: 'Commitments', row: 2, column: 'Unit', cell: 'E2' },
    message: 'Unit "GBP" does not fit resource type "Analyst time"; use one of: FTE, Days per month, Hours per week.',
  },
  {
    title: 'an end before the start',
    code: 'commitment/end-before-start',
    change: (t) => setCell(t, 'Commitments', 2, 'End', '31/03/2025'),
    place: { sheet: 'Commitments', row: 3, column: 'End', cell: 'G3' },
    message:
      /^End 31 March 2025 is before Start \d{1,2} [A-Z][a-z]+ \d{4}; a commitment cannot end before it starts\.$/,
  },
  {
    title: 'an end after the MoU period',
    code: 'commitment/outside-mou-period',
    change: (t) => setCell(t, 'Commitments', 1, 'End', '2029-03-31'),
    place: { sheet: 'Commitments', row: 2, column: 'End', cell: 'G2' },
    message:
      'End 31 March 2029 is after the MoU period 1 April 2025 to 31 March 2028 ends; check the date, or note why the commitment runs beyond it.',
  },
  {
    title: 'text with a broken character (an unpaired surrogate)',
    code: 'cell/type',
    change: (t) => setCell(t, 'Contacts', 2, 'Job title', 'Analytics \ud800Manager'),
    place: { sheet: 'Contacts', row: 3, column: 'Job title', cell: 'B3' },
    message: 'Job title contains a broken character (an unpaired surrogate); retype the text.',
  },
  {
    title: 'an About value with a broken character, in rich text',
    code: 'cell/type',
    change: (t) => setAbout(t, 'MoU signatory', { richText: [{ text: 'Sam \udc00' }, { text: 'Signer' }] }),
    place: { sheet: 'About', row: 7, column: 'Value', cell: 'B7' },
    message: 'MoU signatory contains a broken character (an unpaired surrogate); retype the text.',
  },
  {
    title: 'an About table without its Value column: that alone, nothing cascading',
    code: 'table/missing-column',
    change: (t) => removeColumn(t, 'About', 'Value'),
    place: { sheet: 'About', row: 1, column: 'Value' },
    message: /^The About table has no "Value" column/,
  },
  {
    title: 'an activity not in the catalogue',
    code: 'roles/unknown-activity',
    change: (t) => setCell(t, 'Roles', 1, 'Activity', 'Cake baking'),
    place: { sheet: 'Roles', row: 2, column: 'Activity', cell: 'A2' },
    message:
      'Activity "Cake baking" is not an activity of the partnership catalogue. The activities are: Data sharing agreements, Analytics projects, Information governance review.',
  },
  // Data sharing (contract 1.1): each rule at its cell. Columns: A Ref, B Dataset, C Recipients, D Purpose,
  // E Personal data, F Lawful basis, G Condition, H Controller role, I Agreement ref, J DPIA ref, K Review date.
  {
    title: 'personal data without a lawful basis',
    code: 'data-sharing/lawful-basis-required',
    change: (t) => withDataSharing(t, [{ 'Personal data': 'Pseudonymised', 'Lawful basis': null }]),
    place: { sheet: 'Data sharing', row: 2, column: 'Lawful basis', cell: 'F2' },
    message:
      'Lawful basis is required for "Pseudonymised" data: choose the UK GDPR Article 6 basis, or Law enforcement (DPA 2018 Part 3).',
  },
  {
    title: 'special category data without a condition',
    code: 'data-sharing/condition-required',
    change: (t) => withDataSharing(t, [{}, { Condition: '  ' }]),
    place: { sheet: 'Data sharing', row: 3, column: 'Condition', cell: 'G3' },
  },
  {
    title: 'criminal offence data without a DPIA',
    code: 'data-sharing/no-dpia',
    change: (t) => withDataSharing(t, [{ 'Personal data': 'Criminal offence', 'DPIA ref': null }]),
    place: { sheet: 'Data sharing', row: 2, column: 'DPIA ref', cell: 'J2' },
  },
  {
    title: 'personal data without a review date',
    code: 'data-sharing/no-review-date',
    change: (t) => withDataSharing(t, [{ 'Personal data': 'Personal', 'Review date': null }]),
    place: { sheet: 'Data sharing', row: 2, column: 'Review date', cell: 'K2' },
  },
  {
    title: 'personal data without an agreement',
    code: 'data-sharing/no-agreement',
    change: (t) => withDataSharing(t, [{ 'Personal data': 'Personal', 'Agreement ref': null }]),
    place: { sheet: 'Data sharing', row: 2, column: 'Agreement ref', cell: 'I2' },
  },
  {
    title: 'a recipient not in the catalogue',
    code: 'data-sharing/unknown-recipient',
    change: (t) => withDataSharing(t, [{ Recipients: 'West Yorkshire Police; Cake Co' }]),
    place: { sheet: 'Data sharing', row: 2, column: 'Recipients', cell: 'C2' },
    message: /^Recipient "Cake Co" is not an organisation of the partnership catalogue; write "All partners"/,
  },
  {
    title: 'a review date before the MoU starts',
    code: 'data-sharing/review-before-mou',
    change: (t) => withDataSharing(t, [{ 'Review date': '31/03/2025' }]),
    place: { sheet: 'Data sharing', row: 2, column: 'Review date', cell: 'K2' },
    message: 'Review date 31 March 2025 is before the MoU period 1 April 2025 to 31 March 2028 starts; check the date.',
  },
];

describe('issues', () => {
  it('name the organisation of a refused workbook, so its line manager can be told', () => {
    const tables = goodRawTables(catalogue, POLICE);
    setCell(tables, 'Commitments', 1, 'Quantity', 0);
    const result = parse(tables);
    expect(result.submission).toBeNull();
    expect(result.organisationId).toBe(POLICE);
  });

  it.each(cases.map((c) => [c.code, c.title, c] as const))('%s: %s', (_code, _title, c) => {
    const tables = goodRawTables(catalogue);
    c.change(tables);
    const result = parse(tables, c.catalogue ?? catalogue, c.expectedOrganisationId);
    const found = only(result.issues, c.code);
    expect(found).toHaveLength(1);
    const issue = found[0]!;
    expect(issue).toMatchObject({ severity: ISSUE_CODES[c.code].severity, ...c.place });
    if (c.place.cell === undefined) expect(issue.cell).toBeUndefined();
    if (typeof c.message === 'string') expect(issue.message).toBe(c.message);
    else if (c.message) expect(issue.message).toMatch(c.message);
    // Nothing else goes wrong, and an error blocks the submission while a warning does not.
    expect(result.issues.filter((i) => i.code !== c.code && i.severity === 'error')).toEqual([]);
    expect(result.submission === null).toBe(ISSUE_CODES[c.code].severity === 'error');
  });

  it('about a missing Value column are that one issue (no field "is required")', () => {
    const tables = goodRawTables(catalogue);
    removeColumn(tables, 'About', 'Value');
    expect(parse(tables).issues.map((i) => i.code)).toEqual(['table/missing-column']);
  });

  it('about broken text name the cell, store nothing, and leave a surrogate pair (an emoji) alone', () => {
    const tables = goodRawTables(catalogue);
    setCell(tables, 'Participation', 1, 'Notes', 'Thanks \ud83d\ude00');
    expect(parse(tables).submission?.participation[0]?.notes).toBe('Thanks \ud83d\ude00');
    setCell(tables, 'Roles', 1, 'Role', '\ud83d');
    tables.Contacts!.values[0]![1] = 'Job \ud800title';
    tables.Commitments!.sheet = 'Commitments \ud800';
    setCell(tables, 'Commitments', 1, 'Notes', '\udfff');
    const { submission, issues } = parse(tables);
    expect(submission).toBeNull();
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ['table/extra-column', 'Contacts', 'B1'],
      // The broken sheet name is not repeated: the table's name stands for it.
      ['cell/type', 'Commitments', 'J2'],
      ['cell/type', 'Roles', 'B2'],
    ]);
    expect(issues[0]?.message).toBe(
      'The column header contains a broken character (an unpaired surrogate); retype the text; the column is ignored.',
    );
  });

  it('sort: issues without a sheet first, then sheet by sheet its rows and then its whole-sheet issues', () => {
    const at = (message: string, sheet?: string, row?: number): Issue => ({
      severity: 'error',
      code: 'cell/type',
      message,
      ...(sheet === undefined ? {} : { sheet }),
      ...(row === undefined ? {} : { row }),
    });
    const found = [
      at('roles sheet', 'Roles'),
      at('about row 5', 'About', 5),
      at('no sheet'),
      at('about sheet', 'About'),
      at('about row 2', 'about', 2),
      at('other sheet row 3', 'Sheet7', 3),
      at('contacts row 4', 'Contacts', 4),
      at('second other sheet row 1', 'Sheet2', 1),
      at('other sheet row 2', 'Sheet7', 2),
      at('about row 5 again', 'About', 5),
    ];
    expect(sortIssues(found).map((i) => i.message)).toEqual([
      'no sheet',
      'about row 2',
      'about row 5',
      'about row 5 again',
      'about sheet',
      'contacts row 4',
      'roles sheet',
      // Tables on sheets of other names: sheet by sheet in the order they were found, never interleaved by row.
      'other sheet row 2',
      'other sheet row 3',
      'second other sheet row 1',
    ]);
  });

  it('cover every workbook-scope issue code', () => {
    const workbookCodes = Object.entries(ISSUE_CODES)
      .filter(([, d]) => d.scope === 'workbook')
      .map(([code]) => code);
    expect([...new Set(cases.map((c) => c.code))].sort()).toEqual(workbookCodes.sort());
  });

  it('are all reported at once, in sheet then row order, with the organisation id', () => {
    const tables = goodRawTables(catalogue);
    setCell(tables, 'Participation', 1, 'Frequency', 'Daily');
    setCell(tables, 'Commitments', 3, 'Quantity', -1);
    setCell(tables, 'Commitments', 1, 'Status', 'Done');
    setCell(tables, 'Commitments', 1, 'Description', null);
    setCell(tables, 'Contacts', 2, 'Contact role', 'Boss');
    setAbout(tables, 'MoU signed on', '2025-02-30');
    const { submission, issues } = parse(tables);
    expect(submission).toBeNull();
    expect(issues.map((i) => [i.code, i.cell, i.organisationId])).toEqual([
      ['cell/format', 'B8', LEEDS],
      ['cell/enum', 'E3', LEEDS],
      ['cell/required', 'C2', LEEDS],
      ['cell/enum', 'I2', LEEDS],
      ['cell/range', 'D4', LEEDS],
      ['cell/enum', 'C2', LEEDS],
    ]);
    expect(issues.map((i) => i.sheet)).toEqual([
      'About',
      'Contacts',
      'Commitments',
      'Commitments',
      'Commitments',
      'Participation',
    ]);
  });

  it('carry no organisation id when the Organisation ID is not in the catalogue', () => {
    const tables = goodRawTables(catalogue);
    setAbout(tables, 'Organisation ID', 'nobody');
    setCell(tables, 'Roles', 1, 'Role', 'Boss');
    const { issues } = parse(tables);
    expect(issues.map((i) => i.code)).toEqual(['about/unknown-organisation', 'cell/enum']);
    expect(issues.every((i) => i.organisationId === undefined)).toBe(true);
  });

  it("about an Organisation ID that is another organisation's are that one error, not warnings blaming the catalogue", () => {
    // The Police line manager types Leeds' id into their own About: name, sector and involvement all differ.
    const tables = goodRawTables(catalogue, POLICE);
    setAbout(tables, 'Organisation ID', LEEDS);
    const { issues } = parse(tables, catalogue, POLICE);
    expect(issues.map((i) => i.code)).toEqual(['about/organisation-not-yours']);
    expect(issues.some((i) => /catalogue/.test(i.message))).toBe(false);
  });

  it('about an unknown activity list every activity of the catalogue, however many (none hidden as "more")', () => {
    const many = testCatalogue();
    for (let i = 1; i <= 11; i++)
      many.activities.push({ id: `extra-${i}`, name: `Extra activity ${i}`, category: 'Delivery' });
    const tables = goodRawTables(many);
    setCell(tables, 'Roles', 1, 'Activity', 'Cake baking');
    const [issue] = only(parse(tables, many).issues, 'roles/unknown-activity');
    expect(issue!.message).not.toMatch(/more/);
    for (const a of many.activities) expect(issue!.message).toContain(a.name);
  });

  it('place cells relative to where the table starts', () => {
    const tables = goodRawTables(catalogue);
    tables.Commitments!.topLeft = 'C5';
    setCell(tables, 'Commitments', 1, 'Quantity', 'many');
    const { issues } = parse(tables);
    expect(issues).toEqual([expect.objectContaining({ code: 'cell/type', row: 6, cell: 'F6' })]);
  });

  it('about every missing sheet and column, all together', () => {
    const tables: RawTables = { About: rawTable('About', ['Value'], []), Contacts: rawTable('Contacts', [], []) };
    const { submission, issues } = parse(tables);
    expect(submission).toBeNull();
    expect(issues.map((i) => [i.sheet, i.code, i.column ?? null])).toEqual([
      ['About', 'table/missing-column', 'Field'],
      ['Contacts', 'table/missing-column', 'Name'],
      ['Contacts', 'table/missing-column', 'Email'],
      ['Contacts', 'table/missing-column', 'Contact role'],
      ['Contacts', 'contacts/no-primary', null],
      ['Commitments', 'table/missing', null],
      ['Roles', 'table/missing', null],
      ['Participation', 'table/missing', null],
    ]);
  });

  it('say what a tiered partnership needs, and accept a tier given in About', () => {
    const tiered = tieredCatalogue();
    tiered.organisations[0]!.tier = null;
    const tables = goodRawTables(tiered);
    setAbout(tables, 'Funding tier', 2);
    const { submission, issues } = parse(tables, tiered);
    expect(issues).toEqual([]);
    expect(submission!.about.fundingTier).toBe(2);
    setAbout(tables, 'Funding tier', '');
    expect(parse(tables, tiered).issues[0]!.message).toBe(
      'Leeds City Council is a governance and funding partner of a tiered partnership, so it needs a Funding tier (1, 2 or 3); the catalogue has none, so give it here.',
    );
  });

  it('report a Start outside the MoU period but not an open End', () => {
    const tables = goodRawTables(catalogue);
    setCell(tables, 'Commitments', 2, 'Start', '2028-04-01');
    setCell(tables, 'Commitments', 2, 'End', null);
    const { issues } = parse(tables);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'commitment/outside-mou-period',
        cell: 'F3',
        message:
          'Start 1 April 2028 is outside the MoU period 1 April 2025 to 31 March 2028; check the date, or note why the commitment falls outside it.',
      }),
    ]);
  });

  it('report an empty Contacts table as having no primary Point of contact', () => {
    const tables = goodRawTables(catalogue);
    tables.Contacts!.values.splice(1);
    const { issues } = parse(tables);
    expect(issues.map((i) => [i.code, i.sheet, i.row, i.cell])).toEqual([
      ['contacts/no-primary', 'Contacts', undefined, undefined],
    ]);
    expect(issues[0]!.message).toBe(
      'No contact is the primary Point of contact; add a contact with Contact role "Point of contact" and Primary "Yes".',
    );
  });
});

describe('large sheets', () => {
  it('report each duplicate of 500 rows against its first row', () => {
    const tables = goodRawTables(catalogue);
    for (let i = 0; i < 500; i++) {
      addRow(tables, 'Commitments', {
        Ref: `R${i % 250}`,
        'Resource type': 'Data',
        Description: `Extract ${i}`,
        Quantity: 1,
        Unit: 'Datasets',
        Start: '2025-04-01',
        Status: 'Agreed',
      });
    }
    const { submission, issues } = parse(tables);
    expect(submission).toBeNull();
    const duplicates = only(issues, 'row/duplicate');
    expect(duplicates).toHaveLength(250);
    expect(duplicates[0]).toMatchObject({ row: 255, cell: 'A255', message: expect.stringContaining('row 5;') });
  });
});
