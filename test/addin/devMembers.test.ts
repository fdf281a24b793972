/** The development sign-in's list: each member's role and organisation shown, grouped, none chosen for you. */
import { describe, expect, test } from '@jest/globals';
import type { DevMember } from '../../addin/api/client.js';
import { devMemberGroups, NO_ORGANISATION } from '../../addin/taskpane/model/devMembers.js';

const members: DevMember[] = [
  {
    email: 'manager@leeds.gov.uk',
    role: 'line-manager',
    organisationId: 'leeds-cc',
    organisationName: 'Leeds City Council',
  },
  { email: 'pmg@odas.org', role: 'pmg', organisationId: null, organisationName: null },
  {
    email: 'analyst@wyp.police.uk',
    role: 'viewer',
    organisationId: 'wy-police',
    organisationName: 'West Yorkshire Police',
  },
  { email: 'viewer@odas.org', role: 'viewer', organisationId: null, organisationName: null },
];

describe('the development sign-in list', () => {
  test('names each member’s role and organisation, grouped by organisation, partnership-wide members first', () => {
    expect(devMemberGroups(members)).toEqual([
      {
        label: NO_ORGANISATION,
        options: [
          { value: 'pmg@odas.org', label: 'pmg@odas.org (PMG, no organisation)' },
          { value: 'viewer@odas.org', label: 'viewer@odas.org (viewer, no organisation)' },
        ],
      },
      {
        label: 'Leeds City Council',
        options: [{ value: 'manager@leeds.gov.uk', label: 'manager@leeds.gov.uk (line manager, Leeds City Council)' }],
      },
      {
        label: 'West Yorkshire Police',
        options: [{ value: 'analyst@wyp.police.uk', label: 'analyst@wyp.police.uk (viewer, West Yorkshire Police)' }],
      },
    ]);
  });
});
