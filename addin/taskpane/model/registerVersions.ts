/**
 * The pane's words for register versions, with dates, counts and digests written as everywhere else
 * (shared/displayFormat.ts): "Version 3, 30 November 2026: 8 of 9 partners, 1 error".
 */
import { count, plural, shortDigest, ukDate } from '../../../shared/displayFormat.js';
import type { Register } from '../../../shared/types.js';
import type { RegisterSummary } from '../../api/client.js';

/** One option of the version picker: the version, its UK calendar date, its partners and errors. */
export function registerVersionLabel(r: RegisterSummary): string {
  return `Version ${r.version}, ${ukDate(r.createdAt)}: ${count(r.submissions)} of ${count(r.organisations)} partners, ${plural(r.errors, 'error')}`;
}

/** What the PMG is told after consolidating: what the new register holds, and its short digest. */
export function consolidatedSummary(register: Pick<Register, 'organisations' | 'sources' | 'issues'>, digest: string) {
  return `${plural(register.organisations.length, 'organisation')}, ${plural(register.sources.length, 'submission')}, ${plural(register.issues.length, 'issue')}; digest ${shortDigest(digest)}.`;
}
