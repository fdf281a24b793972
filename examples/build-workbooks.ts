/**
 * Writes the demo partner workbooks, examples/workbooks/<organisation-id>.xlsx, from examples/catalogue.json
 * and the rows in examples/partners/. Run `npx tsx examples/build-workbooks.ts [outDir]` after changing either.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../shared/types.js';
import { writePartnerTemplate } from '../server/export/template.js';
import { readCatalogueFile } from '../server/services/catalogueFile.js';
import { exampleRows, PARTNERS } from './partners/index.js';

export const EXAMPLES_DIR = path.dirname(fileURLToPath(import.meta.url));
export const CATALOGUE_FILE = path.join(EXAMPLES_DIR, 'catalogue.json');
export const WORKBOOKS_DIR = path.join(EXAMPLES_DIR, 'workbooks');

/** Reads and validates examples/catalogue.json; throws naming every problem. */
export async function loadExampleCatalogue(file: string = CATALOGUE_FILE): Promise<Catalogue> {
  return readCatalogueFile(file);
}

/** Writes one workbook per demo partner into `outDir`; returns the paths written. */
export async function buildExampleWorkbooks(outDir: string = WORKBOOKS_DIR, catalogue?: Catalogue): Promise<string[]> {
  const cat = catalogue ?? (await loadExampleCatalogue());
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const partner of PARTNERS) {
    const file = path.join(outDir, `${partner.organisationId}.xlsx`);
    await writeFile(file, await writePartnerTemplate(cat, partner.organisationId, exampleRows(partner)));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : WORKBOOKS_DIR;
  try {
    const written = await buildExampleWorkbooks(outDir);
    for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
