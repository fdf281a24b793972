/**
 * The appendix as an OpenDocument spreadsheet: the same sheets, headers, widths and values as the Excel
 * appendix (both built from xlsxSheets.ts), the register version and digest on its cover, each table a named
 * database range, no formula anywhere; `verify` accepts it and names the cell of an edited copy.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readOdsContent, type OdsSheet } from '../../server/import/ods/readOds.js';
import { verifyAppendix, type RegisterLookup } from '../../server/export/appendix/verify/index.js';
import { demoRegister, exportDemo, type DemoRegister } from './demoRegister.js';
import { ukDate } from '../../shared/displayFormat.js';

let demo: DemoRegister;
let lookup: RegisterLookup;

beforeAll(async () => {
  demo = await demoRegister();
  lookup = async (version) =>
    version === demo.stored.version ? { stored: demo.stored, signOffs: demo.signOffs } : null;
}, 60_000);
afterAll(async () => demo?.close());

const exported = (format: 'xlsx' | 'ods') => exportDemo(demo, format);

async function contentOf(ods: Buffer): Promise<string> {
  return (await JSZip.loadAsync(ods)).file('content.xml')!.async('string');
}

function sheetsOf(content: string): OdsSheet[] {
  return readOdsContent(Buffer.from(content), 'appendix.ods').sheets;
}

/** An Excel cell's value as the .ods reader gives the same value (rich text as its text). */
function excelValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v ?? null;
}

/** Column widths of each sheet of content.xml, in Excel characters (the writer's 7 px + 5 px per character). */
function odsWidths(content: string): Map<string, number[]> {
  const styles = new Map(
    [
      ...content.matchAll(
        /style:name="(co\d+)"[^>]*>\s*<style:table-column-properties[^>]*style:column-width="([\d.]+)in"/g,
      ),
    ].map((m) => [m[1]!, Math.round(((Number(m[2]) * 96 - 5) / 7) * 100) / 100]),
  );
  const widths = new Map<string, number[]>();
  for (const t of content.matchAll(/<table:table table:name="([^"]+)"[^>]*>(.*?)<\/table:table>/gs)) {
    widths.set(
      t[1]!,
      [...t[2]!.matchAll(/<table:table-column table:style-name="(co\d+)"/g)].map((m) => styles.get(m[1]!)!),
    );
  }
  return widths;
}

test('the .ods appendix has the Excel appendix’s sheets, headers, widths and values, and no formula', async () => {
  const content = await contentOf(await exported('ods'));
  expect(content).not.toContain('table:formula');
  const sheets = sheetsOf(content);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
  expect(sheets.map((s) => s.name)).toEqual(wb.worksheets.map((ws) => ws.name));
  const widths = odsWidths(content);
  let cells = 0;
  for (const ws of wb.worksheets) {
    const sheet = sheets.find((s) => s.name === ws.name)!;
    expect({ sheet: ws.name, widths: widths.get(ws.name) }).toEqual({
      sheet: ws.name,
      // ExcelJS reads back a width of 9, its default, as no width.
      widths: (ws.columns ?? []).map((c) => c.width ?? 9),
    });
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        cells += 1;
        expect({ at: `${ws.name}!${cell.address}`, value: sheet.rowValues(r, c, c)[0] }).toEqual({
          at: `${ws.name}!${cell.address}`,
          value: excelValue(cell.value),
        });
      });
      expect(sheet.width(r)).toBe(row.cellCount);
    });
    expect(sheet.rowNumbers().length).toBe(ws.actualRowCount);
  }
  expect(cells).toBeGreaterThan(500);
});

test('its cover names the register version and digest, and each table is a named database range', async () => {
  const content = await contentOf(await exported('ods'));
  const cover = sheetsOf(content).find((s) => s.name === 'Cover')!;
  const fields = cover.rowNumbers().map((r) => cover.rowValues(r, 1, 2));
  expect(fields).toContainEqual(['Register version', demo.stored.version]);
  expect(fields).toContainEqual(['Digest', demo.stored.digest]);
  expect(content).toMatch(
    /<table:database-range table:name="D_commitments" table:target-range-address="'D Commitments'\.A1:'D Commitments'\.[A-Z]+\d+"/,
  );
});

test('verify accepts the .ods appendix and names the sheet, row and column of an edited cell', async () => {
  const bytes = await exported('ods');
  expect(await verifyAppendix(bytes, lookup, { fileName: 'appendix.ods' })).toMatchObject({
    verdict: 'true-copy',
    format: 'ods',
  });
  const zip = await JSZip.loadAsync(bytes);
  const content = await zip.file('content.xml')!.async('string');
  const sheet = sheetsOf(content).find((s) => s.name === 'D Commitments')!;
  const header = sheet.rowValues(1, 1, sheet.width(1));
  const column = header.indexOf('Quantity') + 1;
  const was = sheet.rowValues(3, column, column)[0] as number;
  expect(typeof was).toBe('number');
  // Row 3's Quantity, changed as LibreOffice would save it: the value and its shown text.
  const table = /<table:table table:name="D Commitments".*?<\/table:table>/s.exec(content)![0];
  const row3 = [...table.matchAll(/<table:table-row[ >].*?<\/table:table-row>/gs)][2]![0];
  const cellsOfRow3 = row3.split('<table:table-cell');
  cellsOfRow3[column] = cellsOfRow3[column]!.replace(`office:value="${was}"`, `office:value="${was + 1}"`);
  zip.file('content.xml', content.replace(table, table.replace(row3, cellsOfRow3.join('<table:table-cell'))));
  const edited = await verifyAppendix(await zip.generateAsync({ type: 'nodebuffer' }), lookup);
  expect(edited.verdict).toBe('edited');
  expect(edited.differences).toEqual([
    {
      where: 'sheet "D Commitments"',
      row: 3,
      key: expect.stringMatching(/^row /),
      field: 'Quantity',
      found: String(was + 1),
      expected: String(was),
    },
  ]);
});

test('the .ods appendix shows dates in words and whole pounds without pence, as the Word appendix does', async () => {
  const content = await contentOf(await exported('ods'));
  const dataStyle = (name: string) =>
    [...content.matchAll(/<style:style style:name="(ce\d+)"[^>]*style:data-style-name="([^"]+)"/g)].find(
      (m) => m[1] === name,
    )?.[2];
  const dates = [
    ...content.matchAll(
      /table:style-name="(ce\d+)" office:value-type="date" office:date-value="([\d-]+)"><text:p>([^<]*)</g,
    ),
  ];
  expect(dates.length).toBeGreaterThan(0);
  for (const [, style, iso, text] of dates) {
    expect(dataStyle(style!)).toBe('NlongDate');
    expect(text).toBe(ukDate(iso!));
  }
  // One fixed date from the demo data, written out here rather than by the renderer's own function.
  expect(dates.map(([, , iso, text]) => `${iso} ${text}`)).toContain('2025-04-01 1 April 2025');
  const money = [
    ...content.matchAll(
      /table:style-name="(ce\d+)" office:value-type="currency" office:currency="GBP" office:value="([\d.-]+)"/g,
    ),
  ];
  expect(money.some(([, , v]) => Number(v) >= 1000)).toBe(true);
  for (const [, style, value] of money) {
    expect(dataStyle(style!)).toBe(Number.isInteger(Number(value)) ? 'NwholeMoney' : 'Nmoney');
  }
  expect(content).toContain(
    '<number:currency-style style:name="NwholeMoney"><number:currency-symbol>£</number:currency-symbol><number:number number:decimal-places="0"',
  );
});
