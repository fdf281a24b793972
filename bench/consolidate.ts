/**
 * Consolidating 500 partners x 200 commitments x 60 activities, against the floor of JSON.parse +
 * JSON.stringify of the same submissions. Target: at most 1 s and at most 4x the floor.
 */
import { consolidate } from '../shared/consolidate.js';
import { medianMs, report, type Verdict } from './measure.js';
import { syntheticCatalogue, syntheticSources } from './generate.js';

export async function benchConsolidate(scale = 1): Promise<Verdict> {
  const catalogue = syntheticCatalogue(Math.round(500 * scale), 60);
  const sources = syntheticSources(catalogue, Math.round(200 * scale));
  const runs = 5;
  // Warm up both paths so the JIT is fair to each.
  JSON.parse(JSON.stringify(sources));
  consolidate(catalogue, sources, { version: 1, createdAt: '2026-01-01T00:00:00Z' });
  const floor = await medianMs(runs, () => JSON.parse(JSON.stringify(sources)));
  const measured = await medianMs(runs, () =>
    consolidate(catalogue, sources, { version: 1, createdAt: '2026-01-01T00:00:00Z' }),
  );
  return report(
    `consolidate ${catalogue.organisations.length} partners x ${sources[0]?.submission.commitments.length} commitments x ${catalogue.activities.length} activities`,
    { label: 'consolidate', ms: measured },
    { label: 'JSON round trip', ms: floor },
    { maxRatio: 4, maxMs: 1000 },
  );
}
