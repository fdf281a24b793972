/**
 * The harness's in-memory gateway behaves as the pane expects of any WorkbookGateway: set-up creates the
 * five tables with About pre-filled, repairs a partial workbook in place without touching the user's rows,
 * and is idempotent; written rows read back as the same submission; highlights are replaced by the next check.
 */
import { describe, expect, test } from '@jest/globals';
import { excelSetupFor } from '../../shared/excelSetup.js';
import { parseWorkbook } from '../../shared/parse.js';
import { MemoryGateway, MemoryWorkbook } from '../../addin/harness/memoryWorkbook.js';
import { submissionRows } from '../../addin/taskpane/model/submissionRows.js';
import { testCatalogue, LEEDS } from '../helpers/catalogue.js';
import { goodRawTables } from '../helpers/rawTables.js';

const catalogue = testCatalogue();

describe('MemoryGateway', () => {
  test('set-up of an empty workbook: five tables, headers from the contract, About pre-filled', async () => {
    const gateway = new MemoryGateway();
    const report = await gateway.setUp(excelSetupFor(catalogue, LEEDS));
    expect(report.created).toEqual(['About', 'Contacts', 'Commitments', 'Roles', 'Participation', 'Data sharing']);
    const tables = await gateway.readTables();
    expect(tables.Contacts?.values[0]).toEqual(['Name', 'Job title', 'Email', 'Phone', 'Contact role', 'Primary']);
    expect(tables.About?.values[1]).toEqual(['Organisation ID', LEEDS]);
  });

  test('set-up repairs a partial workbook in place and never moves the user’s rows; twice changes nothing', async () => {
    const workbook = new MemoryWorkbook();
    workbook.sheets.push({
      name: 'Contacts',
      table: null,
      cells: [
        ['Email', 'Name'],
        ['pat@leeds.gov.uk', 'Pat'],
      ],
    });
    const gateway = new MemoryGateway(workbook);
    const first = await gateway.setUp(excelSetupFor(catalogue, LEEDS));
    expect(first.repaired).toEqual(['Contacts']);
    expect(first.addedColumns).toEqual([
      'Contacts.Job title',
      'Contacts.Phone',
      'Contacts.Contact role',
      'Contacts.Primary',
    ]);
    const contacts = workbook.sheet('Contacts')!;
    expect(contacts.cells[1]?.slice(0, 2)).toEqual(['pat@leeds.gov.uk', 'Pat']);
    const snapshot = JSON.stringify(workbook.sheets);
    const second = await gateway.setUp(excelSetupFor(catalogue, LEEDS));
    expect(second.created).toEqual([]);
    expect(second.addedColumns).toEqual([]);
    expect(JSON.stringify(workbook.sheets)).toBe(snapshot);
  });

  test('rows written into the tables (in any column order) read back as the same submission', async () => {
    const workbook = new MemoryWorkbook();
    const gateway = new MemoryGateway(workbook);
    await gateway.setUp(excelSetupFor(catalogue, LEEDS));
    // The user reordered the Contacts columns.
    const contacts = workbook.sheet('Contacts')!;
    contacts.cells[0] = [...contacts.cells[0]!].reverse();
    const submission = parseWorkbook(goodRawTables(catalogue, LEEDS), catalogue).submission!;
    const steps: string[] = [];
    await gateway.writeTables(submissionRows(submission), (p) => steps.push(`${p.label} ${p.done}/${p.total}`));
    expect(steps[0]).toBe('Writing About 0/6');
    expect(parseWorkbook(await gateway.readTables(), catalogue).submission).toEqual(submission);
  });

  test('highlights: the next check replaces the previous ones; selecting a cell that is not there is an error', async () => {
    const workbook = new MemoryWorkbook();
    const gateway = new MemoryGateway(workbook);
    await gateway.setUp(excelSetupFor(catalogue, LEEDS));
    const issue = { severity: 'error', code: 'cell/required', message: 'x' } as const;
    await gateway.highlightIssues([{ ...issue, sheet: 'Contacts', cell: 'C2' }]);
    await gateway.highlightIssues([{ ...issue, sheet: 'Commitments', cell: 'D3' }]);
    expect(workbook.isHighlighted('Contacts', 'C2')).toBe(false);
    expect(workbook.isHighlighted('Commitments', 'D3')).toBe(true);
    await gateway.selectCell('commitments', 'd3');
    expect(workbook.selected).toEqual({ sheet: 'Commitments', cell: 'D3' });
    await expect(gateway.selectCell('Nowhere', 'A1')).rejects.toThrow('There is no cell Nowhere!A1');
  });
});
