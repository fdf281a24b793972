/**
 * Range addresses as Office.js gives and takes them: "Commitments!A1:J1", "'My sheet'!B2", "A1:B2".
 */
import { columnLetter, parseA1, type CellPosition } from '../../shared/cells.js';

/** A rectangle on a sheet, 1-based and inclusive. */
export interface Rect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Splits "Sheet!A1:B2" (the sheet may be quoted, with '' for a quote) into its sheet and rectangle. */
export function parseAddress(address: string): Rect {
  const bang = address.lastIndexOf('!');
  const rawSheet = bang < 0 ? '' : address.slice(0, bang);
  const sheet = /^'.*'$/.test(rawSheet) ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const [from = '', to = from] = address.slice(bang + 1).split(':');
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) throw new Error(`Excel gave a range address this add-in cannot read: ${address}`);
  return { sheet, top: start.row, left: start.column, bottom: end.row, right: end.column };
}

/** "A1" or "A1:C9" for a rectangle (no sheet: ranges are taken from their worksheet). */
export function rectA1(rect: Pick<Rect, 'top' | 'left' | 'bottom' | 'right'>): string {
  const from = `${columnLetter(rect.left)}${rect.top}`;
  const to = `${columnLetter(rect.right)}${rect.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

export function cellA1(position: CellPosition): string {
  return `${columnLetter(position.column)}${position.row}`;
}

/** Excel's rules for a sheet name: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31)
    return `"${name}" is not a sheet name Excel accepts: it must have 1 to 31 characters.`;
  if (/[:\\/?*[\]]/.test(name))
    return `"${name}" is not a sheet name Excel accepts: it must not contain : \\ / ? * [ or ].`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `"${name}" is not a sheet name Excel accepts: it must not start or end with '.`;
  return null;
}
