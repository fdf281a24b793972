/**
 * Commitment totals per organisation for the bar charts: one chart per measure (funding, analyst time,
 * datasets; agreed and delivered commitments only, as shared/totals.ts counts them), organisations with the largest first, each bar's length a share of the largest value, plus the
 * partnership's total. Organisations committing nothing to a measure are listed after the others with 0.
 */
import type { OrganisationTotals, Register } from '../../../shared/types.js';
import { count, fte, money } from '../../../shared/displayFormat.js';

export type Measure = 'fundingGbp' | 'fundingGbpPerYear' | 'analystFte' | 'datasets';

export const MEASURES: { key: Measure; title: string; unit: string; format: (n: number) => string }[] = [
  { key: 'fundingGbp', title: 'Funding, lump sums', unit: '£', format: money },
  { key: 'fundingGbpPerYear', title: 'Funding per year', unit: '£', format: money },
  { key: 'analystFte', title: 'Analyst time', unit: 'FTE', format: fte },
  { key: 'datasets', title: 'Datasets', unit: '', format: count },
];

/** "Funding per year (£)", "Analyst time (FTE)", "Datasets": a measure's title with its unit, where it has one. */
export function withUnit(measure: { title: string; unit: string }): string {
  return measure.unit ? `${measure.title} (${measure.unit})` : measure.title;
}

export interface Bar {
  organisation: string;
  value: number;
  label: string;
  /** 0..1 of the largest value in the chart. */
  fraction: number;
}

export interface TotalsChart {
  key: Measure;
  title: string;
  unit: string;
  bars: Bar[];
  total: string;
}

export function totalsCharts(register: Register): TotalsChart[] {
  const names = new Map(register.organisations.map((o) => [o.id, o.name]));
  const rows: OrganisationTotals[] = register.totals.byOrganisation;
  return MEASURES.map(({ key, title, unit, format }) => {
    const max = Math.max(0, ...rows.map((r) => r[key]));
    const bars = rows
      .map((r) => ({
        organisation: names.get(r.organisationId) ?? r.organisationId,
        value: r[key],
        label: format(r[key]),
        fraction: max > 0 ? Math.max(0, r[key]) / max : 0,
      }))
      .sort((a, b) => b.value - a.value || a.organisation.localeCompare(b.organisation, 'en-GB'));
    return { key, title, unit, bars, total: format(rows.reduce((n, r) => n + r[key], 0)) };
  });
}
