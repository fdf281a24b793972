/**
 * The task pane's speed (issue 7), from the production build in dist/addin (built first when missing):
 * - its initial JavaScript, gzipped: the scripts taskpane.html loads before the pane can draw (MSAL, the
 *   conflict, sign-off and PMG views load later, on use). Target at most 350 KB, aim 250 KB.
 * - a check of a 5,000-row workbook in the pane's code path (parse, validate, cap and group the issues,
 *   digest: addin/taskpane/model/check.ts) in headless Chromium's main thread, against shared/'s parse of the
 *   same tables in Node in this run. Target under 300 ms.
 * Run alone with `npx tsx bench/addin.ts`, or `npm run bench -- addin`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { parseWorkbook } from '../shared/parse.js';
import type { Catalogue, RawTables } from '../shared/types.js';
import { testCatalogue } from '../test/helpers/catalogue.js';
import { addRow, goodRawTables } from '../test/helpers/rawTables.js';
import { medianMs, report, type Verdict } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist/addin');
const KB = 1024;
const INITIAL_JS_TARGET_KB = 350;
const INITIAL_JS_AIM_KB = 250;

function ensureBuilt(): void {
  if (existsSync(path.join(DIST, 'taskpane.html'))) return;
  console.log('building the add-in first (npm run build:addin)…');
  execFileSync('npm', ['run', 'build:addin'], { cwd: ROOT, stdio: 'inherit' });
}

/** The scripts a page loads at once (its <script src> tags, the CDN's Office.js aside), gzipped. */
export function initialScripts(page: string): { file: string; bytes: number; gzipped: number }[] {
  const html = readFileSync(path.join(DIST, page), 'utf8');
  // The minified page leaves attribute values unquoted where it can.
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => (m[1] ?? m[2])!)
    .filter((src) => !/^https?:/.test(src))
    .map((src) => {
      const body = readFileSync(path.join(DIST, src));
      return { file: src, bytes: body.length, gzipped: gzipSync(body, { level: 9 }).length };
    });
}

function benchInitialJs(): Verdict {
  const scripts = initialScripts('taskpane.html');
  const total = scripts.reduce((n, s) => n + s.gzipped, 0) / KB;
  const ok = scripts.length > 0 && total <= INITIAL_JS_TARGET_KB;
  console.log(
    `${ok ? 'PASS' : 'MISS'}  addin initial JS: ${total.toFixed(0)} KB gzipped in ${scripts.length} files (${scripts.map((s) => `${s.file} ${(s.gzipped / KB).toFixed(0)} KB`).join(', ')}) (target <= ${INITIAL_JS_TARGET_KB} KB, aim ${INITIAL_JS_AIM_KB} KB)`,
  );
  return { name: 'addin initial JS', ok };
}

function workbookWith(rows: number): { catalogue: Catalogue; tables: RawTables } {
  const catalogue = testCatalogue();
  const tables = goodRawTables(catalogue);
  for (let i = 0; i < rows; i++) {
    addRow(tables, 'Commitments', {
      Ref: `R${i}`,
      'Resource type': 'Analyst time',
      Description: `Analyst support ${i}`,
      Quantity: '0.5',
      Unit: 'FTE',
      Start: '2025-04-01',
      End: '2026-03-31',
      Status: 'Agreed',
    });
  }
  // What a reader hands over as JSON (dates as text), so Node and the page parse the same values.
  return { catalogue, tables: JSON.parse(JSON.stringify(tables)) as RawTables };
}

async function benchCheck(): Promise<Verdict> {
  const { catalogue, tables } = workbookWith(5000);
  await medianMs(3, () => parseWorkbook(tables, catalogue));
  const nodeMs = await medianMs(9, () => parseWorkbook(tables, catalogue));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // The built files straight from dist/addin; no service (the pane's sign-in call simply fails).
    await page.route('http://bench.invalid/**', async (route) => {
      const file = path.join(DIST, new URL(route.request().url()).pathname);
      if (file.startsWith(DIST) && existsSync(file)) await route.fulfill({ path: file });
      else await route.fulfill({ status: 404, body: '' });
    });
    await page.goto('http://bench.invalid/harness.html');
    await page.waitForFunction(() => 'harness' in window);
    const paneMs = await page.evaluate(
      ({ tables, catalogue }) => {
        const { checkWorkbook } = (
          window as unknown as { harness: { checkWorkbook: (t: unknown, c: unknown) => unknown } }
        ).harness;
        const times: number[] = [];
        for (let i = 0; i < 12; i++) {
          const t0 = performance.now();
          checkWorkbook(tables, catalogue);
          times.push(performance.now() - t0);
        }
        // The first runs warm the JIT up, as the Node baseline's do.
        const measured = times.slice(3).sort((a, b) => a - b);
        return measured[Math.floor(measured.length / 2)]!;
      },
      { tables, catalogue },
    );
    return report(
      'addin check',
      { label: 'the pane’s check of 5,000 rows in Chromium', ms: paneMs },
      { label: 'shared/ parse in Node', ms: nodeMs },
      { maxMs: 300 },
    );
  } finally {
    await browser.close();
  }
}

export async function benchAddin(): Promise<Verdict> {
  ensureBuilt();
  const size = benchInitialJs();
  const check = await benchCheck();
  return { name: 'addin', ok: size.ok && check.ok };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verdict = await benchAddin();
  if (!verdict.ok) process.exitCode = 1;
}
