/** Synthetic partnerships for the benchmarks: deterministic, sized by the caller. */
import type { Catalogue, Submission, SubmissionSource } from '../shared/types.js';
import type { PartnerRows } from '../server/export/template.js';
import { digestOf } from '../shared/digest.js';

const INVOLVEMENTS = ['governance-and-funding', 'governance', 'data-provider', 'observer'] as const;
const UNITS = [
  ['analyst-time', 'fte', 'Analyst time', 'FTE'],
  ['analyst-time', 'hours-per-week', 'Analyst time', 'Hours per week'],
  ['funding', 'gbp-per-year', 'Funding', 'GBP per year'],
  ['data', 'datasets', 'Data', 'Datasets'],
] as const;

export function orgId(i: number): string {
  return `org-${String(i).padStart(4, '0')}`;
}

export function syntheticCatalogue(organisations: number, activities: number): Catalogue {
  return {
    partnership: {
      id: 'bench',
      name: 'Benchmark partnership',
      governanceModel: 'tiered',
      mouStart: '2025-04-01',
      mouEnd: '2028-03-31',
    },
    organisations: Array.from({ length: organisations }, (_, i) => ({
      id: orgId(i),
      name: `Organisation ${i}`,
      sector: 'local-government',
      involvement: INVOLVEMENTS[i % INVOLVEMENTS.length]!,
      tier: ((i % 3) + 1) as 1 | 2 | 3,
    })),
    activities: Array.from({ length: activities }, (_, i) => ({ id: `act-${i}`, name: `Activity ${i}` })),
    members: [{ email: 'pmg@bench.example', role: 'pmg' }],
  };
}

export function syntheticSubmission(catalogue: Catalogue, i: number, commitments: number): Submission {
  const org = catalogue.organisations[i]!;
  return {
    organisationId: org.id,
    about: {
      organisationId: org.id,
      organisationName: org.name,
      sector: org.sector,
      involvement: org.involvement,
      fundingTier: org.tier ?? null,
      signatory: 'A Signer',
      signedOn: '2025-04-01',
    },
    contacts: [
      {
        name: 'P',
        jobTitle: null,
        email: `p@${org.id}.example`,
        phone: null,
        contactRole: 'point-of-contact',
        primary: true,
      },
      {
        name: 'M',
        jobTitle: null,
        email: `m@${org.id}.example`,
        phone: null,
        contactRole: 'pmg-member',
        primary: false,
      },
    ],
    commitments: Array.from({ length: commitments }, (_, c) => {
      const [resourceType, unit] = UNITS[c % UNITS.length]!;
      return {
        ref: `C${c}`,
        resourceType,
        description: `Commitment ${c} of ${org.name}`,
        quantity: (c % 7) + 0.5,
        unit,
        start: '2025-04-01',
        end: c % 2 ? null : '2027-03-31',
        project: 'Core programme',
        status: c % 3 ? 'agreed' : 'proposed',
        notes: null,
      };
    }),
    roles: catalogue.activities.map((a, k) => ({
      activityId: a.id,
      activity: a.name,
      role: k % catalogue.organisations.length === i ? 'accountable' : ['responsible', 'consulted', 'informed'][k % 3]!,
      namedLead: null,
      notes: null,
    })),
    participation: [{ forum: 'PMG', representative: 'M', frequency: 'monthly', channel: 'video-call', notes: null }],
  };
}

export function syntheticSources(catalogue: Catalogue, commitments: number): SubmissionSource[] {
  return catalogue.organisations.map((_, i) => {
    const submission = syntheticSubmission(catalogue, i, commitments);
    return {
      organisationId: submission.organisationId,
      version: 1,
      digest: digestOf(submission),
      submission,
      warnings: [],
    };
  });
}

/** Rows as a line manager types them, for writing generated workbooks. */
export function syntheticRows(catalogue: Catalogue, i: number, commitments: number): PartnerRows {
  const org = catalogue.organisations[i]!;
  return {
    Contacts: [
      ['Pat Point', 'Head of Insight', `p@${org.id}.example`, null, 'Point of contact', 'Yes'],
      ['Morgan Manager', null, `m@${org.id}.example`, null, 'PMG member', 'No'],
    ],
    Commitments: Array.from({ length: commitments }, (_, c) => {
      const [, , type, unit] = UNITS[c % UNITS.length]!;
      return [
        `C${c}`,
        type,
        `Commitment ${c}`,
        (c % 7) + 0.5,
        unit,
        '01/04/2025',
        c % 2 ? null : '31/03/2027',
        null,
        'Agreed',
        null,
      ];
    }),
    Roles: catalogue.activities.slice(0, 20).map((a, k) => [a.name, ['R', 'C', 'I'][k % 3], null, null]),
    Participation: [['PMG', 'Morgan Manager', 'Monthly', 'Video call', null]],
  };
}
