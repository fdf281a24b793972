/**
 * ExcelJS cell values normalised to what the shared parser reads (and what Office.js `values` gives the
 * add-in): string, number, boolean, Date or null.
 * - rich text: its runs' text joined;
 * - hyperlink: its displayed text (an email cell is often `{ text, hyperlink: 'mailto:...' }`);
 * - formula and shared formula: the cached result, or null when the file holds none;
 * - formula error or error cell: Excel's marker text, e.g. `#N/A`, `#REF!` (what the user sees in the cell,
 *   so a parser message quoting it makes sense);
 * - Date: kept (ExcelJS returns a Date for a date-formatted cell); a serial in an unformatted cell stays a
 *   number and the parser converts it.
 */
export type PlainCellValue = string | number | boolean | Date | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function plainCellValue(value: unknown): PlainCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#NUM!';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '#VALUE!' : value;
  if (!isRecord(value)) return String(value);
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if (typeof value.error === 'string') return value.error;
  if ('formula' in value || 'sharedFormula' in value) return plainCellValue(value.result);
  if ('text' in value) return plainCellValue(value.text);
  return null;
}
