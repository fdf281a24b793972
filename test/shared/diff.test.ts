import { consolidate } from '../../shared/consolidate.js';
import { diffRegisters } from '../../shared/diff.js';
import type { Catalogue, Register, SubmissionSource } from '../../shared/types.js';
import { cleanSources, commitment, contact, participation, role, testCatalogue } from '../helpers/registerFixtures.js';

function register(catalogue: Catalogue, sources: SubmissionSource[], version: number): Register {
  return consolidate(catalogue, sources, { version, createdAt: `2025-06-0${version}T09:00:00.000Z` });
}

/** Clean sources, with `edit` applied to the submission of one organisation (whose version becomes 2). */
function sourcesWith(catalogue: Catalogue, organisationId: string, edit: (s: SubmissionSource) => void) {
  const sources = cleanSources(catalogue);
  const s = sources.find((x) => x.organisationId === organisationId)!;
  edit(s);
  return sources;
}

function acmeWith(rows: Partial<SubmissionSource['submission']>, version = 1) {
  const catalogue = testCatalogue();
  return sourcesWith(catalogue, 'acme-council', (s) => {
    Object.assign(s.submission, rows);
    s.version = version;
  });
}

describe('diffRegisters', () => {
  it('finds nothing between two consolidations of the same inputs', () => {
    const catalogue = testCatalogue();
    const d = diffRegisters(
      register(catalogue, cleanSources(catalogue), 1),
      register(catalogue, cleanSources(catalogue), 2),
    );
    expect(d.identical).toBe(true);
    expect(d.from.version).toBe(1);
    expect(d.to.version).toBe(2);
    expect(d.summary.changes).toBe(0);
    expect(d.tables.commitments).toEqual({ added: [], removed: [], changed: [] });
  });

  it('matches commitments by ref and lists the changed fields old -> new, with the totals and source they move', () => {
    const catalogue = testCatalogue();
    const a = register(
      catalogue,
      acmeWith({ commitments: [commitment({ ref: 'A1', quantity: 1 }), commitment({ ref: 'A2' })] }),
      1,
    );
    const b = register(
      catalogue,
      acmeWith({ commitments: [commitment({ ref: 'A2' }), commitment({ ref: 'A1', quantity: 2, notes: 'More' })] }, 2),
      2,
    );
    const d = diffRegisters(a, b);
    expect(d.identical).toBe(false);
    expect(d.tables.commitments.added).toEqual([]);
    expect(d.tables.commitments.removed).toEqual([]);
    expect(d.tables.commitments.changed).toEqual([
      {
        key: 'acme-council/ref:A1',
        before: expect.objectContaining({ ref: 'A1', quantity: 1 }),
        after: expect.objectContaining({ ref: 'A1', quantity: 2 }),
        changes: [
          { field: 'quantity', from: 1, to: 2 },
          { field: 'notes', from: null, to: 'More' },
        ],
      },
    ]);
    // 1 + 1 FTE became 2 + 1 FTE.
    expect(d.totals).toEqual([
      expect.objectContaining({ key: 'acme-council', changes: [{ field: 'analystFte', from: 2, to: 3 }] }),
    ]);
    expect(d.sources).toEqual([{ organisationId: 'acme-council', from: 1, to: 2 }]);
    // 1 changed commitment + 1 totals row + 1 source version.
    expect(d.summary).toMatchObject({
      totalsChanged: 1,
      stakesChanged: 0,
      issuesAdded: 0,
      issuesResolved: 0,
      changes: 3,
    });
    expect(d.summary.tables.commitments).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it('shows a changed commitment without a ref as one removed and one added', () => {
    const catalogue = testCatalogue();
    const a = register(catalogue, acmeWith({ commitments: [commitment({ description: 'Old text' })] }), 1);
    const b = register(catalogue, acmeWith({ commitments: [commitment({ description: 'New text' })] }), 2);
    const d = diffRegisters(a, b).tables.commitments;
    expect(d.removed.map((c) => c.description)).toEqual(['Old text']);
    expect(d.added.map((c) => c.description)).toEqual(['New text']);
    expect(d.changed).toEqual([]);
  });

  it('matches contacts by organisation and email ignoring case; new emails are added, gone ones removed', () => {
    const catalogue = testCatalogue();
    const a = register(
      catalogue,
      acmeWith({
        contacts: [contact({ email: 'Pat@acme.example' }), contact({ email: 'old@acme.example', primary: false })],
      }),
      1,
    );
    const b = register(
      catalogue,
      acmeWith({
        contacts: [
          contact({ email: 'pat@acme.example', phone: '0100' }),
          contact({ email: 'new@acme.example', contactRole: 'pmg-member', primary: false }),
        ],
      }),
      2,
    );
    const d = diffRegisters(a, b);
    expect(d.tables.contacts.changed.map((c) => c.changes)).toEqual([
      [
        { field: 'email', from: 'Pat@acme.example', to: 'pat@acme.example' },
        { field: 'phone', from: null, to: '0100' },
      ],
    ]);
    expect(d.tables.contacts.removed.map((c) => c.email)).toEqual(['old@acme.example']);
    expect(d.tables.contacts.added.map((c) => c.email)).toEqual(['new@acme.example']);
    // Acme had no PMG member in a: that issue is resolved in b.
    expect(d.issues.resolved.map((i) => `${i.code} ${i.organisationId}`)).toEqual([
      'register/no-pmg-member acme-council',
    ]);
    expect(d.issues.added).toEqual([]);
  });

  it('matches roles by organisation and activity, participation by organisation and forum', () => {
    const catalogue = testCatalogue();
    const base = cleanSources(catalogue).find((s) => s.organisationId === 'acme-council')!.submission.roles;
    const a = register(
      catalogue,
      acmeWith({ participation: [participation({ forum: 'PMG', representative: 'Pat' })] }),
      1,
    );
    const b = register(
      catalogue,
      acmeWith({
        roles: base.map((r) => (r.activityId === 'dashboards' ? role('dashboards', 'Dashboards', 'consulted') : r)),
        participation: [participation({ forum: 'pmg', representative: 'Sam' })],
      }),
      2,
    );
    const d = diffRegisters(a, b);
    expect(d.tables.roles.changed).toEqual([
      expect.objectContaining({
        key: 'acme-council/dashboards',
        changes: [{ field: 'role', from: 'responsible', to: 'consulted' }],
      }),
    ]);
    expect(d.tables.participation.changed.map((c) => c.changes)).toEqual([
      [
        { field: 'forum', from: 'PMG', to: 'pmg' },
        { field: 'representative', from: 'Pat', to: 'Sam' },
      ],
    ]);
  });

  it('reports a new organisation, the stakes it moves and the issues it adds', () => {
    const before = testCatalogue();
    const after = testCatalogue();
    after.organisations.push({ id: 'east-fire', name: 'East Fire', sector: 'fire', involvement: 'governance' });
    const d = diffRegisters(register(before, cleanSources(before), 1), register(after, cleanSources(before), 2));
    expect(d.tables.organisations.added.map((o) => o.id)).toEqual(['east-fire']);
    // Three governing partners at 1/3 become four at 1/4.
    expect(d.stakes).toEqual([
      { organisationId: 'acme-council', from: 0.3333, to: 0.25 },
      { organisationId: 'borough-health', from: 0.3333, to: 0.25 },
      { organisationId: 'city-police', from: 0.3333, to: 0.25 },
      { organisationId: 'east-fire', from: null, to: 0.25 },
    ]);
    expect(d.tables.organisations.changed.map((c) => c.key)).toEqual(['acme-council', 'borough-health', 'city-police']);
    // East Fire governs without an accepted workbook: no PMG member and no MoU date yet, as well as no submission.
    expect(d.issues.added).toEqual([
      expect.objectContaining({ code: 'register/missing-submission', organisationId: 'east-fire' }),
      expect.objectContaining({ code: 'register/no-pmg-member', organisationId: 'east-fire' }),
      expect.objectContaining({ code: 'register/unsigned-mou', organisationId: 'east-fire' }),
    ]);
    expect(d.summary.tables.organisations).toEqual({ added: 1, removed: 0, changed: 3 });
    expect(d.summary.stakesChanged).toBe(4);
  });

  it('reports resolved cross-partner issues and changed partnership settings', () => {
    const catalogue = testCatalogue();
    const unsettled = sourcesWith(catalogue, 'acme-council', (s) => {
      s.submission.roles = s.submission.roles.filter((r) => r.activityId !== 'training');
    });
    const later = testCatalogue();
    later.partnership.fullTimeHoursPerWeek = 35;
    const d = diffRegisters(register(catalogue, unsettled, 1), register(later, cleanSources(later), 2));
    expect(d.issues.resolved.map((i) => i.code)).toEqual(['register/no-accountable', 'register/no-responsible']);
    expect(d.issues.resolved[0]?.message).toContain('"Analyst training"');
    expect(d.tables.roles.added).toEqual([
      expect.objectContaining({ organisationId: 'acme-council', activityId: 'training', role: 'accountable' }),
    ]);
    expect(d.partnership).toEqual([{ field: 'fullTimeHoursPerWeek', from: 37.5, to: 35 }]);
    // 1 role added + 2 issues resolved + 1 partnership setting.
    expect(d.summary.changes).toBe(4);
  });
});
