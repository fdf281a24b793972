/// <reference types="office-js" />
/**
 * The WorkbookGateway over Office.js: the only module of the add-in that talks to Excel. Each method is one
 * `Excel.run` batch with a small, fixed number of `context.sync()` calls for a workbook of ordinary size
 * (see each module for its requests); large writes are split under Excel on the web's 5 MB request limit
 * and large reads under its 5 MB response limit. Every string is written as text under the text format
 * (cellValues.ts), so Excel never retypes it.
 *
 * The manifest asks for ExcelApi 1.4 (tables, settings, getItemOrNullObject). Higher sets are checked here at
 * run time with `Office.context.requirements.isSetSupported` and what needs them is skipped, with a note:
 * calculation suspended during writes (1.6), frozen headers (1.7), dropdowns, prompts and entry checks (1.8).
 *
 * `Excel.run` and `isSetSupported` are passed in (OfficeHost), so the tests run the same code against a
 * recording fake of Excel's object model (test/support/fakeExcel.ts).
 */
import type { ExcelSetup } from '../../shared/excelSetup.js';
import type { Issue } from '../../shared/issues.js';
import type { RawTables } from '../../shared/types.js';
import type {
  Capabilities,
  Progress,
  RegisterSheet,
  SetUpReport,
  TableRows,
  WorkbookGateway,
  PaneState,
  WorkbookSettings,
} from '../gateway.js';
import { highlight } from './highlights.js';
import { readTables } from './readTables.js';
import { writeRegisterSheets } from './registerSheets.js';
import { readPaneState, readSettings, savePaneState, saveSettings } from './settings.js';
import { setUpWorkbook } from './setUp.js';
import { writeTables } from './writeTables.js';

/** What the gateway needs of Office: a batch runner and the requirement-set check. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, minVersion: string): boolean;
}

/** The real Office: `Excel.run` and `Office.context.requirements`, once Office.onReady has resolved. */
export function officeHost(): OfficeHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/**
 * An error from Excel (OfficeExtension.Error: it has a `code` such as InvalidArgument) worded for the pane,
 * naming the action that failed and where Excel says it failed; the add-in's own errors pass unchanged.
 */
export function excelError(action: string, error: unknown): unknown {
  if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== 'string') return error;
  const { code, debugInfo } = error as Error & { code: string; debugInfo?: { errorLocation?: string } };
  const where = debugInfo?.errorLocation ? `, at ${debugInfo.errorLocation}` : '';
  return new Error(`Excel could not ${action}: ${error.message} (${code}${where}).`, { cause: error });
}

export class OfficeGateway implements WorkbookGateway {
  constructor(private readonly host: OfficeHost = officeHost()) {}

  private async run<T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.host.run(batch);
    } catch (error) {
      throw excelError(action, error);
    }
  }

  private supports(version: string): boolean {
    return this.host.isSetSupported('ExcelApi', version);
  }

  async capabilities(): Promise<Capabilities> {
    return {
      dataValidation: this.supports('1.8'),
      freezePanes: this.supports('1.7'),
      conditionalFormats: this.supports('1.6'),
    };
  }

  readTables(): Promise<RawTables> {
    return this.run('read the tables', (context) => readTables(context));
  }

  setUp(setup: ExcelSetup, progress?: Progress): Promise<SetUpReport> {
    const support = {
      dataValidation: this.supports('1.8'),
      freezePanes: this.supports('1.7'),
      suspendCalculation: this.supports('1.6'),
    };
    return this.run('set up the workbook', (context) => setUpWorkbook(context, setup, support, progress));
  }

  writeTables(rows: TableRows, progress?: Progress): Promise<void> {
    const options = { suspendCalculation: this.supports('1.6'), ...(progress ? { progress } : {}) };
    return this.run('write the rows', (context) => writeTables(context, rows, options));
  }

  highlightIssues(issues: readonly Issue[]): Promise<void> {
    return this.run(issues.length > 0 ? 'highlight the issues' : 'clear the highlights', (context) =>
      highlight(context, issues, { suspendCalculation: this.supports('1.6') }),
    );
  }

  clearHighlights(): Promise<void> {
    return this.highlightIssues([]);
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.run(`select ${cell}`, async (context) => {
      const found = context.workbook.worksheets.getItemOrNullObject(sheet).load('name');
      await context.sync();
      if (found.isNullObject)
        throw new Error(`This workbook has no sheet "${sheet}" any more, so ${cell} cannot be shown.`);
      found.activate();
      found.getRange(cell).select();
      await context.sync();
    });
  }

  readSettings(): Promise<WorkbookSettings> {
    return this.run('read the add-in settings', (context) => readSettings(context));
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.run('save the add-in settings', (context) => saveSettings(context, settings));
  }

  readPaneState(user: string): Promise<PaneState> {
    return this.run('read what the pane showed', (context) => readPaneState(context, user));
  }

  savePaneState(user: string, state: PaneState): Promise<void> {
    return this.run('save what the pane shows', (context) => savePaneState(context, user, state));
  }

  writeRegisterSheets(sheets: readonly RegisterSheet[], progress?: Progress): Promise<void> {
    const options = {
      suspendCalculation: this.supports('1.6'),
      freezePanes: this.supports('1.7'),
      ...(progress ? { progress } : {}),
    };
    return this.run('load the register', (context) => writeRegisterSheets(context, sheets, options));
  }
}

/** The gateway over the running Excel (call after Office.onReady). */
export function createOfficeGateway(host: OfficeHost = officeHost()): WorkbookGateway {
  return new OfficeGateway(host);
}
