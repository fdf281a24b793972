/// <reference types="office-js" />
/**
 * The add-in's own settings, kept in the workbook (Excel workbook settings, ExcelApi 1.4) so they travel
 * with the file: the organisation, and the base version and digest of the last submit or load. Stored as one
 * JSON text under SETTINGS_KEY; anything unreadable in it is ignored rather than trusted.
 */
import type { WorkbookSettings } from '../gateway.js';

export const SETTINGS_KEY = 'odaRegister.settings';

/** The settings in `value` that have the right types; the rest is dropped. */
export function settingsFrom(value: unknown): WorkbookSettings {
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
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

export async function readSettings(context: Excel.RequestContext): Promise<WorkbookSettings> {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
  await context.sync();
  return setting.isNullObject ? {} : settingsFrom(setting.value);
}

export async function saveSettings(context: Excel.RequestContext, settings: WorkbookSettings): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settingsFrom(settings)));
  await context.sync();
}
