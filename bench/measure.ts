/** Timing helpers for the benchmarks: medians of repeated runs, and a printed verdict against a target. */
import { performance } from 'node:perf_hooks';

export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface Verdict {
  name: string;
  ok: boolean;
}

/** Prints one line: the measured value, the baseline, the ratio and whether the target holds. */
export function report(
  name: string,
  measured: { label: string; ms: number },
  baseline: { label: string; ms: number },
  targets: { maxRatio?: number; maxMs?: number },
): Verdict {
  const ratio = measured.ms / baseline.ms;
  const ok =
    (targets.maxRatio === undefined || ratio <= targets.maxRatio) &&
    (targets.maxMs === undefined || measured.ms <= targets.maxMs);
  const target = [
    targets.maxMs !== undefined ? `<= ${targets.maxMs} ms` : '',
    targets.maxRatio !== undefined ? `<= ${targets.maxRatio}x` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  console.log(
    `${ok ? 'PASS' : 'MISS'}  ${name}: ${measured.label} ${measured.ms.toFixed(0)} ms vs ${baseline.label} ${baseline.ms.toFixed(0)} ms = ${ratio.toFixed(2)}x (target ${target})`,
  );
  return { name, ok };
}
