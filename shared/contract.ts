/**
 * The partner workbook contract, version 1 (docs/workbook-contract.md), as data. One definition of each table
 * drives the add-in's set-up (headers, dropdowns, formats), the template download, the parser, the issue
 * messages, the export labels and the column tables of docs/workbook-contract.md (shared/contractDoc.ts).
 */
import {
  CHANNEL,
  CONTACT_ROLE,
  CONTROLLER_ROLE,
  LAWFUL_BASIS,
  PERSONAL_DATA,
  SHARING_STATUS,
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
/** The contract's minor version: 1.1 adds the optional Data sharing table and three contact roles. */
export const CONTRACT_MINOR_VERSION = 1;

/**
 * How a cell is read. `activity` is a catalogue activity (name or id); `organisation` a catalogue
 * organisation id; `boolean` uses the Yes/No enumeration; `recipients` is `All partners` or catalogue
 * organisations (names or ids) separated by `;`.
 */
export type ColumnType =
  'text' | 'email' | 'number' | 'date' | 'enum' | 'boolean' | 'activity' | 'organisation' | 'recipients';

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

export type TableName = 'About' | 'Contacts' | 'Commitments' | 'Roles' | 'Participation' | 'Data sharing';

export interface RowTableDef {
  readonly name: Exclude<TableName, 'About'>;
  readonly kind: 'rows';
  readonly columns: readonly ColumnDef[];
  /** What one row describes, for messages ("commitment"). */
  readonly rowNoun: string;
  /**
   * True for a table a workbook may leave out (Data sharing, contract 1.1): no `table/missing` when absent,
   * and no rows.
   */
  readonly optional?: boolean;
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

export const MAX_DATASET_LENGTH = 200;
/** The Recipients text meaning every partner of the partnership (stored as "all"). */
export const ALL_PARTNERS = 'All partners';

/** Data sharing (contract 1.1, optional): one row per dataset the organisation shares with the partnership. */
export const DATA_SHARING: RowTableDef = {
  name: 'Data sharing',
  kind: 'rows',
  rowNoun: 'dataset',
  optional: true,
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
      key: 'dataset',
      header: 'Dataset',
      type: 'text',
      required: true,
      maxLength: MAX_DATASET_LENGTH,
      width: 32,
      help: `The dataset shared, in at most ${MAX_DATASET_LENGTH} characters.`,
    },
    {
      key: 'recipients',
      header: 'Recipients',
      type: 'recipients',
      required: true,
      width: 30,
      help: `${ALL_PARTNERS}, or the partner organisations (names or ids of the catalogue) separated by ;`,
    },
    {
      key: 'purpose',
      header: 'Purpose',
      type: 'text',
      required: true,
      maxLength: MAX_DESCRIPTION_LENGTH,
      width: 40,
      help: `Why it is shared, in at most ${MAX_DESCRIPTION_LENGTH} characters.`,
    },
    {
      key: 'personalData',
      header: 'Personal data',
      type: 'enum',
      enum: PERSONAL_DATA,
      required: true,
      width: 18,
      help: 'How personal the data is, from None to Special category or Criminal offence.',
    },
    {
      key: 'lawfulBasis',
      header: 'Lawful basis',
      type: 'enum',
      enum: LAWFUL_BASIS,
      required: false,
      width: 20,
      help: 'The UK GDPR Article 6 basis, or Law enforcement (DPA 2018 Part 3); needed unless None or Aggregated.',
    },
    {
      key: 'condition',
      header: 'Condition',
      type: 'text',
      required: false,
      width: 30,
      help: 'The UK GDPR Article 9 or 10 condition, or DPA 2018 Schedule 1 or 8 condition; needed for Special category and Criminal offence.',
    },
    {
      key: 'controllerRole',
      header: 'Controller role',
      type: 'enum',
      enum: CONTROLLER_ROLE,
      required: true,
      width: 16,
      help: 'Your role for this data: Controller, Joint controller or Processor.',
    },
    {
      key: 'agreementRef',
      header: 'Agreement ref',
      type: 'text',
      required: false,
      width: 18,
      help: 'The data sharing agreement or Information Sharing Gateway reference.',
    },
    {
      key: 'dpiaRef',
      header: 'DPIA ref',
      type: 'text',
      required: false,
      width: 14,
      help: 'The data protection impact assessment reference.',
    },
    {
      key: 'reviewDate',
      header: 'Review date',
      type: 'date',
      required: false,
      width: 12,
      numFmt: DATE_FORMAT,
      help: 'When the sharing is next reviewed.',
    },
    {
      key: 'retention',
      header: 'Retention',
      type: 'text',
      required: false,
      width: 20,
      help: 'How long recipients keep the data.',
    },
    {
      key: 'status',
      header: 'Status',
      type: 'enum',
      enum: SHARING_STATUS,
      required: true,
      width: 12,
      help: 'Where the sharing stands.',
    },
    { key: 'notes', header: 'Notes', type: 'text', required: false, width: 30, help: 'Anything else.' },
  ],
};

/** The tables in workbook order: the five of contract 1, then Data sharing (contract 1.1, optional). */
export const TABLES: readonly TableDef[] = [ABOUT, CONTACTS, COMMITMENTS, ROLES, PARTICIPATION, DATA_SHARING];

/** Whether a workbook may leave the table out. */
export function isOptionalTable(def: TableDef): boolean {
  return def.kind === 'rows' && def.optional === true;
}

/**
 * The name of the table's Excel table (ListObject): its name without spaces ("DataSharing"), since Excel
 * refuses spaces in table names. Its sheet keeps the contract name ("Data sharing").
 */
export function listObjectName(name: TableName): string {
  return name.replace(/\s+(\w)/g, (_m, c: string) => c.toUpperCase());
}

export function tableDef(name: TableName): TableDef {
  const def = TABLES.find((t) => t.name === name);
  if (!def) throw new Error(`Unknown table ${name}`);
  return def;
}
