/**
 * The task pane's one window onto the workbook. The UI talks only to this interface; `addin/excel/`
 * implements it with Office.js, and `addin/harness/` with an in-memory workbook for the browser harness and
 * the tests. No Office.js types here.
 *
 * Every method is one user action's worth of work: an implementation batches its reads and writes into a
 * small, fixed number of `context.sync()` calls whatever the number of rows.
 */
import type { Issue } from '../shared/issues.js';
import type { ExcelSetup } from '../shared/excelSetup.js';
import type { RawTables } from '../shared/types.js';
import type { TableName } from '../shared/contract.js';
import type { Choices } from '../shared/merge.js';

/** Progress of a long action, for the pane's spinner ("Writing Commitments: 2,000 of 10,000 rows"). */
export type Progress = (step: { label: string; done: number; total: number }) => void;

/** What this Excel can do beyond the manifest's minimum requirement set. */
export interface Capabilities {
  /** Dropdowns and other data validation (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Frozen header rows (ExcelApi 1.7). */
  freezePanes: boolean;
  /** Highlights by conditional format, when used (ExcelApi 1.6). */
  conditionalFormats: boolean;
}

export interface SetUpReport {
  /** Tables created from nothing. */
  created: TableName[];
  /** Tables that existed (perhaps under another name, or as a plain range) and were repaired in place. */
  repaired: TableName[];
  /** Columns added to existing tables, as "Table.Header". */
  addedColumns: string[];
  /** Things skipped because this Excel lacks the requirement set, in words for the pane. */
  skipped: string[];
}

/** The rows of one table to write, in contract column order (About as [Field, Value] pairs). */
export type TableRows = Partial<Record<TableName, unknown[][]>>;

/** A register loaded into new sheets for the PMG: sheet name -> header + rows, plus formatting hints. */
export interface RegisterSheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
  /** Column widths in characters, by position. */
  widths?: number[];
  /** Cells to colour (the RACI matrix): value -> fill colour '#RRGGBB'. */
  fills?: Record<string, string>;
  /** Number formats by column position. */
  numberFormats?: (string | null)[];
}

/** Settings this add-in keeps in the workbook (a very hidden cell and the workbook settings: addin/excel/settings.ts). */
export interface WorkbookSettings {
  /** The organisation this workbook belongs to. */
  organisationId?: string;
  /** The server version the workbook was last submitted as, or last loaded from. */
  baseVersion?: number;
  /** Canonical digest of the tables as last submitted or loaded, to tell whether the workbook changed since. */
  baseDigest?: string;
  /** When (ISO time) and by whom that version was made. */
  baseAt?: string;
  baseBy?: string;
}

/**
 * What a user's pane showed in this workbook, so a pane Excel reloads (Excel on the web reloads idle add-ins)
 * opens as it was: kept per user (by e-mail) in the workbook settings only (addin/excel/settings.ts), never
 * in the base's cell. Nothing secret: no token, no rows, only which tab, whether Check's result was shown, and
 * which merge was open with the choices made so far (its rows are fetched from the service again).
 */
export interface PaneState {
  view?: 'workbook' | 'signoff' | 'pmg';
  /** Check's result was on show (Check is pure and local, so it is run again rather than stored). */
  checked?: boolean;
  /** A merge the user had not settled: the newer version, the base both started from, and the choices made. */
  conflict?: { theirs: number; base: number | null; choices: Choices };
}

export interface WorkbookGateway {
  capabilities(): Promise<Capabilities>;
  /** Reads the five contract tables (header row + data body) in one batch. Missing tables are absent. */
  readTables(): Promise<RawTables>;
  /** Creates or repairs the tables, never deleting or reordering a user's rows. Idempotent. */
  setUp(setup: ExcelSetup, progress?: Progress): Promise<SetUpReport>;
  /** Replaces the data rows of the given tables (chunked under Excel on the web's 5 MB request limit). */
  writeTables(rows: TableRows, progress?: Progress): Promise<void>;
  /** Clears the previous highlights (keeping the user's own formatting) and highlights each issue's cell. */
  highlightIssues(issues: readonly Issue[]): Promise<void>;
  clearHighlights(): Promise<void>;
  /** Selects (and scrolls to) a cell: the sheet name and its A1 address. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * The settings as the workbook holds them now (never a copy from when the add-in started: a co-author's
   * add-in may have saved a newer base since, and Excel may have reloaded this one). The base version's
   * rows are the service's, fetched by `baseVersion`. docs/excel.md.
   */
  readSettings(): Promise<WorkbookSettings>;
  /**
   * Replaces the settings (the last save wins). The base must describe the tables in the workbook: save it
   * after writing or reading those tables, never before; and read it before reading the tables it is to be
   * compared with or submitted over. Then a co-author's change between the two makes a submit fail with a
   * conflict (412, the merge) rather than send old tables over a newer base.
   */
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** What `user`'s pane showed in this workbook ({} when nothing is kept). */
  readPaneState(user: string): Promise<PaneState>;
  /** Merges `change` into what `user`'s pane showed (other users' states are kept); nothing new is not written. */
  savePaneState(user: string, change: PaneState): Promise<void>;
  /** Writes a register into new sheets (replacing sheets of the same names), in a few batches. */
  writeRegisterSheets(sheets: readonly RegisterSheet[], progress?: Progress): Promise<void>;
}
