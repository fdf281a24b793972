/// <reference types="office-js" />
/**
 * The add-in's own settings, kept in the workbook so they travel with the file: the organisation, and the
 * base version (with its digest, time and author) that the workbook's tables were last submitted as or
 * loaded from. The base version's rows live in the service, fetched by version; the workbook keeps which
 * version that is. docs/excel.md says why, and what only real Excel can show.
 *
 * Kept twice, as one JSON text each, written together in one request:
 * - in a cell: A1 of BASE_SHEET, a very hidden sheet (users cannot unhide it from Excel's menus), as text.
 *   Cells are what co-authoring merges and every Excel saves: a co-author's add-in reads the base another
 *   saved, Excel for Mac keeps it on save and reopen, and an add-in of another manifest id finds it;
 * - in the workbook settings (ExcelApi 1.4) under SETTINGS_KEY, where earlier versions of the add-in kept it.
 *   Workbook settings belong to one add-in id and one file, and Excel for Mac has been seen to lose them on
 *   save and reopen (office-js issue 6091), so they are only read when the cell holds nothing readable.
 * Anything unreadable in either is ignored rather than trusted. The last save wins: the base belongs to the
 * tables the saver has just written or read, so it is never kept "at the highest version".
 */
import type { PaneState, WorkbookSettings } from '../gateway.js';
import { writtenCell } from './cellValues.js';

export const SETTINGS_KEY = 'odaRegister.settings';

/** `value`, or the JSON text of it, as a plain object; {} when it is not one. */
function objectFrom(value: unknown): Record<string, unknown> {
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** The settings in `value` that have the right types; the rest is dropped. */
export function settingsFrom(value: unknown): WorkbookSettings {
  const record = objectFrom(value);
  const settings: WorkbookSettings = {};
  if (typeof record.organisationId === 'string') settings.organisationId = record.organisationId;
  if (typeof record.baseVersion === 'number' && Number.isInteger(record.baseVersion) && record.baseVersion > 0) {
    settings.baseVersion = record.baseVersion;
  }
  if (typeof record.baseDigest === 'string') settings.baseDigest = record.baseDigest;
  if (typeof record.baseAt === 'string') settings.baseAt = record.baseAt;
  if (typeof record.baseBy === 'string') settings.baseBy = record.baseBy;
  return settings;
}

/** The very hidden sheet whose A1 holds the settings. */
export const BASE_SHEET = 'odaRegister';
const BASE_CELL = 'A1';

function hasAny(settings: WorkbookSettings): boolean {
  return Object.keys(settings).length > 0;
}

export async function readSettings(context: Excel.RequestContext): Promise<WorkbookSettings> {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
  const sheet = context.workbook.worksheets.getItemOrNullObject(BASE_SHEET).load('name');
  await context.sync();
  const fromSetting = setting.isNullObject ? {} : settingsFrom(setting.value);
  if (sheet.isNullObject) return fromSetting;
  const cell = sheet.getRange(BASE_CELL).load('values');
  await context.sync();
  const fromCell = settingsFrom(cell.values[0]?.[0]);
  return hasAny(fromCell) ? fromCell : fromSetting;
}

async function saveOnce(context: Excel.RequestContext, json: string): Promise<void> {
  const existing = context.workbook.worksheets.getItemOrNullObject(BASE_SHEET).load('name');
  await context.sync();
  const sheet = existing.isNullObject ? context.workbook.worksheets.add(BASE_SHEET) : existing;
  if (existing.isNullObject) sheet.visibility = 'VeryHidden';
  const cell = writtenCell(json, 'text');
  const range = sheet.getRange(BASE_CELL);
  range.numberFormat = [[cell.format]];
  range.values = [[cell.value]];
  context.workbook.settings.add(SETTINGS_KEY, json);
  await context.sync();
}

/**
 * Saves the settings in the cell and the workbook settings, in one request. When a co-author's add-in
 * adds the hidden sheet between this one's look and its write (ItemAlreadyExists: nothing of this request
 * was done), it writes into theirs.
 */
export async function saveSettings(context: Excel.RequestContext, settings: WorkbookSettings): Promise<void> {
  const json = JSON.stringify(settingsFrom(settings));
  try {
    await saveOnce(context, json);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== 'ItemAlreadyExists') throw error;
    await saveOnce(context, json);
  }
}

/**
 * What each user's pane showed in this workbook (gateway.ts, PaneState), under PANE_KEY in the workbook
 * settings only (ExcelApi 1.4): it is one person's view, not the base co-authors share through the cell.
 * One JSON object by lower-cased e-mail; what does not have the right shape is dropped.
 */
export const PANE_KEY = 'odaRegister.pane';
const VIEWS = ['workbook', 'signoff', 'pmg'] as const;

function paneStateFrom(value: unknown): PaneState {
  const record = objectFrom(value);
  const state: PaneState = {};
  if (VIEWS.includes(record.view as PaneState['view'] & string)) state.view = record.view as PaneState['view'];
  if (record.checked === true) state.checked = true;
  const c = record.conflict as Record<string, unknown> | undefined;
  if (
    typeof c === 'object' &&
    c !== null &&
    Number.isInteger(c.theirs) &&
    (c.base === null || Number.isInteger(c.base)) &&
    typeof c.choices === 'object' &&
    c.choices !== null
  ) {
    const choices = Object.fromEntries(
      Object.entries(c.choices).filter((e): e is [string, 'base' | 'mine' | 'theirs'] =>
        ['base', 'mine', 'theirs'].includes(e[1] as string),
      ),
    );
    state.conflict = { theirs: c.theirs as number, base: c.base as number | null, choices };
  }
  return state;
}

async function paneStates(context: Excel.RequestContext): Promise<Record<string, unknown>> {
  const setting = context.workbook.settings.getItemOrNullObject(PANE_KEY).load('value');
  await context.sync();
  return setting.isNullObject || typeof setting.value !== 'string' ? {} : objectFrom(setting.value);
}

export async function readPaneState(context: Excel.RequestContext, user: string): Promise<PaneState> {
  return paneStateFrom((await paneStates(context))[user.toLowerCase()]);
}

/**
 * Merges `change` into what `user`'s pane showed, in the one read of the setting; nothing new is not written
 * (each write is a change to the document in Excel).
 */
export async function savePaneState(context: Excel.RequestContext, user: string, change: PaneState): Promise<void> {
  const all = await paneStates(context);
  const u = user.toLowerCase();
  const now = paneStateFrom(all[u]);
  const next = paneStateFrom({ ...now, ...change });
  if (JSON.stringify(next) === JSON.stringify(now)) return;
  all[u] = next;
  context.workbook.settings.add(PANE_KEY, JSON.stringify(all));
  await context.sync();
}
