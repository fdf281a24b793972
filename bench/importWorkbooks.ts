/**
 * Importing 50 generated workbooks (read, parse, validate, store in SQLite) against a bare ExcelJS read of the
 * same files. Target: at most 1.5x.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writePartnerTemplate } from '../server/export/template.js';
import { readWorkbook } from '../server/import/readWorkbook.js';
import { submitTables } from '../server/services/submissions.js';
import { createStore } from '../server/store/createStore.js';
import { medianMs, report, type Verdict } from './measure.js';
import { syntheticCatalogue, syntheticRows } from './generate.js';

export async function benchImport(files = 50, commitments = 100): Promise<Verdict> {
  const catalogue = syntheticCatalogue(files, 20);
  const buffers = await Promise.all(
    catalogue.organisations.map((o, i) =>
      writePartnerTemplate(catalogue, o.id, syntheticRows(catalogue, i, commitments)),
    ),
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oda-bench-'));
  try {
    const store = await createStore({ sqlitePath: path.join(dir, 'bench.db') });
    await store.migrate();
    await store.putCatalogue(catalogue, { actor: 'bench' });
    const versions = new Map<string, number>();
    const bare = async () => {
      for (const b of buffers) await new ExcelJS.Workbook().xlsx.load(b as unknown as ArrayBuffer);
    };
    const full = async () => {
      for (const [i, b] of buffers.entries()) {
        const org = catalogue.organisations[i]!.id;
        const tables = await readWorkbook(b, { fileName: `${org}.xlsx` });
        const { stored } = await submitTables({
          store,
          catalogue,
          tables,
          actor: 'bench',
          replaces: { kind: 'version', version: versions.get(org) ?? null },
          source: 'cli',
          fileName: `${org}.xlsx`,
        });
        versions.set(org, stored.version);
      }
    };
    await bare();
    const baseline = await medianMs(3, bare);
    const measured = await medianMs(3, full);
    await store.close();
    return report(
      `import ${files} workbooks x ${commitments} commitments`,
      { label: 'read+parse+validate+store', ms: measured },
      { label: 'bare ExcelJS read', ms: baseline },
      { maxRatio: 1.5 },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
