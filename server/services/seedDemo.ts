/**
 * Loads the demo partnership (examples/catalogue.json and every examples/workbooks/*.xlsx) into an empty
 * database. The workbooks are stored first and the catalogue last, so "there is a catalogue" means the seed
 * finished: a process that dies half-way leaves no catalogue, and the next start loads what is missing.
 * Idempotent and safe when several processes start at once: each workbook is written as version 1 only
 * (another writer's copy is left as it is) and the catalogue only when there is none.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Issue } from '../../shared/issues.js';
import type { Catalogue } from '../../shared/types.js';
import { VersionConflictError } from '../store/errors.js';
import type { Store } from '../store/types.js';
import { readCatalogueFile } from './catalogueFile.js';
import { ValidationFailed } from './errors.js';
import { submitTables } from './submissions.js';

export interface SeedResult {
  /** This call stored something. */
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
  const current = await store.getCatalogue();
  if (current && !(await catalogueOnlyFromEarlierSeed(store, actor))) return result;

  const file = path.join(examplesDir, 'catalogue.json');
  const catalogue: Catalogue = current?.catalogue ?? (await readCatalogueFile(file));

  await loadWorkbooks(store, path.join(examplesDir, 'workbooks'), catalogue, actor, result);
  if (!current) {
    try {
      await store.putCatalogue(catalogue, { actor, expectedVersion: null });
      result.seeded = true;
    } catch (err) {
      // Another process finished the seed first.
      if (!(err instanceof VersionConflictError)) throw err;
    }
  }
  if (result.imported.length > 0) result.seeded = true;
  return result;
}

/**
 * A database seeded by an earlier version of this function, which stored the catalogue first and may have
 * died before the workbooks: the demo catalogue is its only write.
 */
async function catalogueOnlyFromEarlierSeed(store: Store, actor: string): Promise<boolean> {
  const events = await store.listAudit({ limit: 2 });
  return events.length === 1 && events[0]!.action === 'catalogue.put' && events[0]!.actor === actor;
}

async function loadWorkbooks(
  store: Store,
  dir: string,
  catalogue: Catalogue,
  actor: string,
  result: SeedResult,
): Promise<void> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.xlsx')).sort();
  if (files.length === 0) return;
  // The workbook reader (ExcelJS) loads only when there is a demo to seed: a service that has one starts without it.
  const { readWorkbook } = await import('../import/readWorkbook.js');
  for (const file of files) {
    try {
      const tables = await readWorkbook(await readFile(path.join(dir, file)), { fileName: file });
      const { stored } = await submitTables({
        store,
        catalogue,
        tables,
        actor,
        replaces: { kind: 'version', version: null },
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
      if (err instanceof VersionConflictError) continue; // stored by an earlier or concurrent seed
      if (err instanceof ValidationFailed) result.rejected.push({ file, issues: err.issues, message: err.message });
      else if (err instanceof Error && err.name === 'WorkbookFileError')
        result.rejected.push({ file, issues: [], message: err.message });
      else throw err;
    }
  }
}
