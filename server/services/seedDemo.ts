/**
 * Loads the demo partnership (examples/catalogue.json and every examples/workbooks/*.xlsx) into an empty
 * database. Idempotent: does nothing when the database already has a catalogue.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Issue } from '../../shared/issues.js';
import { readWorkbook } from '../import/readWorkbook.js';
import { VersionConflictError } from '../store/errors.js';
import type { Store } from '../store/types.js';
import { replaceCatalogue } from './catalogue.js';
import { ValidationFailed } from './errors.js';
import { submitTables } from './submissions.js';

export interface SeedResult {
  seeded: boolean;
  imported: { file: string; organisationId: string; version: number; warnings: number }[];
  /** Workbooks with errors (the demo has one on purpose) or that could not be read: not stored. */
  rejected: { file: string; issues: Issue[]; message: string }[];
}

export const DEMO_ACTOR = 'demo@oda-register.local';

export async function seedDemo(opts: { store: Store; examplesDir: string; actor?: string }): Promise<SeedResult> {
  const { store, examplesDir } = opts;
  const actor = opts.actor ?? DEMO_ACTOR;
  const result: SeedResult = { seeded: false, imported: [], rejected: [] };
  if (await store.getCatalogue()) return result;

  const input: unknown = JSON.parse(await readFile(path.join(examplesDir, 'catalogue.json'), 'utf8'));
  let catalogue;
  try {
    catalogue = (await replaceCatalogue({ store, input, actor, expectedVersion: null })).catalogue;
  } catch (err) {
    // Another process seeded first.
    if (err instanceof VersionConflictError) return result;
    throw err;
  }
  result.seeded = true;

  const dir = path.join(examplesDir, 'workbooks');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.xlsx')).sort();
  for (const file of files) {
    try {
      const tables = await readWorkbook(await readFile(path.join(dir, file)), { fileName: file });
      const stored = await submitTables({
        store,
        catalogue,
        tables,
        actor,
        baseVersion: null,
        source: 'cli',
        fileName: file,
      });
      result.imported.push({
        file,
        organisationId: stored.organisationId,
        version: stored.version,
        warnings: stored.warnings.length,
      });
    } catch (err) {
      if (err instanceof ValidationFailed) result.rejected.push({ file, issues: err.issues, message: err.message });
      else if (err instanceof Error && err.name === 'WorkbookFileError')
        result.rejected.push({ file, issues: [], message: err.message });
      else throw err;
    }
  }
  return result;
}
