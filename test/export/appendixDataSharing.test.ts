/**
 * Appendix H, Data sharing (contract 1.1), over the demo register: the datasets per providing partner, the
 * named IG contacts and the provider-by-recipient flows, in the model and in the Word, Excel and CSV files;
 * `verify` catches an edit to it; a register without Data sharing rows has no Appendix H.
 */
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { renderAppendix } from '../../server/export/appendix/render.js';
import { docxTableTexts } from '../../server/export/appendix/docxRead.js';
import { buildAppendix } from '../../server/export/appendix/buildAppendix.js';
import { verifyAppendix } from '../../server/export/appendix/verify/index.js';
import { demoRegister, type DemoRegister } from './demoRegister.js';

let demo: DemoRegister;
const AS_OF = '2030-01-01T00:00:00.000Z';
beforeAll(async () => {
  demo = await demoRegister();
}, 60_000);
afterAll(async () => demo?.close());

const input = () => ({ stored: demo.stored, signOffs: demo.signOffs, asOf: AS_OF });
const sectionH = () => buildAppendix(input()).sections.find((s) => s.letter === 'H');

describe('Appendix H Data sharing', () => {
  it('lists each provider’s datasets with recipients named, purpose, category, basis, condition, role, refs, review and retention', () => {
    const h = sectionH()!;
    expect(h.title).toBe('Data sharing');
    const datasets = h.tables.find((t) => t.id === 'data-sharing')!;
    expect(datasets.columns.map((c) => c.header)).toEqual([
      'Organisation ID',
      'Organisation',
      'Ref',
      'Dataset',
      'Recipients',
      'Purpose',
      'Personal data',
      'Lawful basis',
      'Condition',
      'Controller role',
      'Agreement ref',
      'DPIA ref',
      'Review date',
      'Retention',
      'Status',
      'Notes',
    ]);
    const police = datasets.rows.find((r) => r[0] === 'northshire-police')!;
    expect(police.slice(1, 15)).toEqual([
      'Northshire Police',
      'POL-DS1',
      'Recorded crime and anti-social behaviour incidents, geocoded to LSOA',
      'Northshire County Council; NHS Northshire Integrated Care Board; University of Northshire',
      'Serious violence duty strategic needs assessment and community safety analysis',
      'criminal-offence',
      'law-enforcement',
      'DPA 2018 Schedule 8, paragraph 1 (statutory purposes)',
      'controller',
      'ISG-NP-0142',
      'NP-DPIA-2025-07',
      '2026-03-31',
      'Deleted 2 years after the needs assessment is published',
      'agreed',
    ]);
    expect(datasets.rows.map((r) => r[0])).toEqual([
      'northshire-county-council',
      'northshire-cvs',
      'northshire-icb',
      'northshire-police',
    ]);
  });

  it('names each partner’s IG lead, Caldicott Guardian, SIRO and DPO', () => {
    const contacts = sectionH()!.tables.find((t) => t.id === 'ig-contacts')!;
    expect(contacts.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['northshire-icb', 'information-governance-lead', 'Beth Carver'],
      ['northshire-ig-service', 'information-governance-lead', expect.any(String)],
      ['northshire-police', 'dpo', 'Helen Ashworth'],
    ]);
  });

  it('counts the flows from each provider to each recipient, All partners reaching every other partner', () => {
    const flows = sectionH()!.tables.find((t) => t.id === 'data-flows')!;
    const at = (from: string, to: string) =>
      flows.rows.find((r) => r[0] === from)![flows.columns.findIndex((c) => c.key === to)];
    expect(flows.rows.map((r) => r[0])).toEqual([
      'Northshire County Council',
      'Northshire Council for Voluntary Service',
      'NHS Northshire Integrated Care Board',
      'Northshire Police',
    ]);
    expect(at('Northshire Police', 'northshire-county-council')).toBe(1);
    expect(at('Northshire Police', 'northshire-cvs')).toBeNull();
    expect(at('NHS Northshire Integrated Care Board', 'harbourline-water')).toBe(1);
    expect(at('NHS Northshire Integrated Care Board', 'northshire-icb')).toBeNull();
    expect(at('Northshire Council for Voluntary Service', 'university-of-northshire')).toBe(1);
  });

  it('is in the Word, Excel and CSV appendices with labels, and an edit to it makes the file edited', async () => {
    const docx = (await renderAppendix('docx', input())).bytes;
    const documentXml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const words = docxTableTexts(documentXml).flat(2).join('\n');
    expect(words).toContain('Criminal offence');
    expect(words).toContain('Law enforcement');
    expect(words).toContain('Helen Ashworth');
    const xlsx = await JSZip.loadAsync((await renderAppendix('xlsx', input())).bytes);
    const workbookXml = await xlsx.file('xl/workbook.xml')!.async('string');
    for (const name of ['H Datasets shared', 'H IG contacts', 'H Data flows']) expect(workbookXml).toContain(name);
    const csvZip = await JSZip.loadAsync((await renderAppendix('csv', input())).bytes);
    const csv = parse(await csvZip.file('H-datasets-shared.csv')!.async('string'), { bom: true }) as string[][];
    expect(csv[0]).toContain('Lawful basis');
    expect(csv.some((row) => row.includes('Pseudonymised') && row.includes('Public task'))).toBe(true);

    const lookup = async () => ({ stored: demo.stored, signOffs: demo.signOffs });
    csvZip.file(
      'H-datasets-shared.csv',
      (await csvZip.file('H-datasets-shared.csv')!.async('string')).replace('ISG-NP-0142', 'ISG-NP-9999'),
    );
    const edited = await verifyAppendix(await csvZip.generateAsync({ type: 'nodebuffer' }), lookup);
    expect(edited.verdict).toBe('edited');
  });

  it('is left out of a register without Data sharing rows', () => {
    const { dataSharing: _rows, ...contract1 } = demo.stored.register;
    const appendix = buildAppendix({ ...input(), stored: { ...demo.stored, register: contract1 } });
    expect(appendix.sections.map((s) => s.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });
});
