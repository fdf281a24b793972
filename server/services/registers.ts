/** Consolidation: the latest submission of every partner becomes the next register version. */
import { consolidate } from '../../shared/consolidate.js';
import type { SubmissionSource } from '../../shared/types.js';
import type { Store, StoredRegister, StoredSubmission } from '../store/types.js';
import { requireCatalogue } from './catalogue.js';

export function toSource(s: StoredSubmission): SubmissionSource {
  return {
    organisationId: s.organisationId,
    version: s.version,
    digest: s.digest,
    submission: s.submission,
    warnings: s.warnings,
  };
}

/** Creates the next register version from the current catalogue and latest submissions. */
export async function consolidateNow(opts: { store: Store; actor: string }): Promise<StoredRegister> {
  await requireCatalogue(opts.store);
  return opts.store.createRegister(
    ({ version, catalogue, sources, createdAt }) =>
      consolidate(catalogue, sources.map(toSource), { version, createdAt }),
    { actor: opts.actor },
  );
}
