/**
 * The MoU appendices of large registers (issue 8), each against a baseline run in the same process:
 * - Word appendices of 500 partners (x 10 commitments, 60 activities): the time is reported (no baseline);
 * - the Excel appendix of a register of 100,000 commitments (500 partners x 200): at most 1.5x a bare ExcelJS
 *   streaming write of the same cells (no styles, tables or formats), with the peak memory of each;
 * - the CSV appendix of the same register: at most 1.5x a bare csv-stringify of the same rows.
 * Runs alternate, one of each at a time, so a busy machine slows both alike.
 */
import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { consolidate } from '../shared/consolidate.js';
import { csvFiles } from '../server/export/appendix/csv.js';
import { buildAppendix, type AppendixInput } from '../server/export/appendix/model.js';
import { renderAppendix } from '../server/export/appendix/render.js';
import { xlsxSheets } from '../server/export/appendix/xlsxSheets.js';
import type { StoredRegister } from '../server/store/types.js';
import { medianMs, report, type Verdict } from './measure.js';
import { syntheticCatalogue, syntheticSources } from './generate.js';

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function inputOf(partners: number, commitments: number): AppendixInput {
  const catalogue = syntheticCatalogue(partners, 60);
  const createdAt = '2026-01-01T00:00:00.000Z';
  const register = consolidate(catalogue, syntheticSources(catalogue, commitments), { version: 1, createdAt });
  const stored: StoredRegister = { version: 1, digest: register.digest, createdBy: 'bench', createdAt, register };
  return { stored, signOffs: [], asOf: createdAt };
}

/** Peak heap + external memory (MB above the start) while `fn` runs, sampled every 10 ms. */
async function peakMb<T>(fn: () => Promise<T>): Promise<{ result: T; mb: number }> {
  global.gc?.();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const start = used();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 10);
  try {
    const result = await fn();
    peak = Math.max(peak, used());
    return { result, mb: (peak - start) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

/** The same cells as the Excel appendix, written by ExcelJS's streaming writer with nothing else. */
async function bareXlsx(input: AppendixInput): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  for (const plan of xlsxSheets(buildAppendix(input))) {
    const ws = wb.addWorksheet(plan.name);
    for (const row of plan.rows) ws.addRow(row).commit();
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

function bareCsv(input: AppendixInput): number {
  let bytes = 0;
  for (const f of csvFiles(buildAppendix(input))) bytes += stringify(f.rows, { bom: true }).length;
  return bytes;
}

async function alternate(
  runs: number,
  measured: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
): Promise<{ measured: number; baseline: number }> {
  await measured();
  await baseline();
  const m: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(await medianMs(1, baseline));
    m.push(await medianMs(1, measured));
  }
  return { measured: median(m), baseline: median(b) };
}

export async function benchExports(): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];

  const word = inputOf(500, 10);
  const wordRun = await peakMb(() => renderAppendix('docx', word));
  const wordMs = await medianMs(1, () => renderAppendix('docx', word));
  console.log(
    `INFO  Word appendices of 500 partners x 10 commitments x 60 activities: ${wordMs.toFixed(0)} ms, ` +
      `peak memory ${wordRun.mb.toFixed(0)} MB, file ${(wordRun.result.bytes.length / 1e6).toFixed(1)} MB (no target: reported)`,
  );

  const large = inputOf(500, 200);
  const rows = large.stored.register.commitments.length;
  const excel = await alternate(
    3,
    () => renderAppendix('xlsx', large),
    () => bareXlsx(large),
  );
  const excelPeak = await peakMb(() => renderAppendix('xlsx', large));
  const barePeak = await peakMb(() => bareXlsx(large));
  verdicts.push(
    report(
      `Excel appendix of ${rows.toLocaleString('en-GB')} commitments (peak memory ${excelPeak.mb.toFixed(0)} MB, bare ${barePeak.mb.toFixed(0)} MB, file ${(excelPeak.result.bytes.length / 1e6).toFixed(1)} MB)`,
      { label: 'appendix', ms: excel.measured },
      { label: 'bare ExcelJS streaming write', ms: excel.baseline },
      { maxRatio: 1.5 },
    ),
  );

  const csv = await alternate(
    3,
    () => renderAppendix('csv', large),
    async () => bareCsv(large),
  );
  verdicts.push(
    report(
      `CSV appendix of ${rows.toLocaleString('en-GB')} commitments`,
      { label: 'appendix (zip)', ms: csv.measured },
      { label: 'bare csv-stringify', ms: csv.baseline },
      { maxRatio: 1.5 },
    ),
  );
  return verdicts;
}
