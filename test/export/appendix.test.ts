/**
 * The appendices of the demo register (examples/: imported, consolidated, two sign-offs), read back with real
 * readers: the Word file's tables, footer, sections and properties (its XML through JSZip); the Excel file
 * with ExcelJS (every sheet an Excel table with a frozen header, the contract's widths, formats and colours);
 * the CSV files with csv-parse, equal to the register's rows; the JSON equal to the register.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { COMMITMENTS, CONTACTS } from '../../shared/contract.js';
import { enumLabel, matchEnum, CONTACT_ROLE, RESOURCE_TYPE, STATUS, UNIT } from '../../shared/enums.js';
import { renderAppendix } from '../../server/export/appendix/render.js';
import { KEEP_TOGETHER_ROWS, keptWithNext } from '../../server/export/appendix/docx.js';
import { docxCustomProperties, docxFooterTexts, docxTableTexts } from '../../server/export/appendix/docxRead.js';
import { buildAppendix } from '../../server/export/appendix/buildAppendix.js';
import { fte, money, percent, ukDate } from '../../shared/displayFormat.js';
import { demoRegister, type DemoRegister } from './demoRegister.js';

let demo: DemoRegister;
const AS_OF = '2030-01-01T00:00:00.000Z';

beforeAll(async () => {
  demo = await demoRegister();
}, 60_000);
afterAll(async () => demo?.close());

const input = () => ({ stored: demo.stored, signOffs: demo.signOffs, asOf: AS_OF });

interface RowKeeps {
  text: string;
  header: boolean;
  cantSplit: boolean;
  /** Every paragraph of the row is kept with the next (Word keeps the row with the row below). */
  keepNext: boolean;
  /** Some paragraph of the row is: with `keepNext`, a row is kept with the next as a whole or not at all. */
  someKeepNext: boolean;
}

/** Each table's rows as document.xml lays them out: repeated header or not, split or not, kept with the next. */
function rowKeeps(documentXml: string): RowKeeps[][] {
  return documentXml
    .split('<w:tbl>')
    .slice(1)
    .map((tbl) =>
      [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) => {
        const paragraphs = [...tr!.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
        return {
          text: [...tr!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' | '),
          header: tr!.includes('<w:tblHeader/>'),
          cantSplit: tr!.includes('<w:cantSplit/>'),
          keepNext: paragraphs.length > 0 && paragraphs.every((p) => p.includes('<w:keepNext/>')),
          someKeepNext: paragraphs.some((p) => p.includes('<w:keepNext/>')),
        };
      }),
    );
}

describe('values as a PMG chair writes them', () => {
  test('dates, money, FTE and stakes', () => {
    expect(ukDate('2025-04-01')).toBe('1 April 2025');
    expect(money(1234.5)).toBe('£1,234.50');
    expect(money(-3)).toBe('-£3');
    expect(money(120000)).toBe('£120,000');
    expect(fte(1.5)).toBe('1.50');
    expect(percent(1 / 6)).toBe('16.67%');
  });
});

describe('Word appendix', () => {
  let zip: JSZip;
  let documentXml: string;
  beforeAll(async () => {
    const file = await renderAppendix('docx', input());
    expect(file.fileName).toBe('northshire-oda-register-v1-appendices.docx');
    zip = await JSZip.loadAsync(file.bytes);
    documentXml = await zip.file('word/document.xml')!.async('string');
  });

  test('the title block names the partnership, version, date, governance model and digest', () => {
    const [facts] = docxTableTexts(documentXml);
    const field = (name: string) => facts!.find((r) => r[0] === name)?.[1];
    expect(field('Partnership')).toBe('Northshire Office of Data Analytics');
    expect(field('Register version')).toBe(`Version 1 of ${ukDate(demo.stored.createdAt)}`);
    expect(field('Governance model')).toMatch(/^Horizontal/);
    expect(field('Digest')).toBe(demo.stored.digest);
    expect(field('Sign-off')).toMatch(/^2 of 6 governing partners signed off/);
  });

  test('appendix A lists every partner with sector, involvement, tier, stake, signatory and signing date', () => {
    const tables = docxTableTexts(documentXml);
    const a = tables[1]!;
    expect(a[0]).toEqual([
      'Organisation',
      'Sector',
      'Involvement',
      'Funding tier',
      'Stake',
      'MoU signatory',
      'MoU signed on',
    ]);
    expect(a).toHaveLength(1 + demo.stored.register.organisations.length);
    const county = a.find((r) => r[0] === 'Northshire County Council')!;
    const org = demo.stored.register.organisations.find((o) => o.id === 'northshire-county-council')!;
    expect(county).toEqual([
      org.name,
      'Local government',
      'Governance and funding',
      '1',
      percent(org.stake),
      org.signatory,
      ukDate(org.signedOn!),
    ]);
  });

  test('every table repeats its header row on each page; wide appendices are landscape sections', () => {
    const tables = documentXml.split('<w:tbl>').slice(1);
    const withHeader = tables.filter((t) => /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(t));
    expect(withHeader.length).toBe(tables.length - 1); // all but the title block's facts
    expect(documentXml.match(/w:orient="landscape"/g)?.length).toBeGreaterThanOrEqual(2);
  });

  test('no table row is split across pages, and a row is kept with the next as a whole or not at all', () => {
    const rows = rowKeeps(documentXml).flat();
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect({ row: r.text, cantSplit: r.cantSplit }).toEqual({ row: r.text, cantSplit: true });
      expect({ row: r.text, keepNext: r.keepNext }).toEqual({ row: r.text, keepNext: r.someKeepNext });
    }
  });

  test('a short table stays on one page with its heading; a long one never leaves a lone header or last row', () => {
    const tables = rowKeeps(documentXml).filter((t) => t[0]?.header);
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const t of tables) {
      const body = t.filter((r) => !r.header);
      const kept = body.map((r) => r.keepNext);
      expect(t[0]!.keepNext).toBe(true); // the header with the first row
      expect(kept[kept.length - 1]).toBe(false);
      if (body.length <= KEEP_TOGETHER_ROWS) expect(kept.slice(0, -1).every(Boolean)).toBe(true);
      else {
        expect(kept[0]).toBe(true); // at least two rows under the header at the foot of a page
        expect(kept[kept.length - 2]).toBe(true); // at least two rows under the repeated header on the last page
        expect(kept.filter(Boolean).length).toBeLessThan(body.length - 1); // the rest may break between pages
      }
    }
    // Twenty-one contacts: kept in pairs at either end, free to break anywhere in between.
    const contacts = tables.find((t) => t[0]!.text.startsWith('Organisation | Name | Job title'))!;
    // (Twenty-one contacts and the two partners that sent no workbook.)
    expect(contacts.map((r) => r.keepNext)).toEqual([true, true, ...Array<boolean>(20).fill(false), true, false]);
    // The totals (ten rows) move to a new page with their heading rather than split.
    const totals = tables.find((t) => t[0]!.text.includes('Analyst time (FTE)'))!;
    expect(totals.slice(0, -1).every((r) => r.keepNext)).toBe(true);
    // Every heading (an appendix's title, a table's heading) is kept with what follows it.
    const headings = [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading[12]"\/>.*?<\/w:p>/g)];
    const loose = headings.filter(([h]) => !h.includes('<w:keepNext/>')).map(([h]) => h.replace(/<[^>]+>/g, ''));
    // A to H, the matrix, named leads, commitments, totals, and H's datasets, IG contacts and flows
    expect(headings.length).toBe(8 + 4 + 3);
    expect(loose).toEqual([]);
  });

  test('which rows are kept with the next, by table length', () => {
    const rows = (n: number, group: number[] = []) =>
      Array.from({ length: n }, (_, i) => ({
        cells: [`${i}`],
        ...(group.includes(i) ? { group: true as const } : {}),
      }));
    expect(keptWithNext(rows(1))).toEqual([false]);
    expect(keptWithNext(rows(2))).toEqual([true, false]);
    expect(keptWithNext(rows(KEEP_TOGETHER_ROWS))).toEqual([
      ...Array<boolean>(KEEP_TOGETHER_ROWS - 1).fill(true),
      false,
    ]);
    const long = keptWithNext(rows(KEEP_TOGETHER_ROWS + 1, [5]));
    expect(long.flatMap((k, i) => (k ? [i] : []))).toEqual([0, 5, KEEP_TOGETHER_ROWS - 1]);
  });

  test('the RACI matrix has a column per partner holding a role, a letter per role and a key', () => {
    const tables = docxTableTexts(documentXml);
    const matrix = tables.find((t) => t[0]?.[0] === 'Activity' && t[1]?.slice(1).every((c) => /^[RACI]?$/.test(c)))!;
    const holders = new Set(demo.stored.register.roles.map((r) => r.organisationId));
    expect(matrix[0]).toHaveLength(1 + holders.size);
    const role = demo.stored.register.roles[0]!;
    const row = matrix.find((r) => r[0] === role.activity)!;
    const name = demo.stored.register.organisations.find((o) => o.id === role.organisationId)!.name;
    expect(row[matrix[0]!.indexOf(name)]).toBe(role.role[0]!.toUpperCase());
    expect(documentXml).toContain('Key: R Responsible; A Accountable; C Consulted; I Informed.');
  });

  test('commitments name their organisation on every row, with the totals, in pounds and FTE', () => {
    const tables = docxTableTexts(documentXml);
    const totals = tables.find((t) => t[0]?.[0] === 'Organisation' && t[0]?.includes('Analyst time (FTE)'))!;
    const total = totals[totals.length - 1]!;
    expect(total[0]).toBe('Partnership total');
    const sum = demo.stored.register.totals.byOrganisation.reduce((a, t) => a + t.fundingGbpPerYear, 0);
    expect(total[3]).toBe(money(sum));
    const commitments = tables.find((t) => t[0]?.[0] === 'Organisation' && t[0]?.[1] === 'Ref')!;
    expect(commitments[1]![0]).toBe('Northshire County Council');
    expect(commitments.slice(1).every((r) => r[0] !== '')).toBe(true);
  });

  test('every page footer names the partnership, version, date, short digest and "Page X of Y"', async () => {
    const footers = await docxFooterTexts(zip);
    expect(footers.length).toBeGreaterThan(0);
    const hex = demo.stored.digest.slice(7, 19);
    for (const f of footers) {
      expect(f).toContain(
        `Northshire Office of Data Analytics · Register version 1 · ${ukDate(demo.stored.createdAt)} · sha256:${hex}`,
      );
    }
    const footerXml = await zip.file(/^word\/footer\d*\.xml$/)[0]!.async('string');
    expect(footerXml).toMatch(/PAGE/);
    expect(footerXml).toMatch(/NUMPAGES/);
  });

  test('the document properties carry the version and full digest', async () => {
    const props = await docxCustomProperties(zip);
    expect(props['ODA register version']).toBe('1');
    expect(props['ODA register digest']).toBe(demo.stored.digest);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(demo.stored.digest);
  });
});

describe('Excel appendix', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const file = await renderAppendix('xlsx', input());
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  });

  test('a cover sheet with partnership, version, date, digest and sign-off status', () => {
    const cover = wb.getWorksheet('Cover')!;
    const fields = new Map<string, unknown>();
    cover.eachRow((row) => fields.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(fields.get('Partnership')).toBe('Northshire Office of Data Analytics');
    expect(fields.get('Register version')).toBe(1);
    expect(fields.get('Digest')).toBe(demo.stored.digest);
    expect(String(fields.get('Sign-off'))).toMatch(/^2 of 6 governing partners signed off; 4 awaiting/);
    expect(wb.keywords).toBe(demo.stored.digest);
  });

  test('every appendix sheet is an Excel table with a frozen header and the contract widths', () => {
    const sheets = wb.worksheets.filter((ws) => ws.name !== 'Cover');
    expect(sheets.map((s) => s.name)).toEqual([
      'A Partner organisations',
      'B Points of contact',
      'C RACI matrix',
      'C Roles',
      'D Commitments',
      'D Totals',
      'E Participation',
      'F Governance',
      'G Open issues',
      'H Datasets shared',
      'H IG contacts',
      'H Data flows',
    ]);
    for (const ws of sheets) {
      const tables = Object.values((ws as unknown as { tables: Record<string, unknown> }).tables);
      expect(tables).toHaveLength(1);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    const contacts = wb.getWorksheet('B Points of contact')!;
    const header = contacts.getRow(1).values as unknown[];
    for (const col of CONTACTS.columns) {
      const at = header.indexOf(col.header);
      expect(at).toBeGreaterThan(0);
      // The contract's width; an email column wide enough for its longest address (addresses never wrap).
      if (col.type === 'email') expect(contacts.getColumn(at).width).toBeGreaterThanOrEqual(col.width);
      else expect(contacts.getColumn(at).width).toBe(col.width);
    }
  });

  test('commitments hold numbers, dates and enumeration labels; totals are values, not formulas', () => {
    const ws = wb.getWorksheet('D Commitments')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Organisation ID', 'Organisation', ...COMMITMENTS.columns.map((c) => c.header)]);
    const first = demo.stored.register.commitments[0]!;
    const row = ws.getRow(2);
    const cell = (h: string) => row.getCell(header.indexOf(h) + 1);
    expect(cell('Quantity').value).toBe(first.quantity);
    expect(cell('Resource type').value).toBe(enumLabel(RESOURCE_TYPE, first.resourceType));
    expect((cell('Start').value as Date).toISOString().slice(0, 10)).toBe(first.start);
    // Shown as the Word appendix and the register page write dates: "1 April 2025".
    expect(cell('Start').numFmt).toBe('d mmmm yyyy');
    // Wide enough for the longest date in words, so no date prints as ###.
    for (const h of ['Start', 'End']) {
      expect(ws.getColumn(header.indexOf(h) + 1).width).toBeGreaterThanOrEqual('30 September 2025'.length + 1);
    }
    const totals = wb.getWorksheet('D Totals')!;
    totals.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.formula).toBeUndefined();
      }),
    );
    expect(totals.getRow(2).getCell(4).numFmt).toContain('£');
    // Money shows pence only when there are some, as the Word appendix and the pane write it ("£45,000", "£1,234.50").
    // The money cells are those under the funding columns, found by their headers: a cell there that lost its
    // format fails here rather than being passed over.
    const fundingColumns = (totals.getRow(1).values as unknown[]).flatMap((h, at) =>
      typeof h === 'string' && h.startsWith('Funding') ? [at] : [],
    );
    expect(fundingColumns.length).toBeGreaterThanOrEqual(2);
    const organisationColumn = (totals.getRow(1).values as unknown[]).indexOf('Organisation');
    let moneyCells = 0;
    totals.eachRow((r, n) => {
      // The header, and the note under the table (in the first column only), hold no figures.
      if (n === 1 || !r.getCell(organisationColumn).value) return;
      for (const at of fundingColumns) {
        const c = r.getCell(at);
        expect(typeof c.value).toBe('number');
        moneyCells++;
        expect(c.numFmt).toBe(Number.isInteger(c.value) ? '"£"#,##0' : '"£"#,##0.00');
      }
    });
    expect(moneyCells).toBeGreaterThan(fundingColumns.length);
  });

  test('the matrix colours R, A, C and I and has a key', () => {
    const ws = wb.getWorksheet('C RACI matrix')!;
    const fills = new Map<string, string>();
    ws.eachRow((row, r) => {
      if (r === 1) return;
      row.eachCell((c, col) => {
        if (col > 1 && typeof c.value === 'string' && /^[RACI]$/.test(c.value)) {
          fills.set(c.value, (c.fill as ExcelJS.FillPattern).fgColor!.argb!);
        }
      });
    });
    expect(fills.size).toBe(4);
    expect(new Set(fills.values()).size).toBe(4);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(
      expect.arrayContaining(['Key', 'R Responsible', 'A Accountable', 'C Consulted', 'I Informed']),
    );
  });
});

describe('CSV appendix', () => {
  test('one UTF-8 file with a byte order mark per table, and a README naming version and digest', async () => {
    const file = await renderAppendix('csv', input());
    const zip = await JSZip.loadAsync(file.bytes);
    const readme = await zip.file('README.txt')!.async('string');
    expect(readme.split('\r\n')[0]).toContain(
      `Register version 1 of the Northshire Office of Data Analytics, ${demo.stored.digest}`,
    );
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.csv'));
    expect(names).toHaveLength(buildAppendix(input()).sections.flatMap((s) => s.tables).length);
    const bytes = await zip.file('B-points-of-contact.csv')!.async('uint8array');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('parsed back, the contacts and commitments equal the register rows', async () => {
    const zip = await JSZip.loadAsync((await renderAppendix('csv', input())).bytes);
    const read = async (name: string) =>
      parse(await zip.file(name)!.async('string'), { bom: true, columns: true }) as Record<string, string>[];
    const contacts = await read('B-points-of-contact.csv');
    expect(
      contacts.map((c) => ({
        organisationId: c['Organisation ID'],
        name: c.Name,
        jobTitle: c['Job title'] || null,
        email: c.Email,
        phone: c.Phone ? c.Phone.replace(/^'/, '') : null,
        contactRole: matchEnum(CONTACT_ROLE, c['Contact role']!)!.id,
        primary: c.Primary === 'Yes',
      })),
    ).toEqual(demo.stored.register.contacts);
    const commitments = await read('D-commitments.csv');
    expect(
      commitments.map((c) => ({
        organisationId: c['Organisation ID'],
        ref: c.Ref || null,
        resourceType: matchEnum(RESOURCE_TYPE, c['Resource type']!)!.id,
        description: c.Description,
        quantity: Number(c.Quantity),
        unit: matchEnum(UNIT, c.Unit!)!.id,
        start: c.Start,
        end: c.End || null,
        project: c.Project,
        status: matchEnum(STATUS, c.Status!)!.id,
        notes: c.Notes || null,
      })),
    ).toEqual(demo.stored.register.commitments);
  });
});

test('the JSON export is the register, as `export --format json` writes it', async () => {
  const file = await renderAppendix('json', input());
  expect(file.fileName).toBe('northshire-oda-register-v1-register.json');
  expect(JSON.parse(file.bytes.toString('utf8'))).toEqual(demo.stored.register);
});

test('an export is a function of the register, its sign-offs and the moment: the same inputs, the same cells', async () => {
  const a = buildAppendix(input());
  const b = buildAppendix({ ...input(), signOffs: [...demo.signOffs].reverse() });
  expect(b).toEqual(a);
  const before = buildAppendix({ ...input(), asOf: '2000-01-01T00:00:00.000Z' });
  expect(before.signOffSummary).toMatch(/^0 of 6/);
});
