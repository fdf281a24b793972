/**
 * The MoU appendices of one register version, as data: every export (Word, Excel, CSV) renders this model and
 * `verify` compares a file with it. buildAppendix.ts builds it (the tables in tables.ts, their columns in
 * columns.ts): headers, column order, widths and enumeration labels come from the workbook contract
 * (shared/contract.ts, shared/enums.ts); the few columns a register adds to the contract (the organisation,
 * stake, sign-off, totals, issues) are defined once, in columns.ts and here.
 *
 * Appendices: A Partner organisations, B Points of contact, C Roles and responsibilities (the RACI matrix
 * and the role rows), D Resource commitments with the totals by organisation, E Participation and
 * communication, F Governance (stakes and sign-off), G Open issues (when there are any), H Data sharing (contract
 * 1.1, when any partner shares a dataset: dataSharing.ts).
 *
 * Sign-offs are recorded over time, so an appendix states the moment its sign-off status was taken (`asOf`)
 * and holds only the sign-offs recorded by then: the same register, sign-offs and moment give the same file.
 */
import { RACI_ROLE, type EnumDef } from '../../../shared/enums.js';
import type { GovernanceModel } from '../../../shared/types.js';
import type { SignOff, StoredRegister } from '../../store/types.js';

/** How a column's values are written. */
export type ValueKind =
  'text' | 'enum' | 'date' | 'quantity' | 'money' | 'fte' | 'stake' | 'tier' | 'boolean' | 'count' | 'raci';

export type Value = string | number | boolean | null;

export interface AppendixColumn {
  key: string;
  header: string;
  kind: ValueKind;
  enum?: EnumDef;
  /** Width in Excel characters (the contract's width for contract columns). */
  width: number;
  /** Only in the spreadsheet formats (an id a program needs; the Word appendix names the organisation). */
  spreadsheetOnly?: true;
  /** Text read as one thing that a line break would garble (an email address, a phone number). */
  keepWhole?: true;
}

export interface AppendixTable {
  /** Register table or part it shows: "organisations", "commitment-totals", "raci-matrix"... */
  id: string;
  /** The appendix it belongs to: "A".."G". */
  letter: string;
  /** "Partner organisations". */
  title: string;
  columns: AppendixColumn[];
  rows: Value[][];
}

export interface AppendixSection {
  letter: string;
  title: string;
  tables: AppendixTable[];
}

/** What identifies the register an appendix shows: embedded in every exported file. */
export interface AppendixIdentity {
  partnershipId: string;
  partnershipName: string;
  version: number;
  /** ISO timestamp of the register version. */
  createdAt: string;
  digest: string;
  /** ISO timestamp: the sign-offs recorded up to this moment are shown. */
  asOf: string;
}

export interface Appendix {
  identity: AppendixIdentity;
  governanceModel: GovernanceModel;
  /** "Horizontal: every governing partner has an equal stake." */
  governanceText: string;
  /** "3 of 5 governing partners have signed off; ..." */
  signOffSummary: string;
  /** The MoU the appendices belong to: its term as the catalogue gives it. */
  mou: { start: string; end: string; term: string };
  /**
   * Whether the register is ready for the MoU (no open error, every governing partner signed off: the rule of
   * server/services/signOffs.ts), and if not, why, in sentences: every page of a draft says it is one.
   */
  readiness: { ready: boolean; reasons: string[] };
  /** How analyst time becomes FTE: "hours per week over 37.5 ...". */
  fteBasis: string;
  /** How the funding over the MoU term is counted. */
  fundingBasis: string;
  /** Names of the partners that sent no workbook (so have no contacts, commitments or roles). */
  noWorkbook: string[];
  /** Each partner's stake before rounding (its weight over the sum), by id: shown stakes are rounded to add up. */
  exactStakes: Map<string, number>;
  sections: AppendixSection[];
}

export interface AppendixInput {
  stored: StoredRegister;
  signOffs: readonly SignOff[];
  /** ISO timestamp: sign-offs recorded after it are left out. */
  asOf: string;
}

/** Sign-off status of a partner in an appendix (register-only enumeration). */
export const SIGN_OFF: EnumDef = {
  name: 'Sign-off',
  options: [
    { id: 'signed-off', label: 'Signed off' },
    { id: 'awaiting', label: 'Awaiting sign-off' },
    { id: 'not-required', label: 'Not required' },
  ],
};

export const SEVERITY: EnumDef = {
  name: 'Severity',
  options: [
    { id: 'error', label: 'Error' },
    { id: 'warning', label: 'Warning' },
  ],
};

/** The name a partnership total row carries in the Organisation column. */
export const PARTNERSHIP_TOTAL = 'Partnership total';

/** "R" for responsible: the RACI letter of a role id. */
export function raciLetter(roleId: string): string {
  const option = RACI_ROLE.options.find((o) => o.id === roleId);
  return (option?.aliases?.[0] ?? roleId).toUpperCase();
}

/** The key to the RACI matrix: one line per role, "R: Responsible". */
export function raciKey(): { letter: string; label: string; id: string }[] {
  return RACI_ROLE.options.map((o) => ({ id: o.id, letter: raciLetter(o.id), label: o.label }));
}

/** Where an issue is, in words: "Commitments sheet, row 3, Quantity"; the register itself when nowhere in a workbook. */
export function issuePlace(i: { sheet?: string; row?: number; column?: string }): string {
  if (!i.sheet) return 'Across the register';
  return [`${i.sheet} sheet`, ...(i.row ? [`row ${i.row}`] : []), ...(i.column ? [i.column] : [])].join(', ');
}

/** Every table of an appendix, in order. */
export function allTables(appendix: Appendix): AppendixTable[] {
  return appendix.sections.flatMap((s) => s.tables);
}
