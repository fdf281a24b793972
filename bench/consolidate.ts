/**
 * Consolidating 500 partners x 200 commitments x 60 activities, against the floor of JSON.parse +
 * JSON.stringify of the same submissions. Target: at most 1 s and at most 4x the floor.
 */
import { consolidate } from '../shared/consolidate.js';
import { medianMs, report, type Verdict } from './measure.js';
import { syntheticCatalogue, syntheticSources } from './generate.js';

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchConsolidate(scale = 1): Promise<Verdict> {
  const catalogue = syntheticCatalogue(Math.round(500 * scale), 60);
  const sources = syntheticSources(catalogue, Math.round(200 * scale));
  const opts = { version: 1, createdAt: '2026-01-01T00:00:00Z' };
  // Warm up both paths so the JIT is fair to each.
  JSON.parse(JSON.stringify(sources));
  consolidate(catalogue, sources, opts);
  // Runs alternate, one of each at a time, so a busy machine slows both alike and the ratio holds.
  const floorRuns: number[] = [];
  const measuredRuns: number[] = [];
  for (let i = 0; i < 7; i++) {
    floorRuns.push(await medianMs(1, () => JSON.parse(JSON.stringify(sources))));
    measuredRuns.push(await medianMs(1, () => consolidate(catalogue, sources, opts)));
  }
  const floor = median(floorRuns);
  const measured = median(measuredRuns);
  return report(
    `consolidate ${catalogue.organisations.length} partners x ${sources[0]?.submission.commitments.length} commitments x ${catalogue.activities.length} activities`,
    { label: 'consolidate', ms: measured },
    { label: 'JSON round trip', ms: floor },
    { maxRatio: 4, maxMs: 1000 },
  );
}
