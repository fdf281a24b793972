/**
 * Data sharing in the register (contract 1.1, docs/register-format.md): `dataSharing` in organisation id then
 * row order, covered by the digest, left out when no partner shares a dataset (so registers of contract 1
 * workbooks keep their digest), and the two cross-partner warnings.
 */
import { consolidate } from '../../shared/consolidate.js';
import { digestOf } from '../../shared/digest.js';
import type { Catalogue, DataSharing, SubmissionSource } from '../../shared/types.js';
import {
  cleanSources,
  commitment,
  contact,
  settledRoles,
  source,
  submission,
  testCatalogue,
} from '../helpers/registerFixtures.js';

const catalogue = testCatalogue();
const opts = { version: 1, createdAt: '2025-06-01T00:00:00.000Z' };

function sharing(overrides: Partial<DataSharing> = {}): DataSharing {
  return {
    ref: null,
    dataset: 'Recorded crime',
    recipients: 'all',
    purpose: 'Violence reduction analysis',
    personalData: 'aggregated',
    lawfulBasis: null,
    condition: null,
    controllerRole: 'controller',
    agreementRef: null,
    dpiaRef: null,
    reviewDate: null,
    retention: null,
    status: 'active',
    notes: null,
    ...overrides,
  };
}

/** cleanSources with some organisations' submissions changed. */
function sourcesWith(cat: Catalogue, changes: Record<string, Parameters<typeof submission>[2]>): SubmissionSource[] {
  const roles = settledRoles();
  return cat.organisations.map((o) =>
    source(submission(cat, o.id, { roles: roles[o.id] ?? [], ...(changes[o.id] ?? {}) })),
  );
}

describe('a register of contract 1 workbooks', () => {
  it('carries an empty dataSharing list and no new issue', () => {
    const register = consolidate(catalogue, cleanSources(catalogue), opts);
    expect(register.dataSharing).toEqual([]);
    expect(register.issues).toEqual([]);
  });
});

describe('register.dataSharing', () => {
  it('holds every partner’s rows in organisation id then row order, with organisationId, in the digest', () => {
    const sources = sourcesWith(catalogue, {
      'data-uni': { dataSharing: [sharing({ ref: 'U2', dataset: 'Survey' }), sharing({ ref: 'U1' })] },
      'acme-council': {
        dataSharing: [sharing({ dataset: 'Footfall', recipients: ['city-police', 'data-uni'] })],
      },
    });
    const register = consolidate(catalogue, [...sources].reverse(), opts);
    expect(register.dataSharing?.map((d) => [d.organisationId, d.ref, d.dataset, d.recipients])).toEqual([
      ['acme-council', null, 'Footfall', ['city-police', 'data-uni']],
      ['data-uni', 'U2', 'Survey', 'all'],
      ['data-uni', 'U1', 'Recorded crime', 'all'],
    ]);
    const { version: _v, createdAt: _c, digest, ...content } = register;
    expect(digest).toBe(digestOf(content));
    const changed = sourcesWith(catalogue, {
      'data-uni': { dataSharing: [sharing({ ref: 'U2', dataset: 'Survey' }), sharing({ ref: 'U1', status: 'ended' })] },
      'acme-council': {
        dataSharing: [sharing({ dataset: 'Footfall', recipients: ['city-police', 'data-uni'] })],
      },
    });
    expect(consolidate(catalogue, changed, opts).digest).not.toBe(digest);
  });
});

describe('register/undocumented-data', () => {
  it('warns of a partner with an Agreed or Delivered Data commitment and no Data sharing row', () => {
    const data = (status: string) => commitment({ resourceType: 'data', unit: 'datasets', quantity: 2, status });
    const sources = sourcesWith(catalogue, {
      'data-uni': { commitments: [data('delivered'), data('agreed')] },
      'city-police': { commitments: [data('agreed')], dataSharing: [sharing()] },
      'borough-health': { commitments: [data('proposed'), data('withdrawn')] },
    });
    const issues = consolidate(catalogue, sources, opts).issues;
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'register/undocumented-data',
        message:
          'Data University commits data (2 Agreed or Delivered Data commitments) but lists no dataset in its Data sharing table: add a row for each dataset it shares.',
        organisationId: 'data-uni',
        sheet: 'Data sharing',
      },
    ]);
  });
});

describe('register/no-ig-contact', () => {
  it('warns of a partner sharing personal data without an IG lead, Caldicott Guardian or DPO; a SIRO is not enough', () => {
    const personal = sharing({ personalData: 'personal', lawfulBasis: 'public-task' });
    const withRole = (contactRole: string) => ({
      contacts: [
        contact({ email: 'poc@x.example' }),
        contact({ email: 'pmg@x.example', contactRole: 'pmg-member', primary: false }),
        contact({ email: 'ig@x.example', contactRole, primary: false }),
      ],
    });
    const sources = sourcesWith(catalogue, {
      'acme-council': { dataSharing: [personal], ...withRole('siro') },
      'city-police': { dataSharing: [sharing({ personalData: 'criminal-offence' })], ...withRole('dpo') },
      'borough-health': {
        dataSharing: [sharing({ personalData: 'special-category' })],
        ...withRole('caldicott-guardian'),
      },
      'data-uni': { dataSharing: [personal], ...withRole('information-governance-lead') },
      'ig-office': { dataSharing: [sharing({ personalData: 'pseudonymised' })] },
    });
    const issues = consolidate(catalogue, sources, opts).issues;
    expect(issues.map((i) => [i.code, i.organisationId, i.sheet])).toEqual([
      ['register/no-ig-contact', 'acme-council', 'Contacts'],
    ]);
    expect(issues[0]!.message).toBe(
      'Acme Council shares personal data but lists no Information governance lead, Caldicott Guardian or Data Protection Officer in its Contacts.',
    );
  });
});
