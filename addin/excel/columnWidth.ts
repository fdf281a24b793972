/** Excel column widths: the contract gives characters, Office.js takes points. */

/** Points for a width in characters: about 7 pixels a character plus 5 pixels of padding, at 0.75 pt a pixel. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
