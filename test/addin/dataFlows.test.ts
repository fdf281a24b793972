/** The register page's data flows matrix (addin/register/model/dataFlows.ts), over a consolidated register. */
import { dataFlows, SENSITIVITY_KEY } from '../../addin/register/model/dataFlows.js';
import { consolidate } from '../../shared/consolidate.js';
import type { DataSharing } from '../../shared/types.js';
import { settledRoles, source, submission, testCatalogue } from '../helpers/registerFixtures.js';

const catalogue = testCatalogue();
const row = (dataset: string, personalData: string, recipients: DataSharing['recipients']): DataSharing => ({
  ref: null,
  dataset,
  recipients,
  purpose: 'Analysis',
  personalData,
  lawfulBasis: personalData === 'none' ? null : 'public-task',
  condition: null,
  controllerRole: 'controller',
  agreementRef: null,
  dpiaRef: null,
  reviewDate: null,
  retention: null,
  status: 'active',
  notes: null,
});

function register(sharing: Record<string, DataSharing[]>) {
  const roles = settledRoles();
  const sources = catalogue.organisations.map((o) =>
    source(
      submission(catalogue, o.id, {
        roles: roles[o.id] ?? [],
        ...(sharing[o.id] ? { dataSharing: sharing[o.id] } : {}),
      }),
    ),
  );
  return consolidate(catalogue, sources, { version: 1, createdAt: '2025-06-01T00:00:00.000Z' });
}

test('providers by recipients: counts, the most sensitive category, All partners reaching every other partner', () => {
  const flows = dataFlows(
    register({
      'city-police': [row('Crime', 'criminal-offence', ['acme-council']), row('Counts', 'aggregated', 'all')],
      'data-uni': [row('Survey', 'none', ['acme-council', 'city-police'])],
    }),
  );
  expect(flows.providers.map((p) => p.id)).toEqual(['city-police', 'data-uni']);
  expect(flows.recipients.map((r) => r.id)).toEqual([
    'acme-council',
    'borough-health',
    'city-police',
    'data-uni',
    'ig-office',
  ]);
  const police = flows.cells[0]!;
  expect(police.map((c) => [c.count, c.worst])).toEqual([
    [2, 'criminal-offence'],
    [1, 'aggregated'],
    [0, null],
    [1, 'aggregated'],
    [1, 'aggregated'],
  ]);
  expect(flows.list[0]).toEqual({
    provider: 'City Police',
    recipient: 'Acme Council',
    count: 2,
    worst: 'Criminal offence',
    datasets: ['Crime', 'Counts'],
  });
  expect(flows.list).toHaveLength(6);
  expect(SENSITIVITY_KEY.map((k) => k.label)).toEqual([
    'None',
    'Aggregated',
    'Pseudonymised',
    'Personal',
    'Special category',
    'Criminal offence',
  ]);
});

test('a register without Data sharing has no flows (the section is not shown)', () => {
  expect(dataFlows(register({})).providers).toEqual([]);
});
