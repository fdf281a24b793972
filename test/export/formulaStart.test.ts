/**
 * Every character a spreadsheet may read as the start of a formula (neutralise.ts lists them, fullwidth and
 * small forms included), at the start of register text: the CSV field carries a leading quote, the Excel cell
 * holds the text exactly with the text format and the quote-prefix style, and LibreOffice, opening both,
 * evaluates no formula and reads the values exactly. LibreOffice (`soffice`) is needed for the last two
 * tests; without it they are skipped unless REQUIRE_SOFFICE=1 (set by .ci/appendix-pdf.sh, which installs it).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { renderAppendix } from '../../server/export/appendix/render.js';
import { CONTROL_STARTS, FORMULA_STARTS } from '../../server/export/appendix/neutralise.js';
import type { StoredRegister } from '../../server/store/types.js';
import { demoRegister } from './demoRegister.js';

const run = promisify(execFile);
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const withOffice = soffice || process.env.REQUIRE_SOFFICE === '1' ? test : test.skip;

/** Every formula start, each control start, and formula starts behind white space (a space, NBSP, ideographic). */
const STARTS = [...FORMULA_STARTS, ...CONTROL_STARTS, ' =', '\u00A0+', '\u3000\uFF1D'];
const TEXTS = STARTS.map((c, i) => `${c}HYPERLINK("http://evil.example/${i}","x")`);
/** XML reads a carriage return as a line feed (a file's line ends are normalised), so compare with that. */
const lineEnds = (s: string) => s.replace(/\r\n?/g, '\n');
const isPlanted = (s: string) => TEXTS.some((t) => lineEnds(t) === s);

let stored: StoredRegister;
let dir: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const demo = await demoRegister();
  close = demo.close;
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-formula-'));
  const r = structuredClone(demo.stored.register);
  const first = r.commitments[0]!;
  // One commitment per text, after the first organisation's own (rows stay in organisation order).
  r.commitments.splice(1, 0, ...TEXTS.map((description, i) => ({ ...first, ref: `F${i}`, description })));
  r.contacts[0]!.name = TEXTS[0]!;
  stored = { ...demo.stored, register: r };
}, 60_000);

afterAll(async () => {
  await close?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const render = async (format: 'xlsx' | 'csv') =>
  (await renderAppendix(format, { stored, signOffs: [], asOf: '2030-01-01T00:00:00.000Z' })).bytes;

/** Every cell of every sheet of an .xlsx file: its value as text, whether a formula, whether quote-prefixed. */
async function xlsxCells(bytes: Buffer): Promise<{ text: string; formula: boolean; quotePrefix: boolean }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: { text: string; formula: boolean; quotePrefix: boolean }[] = [];
  for (const [i, ws] of wb.worksheets.entries()) {
    const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
    const styleOf = new Map(
      [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?\ss="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]),
    );
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const xf = xfs[styleOf.get(cell.address) ?? 0] ?? '';
        out.push({
          text: lineEnds(typeof cell.value === 'string' ? cell.value : String(cell.text)),
          formula: cell.type === ExcelJS.ValueType.Formula,
          quotePrefix: /quotePrefix="(1|true)"/.test(xf),
        });
      }),
    );
  }
  return out;
}

test('Excel: each text is exact, a text cell with the quote-prefix style; no other cell has the style', async () => {
  const cells = await xlsxCells(await render('xlsx'));
  for (const text of TEXTS) {
    const found = cells.filter((c) => c.text === lineEnds(text));
    expect({ text, found: found.length > 0 }).toEqual({ text, found: true });
    for (const c of found)
      expect({ text, quotePrefix: c.quotePrefix, formula: c.formula }).toEqual({
        text,
        quotePrefix: true,
        formula: false,
      });
  }
  expect(cells.filter((c) => c.text.startsWith("'"))).toEqual([]);
  // Plain text and numbers keep their own formats.
  expect(cells.filter((c) => c.quotePrefix && !isPlanted(c.text))).toEqual([]);
});

test('CSV: each text begins with a single quote, the rest exactly as written', async () => {
  const zip = await JSZip.loadAsync(await render('csv'));
  const fields = new Set<string>();
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.csv'))) {
    for (const row of parse(await zip.file(name)!.async('string'), { bom: true, relax_quotes: true }) as string[][])
      for (const f of row) fields.add(f);
  }
  for (const text of TEXTS) expect({ text, quoted: fields.has(`'${text}`) }).toEqual({ text, quoted: true });
});

/** Converts `file` with LibreOffice headless (a private profile) and returns the converted file's path. */
async function convert(file: string, to: string, infilter?: string): Promise<string> {
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const out = path.join(dir, `out-${path.basename(file)}`);
  await run(
    soffice,
    [
      '--headless',
      `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      out,
      file,
    ],
    { timeout: 120_000 },
  );
  return path.join(out, `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`);
}

withOffice(
  'LibreOffice opens the Excel appendix and evaluates nothing: each value exact, still a text cell',
  async () => {
    const file = path.join(dir, 'appendix.xlsx');
    await writeFile(file, await render('xlsx'));
    const saved = await readFile(await convert(file, 'xlsx'));
    const cells = await xlsxCells(saved);
    expect(cells.filter((c) => c.formula)).toEqual([]);
    // LibreOffice 7 reads the quote-prefix style but does not write it back; the value must stay the text.
    const texts = new Set(cells.map((c) => c.text));
    for (const text of TEXTS) expect({ text, read: texts.has(lineEnds(text)) }).toEqual({ text, read: true });
  },
  180_000,
);

withOffice(
  'LibreOffice opens the CSV appendix and evaluates nothing: each value is the text behind its quote',
  async () => {
    const zip = await JSZip.loadAsync(await render('csv'));
    const name = Object.keys(zip.files).find((n) => n.startsWith('D-commitments'))!;
    const file = path.join(dir, 'commitments.csv');
    await writeFile(file, await zip.file(name)!.async('nodebuffer'));
    // Comma-separated, double quotes, UTF-8 (76), from line 1: as a PMG chair's LibreOffice opens it.
    const cells = await xlsxCells(await readFile(await convert(file, 'xlsx', 'CSV:44,34,76,1')));
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const texts = new Set(cells.map((c) => c.text));
    for (const text of TEXTS) expect({ text, read: texts.has(lineEnds(`'${text}`)) }).toEqual({ text, read: true });
  },
  180_000,
);
