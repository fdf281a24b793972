/**
 * Parsing scales linearly: a 5000-row Commitments sheet against a 500-row one, in the same process. Linear
 * work gives about 10x; quadratic duplicate checks would give about 100x. Run alone with
 * `npx tsx bench/parse.ts`, or register `benchParse` in bench/run.ts.
 */
import { pathToFileURL } from 'node:url';
import { parseWorkbook } from '../shared/parse.js';
import { testCatalogue } from '../test/helpers/catalogue.js';
import { addRow, goodRawTables } from '../test/helpers/rawTables.js';
import { medianMs, report, type Verdict } from './measure.js';

function workbookWith(rows: number) {
  const catalogue = testCatalogue();
  const tables = goodRawTables(catalogue);
  for (let i = 0; i < rows; i++) {
    addRow(tables, 'Commitments', {
      // One Ref in ten repeats an earlier one, so the duplicate check has work to do.
      Ref: i % 10 === 9 ? `R${i - 1}` : `R${i}`,
      'Resource type': 'Analyst time',
      Description: `Analyst support ${i}`,
      Quantity: '0.5',
      Unit: 'FTE',
      Start: '01/04/2025',
      End: 46112,
      Status: 'Agreed',
    });
  }
  return { catalogue, tables };
}

export async function benchParse(): Promise<Verdict> {
  const small = workbookWith(500);
  const large = workbookWith(5000);
  await medianMs(5, () => parseWorkbook(large.tables, large.catalogue)); // warm up
  const baseline = await medianMs(15, () => parseWorkbook(small.tables, small.catalogue));
  const measured = await medianMs(7, () => parseWorkbook(large.tables, large.catalogue));
  return report('parse', { label: '5000 rows', ms: measured }, { label: '500 rows', ms: baseline }, { maxRatio: 20 });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verdict = await benchParse();
  if (!verdict.ok) process.exitCode = 1;
}
