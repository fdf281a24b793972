/**
 * What every printed page of a spreadsheet appendix (Excel and OpenDocument) carries: the partnership and, on a
 * register not ready for the MoU, the draft mark at the top; the register version, its date and short digest
 * at the foot (the page number is each format's own field).
 */
import { shortDigest, ukDate } from '../../../shared/displayFormat.js';
import { DRAFT_MARK } from './docxLayout.js';
import type { Appendix } from './model.js';

export interface PrintedPage {
  partnership: string;
  /** The draft mark, or null on a register ready for the MoU. */
  mark: string | null;
  footer: string;
}

export function printedPage(appendix: Appendix): PrintedPage {
  const id = appendix.identity;
  return {
    partnership: id.partnershipName,
    mark: appendix.readiness.ready ? null : DRAFT_MARK,
    footer: `Register version ${id.version} of ${ukDate(id.createdAt)} · ${shortDigest(id.digest)}`,
  };
}
