/**
 * The appendices as data, as a reader reads them: what `verify` extracts from an uploaded file and, the same way,
 * from the file its register version renders now, so that the two can be compared whatever the renderers put in
 * a file. Each format's reader (docx.ts, xlsx.ts, csv.ts) turns a file into blocks; compare.ts compares blocks.
 */
import { DomainError } from '../../../errors/domainError.js';

export interface Block {
  /** Matches a block of the file with the register's: "table Appendix D Resource commitments#1", "sheet D Totals". */
  id: string;
  /** How a reader names it: "Appendix D Resource commitments", "sheet "D Totals"", "README.txt". */
  where: string;
  /**
   * table: rows of cells, matched by their content and named by their key column; text: paragraphs or lines (one
   * cell each), matched by their content; fields: name and value pairs, matched by name.
   */
  kind: 'table' | 'text' | 'fields';
  /** A table whose first row names its columns. */
  header: boolean;
  rows: string[][];
  /** The number a reader sees for each row (a sheet's row numbers), when it is not its place in `rows`. */
  rowNumbers?: number[];
  /** What one row of a text block is called: "paragraph", "line". */
  unit?: string;
}

/** What a file says about its register (read from it before anything is compared). */
export interface FileIdentity {
  /** The custom properties, cover fields or README lines that name the register version (identity.ts). */
  properties: Record<string, string>;
  /** The partnership's name as the file shows it, when it does. */
  partnershipName: string | null;
}

/** Why a file cannot be read as an appendix, in words for the person who sent it. */
export class NotAnAppendix extends DomainError {
  readonly kind = 'not-an-appendix';

  constructor(message: string) {
    super(message);
    this.name = 'NotAnAppendix';
  }
}
