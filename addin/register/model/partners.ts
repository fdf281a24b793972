/** The partners of a register version and their stakes, as table rows with the contract's labels. */
import { enumLabel, INVOLVEMENT, SECTOR } from '../../../shared/enums.js';
import type { Register } from '../../../shared/types.js';
import { percent, ukDate } from '../../../shared/displayFormat.js';

export interface PartnerRow {
  id: string;
  name: string;
  sector: string;
  involvement: string;
  tier: string;
  stake: string;
  /** 0..1, for the stake bar. */
  share: number;
  signatory: string;
  signedOn: string;
}

export function partnerRows(register: Register): PartnerRow[] {
  return register.organisations.map((o) => ({
    id: o.id,
    name: o.name,
    sector: enumLabel(SECTOR, o.sector),
    involvement: enumLabel(INVOLVEMENT, o.involvement),
    tier: o.tier === null ? '—' : `Tier ${o.tier}`,
    stake: percent(o.stake),
    share: o.stake,
    signatory: o.signatory ?? '—',
    signedOn: o.signedOn ? ukDate(o.signedOn) : '—',
  }));
}
