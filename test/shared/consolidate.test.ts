import { consolidate, registerDigest } from '../../shared/consolidate.js';
import { validateCatalogue } from '../../shared/catalogue.js';
import { formatIssue, type Issue } from '../../shared/issues.js';
import type { Catalogue, Register, SubmissionSource } from '../../shared/types.js';
import {
  cleanSources,
  commitment,
  contact,
  deepFreeze,
  participation,
  role,
  settledRoles,
  source,
  submission,
  testCatalogue,
} from '../helpers/registerFixtures.js';

const OPTS = { version: 1, createdAt: '2025-06-01T12:00:00.000Z' };

function run(catalogue: Catalogue, sources: SubmissionSource[]): Register {
  return consolidate(catalogue, sources, OPTS);
}

const stakeOf = (r: Register) => Object.fromEntries(r.organisations.map((o) => [o.id, o.stake]));
const totalsOf = (r: Register, id: string) => r.totals.byOrganisation.find((t) => t.organisationId === id);
const codes = (r: Register) => r.issues.map((i) => i.code);

describe('consolidate: organisations', () => {
  it('the test catalogue is a valid catalogue', () => {
    expect(validateCatalogue(testCatalogue())).toEqual({ catalogue: testCatalogue() });
  });

  it('lists every catalogue organisation in id order, submitted or not, with catalogue facts and About signature', () => {
    const catalogue = testCatalogue();
    const acme = submission(catalogue, 'acme-council');
    // About disagrees with the catalogue: the catalogue wins.
    acme.about = {
      ...acme.about,
      organisationName: 'ACME CC',
      sector: 'other',
      involvement: 'observer',
      fundingTier: 3,
    };
    const register = run(catalogue, [source(acme)]);
    expect(register.organisations.map((o) => o.id)).toEqual([
      'acme-council',
      'borough-health',
      'city-police',
      'data-uni',
      'ig-office',
    ]);
    expect(register.organisations[0]).toEqual({
      id: 'acme-council',
      name: 'Acme Council',
      sector: 'local-government',
      involvement: 'governance-and-funding',
      tier: 1,
      signatory: 'Chief of acme-council',
      signedOn: '2025-03-15',
      stake: 0.3333,
    });
    expect(register.organisations.find((o) => o.id === 'city-police')).toMatchObject({
      tier: 2,
      signatory: null,
      signedOn: null,
    });
    expect(register.organisations.find((o) => o.id === 'borough-health')?.tier).toBeNull();
  });

  it('carries the schema, the partnership with its defaulted settings, version and createdAt', () => {
    const register = run(testCatalogue(), []);
    expect(register.schema).toBe('oda-register/register@1');
    expect(register.version).toBe(1);
    expect(register.createdAt).toBe(OPTS.createdAt);
    expect(register.partnership).toEqual({
      ...testCatalogue().partnership,
      tierWeights: { 1: 3, 2: 2, 3: 1 },
      fullTimeHoursPerWeek: 37.5,
      workingDaysPerMonth: 21.67,
    });
  });
});

describe('consolidate: stake', () => {
  it('horizontal: each governing partner gets 1/n, data providers and observers 0', () => {
    const catalogue = testCatalogue();
    expect(stakeOf(run(catalogue, cleanSources(catalogue)))).toEqual({
      'acme-council': 0.3333,
      'borough-health': 0.3333,
      'city-police': 0.3333,
      'data-uni': 0,
      'ig-office': 0,
    });
    // Four governing partners: a quarter each.
    catalogue.organisations.find((o) => o.id === 'data-uni')!.involvement = 'governance';
    expect(stakeOf(run(catalogue, []))['data-uni']).toBe(0.25);
  });

  function tiered(weights?: { 1: number; 2: number; 3: number }): Catalogue {
    const c = testCatalogue();
    c.partnership.governanceModel = 'tiered';
    if (weights) c.partnership.tierWeights = weights;
    c.organisations.find((o) => o.id === 'borough-health')!.tier = 3;
    // Tiers on partners that do not govern carry no stake.
    c.organisations.find((o) => o.id === 'data-uni')!.tier = 1;
    c.organisations.find((o) => o.id === 'ig-office')!.tier = 1;
    return c;
  }

  it('tiered with the default weights 3/2/1: weight over the sum of governing weights (3+2+1 = 6)', () => {
    expect(stakeOf(run(tiered(), []))).toEqual({
      'acme-council': 0.5, // 3/6
      'borough-health': 0.1667, // 1/6
      'city-police': 0.3333, // 2/6
      'data-uni': 0,
      'ig-office': 0,
    });
  });

  it('tiered with custom weights 5/3/1 (sum 9)', () => {
    expect(stakeOf(run(tiered({ 1: 5, 2: 3, 3: 1 }), []))).toEqual({
      'acme-council': 0.5556, // 5/9
      'borough-health': 0.1111, // 1/9
      'city-police': 0.3333, // 3/9
      'data-uni': 0,
      'ig-office': 0,
    });
  });

  it('tiered: the tier falls back to the About tier when the catalogue has none; no tier anywhere weighs 0', () => {
    const c = tiered();
    delete c.organisations.find((o) => o.id === 'borough-health')!.tier;
    // Not submitted: no tier, no weight; 3 + 2 = 5.
    expect(stakeOf(run(c, []))).toMatchObject({ 'acme-council': 0.6, 'borough-health': 0, 'city-police': 0.4 });
    const health = submission(c, 'borough-health');
    health.about.fundingTier = 2;
    const register = run(c, [source(health)]);
    expect(register.organisations.find((o) => o.id === 'borough-health')?.tier).toBe(2);
    // 3 + 2 + 2 = 7
    expect(stakeOf(register)).toMatchObject({
      'acme-council': 0.4286,
      'borough-health': 0.2857,
      'city-police': 0.2857,
    });
  });
});

describe('consolidate: totals', () => {
  it('converts analyst time to FTE with the defaults (37.5 hours a week, 21.67 days a month)', () => {
    const catalogue = testCatalogue();
    const acme = submission(catalogue, 'acme-council', {
      commitments: [
        commitment({ quantity: 15, unit: 'hours-per-week' }), // 0.4
        commitment({ quantity: 10.835, unit: 'days-per-month' }), // 0.5
        commitment({ quantity: 1, unit: 'fte', status: 'delivered' }), // 1
        commitment({ quantity: 2, unit: 'fte', status: 'proposed' }), // not counted
        commitment({ quantity: 3, unit: 'fte', status: 'withdrawn' }), // not counted
      ],
    });
    expect(totalsOf(run(catalogue, [source(acme)]), 'acme-council')?.analystFte).toBe(1.9);
  });

  it('rounds FTE to 4 decimal places: 10 days a month is 0.4615 FTE', () => {
    const catalogue = testCatalogue();
    const acme = submission(catalogue, 'acme-council', {
      commitments: [commitment({ quantity: 10, unit: 'days-per-month' })],
    });
    expect(totalsOf(run(catalogue, [source(acme)]), 'acme-council')?.analystFte).toBe(0.4615);
  });

  it('uses the partnership settings when given (35 hours a week, 20 days a month)', () => {
    const catalogue = testCatalogue();
    catalogue.partnership.fullTimeHoursPerWeek = 35;
    catalogue.partnership.workingDaysPerMonth = 20;
    const acme = submission(catalogue, 'acme-council', {
      commitments: [
        commitment({ quantity: 14, unit: 'hours-per-week' }),
        commitment({ quantity: 5, unit: 'days-per-month' }),
      ],
    });
    // 14/35 = 0.4, 5/20 = 0.25
    expect(totalsOf(run(catalogue, [source(acme)]), 'acme-council')?.analystFte).toBe(0.65);
  });

  it('sums funding in GBP and GBP per year separately, to the penny, without floating error; counts datasets', () => {
    const catalogue = testCatalogue();
    const police = submission(catalogue, 'city-police', {
      commitments: [
        commitment({ resourceType: 'funding', quantity: 0.1, unit: 'gbp' }),
        commitment({ resourceType: 'funding', quantity: 0.2, unit: 'gbp' }),
        commitment({ resourceType: 'funding', quantity: 1000.005, unit: 'gbp' }),
        commitment({ resourceType: 'funding', quantity: 25000, unit: 'gbp-per-year' }),
        commitment({ resourceType: 'funding', quantity: 5000, unit: 'gbp-per-year', status: 'proposed' }),
        commitment({ resourceType: 'data', quantity: 2, unit: 'datasets' }),
        commitment({ resourceType: 'data', quantity: 3, unit: 'datasets', status: 'delivered' }),
        commitment({ resourceType: 'data', quantity: 7, unit: 'other' }),
        commitment({ resourceType: 'software-or-tools', quantity: 10, unit: 'licences' }),
      ],
    });
    const register = run(catalogue, [source(police)]);
    expect(totalsOf(register, 'city-police')).toEqual({
      organisationId: 'city-police',
      analystFte: 0,
      fundingGbp: 1000.31, // 0.1 + 0.2 + 1000.005 = 1000.305 -> 1000.31
      fundingGbpPerYear: 25000,
      datasets: 5,
    });
  });

  it('gives every catalogue organisation a totals row, zero when nothing counts, in id order', () => {
    const register = run(testCatalogue(), []);
    expect(register.totals.byOrganisation.map((t) => t.organisationId)).toEqual(
      register.organisations.map((o) => o.id),
    );
    expect(register.totals.byOrganisation[0]).toEqual({
      organisationId: 'acme-council',
      analystFte: 0,
      fundingGbp: 0,
      fundingGbpPerYear: 0,
      datasets: 0,
    });
  });
});

describe('consolidate: rows and sources', () => {
  it('holds the rows of each table in organisation id order, then row order, whatever the source order', () => {
    const catalogue = testCatalogue();
    const police = submission(catalogue, 'city-police', {
      commitments: [commitment({ ref: 'P2', description: 'second' }), commitment({ ref: 'P1', description: 'first' })],
      participation: [participation({ forum: 'PMG' }), participation({ forum: 'Board' })],
    });
    const acme = submission(catalogue, 'acme-council', {
      commitments: [commitment({ ref: 'A1', notes: 'acme' })],
      roles: [role('training', 'Analyst training', 'accountable', { namedLead: 'Kim' })],
    });
    const register = run(catalogue, [source(police, 4), source(acme, 2)]);
    expect(register.commitments.map((c) => `${c.organisationId}:${c.ref}`)).toEqual([
      'acme-council:A1',
      'city-police:P2',
      'city-police:P1',
    ]);
    expect(register.commitments[0]).toEqual({
      organisationId: 'acme-council',
      ...commitment({ ref: 'A1', notes: 'acme' }),
    });
    expect(register.contacts.map((c) => c.email)).toEqual([
      'poc@acme-council.example',
      'pmg@acme-council.example',
      'poc@city-police.example',
      'pmg@city-police.example',
    ]);
    expect(register.contacts[0]).toEqual({
      organisationId: 'acme-council',
      ...contact({ email: 'poc@acme-council.example' }),
    });
    expect(register.participation.map((p) => p.forum)).toEqual(['PMG', 'Board']);
    expect(register.roles).toEqual([
      {
        organisationId: 'acme-council',
        activityId: 'training',
        activity: 'Analyst training',
        role: 'accountable',
        namedLead: 'Kim',
        notes: null,
      },
    ]);
    expect(register.sources).toEqual([
      { organisationId: 'acme-council', submissionVersion: 2, digest: source(acme).digest },
      { organisationId: 'city-police', submissionVersion: 4, digest: source(police).digest },
    ]);
  });

  it("names a role's activity by the catalogue's current name", () => {
    const catalogue = testCatalogue();
    const acme = submission(catalogue, 'acme-council', {
      roles: [role('training', 'Old training name', 'accountable')],
    });
    expect(run(catalogue, [source(acme)]).roles[0]?.activity).toBe('Analyst training');
  });

  it('does not change its inputs', () => {
    const catalogue = deepFreeze(testCatalogue());
    const sources = deepFreeze(cleanSources(testCatalogue()));
    expect(() => run(catalogue, sources)).not.toThrow();
  });

  it('refuses two sources for one organisation, naming it', () => {
    const catalogue = testCatalogue();
    const acme = submission(catalogue, 'acme-council');
    expect(() => run(catalogue, [source(acme, 1), source(acme, 2)])).toThrow(/"acme-council" \(versions 1 and 2\)/);
  });

  it('the digest covers the content, not version or createdAt', () => {
    const catalogue = testCatalogue();
    const a = run(catalogue, cleanSources(catalogue));
    const b = consolidate(catalogue, cleanSources(catalogue), { version: 9, createdAt: '2030-01-01T00:00:00.000Z' });
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.digest).toBe(a.digest);
    expect(registerDigest(a)).toBe(a.digest);
    expect(registerDigest({ ...a, contacts: a.contacts.slice(1) })).not.toBe(a.digest);
  });

  it('survives a JSON round trip unchanged (no undefined values), digest still valid', () => {
    const catalogue = testCatalogue();
    const register = run(catalogue, cleanSources(catalogue));
    const copy = JSON.parse(JSON.stringify(register)) as Register;
    expect(copy).toEqual(register);
    expect(registerDigest(copy)).toBe(register.digest);
  });
});

describe('consolidate: a source whose organisation left the catalogue', () => {
  it('leaves its rows out and says so with the organisation, version and row count', () => {
    const catalogue = testCatalogue();
    const gone = submission(catalogue, 'gone-trust', {
      commitments: [commitment({ ref: 'G1' })],
      roles: [role('training', 'Analyst training', 'accountable')],
    });
    const register = run(catalogue, [...cleanSources(catalogue), source(gone, 3)]);
    expect(register.organisations.some((o) => o.id === 'gone-trust')).toBe(false);
    for (const table of [register.contacts, register.commitments, register.roles, register.participation]) {
      expect(table.some((row) => row.organisationId === 'gone-trust')).toBe(false);
    }
    expect(register.sources.some((s) => s.organisationId === 'gone-trust')).toBe(false);
    expect(register.issues).toEqual([
      {
        severity: 'error',
        code: 'about/unknown-organisation',
        organisationId: 'gone-trust',
        message:
          'The submission of "gone-trust" (version 3) is left out of the register: the organisation is no longer in the partnership catalogue, so its 4 rows are not counted.',
      },
    ]);
    // Its accountable role does not count: training still has one accountable organisation.
    expect(codes(register)).not.toContain('register/multiple-accountable');
  });

  it('keeps a role whose activity left the catalogue, and says so', () => {
    const catalogue = testCatalogue();
    const sources = cleanSources(catalogue);
    const acme = sources.find((s) => s.organisationId === 'acme-council')!;
    acme.submission.roles.push(role('old-work', 'Old work', 'responsible'));
    const register = run(catalogue, sources);
    expect(register.roles.find((r) => r.activityId === 'old-work')).toMatchObject({ activity: 'Old work' });
    expect(register.issues).toEqual([
      {
        severity: 'error',
        code: 'roles/unknown-activity',
        organisationId: 'acme-council',
        sheet: 'Roles',
        message:
          'Acme Council has a role in "Old work" (old-work), an activity no longer in the partnership catalogue; the row is kept as submitted.',
      },
    ]);
  });
});

describe('consolidate: issues', () => {
  it('a clean partnership has no issues', () => {
    const catalogue = testCatalogue();
    expect(run(catalogue, cleanSources(catalogue)).issues).toEqual([]);
  });

  it("lists each source's stored warnings first, with its organisation id", () => {
    const catalogue = testCatalogue();
    const warning: Issue = {
      severity: 'warning',
      code: 'commitment/outside-mou-period',
      message: 'The commitment ends after the MoU period.',
      sheet: 'Commitments',
      row: 3,
      cell: 'G3',
    };
    const sources = cleanSources(catalogue).map((s) =>
      s.organisationId === 'city-police' ? { ...s, warnings: [warning] } : s,
    );
    sources.find((s) => s.organisationId === 'acme-council')!.submission.about.signedOn = null;
    const register = run(catalogue, sources);
    expect(register.issues[0]).toEqual({ ...warning, organisationId: 'city-police' });
    expect(codes(register)).toEqual(['commitment/outside-mou-period', 'register/unsigned-mou']);
  });

  function only(register: Register, code: string): Issue[] {
    return register.issues.filter((i) => i.code === code);
  }

  it('register/no-accountable: an activity no-one is accountable for, even one no-one mentions', () => {
    const catalogue = testCatalogue();
    const roles = settledRoles();
    roles['acme-council'] = roles['acme-council']!.map((r) =>
      r.activityId === 'sharing' ? { ...r, role: 'responsible' } : r,
    );
    roles['acme-council'] = roles['acme-council'].filter((r) => r.activityId !== 'training');
    const sources = catalogue.organisations.map((o) =>
      source(submission(catalogue, o.id, { roles: roles[o.id] ?? [] })),
    );
    const register = run(catalogue, sources);
    expect(only(register, 'register/no-accountable').map(formatIssue)).toEqual([
      'No organisation is accountable for "Data sharing agreements" (sharing): exactly one partner must be. Acme Council is responsible.',
      'No organisation is accountable for "Analyst training" (training): exactly one partner must be.',
    ]);
    expect(only(register, 'register/no-accountable')[0]).toMatchObject({ severity: 'error' });
    expect(only(register, 'register/no-accountable')[0]?.organisationId).toBeUndefined();
  });

  it('register/multiple-accountable names every accountable organisation', () => {
    const catalogue = testCatalogue();
    const sources = cleanSources(catalogue);
    for (const id of ['city-police', 'borough-health']) {
      const s = sources.find((x) => x.organisationId === id)!;
      s.submission.roles = s.submission.roles.filter((r) => r.activityId !== 'sharing');
      s.submission.roles.push(role('sharing', 'Data sharing agreements', 'accountable'));
    }
    const register = run(catalogue, sources);
    expect(only(register, 'register/multiple-accountable')).toEqual([
      {
        severity: 'error',
        code: 'register/multiple-accountable',
        message:
          '3 organisations are accountable for "Data sharing agreements" (sharing): Acme Council, Borough Health and City Police. Exactly one partner must be.',
      },
    ]);
  });

  it('register/no-responsible: neither responsible nor accountable (nobody has taken the activity on)', () => {
    const catalogue = testCatalogue();
    const sources = cleanSources(catalogue);
    // Dashboards: police accountable, acme responsible. Remove both and leave only a Consulted.
    for (const s of sources) s.submission.roles = s.submission.roles.filter((r) => r.activityId !== 'dashboards');
    sources[0]!.submission.roles.push(role('dashboards', 'Dashboards', 'consulted'));
    const register = run(catalogue, sources);
    expect(only(register, 'register/no-responsible')).toEqual([
      {
        severity: 'warning',
        code: 'register/no-responsible',
        message:
          'No organisation is responsible or accountable for "Dashboards" (dashboards): no partner has taken it on.',
      },
    ]);
    expect(codes(register)).toEqual(['register/no-accountable', 'register/no-responsible']);
    // Responsible without accountable is not "no-responsible".
    sources[0]!.submission.roles.push(role('dashboards', 'Dashboards', 'responsible'));
    sources[0]!.submission.roles = sources[0]!.submission.roles.filter((r) => r.role !== 'consulted');
    expect(codes(run(catalogue, sources))).toEqual(['register/no-accountable']);
  });

  it('register/missing-submission for each organisation without an accepted workbook', () => {
    const catalogue = testCatalogue();
    const sources = cleanSources(catalogue).filter((s) => !['data-uni', 'ig-office'].includes(s.organisationId));
    expect(only(run(catalogue, sources), 'register/missing-submission')).toEqual([
      {
        severity: 'warning',
        code: 'register/missing-submission',
        organisationId: 'data-uni',
        message:
          'No workbook received from Data University yet: its contacts, commitments, roles and MoU signature are not in the register.',
      },
      expect.objectContaining({
        organisationId: 'ig-office',
        message: expect.stringMatching(/^No workbook received from IG Office yet/),
      }),
    ]);
  });

  it('register/observer-lead when an observer is responsible or accountable', () => {
    const catalogue = testCatalogue();
    const sources = cleanSources(catalogue);
    sources.find((s) => s.organisationId === 'ig-office')!.submission.roles = [
      role('training', 'Analyst training', 'responsible'),
      role('sharing', 'Data sharing agreements', 'informed'),
    ];
    const register = run(catalogue, sources);
    expect(register.issues).toEqual([
      {
        severity: 'warning',
        code: 'register/observer-lead',
        organisationId: 'ig-office',
        sheet: 'Roles',
        message:
          'IG Office is an observer but is responsible for "Analyst training" (training); observers should not lead activities.',
      },
    ]);
  });

  it('register/no-pmg-member and register/unsigned-mou for governing partners only', () => {
    const catalogue = testCatalogue();
    const sources = cleanSources(catalogue);
    for (const s of sources) {
      if (s.organisationId === 'acme-council' || s.organisationId === 'data-uni') {
        s.submission.contacts = s.submission.contacts.filter((c) => c.contactRole !== 'pmg-member');
        s.submission.about.signedOn = null;
      }
    }
    const register = run(catalogue, sources);
    expect(register.issues).toEqual([
      {
        severity: 'warning',
        code: 'register/no-pmg-member',
        organisationId: 'acme-council',
        sheet: 'Contacts',
        message: 'Acme Council is a governing partner but lists no PMG member in its Contacts.',
      },
      {
        severity: 'warning',
        code: 'register/unsigned-mou',
        organisationId: 'acme-council',
        sheet: 'About',
        message:
          'Acme Council is a governing partner but has not given the date it signed the MoU (About, "MoU signed on").',
      },
    ]);
  });

  it('register/no-pmg-member and register/unsigned-mou also for a governing partner without an accepted workbook, saying so', () => {
    const catalogue = testCatalogue();
    const sources = cleanSources(catalogue).filter((s) => s.organisationId !== 'borough-health');
    const register = run(catalogue, sources);
    expect(register.issues.filter((i) => i.organisationId === 'borough-health')).toEqual([
      expect.objectContaining({ code: 'register/missing-submission' }),
      {
        severity: 'warning',
        code: 'register/no-pmg-member',
        organisationId: 'borough-health',
        sheet: 'Contacts',
        message:
          'Borough Health is a governing partner but has no PMG member in the register: it has no accepted workbook yet, so its Contacts are not in it.',
      },
      {
        severity: 'warning',
        code: 'register/unsigned-mou',
        organisationId: 'borough-health',
        sheet: 'About',
        message:
          'Borough Health is a governing partner but has no MoU signed date in the register: it has no accepted workbook yet, so its About ("MoU signed on") is not in it.',
      },
    ]);
    // A non-governing partner without a workbook gets only missing-submission.
    const withoutUni = run(
      catalogue,
      cleanSources(catalogue).filter((s) => s.organisationId !== 'data-uni'),
    );
    expect(withoutUni.issues.map((i) => i.code)).toEqual(['register/missing-submission']);
  });

  it('lists cross-partner issues in a stable order: by code, then activity id or organisation id', () => {
    const catalogue = testCatalogue();
    const police = submission(catalogue, 'city-police', {
      roles: [
        role('sharing', 'Data sharing agreements', 'accountable'),
        role('dashboards', 'Dashboards', 'accountable'),
      ],
      contacts: [contact()],
    });
    const acme = submission(catalogue, 'acme-council', {
      roles: [
        role('sharing', 'Data sharing agreements', 'accountable'),
        role('dashboards', 'Dashboards', 'accountable'),
      ],
    });
    acme.about.signedOn = null;
    const ig = submission(catalogue, 'ig-office', { roles: [role('training', 'Analyst training', 'responsible')] });
    const a = run(catalogue, [source(police), source(ig), source(acme)]);
    const b = run(catalogue, [source(acme), source(police), source(ig)]);
    const summary = a.issues.map((i) => `${i.code} ${i.organisationId ?? ''} ${i.message.slice(0, 60)}`);
    expect(a.issues).toEqual(b.issues);
    expect(summary.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      'register/no-accountable ', // training
      'register/multiple-accountable ', // dashboards
      'register/multiple-accountable ', // sharing
      'register/missing-submission borough-health',
      'register/missing-submission data-uni',
      'register/observer-lead ig-office',
      'register/no-pmg-member borough-health',
      'register/no-pmg-member city-police',
      'register/unsigned-mou acme-council',
      'register/unsigned-mou borough-health',
    ]);
    expect(a.issues[1]?.message).toContain('"Dashboards"');
    expect(a.issues[2]?.message).toContain('"Data sharing agreements"');
  });
});
