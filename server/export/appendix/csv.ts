/**
 * The CSV appendix: one UTF-8 file (with a byte order mark, so Excel opens it as UTF-8) per table of the
 * appendices, in a zip with a README that names the register version and digest. Fields are the register's
 * own values (ISO dates, plain numbers) with enumerations by label; text a spreadsheet would read as a formula
 * is neutralised (neutralise.ts).
 */
import { stringify } from 'csv-stringify/sync';
import JSZip from 'jszip';
import { csvHeader, csvText, xmlSafe } from './cellValues.js';
import { statusText } from './docxLayout.js';
import { identityProperties } from './identity.js';
import { allTables, type Appendix } from './model.js';
import { neutralise } from './neutralise.js';
import { SHEET_TITLES } from './xlsxSheets.js';

export const README_FILE = 'README.txt';

export interface CsvFile {
  name: string;
  caption: string;
  rows: string[][];
}

/** "A-partner-organisations.csv". */
function fileName(letter: string, title: string): string {
  return `${letter}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`;
}

/** Every CSV file of the appendix with its rows (header first), as `verify` compares them. */
export function csvFiles(appendix: Appendix): CsvFile[] {
  return allTables(appendix).map((t) => {
    const title = SHEET_TITLES[t.id] ?? t.title;
    return {
      name: fileName(t.letter, title),
      caption: `Appendix ${t.letter} ${title} (${fileName(t.letter, title)})`,
      rows: [
        t.columns.map((c) => neutralise(csvHeader(c))),
        ...t.rows.map((row) => t.columns.map((c, i) => csvText(c, row[i] ?? null))),
      ],
    };
  });
}

/** The README: a line naming the register, then its identity as `Name: value` lines that verify reads. */
export function csvReadme(appendix: Appendix, files: readonly CsvFile[]): string {
  const id = appendix.identity;
  return [
    `Register version ${id.version} of the ${xmlSafe(id.partnershipName)}, ${id.digest}: MoU appendices as CSV, sign-off status as at ${id.asOf}.`,
    `The MoU of the ${xmlSafe(id.partnershipName)}, for the term ${appendix.mou.term}.`,
    `Status: ${statusText(appendix)}`,
    '',
    ...Object.entries(identityProperties(id)).map(([k, v]) => `${k}: ${v}`),
    '',
    'Units: a column whose values carry a unit names it in its header ("Stake (%)" is a percentage, "Analyst time (FTE)",',
    '"Funding (GBP)"); a commitment\'s Quantity is in its Unit column. Figures are the register\'s, unrounded.',
    `${appendix.fteBasis}`,
    `${appendix.fundingBasis}`,
    ...(appendix.noWorkbook.length
      ? [`Partners that sent no workbook: ${xmlSafe(appendix.noWorkbook.join('; '))}.`]
      : []),
    '',
    'Files (UTF-8 with a byte order mark; dates yyyy-mm-dd; text that could start a spreadsheet formula begins with a single quote):',
    ...files.map((f) => `  ${f.name}`),
    '',
    'Check that these files are an unaltered copy: oda-register verify <this zip>',
    '',
  ].join('\r\n');
}

export function csvDocument(rows: string[][]): string {
  return stringify(rows, { bom: true, record_delimiter: '\r\n' });
}

/** The CSV appendix of a register version, as the bytes of a .zip file. */
export async function renderCsvZip(appendix: Appendix): Promise<Buffer> {
  const files = csvFiles(appendix);
  const zip = new JSZip();
  const date = new Date(appendix.identity.createdAt);
  zip.file(README_FILE, csvReadme(appendix, files), { date });
  for (const f of files) zip.file(f.name, csvDocument(f.rows), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
