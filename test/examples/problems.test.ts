/**
 * The deliberate problems of the demo partnership (examples/README.md) show up as documented when the
 * committed workbooks go through the same reader, parser and consolidation as real ones, and nothing else
 * does: a newcomer sees exactly the issues the README explains.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { consolidate } from '../../shared/consolidate.js';
import type { Issue } from '../../shared/issues.js';
import { parseWorkbook } from '../../shared/parse.js';
import type { Catalogue, ParseResult, SubmissionSource } from '../../shared/types.js';
import { readWorkbook } from '../../server/import/readWorkbook.js';
import { loadExampleCatalogue, WORKBOOKS_DIR } from '../../examples/build-workbooks.js';
import { PARTNERS } from '../../examples/partners/index.js';

let catalogue: Catalogue;
const parsed = new Map<string, ParseResult>();

beforeAll(async () => {
  catalogue = await loadExampleCatalogue();
  for (const { organisationId } of PARTNERS) {
    const file = `${organisationId}.xlsx`;
    const tables = await readWorkbook(await readFile(path.join(WORKBOOKS_DIR, file)), { fileName: file });
    parsed.set(organisationId, parseWorkbook(tables, catalogue, { expectedOrganisationId: organisationId }));
  }
});

const where = (i: Issue) => ({ code: i.code, severity: i.severity, sheet: i.sheet, column: i.column });

describe('importing the demo workbooks', () => {
  it('refuses Eastvale for a Data commitment in Licences, a commitment that ends before it starts and special category data without a condition', () => {
    const result = parsed.get('eastvale-district-council');
    expect(result?.submission).toBeNull();
    const issues = result?.issues ?? [];
    expect(issues.map(where)).toEqual([
      { code: 'commitment/unit-mismatch', severity: 'error', sheet: 'Commitments', column: 'Unit' },
      { code: 'commitment/end-before-start', severity: 'error', sheet: 'Commitments', column: 'End' },
      { code: 'data-sharing/condition-required', severity: 'error', sheet: 'Data sharing', column: 'Condition' },
    ]);
    expect(issues[2]).toMatchObject({ row: 2, cell: 'G2' });
    // EDC-02 and EDC-03 are the second and third commitments, directly below EDC-01.
    const [mismatch, endBeforeStart] = issues;
    expect(endBeforeStart?.row).toBe((mismatch?.row ?? NaN) + 1);
    expect(mismatch?.message).toContain('Licences');
    expect(endBeforeStart?.message).toContain('End 31 March 2025 is before Start');
  });

  it('accepts every other workbook, with only the documented warnings', () => {
    const warnings = Object.fromEntries(
      PARTNERS.filter((p) => p.organisationId !== 'eastvale-district-council').map((p) => {
        const result = parsed.get(p.organisationId);
        expect(result?.submission?.organisationId).toBe(p.organisationId);
        return [p.organisationId, (result?.issues ?? []).map((i) => `${i.severity} ${i.code}`)];
      }),
    );
    expect(warnings).toEqual({
      'northshire-county-council': [],
      'northshire-cvs': [],
      'northshire-fire-rescue': [],
      'northshire-icb': ['warning commitment/outside-mou-period'],
      'northshire-ig-service': [],
      'northshire-police': ['warning about/differs-from-catalogue'],
      'university-of-northshire': [],
    });
    const police = parsed.get('northshire-police')?.issues[0];
    expect(police).toMatchObject({ sheet: 'About', organisationId: 'northshire-police' });
    expect(police?.message).toContain('Northshire Constabulary');
    const icb = parsed.get('northshire-icb')?.issues[0];
    expect(icb).toMatchObject({ sheet: 'Commitments', column: 'End', organisationId: 'northshire-icb' });
    expect(icb?.message).toContain('End 31 March 2029 is after the MoU period 1 April 2025 to 31 March 2028');
  });

  it('reads numbers typed as text, UK dates and RACI letters as a line manager meant them', () => {
    const county = parsed.get('northshire-county-council')?.submission;
    expect(county?.about.signedOn).toBe('2025-03-14');
    expect(county?.commitments.find((c) => c.ref === 'NCC-02')).toMatchObject({
      quantity: 0.5,
      unit: 'fte',
      start: '2025-04-01',
      end: '2027-03-31',
    });
    expect(county?.commitments.find((c) => c.ref === 'NCC-01')?.project).toBe('Core programme');
    expect(county?.roles.find((r) => r.activityId === 'data-platform')?.role).toBe('accountable');
    expect(county?.contacts.filter((c) => c.primary).map((c) => c.contactRole)).toEqual(['point-of-contact']);
  });
});

describe('consolidating the accepted demo workbooks', () => {
  it('reports the documented cross-partner problems and no others', () => {
    const sources: SubmissionSource[] = [...parsed.values()].flatMap((r, i) =>
      r.submission
        ? [
            {
              organisationId: r.submission.organisationId,
              version: 1,
              digest: `sha256:${String(i).padStart(64, '0')}`,
              submission: r.submission,
              warnings: r.issues,
            },
          ]
        : [],
    );
    const register = consolidate(catalogue, sources, { version: 1, createdAt: '2025-06-01T09:00:00.000Z' });
    const crossPartner = register.issues.filter((i) => i.code.startsWith('register/'));
    // code, organisation, and the catalogue activity the message names (in quotes), if any.
    const summary = crossPartner.map((i) => {
      const activity = catalogue.activities.find((a) => i.message.includes(`"${a.name}"`));
      return [i.code, i.organisationId ?? '-', activity?.id ?? '-'].join(' ');
    });
    expect(summary.sort()).toEqual(
      [
        'register/no-accountable - benefits-realisation',
        'register/no-responsible - benefits-realisation',
        'register/multiple-accountable - data-sharing-agreements',
        'register/missing-submission eastvale-district-council -',
        'register/missing-submission harbourline-water -',
        'register/observer-lead northshire-ig-service dpia',
        'register/no-pmg-member eastvale-district-council -',
        'register/no-pmg-member northshire-fire-rescue -',
        'register/unsigned-mou eastvale-district-council -',
        'register/unsigned-mou university-of-northshire -',
        // Contract 1.1: the fire service commits incident data but lists no dataset in Data sharing.
        'register/undocumented-data northshire-fire-rescue -',
      ].sort(),
    );
    const multiple = crossPartner.find((i) => i.code === 'register/multiple-accountable');
    expect(multiple?.message).toContain('Northshire County Council');
    expect(multiple?.message).toContain('NHS Northshire Integrated Care Board');
  });

  it('carries the demo’s Data sharing rows: police crime data under Law enforcement, ICB pseudonymised activity, council aggregates', () => {
    const sources: SubmissionSource[] = [...parsed.values()].flatMap((r) =>
      r.submission
        ? [
            {
              organisationId: r.submission.organisationId,
              version: 1,
              digest: 'sha256:0',
              submission: r.submission,
              warnings: [],
            },
          ]
        : [],
    );
    const register = consolidate(catalogue, sources, { version: 1, createdAt: '2025-06-01T09:00:00.000Z' });
    expect(
      register.dataSharing?.map((d) => [
        d.organisationId,
        d.personalData,
        d.lawfulBasis,
        d.dpiaRef !== null,
        d.recipients,
      ]),
    ).toEqual([
      ['northshire-county-council', 'aggregated', null, false, 'all'],
      ['northshire-cvs', 'none', null, false, ['northshire-county-council', 'university-of-northshire']],
      ['northshire-icb', 'pseudonymised', 'public-task', true, 'all'],
      [
        'northshire-police',
        'criminal-offence',
        'law-enforcement',
        true,
        ['northshire-county-council', 'northshire-icb', 'university-of-northshire'],
      ],
    ]);
  });
});
