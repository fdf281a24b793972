/**
 * Appendices fit to attach to an MoU (issue 13): the title block names the MoU and its term in words and the
 * register version; a register that is not ready is marked DRAFT on every page (Word header, Excel header, CSV
 * README) and says why; shown figures add up to shown totals at 200 partners; Appendix G puts errors first,
 * places in words, codes as a reference; Appendix D states its FTE basis and the funding over the MoU term;
 * Appendix B lists every partner; CSV stakes carry their unit; the Excel appendix prints (print titles, header
 * and footer, wrapped rows sized, the totals as the table's total row, the matrix's names upright).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { renderAppendix } from '../../server/export/appendix/render.js';
import { docxTableTexts } from '../../server/export/appendix/docxRead.js';
import { fundingOverTerm, yearsInTerm } from '../../server/export/appendix/mouTerm.js';
import { isGoverning } from '../../shared/catalogue.js';
import { largestRemainder } from '../../shared/rounding.js';
import type { SignOff, StoredRegister } from '../../server/store/types.js';
import { demoRegister, syntheticStored, type DemoRegister } from './demoRegister.js';

const AS_OF = '2030-01-01T00:00:00.000Z';
let demo: DemoRegister;
beforeAll(async () => {
  demo = await demoRegister();
}, 60_000);
afterAll(async () => demo?.close());

const docxOf = async (stored: StoredRegister, signOffs: readonly SignOff[]) => {
  const zip = await JSZip.loadAsync((await renderAppendix('docx', { stored, signOffs, asOf: AS_OF })).bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .map(text),
  );
  const documentXml = await text('word/document.xml');
  return { documentXml, headers, tables: docxTableTexts(documentXml) };
};
const plain = (xml: string) => xml.replace(/<[^>]+>/g, '');

/** The demo register made ready: its errors resolved and every governing partner signed off. */
function readyDemo(): { stored: StoredRegister; signOffs: SignOff[] } {
  const r = structuredClone(demo.stored.register);
  r.issues = r.issues.filter((i) => i.severity !== 'error');
  const stored = { ...demo.stored, register: r };
  const signOffs = r.organisations
    .filter((o) => isGoverning(o.involvement))
    .map((o) => ({
      registerVersion: stored.version,
      organisationId: o.id,
      registerDigest: stored.digest,
      signedBy: `lm@${o.id}.example`,
      signedAt: '2029-01-01T00:00:00.000Z',
    }));
  return { stored, signOffs };
}

describe('the title block and the draft mark', () => {
  test('a register not ready for the MoU: DRAFT on every page, and the title block says why', async () => {
    const { tables, headers, documentXml } = await docxOf(demo.stored, demo.signOffs);
    const field = (name: string) => tables[0]!.find((r) => r[0] === name)?.[1];
    expect(field('Memorandum of Understanding')).toBe(
      'The MoU of the Northshire Office of Data Analytics, for the term 1 April 2025 to 31 March 2028',
    );
    expect(field('Register version')).toMatch(/^Version 1 of \d+ \w+ \d{4}$/);
    expect(field('Status')).toMatch(/^DRAFT, not ready for the MoU: 2 open errors must be resolved/);
    expect(field('Status')).toContain('4 of the 6 governing partners have not signed off');
    // One header for every section (each appendix starts one), each marking the page a draft.
    const sections = documentXml.match(/<w:sectPr/g)!.length;
    expect(documentXml.match(/<w:headerReference w:type="default"/g)?.length).toBe(sections);
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(plain(h)).toContain('DRAFT: not ready for the MoU');
  });

  test('a ready register carries no draft mark', async () => {
    const { stored, signOffs } = readyDemo();
    const { tables, headers } = await docxOf(stored, signOffs);
    expect(tables[0]!.find((r) => r[0] === 'Status')?.[1]).toMatch(/^Ready for the MoU/);
    expect(headers.map(plain).join(' ')).not.toContain('DRAFT');
    const xlsx = await renderAppendix('xlsx', { stored, signOffs, asOf: AS_OF });
    const zip = await JSZip.loadAsync(xlsx.bytes);
    expect(await zip.file('xl/worksheets/sheet2.xml')!.async('string')).not.toContain('DRAFT');
  });
});

describe('Appendix B, D and G', () => {
  test('B lists every partner, saying which sent no workbook', async () => {
    const { tables, documentXml } = await docxOf(demo.stored, demo.signOffs);
    const contacts = tables.find((t) => t[0]?.[0] === 'Organisation' && t[0]?.[1] === 'Name')!;
    const listed = new Set(contacts.slice(1).map((r) => r[0]));
    for (const o of demo.stored.register.organisations) expect(listed).toContain(o.name);
    expect(contacts.find((r) => r[0] === 'Eastvale District Council')?.[1]).toBe('No workbook received');
    expect(plain(documentXml)).toContain('2 of the 9 partners sent no workbook');
  });

  test('D states how FTE is counted and gives the funding over the MoU term', async () => {
    const { tables, documentXml } = await docxOf(demo.stored, demo.signOffs);
    const p = demo.stored.register.partnership;
    expect(plain(documentXml)).toContain(`hours per week are divided by ${p.fullTimeHoursPerWeek ?? 37.5}`);
    expect(plain(documentXml)).toContain(`days per month by ${p.workingDaysPerMonth ?? 21.67}`);
    const totals = tables.find((t) => t[0]?.includes('Funding over the MoU term (GBP)'))!;
    const at = totals[0]!.indexOf('Funding over the MoU term (GBP)');
    // Northshire County Council: £45,000 one-off and £120,000 a year over the whole three-year term.
    expect(totals.find((r) => r[0] === 'Northshire County Council')?.[at]).toBe('£405,000');
    expect(yearsInTerm('2025-04-01', null, '2025-04-01', '2028-03-31')).toBe(3);
    expect(yearsInTerm('2026-10-01', '2027-03-31', '2025-04-01', '2028-03-31')).toBe(0.5);
    expect(yearsInTerm('2024-01-01', '2025-03-31', '2025-04-01', '2028-03-31')).toBe(0);
    const c = demo.stored.register.commitments[0]!;
    const yearly = { ...c, resourceType: 'funding', unit: 'gbp-per-year', quantity: 1000, status: 'agreed' } as const;
    expect(fundingOverTerm([{ ...yearly, start: '2027-04-01', end: null }], '2025-04-01', '2028-03-31')).toBe(1000);
    expect(fundingOverTerm([{ ...yearly, status: 'proposed' }], '2025-04-01', '2028-03-31')).toBe(0);
  });

  test('G puts errors first, in sentences, with places in words and codes only as a reference', async () => {
    const { tables } = await docxOf(demo.stored, demo.signOffs);
    const g = tables.find((t) => t[0]?.[0] === 'Severity')!;
    expect(g[0]).toEqual(['Severity', 'Organisation', 'Issue', 'Where', 'Reference']);
    const severities = g.slice(1).map((r) => r[0]);
    expect(severities.indexOf('Warning')).toBeGreaterThan(severities.lastIndexOf('Error'));
    for (const row of g.slice(1)) {
      expect(row[2]).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(row[3]).not.toMatch(/![A-Z]+\d/);
    }
    expect(g.some((r) => /^Commitments sheet, row \d+, End$/.test(r[3]!))).toBe(true);
    expect(g.some((r) => /^commitment\/outside-mou-period \(Commitments!G\d+\)$/.test(r[4]!))).toBe(true);
  });
});

describe('shown figures add up at 200 partners', () => {
  let stored: StoredRegister;
  beforeAll(() => {
    stored = syntheticStored(200, 60, 10);
  });
  const cents = (s: string) => Math.round(Number(s.replace(/[£,%]/g, '')) * 100);

  test('the Word totals: each column of shown FTE and money adds up to its shown total; stakes to 100.00%', async () => {
    const { tables } = await docxOf(stored, []);
    const totals = tables.find((t) => t[0]?.includes('Analyst time (FTE)'))!;
    const body = totals.slice(1, -1);
    const total = totals[totals.length - 1]!;
    for (let c = 1; c < totals[0]!.length; c++) {
      expect({ column: totals[0]![c], sum: body.reduce((a, r) => a + cents(r[c]!), 0) }).toEqual({
        column: totals[0]![c],
        sum: cents(total[c]!),
      });
    }
    for (const header of [
      ['Organisation', 'Sector'],
      ['Organisation', 'Involvement'],
    ]) {
      const t = tables.find((x) => x[0]?.[0] === header[0] && x[0]?.[1] === header[1] && x[0]?.includes('Stake'))!;
      const at = t[0]!.indexOf('Stake');
      expect(t.slice(1).reduce((a, r) => a + cents(r[at]!), 0)).toBe(10000);
    }
  });

  test('largest remainder: rounded figures add up to the rounded total, none moves by a unit', () => {
    const values = [1 / 3, 1 / 3, 1 / 3];
    expect(largestRemainder(values, 4, 1)).toEqual([0.3334, 0.3333, 0.3333]);
    const fte = [0.1234, 0.5678, 0.9999, 0.0051];
    const shown = largestRemainder(fte, 2);
    expect(Math.round(shown.reduce((a, b) => a + b, 0) * 100)).toBe(170);
    shown.forEach((s, i) => expect(Math.abs(s - fte[i]!)).toBeLessThan(0.01));
  });
});

test('CSV: a stake is a percentage and its header says so', async () => {
  const zip = await JSZip.loadAsync(
    (await renderAppendix('csv', { stored: demo.stored, signOffs: demo.signOffs, asOf: AS_OF })).bytes,
  );
  const rows = parse(await zip.file('A-partner-organisations.csv')!.async('string'), { bom: true }) as string[][];
  const at = rows[0]!.indexOf('Stake (%)');
  expect(at).toBeGreaterThan(-1);
  const governing = demo.stored.register.organisations.filter((o) => isGoverning(o.involvement)).length;
  expect(rows.some((r) => r[at] === String(Math.round(10000 / governing) / 100))).toBe(true);
  const readme = await zip.file('README.txt')!.async('string');
  expect(readme).toContain('for the term 1 April 2025 to 31 March 2028');
  expect(readme).toContain('Status: DRAFT, not ready for the MoU');
});

describe('the Excel appendix prints', () => {
  let zip: JSZip;
  beforeAll(async () => {
    zip = await JSZip.loadAsync(
      (await renderAppendix('xlsx', { stored: demo.stored, signOffs: demo.signOffs, asOf: AS_OF })).bytes,
    );
  });
  const sheetXml = async (n: number) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string');

  test('every sheet: landscape, fit to width, a header and footer with partnership, draft mark, version, digest and page', async () => {
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
    const short = demo.stored.digest.slice(0, 'sha256:'.length + 12);
    for (let n = 1; n <= sheets.length; n++) {
      const xml = await sheetXml(n);
      expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
      expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
      const header = /<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)?.[1] ?? '';
      const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1] ?? '';
      expect(header).toContain('Northshire Office of Data Analytics');
      expect(header).toContain('DRAFT: not ready for the MoU');
      expect(footer).toContain('Register version 1');
      expect(footer).toContain(short);
      expect(footer).toContain('Page &amp;P of &amp;N');
      // Every table sheet repeats its header row on each printed page.
      if (n > 1) expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${n - 1}">`);
    }
  });

  test('the totals are the table’s total row, outside its filter; wrapped rows are tall enough; names upright', async () => {
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith('xl/tables/'))
        .map((n) => zip.file(n)!.async('string')),
    );
    const totals = tables.find((t) => t.includes('name="D_commitment_totals"'))!;
    const ref = /ref="A1:([A-Z]+)(\d+)"/.exec(totals)!;
    expect(totals).toContain('totalsRowCount="1"');
    expect(totals).toContain(`<autoFilter ref="A1:${ref[1]}${Number(ref[2]) - 1}"/>`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.generateAsync({ type: 'nodebuffer' })) as unknown as ArrayBuffer);
    const last = wb.getWorksheet('D Totals')!.getRow(Number(ref[2]));
    expect(last.getCell(2).value).toBe('Partnership total');
    // A long text (over 60 characters) wraps onto several lines, and its row is as tall as they are.
    const commitments = wb.getWorksheet('D Commitments')!;
    const wrapped: number[] = [];
    commitments.eachRow((row, n) =>
      row.eachCell((cell) => {
        if (n > 1 && typeof cell.value === 'string' && cell.value.length > 60) wrapped.push(n);
      }),
    );
    expect(wrapped.length).toBeGreaterThan(0);
    for (const n of wrapped) expect(commitments.getRow(n).height).toBeGreaterThanOrEqual(30);
    const matrix = wb.getWorksheet('C RACI matrix')!;
    expect(matrix.getRow(1).getCell(2).alignment?.textRotation).toBe(90);
    expect(matrix.getRow(1).height).toBeGreaterThan(100);
  });
});
