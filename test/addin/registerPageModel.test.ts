/**
 * The register page's view models (addin/register/model/), on registers consolidated by shared/ from the
 * consolidation fixtures: stakes, totals bars, the role matrix, issue groups, the change list between two
 * versions, sign-off wording and the formats a PMG chair expects.
 */
import { describe, expect, test } from '@jest/globals';
import { consolidate } from '../../shared/consolidate.js';
import { diffRegisters } from '../../shared/diff.js';
import type { Register } from '../../shared/types.js';
import { changesView } from '../../addin/register/model/changes.js';
import { money, fte, percent, shortDigest, ukDate, ukDateTime } from '../../shared/displayFormat.js';
import { issueGroups } from '../../addin/register/model/issues.js';
import { partnerRows } from '../../addin/register/model/partners.js';
import { roleMatrix } from '../../addin/register/model/roleMatrix.js';
import { signOffBadge, signOffView } from '../../addin/register/model/signOffs.js';
import { totalsCharts, withUnit } from '../../addin/register/model/totals.js';
import type { SignOffStatus } from '../../addin/api/client.js';
import { cleanSources, commitment, role, source, testCatalogue } from '../helpers/registerFixtures.js';

const catalogue = testCatalogue();

function registerOf(sources = cleanSources(catalogue), version = 1): Register {
  return consolidate(catalogue, sources, { version, createdAt: '2025-05-01T09:00:00.000Z' });
}

function withCommitments(): ReturnType<typeof cleanSources> {
  return cleanSources(catalogue).map((s) =>
    s.organisationId === 'acme-council'
      ? source({
          ...s.submission,
          commitments: [
            commitment({ ref: 'A1', quantity: 2 }),
            commitment({ ref: 'A2', resourceType: 'funding', unit: 'gbp', quantity: 12345.5, description: 'Licences' }),
          ],
        })
      : s.organisationId === 'city-police'
        ? source({ ...s.submission, commitments: [commitment({ ref: 'P1', quantity: 0.5 })] })
        : s,
  );
}

describe('formats', () => {
  test('money, FTE, stakes, dates and digests as a PMG chair writes them', () => {
    expect(money(1234.5)).toBe('£1,234.50');
    expect(money(-3)).toBe('-£3');
    expect(money(80000)).toBe('£80,000');
    expect(fte(1.5)).toBe('1.50');
    expect(percent(1 / 6)).toBe('16.67%');
    expect(ukDate('2025-04-01')).toBe('1 April 2025');
    expect(ukDate('not a date')).toBe('not a date');
    expect(ukDateTime('2025-07-01T13:05:00.000Z')).toBe('1 July 2025 at 14:05');
    expect(shortDigest(`sha256:${'ab'.repeat(32)}`)).toBe('sha256:abababababab');
  });
});

describe('partners and totals', () => {
  test('every partner with the contract labels and its stake', () => {
    const rows = partnerRows(registerOf());
    const acme = rows.find((r) => r.id === 'acme-council')!;
    expect(acme).toMatchObject({
      name: 'Acme Council',
      sector: 'Local government',
      tier: 'Tier 1',
      signedOn: '15 March 2025',
    });
    expect(acme.stake).toMatch(/%$/);
    expect(rows.find((r) => r.id === 'borough-health')!.tier).toBe('—');
  });

  test('bars largest first, scaled to the largest, with the partnership total', () => {
    const charts = totalsCharts(registerOf(withCommitments()));
    const fteChart = charts.find((c) => c.key === 'analystFte')!;
    expect(fteChart.bars.slice(0, 2).map((b) => [b.organisation, b.label, b.fraction])).toEqual([
      ['Acme Council', '2.00', 1],
      ['City Police', '0.50', 0.25],
    ]);
    expect(fteChart.bars.at(-1)!.fraction).toBe(0);
    expect(fteChart.total).toBe('2.50');
    const funding = charts.find((c) => c.key === 'fundingGbp')!;
    expect(funding.bars[0]).toMatchObject({ organisation: 'Acme Council', label: '£12,345.50', fraction: 1 });
  });

  test('each chart and column is headed by its measure and unit, in the words of the figures under it', () => {
    // The figures read "£12,345.50": the unit is £, not "GBP a year" beside "per year"; a count needs none.
    expect(totalsCharts(registerOf()).map(withUnit)).toEqual([
      'Funding, lump sums (£)',
      'Funding per year (£)',
      'Analyst time (FTE)',
      'Datasets',
    ]);
  });
});

describe('role matrix', () => {
  test('activities by organisations that hold roles, letters and words, and the accountable count', () => {
    const sources = cleanSources(catalogue).map((s) =>
      s.organisationId === 'borough-health'
        ? source({
            ...s.submission,
            roles: [role('sharing', 'Data sharing agreements', 'accountable', { namedLead: 'Jo' })],
          })
        : s,
    );
    const matrix = roleMatrix(registerOf(sources));
    expect(matrix.organisations.map((o) => o.name).sort()).toEqual(['Acme Council', 'Borough Health', 'City Police']);
    const sharing = matrix.rows.find((r) => r.activityId === 'sharing')!;
    expect(sharing.accountable).toBe(2);
    const health = sharing.cells[matrix.organisations.findIndex((o) => o.id === 'borough-health')]!;
    expect(health).toEqual({ letters: 'A', words: 'Accountable', tone: 'A', leads: ['Jo'] });
    const police = sharing.cells[matrix.organisations.findIndex((o) => o.id === 'city-police')]!;
    expect(police.letters).toBe('C');
    const training = matrix.rows.find((r) => r.activityId === 'training')!;
    expect(training.cells[matrix.organisations.findIndex((o) => o.id === 'city-police')]).toMatchObject({
      letters: '',
      words: 'No role',
      tone: null,
    });
  });
});

describe('issues', () => {
  test('cross-partner issues apart from each partner’s workbook notes, errors first', () => {
    const sources = cleanSources(catalogue).map((s) =>
      s.organisationId === 'city-police'
        ? source({ ...s.submission, roles: [role('dashboards', 'Dashboards', 'responsible')] }, 1, [
            {
              severity: 'warning',
              code: 'cell/format',
              message: 'A note',
              sheet: 'Contacts',
              row: 3,
              cell: 'C3',
              organisationId: 'city-police',
            },
          ])
        : s,
    );
    const groups = issueGroups(registerOf(sources));
    expect(groups.crossPartner[0]).toMatchObject({ severity: 'error' });
    expect(groups.crossPartner.map((i) => i.message).join('\n')).toMatch(/Dashboards/);
    expect(groups.byOrganisation).toEqual([
      {
        organisation: 'City Police',
        issues: [{ severity: 'warning', message: 'A note', where: 'Contacts, row 3 (C3)' }],
      },
    ]);
    expect(groups.errors).toBeGreaterThan(0);
  });
});

describe('changes since the previous version', () => {
  test('rows added, removed and changed with the contract headers; totals and sources', () => {
    const before = registerOf(withCommitments(), 1);
    const changed = withCommitments().map((s) =>
      s.organisationId === 'acme-council'
        ? source({ ...s.submission, commitments: [commitment({ ref: 'A1', quantity: 3 })] }, 2)
        : s,
    );
    const after = registerOf(changed, 2);
    const view = changesView(diffRegisters(before, after), after);
    expect(view.headline).toMatch(/^\d+ changes from version 1 to version 2\.$/);
    const commitments = view.sections.find((s) => s.title === 'Commitments')!;
    expect(commitments.summary).toBe('1 removed, 1 changed');
    expect(commitments.lines).toEqual([
      'Removed: Acme Council, A2 Licences',
      'Changed: Acme Council, A1 Analyst for the partnership: Quantity 2 → 3',
    ]);
    const totals = view.sections.find((s) => s.title === 'Commitment totals')!;
    expect(totals.lines[0]).toBe('Acme Council: Funding, lump sums £12,345.50 → £0; Analyst time 2.00 → 3.00');
    expect(view.sections.find((s) => s.title === 'Workbooks consolidated')!.lines).toEqual([
      'Acme Council: submission version 1 → 2',
    ]);
  });

  test('backwards, from a later version to an earlier one, it says so and what added means', () => {
    const before = registerOf(withCommitments(), 1);
    const after = registerOf(
      withCommitments().map((s) =>
        s.organisationId === 'acme-council'
          ? source({ ...s.submission, commitments: [commitment({ ref: 'A1', quantity: 3 })] }, 2)
          : s,
      ),
      2,
    );
    const forward = changesView(diffRegisters(before, after), after);
    const back = changesView(diffRegisters(after, before), before);
    expect(forward.headline).toBe('4 changes from version 1 to version 2.');
    expect(back.headline).toBe(
      `4 changes from version 2 back to the earlier version 1: “added” and “new” are what version 1 has and version 2 has not.`,
    );
    expect(back.headline).not.toMatch(/since/);
    expect(back.sections.find((s) => s.title === 'Commitments')!.lines).toEqual([
      'Added: Acme Council, A2 Licences',
      'Changed: Acme Council, A1 Analyst for the partnership: Quantity 3 → 2',
    ]);
  });

  test('the same content says so, and long lists stop at the limit with a count', () => {
    const a = registerOf(undefined, 1);
    expect(changesView(diffRegisters(a, registerOf(undefined, 2)), a).headline).toBe(
      'No change in content between version 1 and version 2: both versions have the same digest.',
    );
    const many = cleanSources(catalogue).map((s) =>
      s.organisationId === 'data-uni'
        ? source({ ...s.submission, commitments: Array.from({ length: 7 }, (_, i) => commitment({ ref: `D${i}` })) }, 2)
        : s,
    );
    const view = changesView(diffRegisters(a, registerOf(many, 2)), a, 5);
    const section = view.sections.find((s) => s.title === 'Commitments')!;
    expect(section.lines).toHaveLength(5);
    expect(section.more).toBe(2);
  });
});

describe('sign-off status', () => {
  const status: SignOffStatus = {
    registerVersion: 2,
    registerDigest: 'sha256:00',
    governingPartners: [
      { id: 'acme-council', name: 'Acme Council' },
      { id: 'city-police', name: 'City Police' },
    ],
    signOffs: [
      {
        organisationId: 'acme-council',
        registerVersion: 2,
        registerDigest: 'sha256:00',
        signedAt: '2025-05-02T10:00:00Z',
        signedBy: 'lm@acme.example',
      },
    ],
    missing: ['city-police'],
    blockingIssues: [{ severity: 'error', code: 'register/no-accountable', message: 'No one is accountable.' }],
    readyForMou: false,
  };

  test('who confirmed, who is awaited and why it is not ready', () => {
    const view = signOffView(status);
    expect(view.headline).toBe('1 of 2 governing partners has confirmed this version');
    expect(view.readiness).toBe(
      'Not ready for the MoU yet: 1 confirmation still to come and 1 blocking issue to resolve.',
    );
    expect(view.confirmed).toEqual([{ organisation: 'Acme Council', by: 'lm@acme.example', on: '2 May 2025' }]);
    expect(view.waitingFor).toEqual(['City Police']);
    expect(signOffBadge(status)).toEqual({ text: '1 of 2 confirmed', ready: false });
    expect(signOffBadge({ ...status, readyForMou: true })).toEqual({ text: 'Ready for the MoU', ready: true });
  });
});
