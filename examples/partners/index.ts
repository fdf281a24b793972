/**
 * The demo partners that send a workbook, in organisation id order. Harbourline Water Ltd (a catalogue
 * organisation) deliberately has none, so consolidation reports register/missing-submission.
 */
import { eastvaleDistrictCouncil } from './eastvale-district-council.js';
import { northshireCountyCouncil } from './northshire-county-council.js';
import { northshireCvs } from './northshire-cvs.js';
import { northshireFireRescue } from './northshire-fire-rescue.js';
import { northshireIcb } from './northshire-icb.js';
import { northshireIgService } from './northshire-ig-service.js';
import { northshirePolice } from './northshire-police.js';
import type { PartnerExample } from './partnerExample.js';
import { universityOfNorthshire } from './university-of-northshire.js';

export { exampleRows, type PartnerExample } from './partnerExample.js';

export const PARTNERS: readonly PartnerExample[] = [
  eastvaleDistrictCouncil,
  northshireCountyCouncil,
  northshireCvs,
  northshireFireRescue,
  northshireIcb,
  northshireIgService,
  northshirePolice,
  universityOfNorthshire,
];

/** The catalogue organisation that deliberately sends no workbook. */
export const NON_SUBMITTING_ORGANISATION = 'harbourline-water';
