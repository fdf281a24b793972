/**
 * The MoU appendices of large registers (issue 8), each against a baseline run in the same process:
 * - Word appendices of 500 partners (x 10 commitments, 60 activities): within 3 s and at most 2x the Excel
 *   appendix of the same register, and at most 300 MB of memory at its peak (issue 13);
 * - the Excel appendix of a register of 100,000 commitments (500 partners x 200): at most 1.5x a bare ExcelJS
 *   streaming write of the same cells (no styles, tables or formats), with the peak memory of each;
 * - the CSV appendix of the same register: at most 1.5x a bare csv-stringify of the same rows.
 * Runs alternate, one of each at a time, so a busy machine slows both alike.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { consolidate } from '../shared/consolidate.js';
import { csvFiles } from '../server/export/appendix/csv.js';
import { buildAppendix } from '../server/export/appendix/buildAppendix.js';
import type { AppendixInput } from '../server/export/appendix/model.js';
import { renderAppendix } from '../server/export/appendix/render.js';
import { xlsxSheets } from '../server/export/appendix/xlsxSheets.js';
import type { StoredRegister } from '../server/store/types.js';
import { medianMs, report, type Verdict } from './measure.js';
import { syntheticCatalogue, syntheticSources } from './generate.js';

/** The Word appendices of 500 partners: at most 3 s (and at most twice the Excel appendix) and 300 MB. */
const WORD_TARGET_MS = 3000;
const WORD_TARGET_RATIO = 2;
const WORD_TARGET_MB = 300;

const run = promisify(execFile);

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

/**
 * The resident memory of a process that renders `input` in `format` once (bench/exportsMemory.ts): before the
 * render, with the register loaded, and at its peak, in MB. The input goes through a JSON file.
 */
async function peakRss(
  input: AppendixInput,
  format: 'docx' | 'xlsx',
): Promise<{ before: number; peakBefore: number; peak: number; bytes: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oda-bench-'));
  try {
    const file = path.join(dir, 'input.json');
    await writeFile(file, JSON.stringify(input));
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'exportsMemory.ts'), file, format],
      { maxBuffer: 1e6 },
    );
    return JSON.parse(stdout) as { before: number; peakBefore: number; peak: number; bytes: number };
  } finally {
    await rm(dir, { recursive: true, force: true });
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

  // Word: within 3 s and 300 MB for 500 partners, printed against the Excel appendix of the same register.
  const word = inputOf(500, 10);
  const wordVsExcel = await alternate(
    3,
    () => renderAppendix('docx', word),
    () => renderAppendix('xlsx', word),
  );
  const wordRun = await peakRss(word, 'docx');
  const excelRun = await peakRss(word, 'xlsx');
  verdicts.push(
    report(
      `Word appendices of 500 partners x 10 commitments x 60 activities (file ${(wordRun.bytes / 1e6).toFixed(1)} MB)`,
      { label: 'Word', ms: wordVsExcel.measured },
      { label: 'Excel appendix of the same register', ms: wordVsExcel.baseline },
      { maxMs: WORD_TARGET_MS, maxRatio: WORD_TARGET_RATIO },
    ),
  );
  const wordMb = wordRun.peak - wordRun.before;
  const memoryOk = wordMb <= WORD_TARGET_MB;
  console.log(
    `${memoryOk ? 'PASS' : 'MISS'}  Word appendices of 500 partners: peak resident memory ${wordMb.toFixed(0)} MB above the ` +
      `process with the register loaded (${wordRun.before.toFixed(0)} MB; target <= ${WORD_TARGET_MB} MB), ` +
      `Excel appendix of the same register ${(excelRun.peak - excelRun.before).toFixed(0)} MB` +
      (wordRun.peak <= wordRun.peakBefore ? ' (the render did not raise the process peak: an upper bound)' : ''),
  );
  verdicts.push({ name: 'Word appendix memory', ok: memoryOk });

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
