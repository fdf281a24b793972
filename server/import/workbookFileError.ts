/**
 * A partner file that cannot be read as a workbook at all. The message is one sentence that names the file
 * and says what to do; `problem` lets the HTTP layer pick a status (413 for too-large, 400 otherwise).
 */
import { MAX_TABLE_ROWS } from '../../shared/contract.js';
import { DomainError } from '../errors/domainError.js';

export type WorkbookFileProblem =
  'empty' | 'too-large' | 'password-protected' | 'old-format' | 'not-xlsx' | 'truncated' | 'damaged';

export class WorkbookFileError extends DomainError {
  readonly kind: 'unreadable-workbook' | 'workbook-too-large';

  constructor(
    readonly problem: WorkbookFileProblem,
    readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookFileError';
    this.kind = problem === 'too-large' ? 'workbook-too-large' : 'unreadable-workbook';
  }
}

/** Limits that keep a hostile or runaway file from exhausting the service. */
export const WORKBOOK_LIMITS = {
  /** Size of the .xlsx file itself. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Total size of all parts once unzipped (zip-bomb guard). */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Rows holding cells on one sheet. */
  maxRowsPerSheet: MAX_TABLE_ROWS,
  /** Cells in one row. */
  maxCellsPerRow: 1_000,
  /** Cells an .ods fills by repeating a written cell or row (table:number-columns/rows-repeated). */
  maxRepeatedCells: 1_000_000,
  /** Cells covered by merged regions in the whole workbook (ExcelJS materialises each one). */
  maxMergedCells: 200_000,
} as const;
