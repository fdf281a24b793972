/**
 * Stake per governance model (docs/register-format.md, "Stakes"): horizontal gives each governing partner 1/n; tiered
 * gives the weight of the partner's tier over the sum of the weights of the governing partners. Partners that do not
 * govern (data providers, observers) get 0. A governing partner with no tier (neither in the catalogue nor in its About
 * sheet) carries no weight in a tiered partnership, so its stake is 0. Rounded to 4 decimal places.
 */
import { isGoverning, type PartnershipSettings } from './catalogue.js';
import { roundShare } from './rounding.js';
import type { GovernanceModel, Tier } from './types.js';

export interface StakeHolder {
  id: string;
  involvement: string;
  tier: Tier | null;
}

/** Stakes by organisation id. */
export function stakes(
  model: GovernanceModel,
  settings: Pick<PartnershipSettings, 'tierWeights'>,
  organisations: readonly StakeHolder[],
): Map<string, number> {
  const weight = (o: StakeHolder): number => stakeWeight(model, settings, o);
  const total = organisations.reduce((sum, o) => sum + weight(o), 0);
  return new Map(organisations.map((o) => [o.id, total > 0 ? roundShare(weight(o) / total) : 0]));
}

/** A partner's weight in the stakes: its share is its weight over the sum of the weights. */
export function stakeWeight(
  model: GovernanceModel,
  settings: Pick<PartnershipSettings, 'tierWeights'>,
  o: StakeHolder,
): number {
  if (!isGoverning(o.involvement)) return 0;
  if (model === 'horizontal') return 1;
  return o.tier === null ? 0 : settings.tierWeights[o.tier];
}
