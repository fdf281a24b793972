/**
 * A submission (or dry-run) body of a good workbook for Leeds with `rows` junk commitment rows spliced in after
 * the Commitments header: every cell wrong, seven issues a row, and seconds of checking once `rows` is in the
 * tens of thousands. Built as text, without making 100,000 arrays in the test.
 */
import { LEEDS, testCatalogue } from './catalogue.js';
import { goodRawTables } from './rawTables.js';
import { jsonTables } from './testApp.js';

export function junkBody(rows: number): string {
  const tables = jsonTables(goodRawTables(testCatalogue(), LEEDS));
  const header = JSON.stringify(tables.Commitments!.values[0]);
  const junkRow = JSON.stringify(tables.Commitments!.values[0]!.map(() => 'x'));
  const good = JSON.stringify({ tables });
  const at = good.indexOf(header) + header.length;
  return `${good.slice(0, at)}${`,${junkRow}`.repeat(rows)}${good.slice(at)}`;
}
