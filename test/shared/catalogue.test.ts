import {
  formatProblem,
  isGoverning,
  partnershipSettings,
  validateCatalogue,
  type CatalogueProblem,
} from '../../shared/catalogue.js';
import { hasLoneSurrogate } from '../../shared/guards.js';
import { deepFreeze, testCatalogue } from '../helpers/registerFixtures.js';

/** The problems of an invalid catalogue, as `path: message` lines. */
function problemsOf(input: unknown): string[] {
  const result = validateCatalogue(input);
  if (!('problems' in result)) throw new Error('expected problems, got a valid catalogue');
  return result.problems.map(formatProblem);
}

/** A valid catalogue as plain JSON, changed by `edit`. */
function edited(edit: (c: ReturnType<typeof testCatalogue>) => void): unknown {
  const c = testCatalogue();
  edit(c);
  return JSON.parse(JSON.stringify(c)) as unknown;
}

describe('validateCatalogue', () => {
  it('accepts a valid catalogue and gives it back unchanged', () => {
    const input = deepFreeze(JSON.parse(JSON.stringify(testCatalogue())) as unknown);
    expect(validateCatalogue(input)).toEqual({ catalogue: testCatalogue() });
  });

  it('accepts tier null and the optional settings', () => {
    const input = edited((c) => {
      c.organisations[2]!.tier = null;
      c.partnership.tierWeights = { 1: 4, 2: 2.5, 3: 1 };
      c.partnership.fullTimeHoursPerWeek = 36;
      c.partnership.workingDaysPerMonth = 20;
    });
    expect('catalogue' in validateCatalogue(input)).toBe(true);
  });

  it('names the place and the allowed values of a bad enumeration', () => {
    expect(problemsOf(edited((c) => (c.organisations[3]!.sector = 'council')))).toEqual([
      'organisations[3].sector: "council" is not one of local-government, police, fire, health, education, voluntary, private, other',
    ]);
    expect(problemsOf(edited((c) => (c.organisations[0]!.involvement = 'funder')))).toEqual([
      'organisations[0].involvement: "funder" is not one of governance-and-funding, governance, data-provider, observer',
    ]);
    expect(problemsOf(edited((c) => (c.partnership.governanceModel = 'flat' as 'tiered')))).toEqual([
      'partnership.governanceModel: "flat" is not one of horizontal, tiered',
    ]);
    expect(problemsOf(edited((c) => (c.members[1]!.role = 'admin' as 'pmg')))).toEqual([
      'members[1].role: "admin" is not one of line-manager, pmg, viewer',
    ]);
  });

  it('refuses a tier other than 1, 2, 3 or null', () => {
    expect(problemsOf(edited((c) => (c.organisations[0]!.tier = 4 as 1)))).toEqual([
      'organisations[0].tier: 4 is not a funding tier: use 1, 2, 3 or null',
    ]);
    expect(problemsOf(edited((c) => (c.organisations[0]!.tier = '2' as unknown as 2)))).toEqual([
      'organisations[0].tier: "2" is not a funding tier: use 1, 2, 3 or null',
    ]);
  });

  it('wants dates written yyyy-mm-dd that exist, and mouEnd not before mouStart', () => {
    expect(problemsOf(edited((c) => (c.partnership.mouStart = '01/04/2025')))).toEqual([
      'partnership.mouStart: must be a date written yyyy-mm-dd',
    ]);
    expect(problemsOf(edited((c) => (c.partnership.mouEnd = '2027-02-29')))).toEqual([
      'partnership.mouEnd: must be a date written yyyy-mm-dd',
    ]);
    expect('catalogue' in validateCatalogue(edited((c) => (c.partnership.mouEnd = '2028-02-29')))).toBe(true);
    expect(problemsOf(edited((c) => (c.partnership.mouEnd = '2025-03-31')))).toEqual([
      'partnership.mouEnd: 2025-03-31 is before mouStart 2025-04-01',
    ]);
    expect('catalogue' in validateCatalogue(edited((c) => (c.partnership.mouEnd = '2025-04-01')))).toBe(true);
  });

  it('wants unique organisation ids, activity ids and names (ignoring case) and member emails (ignoring case)', () => {
    const input = edited((c) => {
      c.organisations[4]!.id = 'city-police';
      c.activities.push({ id: 'sharing', name: 'Something else' });
      c.activities.push({ id: 'dash-2', name: ' DASHBOARDS' });
      c.members.push({ email: 'LM@Police.example', organisationId: 'city-police', role: 'line-manager' });
    });
    expect(problemsOf(input)).toEqual([
      'organisations[4].id: "city-police" repeats the id (ignoring case) of organisations[0]',
      'activities[3].id: "sharing" repeats the id of activities[0]',
      'activities[4].name: " DASHBOARDS" repeats the name (ignoring case) of activities[1] ("Dashboards")',
      'members[4].email: "LM@Police.example" repeats the email (ignoring case) of members[2] ("lm@police.example")',
    ]);
  });

  it('refuses organisation ids equal ignoring case, as About matches them, naming both places', () => {
    const input = edited((c) => {
      c.organisations[4]!.id = 'City-Police';
    });
    expect(problemsOf(input)).toEqual([
      'organisations[4].id: "City-Police" repeats the id (ignoring case) of organisations[0] ("city-police")',
    ]);
  });

  it('refuses text with a broken character (an unpaired surrogate), which no register could digest or store', () => {
    const broken = 'Data \ud800 team';
    const input = edited((c) => {
      c.partnership.name = broken;
      c.organisations[1]!.name = broken;
      c.activities[0]!.name = broken;
      c.activities[1]!.category = '\udc00';
      c.members[0]!.email = `pmg\ud800@acme.example`;
      c.organisations[2]!.id = 'borough\ud800';
    });
    const problems = problemsOf(input);
    const reason = 'contains a broken character (an unpaired surrogate); retype the text';
    expect(problems).toEqual([
      `partnership.name: ${reason}`,
      `organisations[1].name: ${reason}`,
      expect.stringMatching(/^organisations\[2\]\.id: must be letters, digits/),
      `activities[0].name: ${reason}`,
      `activities[1].category: ${reason}`,
      expect.stringMatching(/^members\[0\]\.email: ".*" is not a valid email address$/),
    ]);
    // Every message can itself be digested and sent: the broken character is quoted escaped, if at all.
    for (const p of problems) expect(hasLoneSurrogate(p)).toBe(false);
    // A surrogate pair (an emoji) is well-formed text.
    expect(validateCatalogue(edited((c) => (c.organisations[1]!.name = 'Acme Council \ud83d\ude00')))).toHaveProperty(
      'catalogue',
    );
  });

  it("refuses an activity name that is another activity's id (a workbook naming it would be ambiguous)", () => {
    expect(problemsOf(edited((c) => c.activities.push({ id: 'x1', name: 'Training' })))).toEqual([
      'activities[3].name: "Training" is the id of activities[2], so a workbook naming it would be ambiguous',
    ]);
  });

  it("wants members' organisations to exist, and a line-manager to have one", () => {
    const input = edited((c) => {
      c.members[1]!.organisationId = 'nowhere';
      delete c.members[2]!.organisationId;
    });
    expect(problemsOf(input)).toEqual([
      'members[1].organisationId: "nowhere" is not the id of an organisation of the catalogue',
      'members[2].organisationId: is required for a line-manager (the organisation whose workbook they keep)',
    ]);
  });

  it('wants tier weights and settings greater than 0, all three weights given', () => {
    const input = edited((c) => {
      c.partnership.tierWeights = { 1: 3, 2: 0, 3: -1 };
      c.partnership.fullTimeHoursPerWeek = 0;
    });
    expect(problemsOf(input)).toEqual([
      'partnership.fullTimeHoursPerWeek: must be greater than 0',
      'partnership.tierWeights.2: must be greater than 0',
      'partnership.tierWeights.3: must be greater than 0',
    ]);
    expect(problemsOf(edited((c) => (c.partnership.tierWeights = { 1: 3, 2: 2 } as never)))).toEqual([
      'partnership.tierWeights.3: is required',
    ]);
  });

  it('names missing and mistyped fields, unknown fields, bad emails and ids', () => {
    const input = edited((c) => {
      delete (c.partnership as Partial<typeof c.partnership>).name;
      (c.organisations[1] as unknown as Record<string, unknown>).name = 42;
      (c.partnership as unknown as Record<string, unknown>).tierWieghts = { 1: 1, 2: 1, 3: 1 };
      c.members[3]!.email = 'not an email';
      c.activities[0]!.id = 'has space';
      c.activities[1]!.name = '   ';
    });
    expect(problemsOf(input)).toEqual([
      'partnership.name: is required',
      'partnership.tierWieghts: is not a field of the catalogue',
      'organisations[1].name: must be text, not 42',
      "activities[0].id: must be letters, digits, '.', '_' or '-', starting with a letter or digit",
      'activities[1].name: must not be blank',
      'members[3].email: "not an email" is not a valid email address',
    ]);
  });

  it('reports every problem at once, in document order, and changes nothing', () => {
    const input = deepFreeze(
      edited((c) => {
        c.members[0]!.organisationId = 'nowhere';
        c.organisations[1]!.sector = 'council';
        c.partnership.mouEnd = '2020-01-01';
      }),
    );
    const before = JSON.stringify(input);
    const result = validateCatalogue(input) as { problems: CatalogueProblem[] };
    expect(result.problems.map((p) => p.path)).toEqual([
      'partnership.mouEnd',
      'organisations[1].sector',
      'members[0].organisationId',
    ]);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('refuses what is not a catalogue object, and lists missing sections', () => {
    for (const bad of [null, 'catalogue', [], 3]) {
      expect(problemsOf(bad)).toEqual(['The catalogue must be a JSON object']);
    }
    expect(problemsOf({ partnership: testCatalogue().partnership })).toEqual([
      'organisations: is required',
      'activities: is required',
      'members: is required',
    ]);
    expect(problemsOf({ ...testCatalogue(), organisations: {} })).toEqual([
      'organisations: must be a list, not an object',
    ]);
  });
});

describe('partnershipSettings', () => {
  it('defaults tier weights to 3/2/1, 37.5 hours a week and 21.67 working days a month', () => {
    expect(partnershipSettings(testCatalogue().partnership)).toEqual({
      tierWeights: { 1: 3, 2: 2, 3: 1 },
      fullTimeHoursPerWeek: 37.5,
      workingDaysPerMonth: 21.67,
    });
  });
  it('uses the values the partnership gives', () => {
    const p = { ...testCatalogue().partnership, tierWeights: { 1: 5, 2: 3, 3: 1 }, fullTimeHoursPerWeek: 35 };
    expect(partnershipSettings(p)).toEqual({
      tierWeights: { 1: 5, 2: 3, 3: 1 },
      fullTimeHoursPerWeek: 35,
      workingDaysPerMonth: 21.67,
    });
  });
});

describe('isGoverning', () => {
  it('is true for governance-and-funding and governance partners only', () => {
    expect(['governance-and-funding', 'governance', 'data-provider', 'observer', ''].map(isGoverning)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(isGoverning(null)).toBe(false);
  });
});
