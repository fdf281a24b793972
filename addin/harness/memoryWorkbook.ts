/**
 * An in-memory workbook for the browser harness and the tests: sheets of plain cells, the contract's tables
 * (header row at A1), the add-in's settings, highlighted cells and the selected cell, with listeners so the
 * harness grid redraws when the gateway writes. MemoryGateway implements the pane's WorkbookGateway over it,
 * exactly as addin/excel/ does over Office.js.
 */
import { columnLetter, parseA1 } from '../../shared/cells.js';
import { TABLES, type TableName } from '../../shared/contract.js';
import type { ExcelSetup } from '../../shared/excelSetup.js';
import type { Issue } from '../../shared/issues.js';
import type { RawTables } from '../../shared/types.js';
import type {
  Capabilities,
  Progress,
  RegisterSheet,
  SetUpReport,
  TableRows,
  PaneState,
  WorkbookGateway,
  WorkbookSettings,
} from '../gateway.js';

export type Cell = string | number | null;

export interface MemorySheet {
  name: string;
  /** The contract table this sheet holds (header row at A1), or null for other sheets (a loaded register). */
  table: TableName | null;
  /** Row 0 is the header of a table sheet. */
  cells: Cell[][];
  fills?: Record<string, string>;
}

const key = (sheet: string, cell: string) => `${sheet.toLowerCase()}!${cell.toUpperCase()}`;

export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  settings: WorkbookSettings = {};
  /** The panes' states by user, as the workbook settings hold them (JSON, as Excel keeps it). */
  paneStates: Record<string, string> = {};
  highlights = new Set<string>();
  selected: { sheet: string; cell: string } | null = null;
  /** Counts what the gateway did, for tests. */
  calls = { reads: 0, writes: 0 };
  private listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Sets one cell (0-based row and column), growing the sheet as needed. Edits by the user go through here. */
  setCell(sheetName: string, row: number, col: number, value: Cell): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    while (sheet.cells.length <= row) sheet.cells.push([]);
    const line = sheet.cells[row]!;
    while (line.length <= col) line.push(null);
    line[col] = value === '' ? null : value;
    this.changed();
  }

  /** Everything the workbook holds, as JSON (the harness keeps it across a reload of its page, as Excel would). */
  snapshot(): string {
    const { sheets, settings, paneStates, highlights, selected } = this;
    return JSON.stringify({ sheets, settings, paneStates, highlights: [...highlights], selected });
  }

  /** Takes back what `snapshot` gave. */
  restore(json: string): void {
    const kept = JSON.parse(json) as Pick<MemoryWorkbook, 'sheets' | 'settings' | 'paneStates' | 'selected'> & {
      highlights: string[];
    };
    this.sheets = kept.sheets;
    this.settings = kept.settings;
    this.paneStates = kept.paneStates;
    this.highlights = new Set(kept.highlights);
    this.selected = kept.selected;
    this.changed();
  }

  isHighlighted(sheet: string, cell: string): boolean {
    return this.highlights.has(key(sheet, cell));
  }

  /** A sheet's cells as a table of the contract reads them: trailing blank rows dropped. */
  tableValues(sheet: MemorySheet): Cell[][] {
    const width = sheet.cells[0]?.length ?? 0;
    const rows = sheet.cells.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
    while (rows.length > 1 && rows[rows.length - 1]!.every((c) => c === null || c === '')) rows.pop();
    return rows;
  }
}

function headerIndex(header: readonly Cell[]): Map<string, number> {
  return new Map(
    header.map((h, i) => [
      String(h ?? '')
        .trim()
        .toLowerCase(),
      i,
    ]),
  );
}

export class MemoryGateway implements WorkbookGateway {
  constructor(readonly workbook: MemoryWorkbook = new MemoryWorkbook()) {}

  async capabilities(): Promise<Capabilities> {
    return { dataValidation: false, freezePanes: true, conditionalFormats: true };
  }

  async readTables(): Promise<RawTables> {
    this.workbook.calls.reads++;
    const out: RawTables = {};
    for (const sheet of this.workbook.sheets) {
      if (sheet.table === null) continue;
      out[sheet.table] = { sheet: sheet.name, topLeft: 'A1', values: this.workbook.tableValues(sheet) };
    }
    return out;
  }

  async setUp(setup: ExcelSetup, progress?: Progress): Promise<SetUpReport> {
    const report: SetUpReport = { created: [], repaired: [], addedColumns: [], skipped: [] };
    const wb = this.workbook;
    setup.tables.forEach((table, n) => {
      progress?.({ label: `Setting up ${table.name}`, done: n, total: setup.tables.length });
      let sheet = wb.sheet(table.name);
      if (!sheet) {
        sheet = { name: table.name, table: table.name, cells: [table.columns.map((c) => c.header)] };
        wb.sheets.push(sheet);
        report.created.push(table.name);
      } else {
        // A sheet of that name that is not yet a table is repaired in place; the user's rows stay as they are.
        sheet.table = table.name;
        if (sheet.cells.length === 0) sheet.cells.push([]);
        const header = sheet.cells[0]!;
        const have = headerIndex(header);
        for (const col of table.columns) {
          if (have.has(col.header.toLowerCase())) continue;
          // Appended after the last used header cell, never between the user's columns.
          let at = header.length;
          while (at > 0 && (header[at - 1] === null || header[at - 1] === '')) at--;
          header[at] = col.header;
          have.set(col.header.toLowerCase(), at);
          report.addedColumns.push(`${table.name}.${col.header}`);
        }
        report.repaired.push(table.name);
      }
      if (table.fields) {
        const have = new Set(
          sheet.cells.slice(1).map((r) =>
            String(r[0] ?? '')
              .trim()
              .toLowerCase(),
          ),
        );
        for (const f of table.fields) {
          if (!have.has(f.field.toLowerCase())) sheet.cells.push([f.field, f.value]);
        }
      }
    });
    report.skipped.push('Dropdowns and input prompts: the harness grid shows plain cells (Excel gets them).');
    progress?.({ label: 'Set up', done: setup.tables.length, total: setup.tables.length });
    wb.changed();
    return report;
  }

  async writeTables(rows: TableRows, progress?: Progress): Promise<void> {
    const wb = this.workbook;
    wb.calls.writes++;
    const entries = Object.entries(rows) as [TableName, unknown[][]][];
    entries.forEach(([name, data], n) => {
      progress?.({ label: `Writing ${name}`, done: n, total: entries.length });
      const def = TABLES.find((t) => t.name === name)!;
      let sheet = wb.sheet(name);
      if (!sheet) {
        sheet = { name, table: name, cells: [def.columns.map((c) => c.header)] };
        wb.sheets.push(sheet);
      }
      const header = sheet.cells[0] ?? [];
      const at = headerIndex(header);
      // Rows come in contract column order; the sheet's columns may be in another order.
      const positions = def.columns.map((c) => at.get(c.header.toLowerCase()) ?? -1);
      sheet.cells = [
        header,
        ...data.map((row) => {
          const line: Cell[] = Array.from({ length: header.length }, () => null);
          positions.forEach((p, i) => {
            if (p >= 0) line[p] = (row[i] ?? null) as Cell;
          });
          return line;
        }),
      ];
    });
    wb.changed();
  }

  async highlightIssues(issues: readonly Issue[]): Promise<void> {
    this.workbook.highlights.clear();
    for (const i of issues) if (i.sheet && i.cell) this.workbook.highlights.add(key(i.sheet, i.cell));
    this.workbook.changed();
  }

  async clearHighlights(): Promise<void> {
    this.workbook.highlights.clear();
    this.workbook.changed();
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const found = this.workbook.sheet(sheet);
    if (!found || !parseA1(cell)) throw new Error(`There is no cell ${sheet}!${cell} in this workbook.`);
    this.workbook.selected = { sheet: found.name, cell: cell.toUpperCase() };
    this.workbook.changed();
  }

  async readSettings(): Promise<WorkbookSettings> {
    return { ...this.workbook.settings };
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.workbook.settings = { ...settings };
  }

  async readPaneState(user: string): Promise<PaneState> {
    const json = this.workbook.paneStates[user.toLowerCase()];
    return json ? (JSON.parse(json) as PaneState) : {};
  }

  async savePaneState(user: string, change: PaneState): Promise<void> {
    const now = await this.readPaneState(user);
    this.workbook.paneStates[user.toLowerCase()] = JSON.stringify({ ...now, ...change });
  }

  async writeRegisterSheets(sheets: readonly RegisterSheet[], progress?: Progress): Promise<void> {
    const wb = this.workbook;
    sheets.forEach((s, n) => {
      progress?.({ label: `Writing ${s.name}`, done: n, total: sheets.length });
      const cells: Cell[][] = [s.header, ...s.rows];
      const existing = wb.sheet(s.name);
      const sheet: MemorySheet = { name: s.name, table: null, cells, ...(s.fills ? { fills: s.fills } : {}) };
      if (existing) wb.sheets[wb.sheets.indexOf(existing)] = sheet;
      else wb.sheets.push(sheet);
    });
    wb.changed();
  }
}

/** "C7" of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col + 1)}${row + 1}`;
}
