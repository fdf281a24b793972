/**
 * The column tables of docs/workbook-contract.md, written from the contract itself (shared/contract.ts and
 * shared/enums.ts), so the page cannot drift from what the parser reads: test/docs/docs.test.ts checks that the page
 * holds exactly this text (and rewrites it when run with UPDATE_DOCS=1).
 */
import { ALL_PARTNERS, TABLES, isOptionalTable, type ColumnDef, type TableDef } from './contract.js';
import { RESOURCE_TYPE, UNIT, UNITS_BY_RESOURCE_TYPE, enumLabel, type EnumDef } from './enums.js';

/** The text of one enumeration: "Responsible (`responsible`, or R), Accountable (`accountable`, or A)". */
function choices(def: EnumDef): string {
  return def.options
    .map((o) => {
      const letters = (o.aliases ?? []).filter((a) => a.length === 1).map((a) => a.toUpperCase());
      if (o.label === o.id) return o.label;
      return `${o.label} (\`${o.id}\`${letters.length ? `, or ${letters.join('/')}` : ''})`;
    })
    .join(', ');
}

/** What a cell of this column holds. */
function kind(col: ColumnDef): string {
  switch (col.type) {
    case 'email':
      return 'an email address';
    case 'number':
      return 'a number greater than 0';
    case 'date':
      return 'a date';
    case 'boolean':
      return 'Yes or No (also Y/N, TRUE/FALSE); blank is No';
    case 'activity':
      return 'a catalogue activity, by name or id';
    case 'organisation':
      return 'a catalogue organisation id';
    case 'recipients':
      return `\`${ALL_PARTNERS}\`, or catalogue organisations (names or ids) separated by \`;\``;
    case 'enum':
      return col.enum ? `one of: ${choices(col.enum)}` : 'text';
    default:
      return col.maxLength === undefined ? 'text' : `text of at most ${col.maxLength} characters`;
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(def: TableDef): string {
  const rows = def.kind === 'fields' ? def.fields : def.columns;
  const first = def.kind === 'fields' ? 'Field' : 'Column';
  const lines = [
    `### ${def.name}`,
    '',
    def.kind === 'fields'
      ? `Columns \`Field\` and \`Value\`; one row per field below (the Field cell holds the name in the first column).`
      : `Columns in any order; one row per ${def.rowNoun}.${isOptionalTable(def) ? ' Optional (contract 1.1): a workbook without this table is valid.' : ''}`,
    '',
    `| ${first} | required | holds | help shown in Excel and in issues |`,
    '| --- | --- | --- | --- |',
    ...rows.map(
      (c) =>
        `| ${cell(c.header)} | ${c.required ? 'yes' : 'no'} | ${cell(kind(c))}${c.numFmt ? ` (format \`${c.numFmt}\`)` : ''} | ${cell(c.help)} |`,
    ),
  ];
  return lines.join('\n');
}

function unitsTable(): string {
  const lines = ['| Resource type | units allowed |', '| --- | --- |'];
  for (const option of RESOURCE_TYPE.options) {
    const units = UNITS_BY_RESOURCE_TYPE[option.id];
    lines.push(`| ${option.label} | ${units ? units.map((u) => enumLabel(UNIT, u)).join(', ') : 'any'} |`);
  }
  return lines.join('\n');
}

/** The generated part of docs/workbook-contract.md: one table per contract table, then the units per type. */
export function workbookContractTables(): string {
  return [...TABLES.map(table), `### Units allowed per resource type\n\n${unitsTable()}`].join('\n\n');
}
