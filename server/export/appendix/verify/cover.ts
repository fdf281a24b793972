/** What the cover sheet of a spreadsheet appendix (Excel or OpenDocument) says of its register, from its fields. */
import { PROPERTY } from '../identity.js';
import { COVER } from '../xlsxSheets.js';
import type { FileIdentity } from './content.js';

/** The cover's fields ("Register version" and the like, by label) as the identity the file claims. */
export function coverIdentity(fields: Readonly<Record<string, string>>): FileIdentity {
  return {
    properties: {
      [PROPERTY.version]: fields[COVER.version] ?? '',
      [PROPERTY.digest]: fields[COVER.digest] ?? '',
      [PROPERTY.asOf]: fields[COVER.asOfIso] ?? '',
    },
    partnershipName: fields[COVER.partnership] ?? null,
  };
}
