/** The pane writes register versions' dates, counts and digests as the register page and appendices do. */
import { describe, expect, test } from '@jest/globals';
import type { RegisterSummary } from '../../addin/api/client.js';
import { consolidatedSummary, registerVersionLabel } from '../../addin/taskpane/model/registerVersions.js';

const summary: RegisterSummary = {
  version: 3,
  // Late on 30 November in UTC is still 30 November in London; 23:30 on 31 May UTC is 1 June in London.
  createdAt: '2026-11-30T22:15:00.000Z',
  createdBy: 'chair@odas.example',
  digest: `sha256:${'ab'.repeat(32)}`,
  errors: 1,
  hasErrors: true,
  organisations: 1200,
  submissions: 1001,
  warnings: 0,
};

describe('register versions in the pane', () => {
  test('the version picker writes the date as "30 November 2026" (UK calendar date), not 30/11/2026', () => {
    expect(registerVersionLabel(summary)).toBe('Version 3, 30 November 2026: 1,001 of 1,200 partners, 1 error');
    expect(registerVersionLabel({ ...summary, createdAt: '2026-05-31T23:30:00.000Z', errors: 2 })).toBe(
      'Version 3, 1 June 2026: 1,001 of 1,200 partners, 2 errors',
    );
  });

  test('the PMG’s consolidation notice uses the short digest and grouped counts', () => {
    const register = { organisations: new Array(1) as never[], sources: new Array(1500) as never[], issues: [] };
    expect(consolidatedSummary(register, summary.digest)).toBe(
      `1 organisation, 1,500 submissions, 0 issues; digest sha256:${'ab'.repeat(6)}.`,
    );
  });
});
