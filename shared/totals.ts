/**
 * Resource totals per organisation (docs/register-format.md, "Totals"). Only commitments with status Agreed or
 * Delivered count. Analyst time converts to FTE (hours per week / fullTimeHoursPerWeek, days per month /
 * workingDaysPerMonth); funding is summed in GBP and in GBP per year separately; datasets counts Data
 * commitments in the unit Datasets. FTE and datasets are rounded to 4 decimal places, money to pennies, after
 * summing.
 */
import type { PartnershipSettings } from './catalogue.js';
import { roundMoney, roundShare } from './rounding.js';
import type { Commitment, OrganisationTotals } from './types.js';

/** Statuses whose commitments count in the totals. */
export const COUNTED_STATUSES: readonly string[] = ['agreed', 'delivered'];

/** The FTE of one analyst-time commitment, or null when the unit is not a unit of analyst time. */
export function analystFte(
  quantity: number,
  unit: string,
  settings: Pick<PartnershipSettings, 'fullTimeHoursPerWeek' | 'workingDaysPerMonth'>,
): number | null {
  switch (unit) {
    case 'fte':
      return quantity;
    case 'hours-per-week':
      return quantity / settings.fullTimeHoursPerWeek;
    case 'days-per-month':
      return quantity / settings.workingDaysPerMonth;
    default:
      return null;
  }
}

export function organisationTotals(
  organisationId: string,
  commitments: readonly Commitment[],
  settings: Pick<PartnershipSettings, 'fullTimeHoursPerWeek' | 'workingDaysPerMonth'>,
): OrganisationTotals {
  let fte = 0;
  let gbp = 0;
  let gbpPerYear = 0;
  let datasets = 0;
  for (const c of commitments) {
    if (!COUNTED_STATUSES.includes(c.status)) continue;
    if (c.resourceType === 'analyst-time') fte += analystFte(c.quantity, c.unit, settings) ?? 0;
    else if (c.resourceType === 'funding' && c.unit === 'gbp') gbp += c.quantity;
    else if (c.resourceType === 'funding' && c.unit === 'gbp-per-year') gbpPerYear += c.quantity;
    else if (c.resourceType === 'data' && c.unit === 'datasets') datasets += c.quantity;
  }
  return {
    organisationId,
    analystFte: roundShare(fte),
    fundingGbp: roundMoney(gbp),
    fundingGbpPerYear: roundMoney(gbpPerYear),
    datasets: roundShare(datasets),
  };
}
