import fc from 'fast-check';
import { parseA1 } from '../../shared/cells.js';
import { TABLES } from '../../shared/contract.js';
import { ISSUE_CODES, type Issue } from '../../shared/issues.js';
import { parseWorkbook } from '../../shared/parse.js';
import type { RawTable, RawTables } from '../../shared/types.js';
import { testCatalogue, tieredCatalogue } from '../helpers/catalogue.js';
import { goodRawTables } from '../helpers/rawTables.js';

const catalogue = testCatalogue();
const tiered = tieredCatalogue();

/** Words the parser looks for: table names, headers, About fields, enum labels, ids, activities. */
const words = [
  ...TABLES.flatMap((t) => [
    t.name,
    ...t.columns.map((c) => c.header),
    ...(t.kind === 'fields' ? t.fields.map((f) => f.header) : []),
  ]),
  ...TABLES.flatMap((t) => t.columns.flatMap((c) => c.enum?.options.map((o) => o.label) ?? [])),
  ...catalogue.organisations.map((o) => o.id),
  ...catalogue.activities.flatMap((a) => [a.id, a.name]),
  'R',
  'a',
  'Yes',
  '2025-04-01',
  '31/02/2025',
  '01/04/2025',
  'mailto:jo@x.org',
  '1,234.5',
  '£12,000',
  '',
  '   ',
];

const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...words),
  fc.string(),
  fc.double(),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 60, 0),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
  fc.constant(new Date(NaN)),
  fc.string().map((text) => ({ richText: [{ text }, { font: {}, text: 1 }] })),
  fc.string().map((text) => ({ text, hyperlink: `mailto:${text}` })),
  fc.anything().map((result) => ({ formula: 'A1', result })),
  fc.constantFrom('#N/A', '#REF!', 42).map((error) => ({ error })),
  fc.anything({
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withBigInt: true,
  }),
);

const topLeft = fc.oneof(
  fc.constantFrom('A1', 'B3', 'c10', '$D$4', 'XFD1', 'A1048576', 'XFA1048570'),
  fc.string(),
  fc.anything({
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withBigInt: true,
  }),
);

const table = fc.record({
  sheet: fc.oneof(fc.constantFrom(...TABLES.map((t) => t.name)), fc.string(), fc.anything({ withNullPrototype: true })),
  topLeft,
  values: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 12 }),
}) as fc.Arbitrary<RawTable>;

const tableName = fc.oneof(fc.constantFrom(...TABLES.map((t) => t.name), 'about', 'CONTACTS', ' Roles '), fc.string());

const anyTables = fc.dictionary(tableName, table, { maxKeys: 7 }) as fc.Arbitrary<RawTables>;

/** A good workbook with some cells, rows or headers replaced by arbitrary values. */
const damagedTables = fc
  .tuple(
    fc.constantFrom(...catalogue.organisations.map((o) => o.id)),
    fc.array(fc.tuple(fc.constantFrom(...TABLES.map((t) => t.name)), fc.nat(8), fc.nat(11), cell), { maxLength: 12 }),
  )
  .map(([id, changes]) => {
    const tables = goodRawTables(catalogue, id);
    for (const [name, r, c, value] of changes) {
      // Data sharing is optional and not in the good workbook: a change to it makes one.
      const values = (tables[name] ??= { sheet: name, topLeft: 'A1', values: [] }).values;
      while (values.length <= r) values.push([]);
      values[r]![c] = value;
    }
    return tables;
  });

function checkIssues(issues: Issue[]): void {
  for (const issue of issues) {
    const known = ISSUE_CODES[issue.code];
    expect(known).toBeDefined();
    expect(known.scope).toBe('workbook');
    expect(issue.severity).toBe(known.severity);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.cell !== undefined) {
      const position = parseA1(issue.cell);
      expect(position).not.toBeNull();
      expect(issue.cell).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
      expect(position!.row).toBe(issue.row);
    }
  }
}

describe('parseWorkbook on arbitrary input', () => {
  it('never throws, and reports only known, well-placed issues', () => {
    fc.assert(
      fc.property(anyTables, fc.boolean(), fc.option(fc.string()), (tables, isTiered, expected) => {
        const opts = expected === null ? {} : { expectedOrganisationId: expected };
        const result = parseWorkbook(tables, isTiered ? tiered : catalogue, opts);
        checkIssues(result.issues);
        expect(result.submission === null).toBe(result.issues.some((i) => i.severity === 'error'));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on damaged good workbooks, and still accepts them when it reports no error', () => {
    fc.assert(
      fc.property(damagedTables, (tables) => {
        const result = parseWorkbook(tables, catalogue);
        checkIssues(result.issues);
        const hasError = result.issues.some((i) => i.severity === 'error');
        expect(result.submission === null).toBe(hasError);
        if (result.submission) {
          expect(
            result.submission.contacts.filter((c) => c.primary && c.contactRole === 'point-of-contact'),
          ).toHaveLength(1);
          for (const c of result.submission.commitments) {
            expect(c.quantity).toBeGreaterThan(0);
            expect(c.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
