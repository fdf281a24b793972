/**
 * The CLI lists at most the first 1,000 issues of a workbook and says how many more there are and how to see
 * them (issue 9.5); `--json` lists every one.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCliIn } from '../helpers/cliRun.js';
import { DEMO_CATALOGUE, demoWorkbook } from '../helpers/demo.js';
import { readWorkbook } from '../../server/import/readWorkbook.js';
import { xlsxOf } from '../helpers/rawTables.js';

const CATALOGUE = DEMO_CATALOGUE;

let dir: string;
let junk: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-cli-cap-'));
  // A demo workbook with 1,200 junk commitment rows: several thousand issues.
  const file = demoWorkbook('northshire-icb');
  const tables = await readWorkbook(await readFile(file), { fileName: 'northshire-icb.xlsx' });
  const commitments = tables.Commitments!;
  const width = commitments.values[0]!.length;
  for (let i = 0; i < 1200; i++) commitments.values.push(Array.from({ length: width }, () => 'junk'));
  junk = path.join(dir, 'junk.xlsx');
  await writeFile(junk, await xlsxOf(tables));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  return runCliIn(dir, { DATA_DIR: path.join(dir, 'data') }, args);
}

test('validate lists the first 1,000 issues, then one line with how many more and how to see them', async () => {
  const { code, out } = await cli('validate', '--catalogue', CATALOGUE, junk);
  expect(code).toBe(1);
  const lines = out.split('\n');
  const issueLines = lines.filter((l) => /^ {4}(error|warning) /.test(l));
  expect(issueLines).toHaveLength(1000);
  const summary = /^✖ junk\.xlsx: northshire-icb, (\d+) errors, (\d+) warnings?$/.exec(lines[0]!);
  expect(summary).not.toBeNull();
  const total = Number(summary![1]) + Number(summary![2]);
  expect(total).toBeGreaterThan(1000);
  const more = lines.find((l) => l.startsWith('    … '));
  expect(more).toMatch(
    new RegExp(
      `^ {4}… ${(total - 1000).toLocaleString('en-GB')} more issues are not listed \\(of ${total.toLocaleString('en-GB')}: cell/[a-z-]+ [\\d,]+.*\\): run again with --json to list every one\\.$`,
    ),
  );

  const json = await cli('--json', 'validate', '--catalogue', CATALOGUE, junk);
  const parsed = JSON.parse(json.out) as { files: { issues: unknown[]; errors: number; warnings: number }[] };
  expect(parsed.files[0]!.issues).toHaveLength(total);
});
