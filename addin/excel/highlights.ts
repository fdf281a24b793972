/// <reference types="office-js" />
/**
 * Issue highlights that leave the user's own formatting as it was. Each highlighted cell's previous fill is
 * remembered in the workbook's settings (HIGHLIGHTS_KEY) with the colour we gave it; the next check (or
 * "clear highlights") puts the previous fill back, but only on cells that still have our colour, so a fill
 * the user changed since is kept. Works on ExcelApi 1.4 (fills and settings), the manifest's minimum.
 *
 * Requests: read the remembered list and the sheet names; read the current fill of every cell concerned
 * (split only when the reads would pass the request limit); then the fills and the new list in one write.
 *
 * Excel reports "no fill" as white (#FFFFFF), so a white fill is restored as no fill; in a table that shows
 * the table style's banding again, which is what an unfilled cell shows anyway.
 */
import type { Issue } from '../../shared/issues.js';
import { chunkRows, WriteBatch } from './batch.js';
import { requestBytes } from './requestSize.js';

export const HIGHLIGHTS_KEY = 'odaRegister.highlights';
/** Excel's own "Bad" and "Neutral" cell-style fills. */
export const HIGHLIGHT_COLOURS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;
/** At most this many cells are coloured (the pane lists every issue either way). */
export const MAX_HIGHLIGHTS = 5000;

/** One highlighted cell: where, the colour we gave it, and its fill before (null: none). */
export type Highlight = [sheet: string, cell: string, ours: string, previous: string | null];

const NO_FILL = '#FFFFFF';

function keyOf(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${cell.toUpperCase()}`;
}

function sameColour(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toUpperCase() === b.toUpperCase();
}

/** The remembered highlights in a setting's value; anything malformed is dropped. */
export function highlightsFrom(value: unknown): Highlight[] {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(data)) return [];
  return data.filter(
    (h): h is Highlight =>
      Array.isArray(h) &&
      h.length === 4 &&
      typeof h[0] === 'string' &&
      typeof h[1] === 'string' &&
      typeof h[2] === 'string' &&
      (typeof h[3] === 'string' || h[3] === null),
  );
}

/** The cells to colour for `issues`: one per cell, an error's colour over a warning's, in issue order. */
export function cellsToHighlight(issues: readonly Issue[]): { sheet: string; cell: string; colour: string }[] {
  const byCell = new Map<string, { sheet: string; cell: string; colour: string }>();
  for (const issue of issues) {
    if (!issue.sheet || !issue.cell) continue;
    const key = keyOf(issue.sheet, issue.cell);
    const colour = HIGHLIGHT_COLOURS[issue.severity];
    const known = byCell.get(key);
    if (!known) {
      if (byCell.size < MAX_HIGHLIGHTS) byCell.set(key, { sheet: issue.sheet, cell: issue.cell.toUpperCase(), colour });
    } else if (issue.severity === 'error') known.colour = colour;
  }
  return [...byCell.values()];
}

/** Clears the previous highlights (keeping the user's formatting) and colours `issues`' cells. */
export async function highlight(
  context: Excel.RequestContext,
  issues: readonly Issue[],
  options: { suspendCalculation: boolean },
): Promise<void> {
  const { workbook } = context;
  const setting = workbook.settings.getItemOrNullObject(HIGHLIGHTS_KEY).load('value');
  const sheets = workbook.worksheets.load('items/name');
  await context.sync();

  const sheetNames = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  const onSheet = <T extends { sheet: string }>(items: T[]) =>
    items.flatMap((i) => {
      const sheet = sheetNames.get(i.sheet.toLowerCase());
      return sheet ? [{ ...i, sheet }] : [];
    });
  const previous = onSheet(
    (setting.isNullObject ? [] : highlightsFrom(setting.value)).map(([sheet, cell, ours, before]) => ({
      sheet,
      cell,
      ours,
      before,
    })),
  );
  const wanted = onSheet(cellsToHighlight(issues));

  // The current fill of every cell concerned.
  const cells = new Map<string, { sheet: string; cell: string; fill?: Excel.RangeFill }>();
  for (const c of [...previous, ...wanted]) cells.set(keyOf(c.sheet, c.cell), { sheet: c.sheet, cell: c.cell });
  const reads = chunkRows([...cells.values()], (c) => requestBytes(4, [c.sheet, c.cell]));
  for (const chunk of reads) {
    for (const c of chunk) c.fill = workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill.load('color');
    await context.sync();
  }
  const current = (sheet: string, cell: string) => cells.get(keyOf(sheet, cell))?.fill?.color ?? null;

  const remembered = new Map(previous.map((p) => [keyOf(p.sheet, p.cell), p]));
  const wantedKeys = new Set(wanted.map((w) => keyOf(w.sheet, w.cell)));
  const restores = previous.filter(
    (p) => !wantedKeys.has(keyOf(p.sheet, p.cell)) && sameColour(current(p.sheet, p.cell), p.ours),
  );
  const next: Highlight[] = wanted.map((w) => {
    const was = remembered.get(keyOf(w.sheet, w.cell));
    const now = current(w.sheet, w.cell);
    const before = was && sameColour(now, was.ours) ? was.before : now;
    return [w.sheet, w.cell, w.colour, before === null || sameColour(before, NO_FILL) ? null : before];
  });

  const batch = new WriteBatch(context, { suspendCalculation: options.suspendCalculation });
  for (const r of restores) {
    await batch.add(requestBytes(4, [r.sheet, r.cell, r.before]), () => {
      const fill = workbook.worksheets.getItem(r.sheet).getRange(r.cell).format.fill;
      if (r.before === null) fill.clear();
      else fill.color = r.before;
    });
  }
  for (const [sheet, cell, colour] of next) {
    await batch.add(requestBytes(4, [sheet, cell, colour]), () => {
      workbook.worksheets.getItem(sheet).getRange(cell).format.fill.color = colour;
    });
  }
  await batch.add(requestBytes(2, next), () => {
    if (next.length > 0) workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify(next));
    else if (!setting.isNullObject) setting.delete();
  });
  await batch.send();
}
