/**
 * Catalogues and submissions for consolidation tests, built directly as data (no workbook parsing).
 * Five organisations of every involvement, three activities.
 */
import { digestOf } from '../../shared/digest.js';
import type { Issue } from '../../shared/issues.js';
import type {
  Catalogue,
  Commitment,
  Contact,
  Participation,
  RoleAssignment,
  Submission,
  SubmissionSource,
} from '../../shared/types.js';

export function testCatalogue(): Catalogue {
  return {
    partnership: {
      id: 'oda-test',
      name: 'Test Office of Data Analytics',
      governanceModel: 'horizontal',
      mouStart: '2025-04-01',
      mouEnd: '2028-03-31',
    },
    // Deliberately not in id order.
    organisations: [
      { id: 'city-police', name: 'City Police', sector: 'police', involvement: 'governance-and-funding', tier: 2 },
      {
        id: 'acme-council',
        name: 'Acme Council',
        sector: 'local-government',
        involvement: 'governance-and-funding',
        tier: 1,
      },
      { id: 'borough-health', name: 'Borough Health', sector: 'health', involvement: 'governance' },
      { id: 'data-uni', name: 'Data University', sector: 'education', involvement: 'data-provider' },
      { id: 'ig-office', name: 'IG Office', sector: 'other', involvement: 'observer' },
    ],
    activities: [
      { id: 'sharing', name: 'Data sharing agreements' },
      { id: 'dashboards', name: 'Dashboards', category: 'Delivery' },
      { id: 'training', name: 'Analyst training' },
    ],
    members: [
      { email: 'pmg.chair@acme.example', organisationId: 'acme-council', role: 'pmg' },
      { email: 'lm@acme.example', organisationId: 'acme-council', role: 'line-manager' },
      { email: 'lm@police.example', organisationId: 'city-police', role: 'line-manager' },
      { email: 'viewer@example.org', role: 'viewer' },
    ],
  };
}

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    name: 'Pat Lee',
    jobTitle: 'Analytics manager',
    email: 'pat.lee@example.org',
    phone: null,
    contactRole: 'point-of-contact',
    primary: true,
    ...overrides,
  };
}

export function commitment(overrides: Partial<Commitment> = {}): Commitment {
  return {
    ref: null,
    resourceType: 'analyst-time',
    description: 'Analyst for the partnership',
    quantity: 1,
    unit: 'fte',
    start: '2025-04-01',
    end: null,
    project: 'Core programme',
    status: 'agreed',
    notes: null,
    ...overrides,
  };
}

export function role(activityId: string, activity: string, r: string, overrides: Partial<RoleAssignment> = {}) {
  return { activityId, activity, role: r, namedLead: null, notes: null, ...overrides } satisfies RoleAssignment;
}

export function participation(overrides: Partial<Participation> = {}): Participation {
  return {
    forum: 'PMG',
    representative: 'Pat Lee',
    frequency: 'monthly',
    channel: 'video-call',
    notes: null,
    ...overrides,
  };
}

/** A complete submission: a primary point of contact and a PMG member, signed MoU, no commitments or roles. */
export function submission(
  catalogue: Catalogue,
  organisationId: string,
  overrides: Partial<Submission> = {},
): Submission {
  const org = catalogue.organisations.find((o) => o.id === organisationId);
  return {
    organisationId,
    about: {
      organisationId,
      organisationName: org?.name ?? organisationId,
      sector: org?.sector ?? null,
      involvement: org?.involvement ?? null,
      fundingTier: org?.tier ?? null,
      signatory: `Chief of ${organisationId}`,
      signedOn: '2025-03-15',
    },
    contacts: [
      contact({ email: `poc@${organisationId}.example` }),
      contact({ name: 'Sam Roe', email: `pmg@${organisationId}.example`, contactRole: 'pmg-member', primary: false }),
    ],
    commitments: [],
    roles: [],
    participation: [],
    ...overrides,
  };
}

export function source(s: Submission, version = 1, warnings: Issue[] = []): SubmissionSource {
  return { organisationId: s.organisationId, version, digest: digestOf(s), submission: s, warnings };
}

/** Roles that settle every activity: one accountable organisation and one responsible each. */
export function settledRoles(): Record<string, RoleAssignment[]> {
  return {
    'acme-council': [
      role('sharing', 'Data sharing agreements', 'accountable'),
      role('dashboards', 'Dashboards', 'responsible'),
      role('training', 'Analyst training', 'accountable'),
    ],
    'city-police': [
      role('dashboards', 'Dashboards', 'accountable'),
      role('sharing', 'Data sharing agreements', 'consulted'),
    ],
  };
}

/** Every organisation submitted, every activity settled: a register without cross-partner issues. */
export function cleanSources(catalogue: Catalogue): SubmissionSource[] {
  const roles = settledRoles();
  return catalogue.organisations.map((o) => source(submission(catalogue, o.id, { roles: roles[o.id] ?? [] })));
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
