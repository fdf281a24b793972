/**
 * The partner workbook contract, version 1 (docs/workbook-contract.md), as data. One definition of each table
 * drives the add-in's set-up (headers, dropdowns, formats), the template download, the parser, the issue
 * messages, the export labels and the column tables of docs/workbook-contract.md (shared/contractDoc.ts).
 */
import {
  CHANNEL,
  CONTACT_ROLE,
  FREQUENCY,
  FUNDING_TIER,
  INVOLVEMENT,
  RACI_ROLE,
  RESOURCE_TYPE,
  SECTOR,
  STATUS,
  UNIT,
  YES_NO,
  type EnumDef,
} from './enums.js';

export const CONTRACT_VERSION = 1;

/**
 * How a cell is read. `activity` is a catalogue activity (name or id); `organisation` a catalogue
 * organisation id; `boolean` uses the Yes/No enumeration.
 */
export type ColumnType = 'text' | 'email' | 'number' | 'date' | 'enum' | 'boolean' | 'activity' | 'organisation';

export interface ColumnDef {
  /** Property name in the parsed submission and the register. */
  readonly key: string;
  /** Header text in the workbook (matched ignoring case and surrounding spaces). */
  readonly header: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly enum?: EnumDef;
  readonly maxLength?: number;
  /** Column width in Excel characters, for the template and the add-in. */
  readonly width: number;
  /** Excel number format for the column, where it has one. */
  readonly numFmt?: string;
  /** One sentence shown as input help in Excel and in issue messages. */
  readonly help: string;
}

export type TableName = 'About' | 'Contacts' | 'Commitments' | 'Roles' | 'Participation';

export interface RowTableDef {
  readonly name: Exclude<TableName, 'About'>;
  readonly kind: 'rows';
  readonly columns: readonly ColumnDef[];
  /** What one row describes, for messages ("commitment"). */
  readonly rowNoun: string;
}

/** About is a two-column Field/Value table; each field is defined like a column. */
export interface FieldTableDef {
  readonly name: 'About';
  readonly kind: 'fields';
  readonly columns: readonly ColumnDef[];
  readonly fields: readonly ColumnDef[];
  readonly rowNoun: string;
}

export type TableDef = RowTableDef | FieldTableDef;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MAX_DESCRIPTION_LENGTH = 500;
/** Rows a sheet of a partner workbook may hold (the service refuses a file with more). */
export const MAX_TABLE_ROWS = 100_000;
export const DEFAULT_PROJECT = 'Core programme';

export const ABOUT: FieldTableDef = {
  name: 'About',
  kind: 'fields',
  rowNoun: 'field',
  columns: [
    { key: 'field', header: 'Field', type: 'text', required: true, width: 22, help: 'The name of the field.' },
    { key: 'value', header: 'Value', type: 'text', required: true, width: 48, help: 'The value of the field.' },
  ],
  fields: [
    {
      key: 'organisationId',
      header: 'Organisation ID',
      type: 'organisation',
      required: true,
      width: 48,
      help: 'Your organisation id as listed in the partnership catalogue.',
    },
    {
      key: 'organisationName',
      header: 'Organisation name',
      type: 'text',
      required: true,
      width: 48,
      help: 'Your organisation’s name.',
    },
    { key: 'sector', header: 'Sector', type: 'enum', enum: SECTOR, required: false, width: 48, help: 'Your sector.' },
    {
      key: 'involvement',
      header: 'Involvement',
      type: 'enum',
      enum: INVOLVEMENT,
      required: false,
      width: 48,
      help: 'How your organisation takes part in the partnership.',
    },
    {
      key: 'fundingTier',
      header: 'Funding tier',
      type: 'enum',
      enum: FUNDING_TIER,
      required: false,
      width: 48,
      help: 'Funding tier 1, 2 or 3, or blank.',
    },
    {
      key: 'signatory',
      header: 'MoU signatory',
      type: 'text',
      required: false,
      width: 48,
      help: 'Who signs (or signed) the Memorandum of Understanding for your organisation.',
    },
    {
      key: 'signedOn',
      header: 'MoU signed on',
      type: 'date',
      required: false,
      width: 48,
      numFmt: DATE_FORMAT,
      help: 'The date the MoU was signed, or blank.',
    },
  ],
};

export const CONTACTS: RowTableDef = {
  name: 'Contacts',
  kind: 'rows',
  rowNoun: 'contact',
  columns: [
    { key: 'name', header: 'Name', type: 'text', required: true, width: 24, help: 'Full name.' },
    { key: 'jobTitle', header: 'Job title', type: 'text', required: false, width: 28, help: 'Job title.' },
    { key: 'email', header: 'Email', type: 'email', required: true, width: 42, help: 'A valid email address.' },
    { key: 'phone', header: 'Phone', type: 'text', required: false, width: 16, help: 'Phone number.' },
    {
      key: 'contactRole',
      header: 'Contact role',
      type: 'enum',
      enum: CONTACT_ROLE,
      required: true,
      width: 26,
      help: 'The part this person plays for the partnership.',
    },
    {
      key: 'primary',
      header: 'Primary',
      type: 'boolean',
      enum: YES_NO,
      required: false,
      width: 10,
      help: 'Yes for the one primary point of contact; blank means No.',
    },
  ],
};

export const COMMITMENTS: RowTableDef = {
  name: 'Commitments',
  kind: 'rows',
  rowNoun: 'commitment',
  columns: [
    {
      key: 'ref',
      header: 'Ref',
      type: 'text',
      required: false,
      width: 10,
      help: 'Your own reference, unique in this workbook.',
    },
    {
      key: 'resourceType',
      header: 'Resource type',
      type: 'enum',
      enum: RESOURCE_TYPE,
      required: true,
      width: 18,
      help: 'What kind of resource you commit.',
    },
    {
      key: 'description',
      header: 'Description',
      type: 'text',
      required: true,
      maxLength: MAX_DESCRIPTION_LENGTH,
      width: 40,
      help: `What is committed, in at most ${MAX_DESCRIPTION_LENGTH} characters.`,
    },
    {
      key: 'quantity',
      header: 'Quantity',
      type: 'number',
      required: true,
      width: 10,
      help: 'How much, as a number greater than 0.',
    },
    {
      key: 'unit',
      header: 'Unit',
      type: 'enum',
      enum: UNIT,
      required: true,
      width: 16,
      help: 'The unit of the quantity.',
    },
    {
      key: 'start',
      header: 'Start',
      type: 'date',
      required: true,
      width: 12,
      numFmt: DATE_FORMAT,
      help: 'The first day.',
    },
    {
      key: 'end',
      header: 'End',
      type: 'date',
      required: false,
      width: 12,
      numFmt: DATE_FORMAT,
      help: 'The last day, not before Start; blank if open-ended.',
    },
    {
      key: 'project',
      header: 'Project',
      type: 'text',
      required: false,
      width: 20,
      help: `The project this serves; blank means ${DEFAULT_PROJECT}.`,
    },
    {
      key: 'status',
      header: 'Status',
      type: 'enum',
      enum: STATUS,
      required: true,
      width: 12,
      help: 'Where the commitment stands.',
    },
    { key: 'notes', header: 'Notes', type: 'text', required: false, width: 30, help: 'Anything else.' },
  ],
};

export const ROLES: RowTableDef = {
  name: 'Roles',
  kind: 'rows',
  rowNoun: 'role',
  columns: [
    {
      key: 'activity',
      header: 'Activity',
      type: 'activity',
      required: true,
      width: 36,
      help: 'An activity of the partnership catalogue.',
    },
    {
      key: 'role',
      header: 'Role',
      type: 'enum',
      enum: RACI_ROLE,
      required: true,
      width: 14,
      help: 'Responsible, Accountable, Consulted or Informed (R, A, C or I).',
    },
    {
      key: 'namedLead',
      header: 'Named lead',
      type: 'text',
      required: false,
      width: 24,
      help: 'Who leads this for you.',
    },
    { key: 'notes', header: 'Notes', type: 'text', required: false, width: 30, help: 'Anything else.' },
  ],
};

export const PARTICIPATION: RowTableDef = {
  name: 'Participation',
  kind: 'rows',
  rowNoun: 'participation',
  columns: [
    { key: 'forum', header: 'Forum', type: 'text', required: true, width: 28, help: 'The meeting or group.' },
    {
      key: 'representative',
      header: 'Representative',
      type: 'text',
      required: true,
      width: 24,
      help: 'Who attends for you.',
    },
    {
      key: 'frequency',
      header: 'Frequency',
      type: 'enum',
      enum: FREQUENCY,
      required: false,
      width: 14,
      help: 'How often it meets.',
    },
    {
      key: 'channel',
      header: 'Channel',
      type: 'enum',
      enum: CHANNEL,
      required: false,
      width: 18,
      help: 'How it meets.',
    },
    { key: 'notes', header: 'Notes', type: 'text', required: false, width: 30, help: 'Anything else.' },
  ],
};

/** The five tables in workbook order. */
export const TABLES: readonly TableDef[] = [ABOUT, CONTACTS, COMMITMENTS, ROLES, PARTICIPATION];

export function tableDef(name: TableName): TableDef {
  const def = TABLES.find((t) => t.name === name);
  if (!def) throw new Error(`Unknown table ${name}`);
  return def;
}
