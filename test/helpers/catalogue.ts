/**
 * A small horizontal partnership catalogue for tests: five organisations (two governance-and-funding, one
 * governance, one data provider, one observer), three activities and members. Each call returns a fresh
 * copy, so a test may change it freely.
 */
import type { Catalogue } from '../../shared/types.js';

export const LEEDS = 'leeds-cc';
export const POLICE = 'wy-police';
export const UNIVERSITY = 'leeds-uni';
export const NHS = 'nhs-wy';
export const VOLUNTARY = 'vcs-leeds';

export function testCatalogue(): Catalogue {
  return {
    partnership: {
      id: 'wy-oda',
      name: 'West Yorkshire Office of Data Analytics',
      governanceModel: 'horizontal',
      mouStart: '2025-04-01',
      mouEnd: '2028-03-31',
    },
    organisations: [
      {
        id: LEEDS,
        name: 'Leeds City Council',
        sector: 'local-government',
        involvement: 'governance-and-funding',
        tier: 1,
      },
      { id: POLICE, name: 'West Yorkshire Police', sector: 'police', involvement: 'governance-and-funding', tier: 2 },
      { id: UNIVERSITY, name: 'University of Leeds', sector: 'education', involvement: 'governance', tier: null },
      { id: NHS, name: 'NHS West Yorkshire ICB', sector: 'health', involvement: 'data-provider' },
      { id: VOLUNTARY, name: 'Voluntary Action Leeds', sector: 'voluntary', involvement: 'observer' },
    ],
    activities: [
      { id: 'data-sharing', name: 'Data sharing agreements', category: 'Governance' },
      { id: 'analytics-projects', name: 'Analytics projects', category: 'Delivery' },
      { id: 'ig-review', name: 'Information governance review', category: 'Governance' },
    ],
    members: [
      { email: 'manager@leeds.gov.uk', organisationId: LEEDS, role: 'line-manager' },
      { email: 'manager@westyorkshire.police.uk', organisationId: POLICE, role: 'line-manager' },
      { email: 'manager@leeds.ac.uk', organisationId: UNIVERSITY, role: 'line-manager' },
      { email: 'manager@wy.nhs.uk', organisationId: NHS, role: 'line-manager' },
      { email: 'manager@val.org.uk', organisationId: VOLUNTARY, role: 'line-manager' },
      { email: 'chair@wy-oda.org.uk', role: 'pmg' },
      { email: 'viewer@wy-oda.org.uk', role: 'viewer' },
    ],
  };
}

/** The same partnership with tiered governance (Leeds tier 1, Police tier 2). */
export function tieredCatalogue(): Catalogue {
  const catalogue = testCatalogue();
  catalogue.partnership.governanceModel = 'tiered';
  return catalogue;
}
