/**
 * What changed since the previous register version, in sentences a PMG chair can read: the shape of the diff
 * (`GET /api/registers/{a}/diff/{b}`, shared/diff.ts) turned into one heading line per table ("Commitments: 2
 * added, 1 changed") and one line per row ("Added: Northshire Police, Data, Crime extracts"; "Changed:
 * Northshire ICB, NICB-02: Quantity 1 → 2"), with the contract's column headers and enumeration labels, then
 * stakes, totals, submissions used and issues added or resolved. At most `limit` row lines per table.
 */
import {
  ABOUT,
  COMMITMENTS,
  CONTACTS,
  DATA_SHARING,
  PARTICIPATION,
  ROLES,
  type ColumnDef,
} from '../../../shared/contract.js';
import type { RegisterDiff, TableDiff } from '../../../shared/diff.js';
import { enumLabel } from '../../../shared/enums.js';
import type { Register, RegisterTableName } from '../../../shared/types.js';
import { plural, percent } from '../../../shared/displayFormat.js';
import { MEASURES } from './totals.js';

export interface ChangeSection {
  title: string;
  summary: string;
  lines: string[];
  /** Row lines left out beyond the limit. */
  more: number;
}

export interface ChangesView {
  from: number;
  to: number;
  /** One sentence in the direction compared: "12 changes from version 2 to version 3." or "No change in content …". */
  headline: string;
  sections: ChangeSection[];
}

type Row = Record<string, unknown>;

const ORGANISATION_COLUMNS: ColumnDef[] = [
  { key: 'name', header: 'Organisation name', type: 'text', required: true, width: 0, help: '' },
  ...ABOUT.fields.filter((f) => f.key !== 'organisationId' && f.key !== 'organisationName'),
  { key: 'tier', header: 'Funding tier', type: 'number', required: false, width: 0, help: '' },
  { key: 'stake', header: 'Stake', type: 'number', required: false, width: 0, help: '' },
];

const TABLES: { name: RegisterTableName; title: string; columns: readonly ColumnDef[]; label: (r: Row) => string }[] = [
  { name: 'organisations', title: 'Partners', columns: ORGANISATION_COLUMNS, label: (r) => String(r.name ?? r.id) },
  { name: 'contacts', title: 'Points of contact', columns: CONTACTS.columns, label: (r) => `${r.name} <${r.email}>` },
  {
    name: 'commitments',
    title: 'Commitments',
    columns: COMMITMENTS.columns,
    label: (r) => [r.ref, r.description].filter(Boolean).join(' '),
  },
  { name: 'roles', title: 'Roles', columns: ROLES.columns, label: (r) => String(r.activity) },
  { name: 'participation', title: 'Participation', columns: PARTICIPATION.columns, label: (r) => String(r.forum) },
  { name: 'dataSharing', title: 'Data sharing', columns: DATA_SHARING.columns, label: (r) => String(r.dataset) },
];

function valueText(column: ColumnDef | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join('; ');
  if (column?.key === 'stake' && typeof value === 'number') return percent(value);
  if (column?.enum && typeof value === 'string') return enumLabel(column.enum, value);
  return String(value);
}

function counts(parts: [number, string][]): string {
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length > 0 ? said.join(', ') : 'no change';
}

function tableSection(
  table: (typeof TABLES)[number],
  diff: TableDiff<object>,
  orgName: (id: unknown) => string,
  limit: number,
): ChangeSection | null {
  const { added, removed, changed } = diff;
  if (added.length + removed.length + changed.length === 0) return null;
  const header = new Map(table.columns.map((c) => [c.key, c]));
  const who = (r: Row) =>
    table.name === 'organisations' ? table.label(r) : `${orgName(r.organisationId)}, ${table.label(r)}`;
  const lines = [
    ...added.map((r) => `Added: ${who(r as Row)}`),
    ...removed.map((r) => `Removed: ${who(r as Row)}`),
    ...changed.map((c) => {
      const fields = c.changes
        .filter((f) => f.field !== 'organisationId')
        .map((f) => {
          const col = header.get(f.field);
          return `${col?.header ?? f.field} ${valueText(col, f.from)} → ${valueText(col, f.to)}`;
        });
      return `Changed: ${who(c.after as Row)}: ${fields.join('; ')}`;
    }),
  ];
  return {
    title: table.title,
    summary: counts([
      [added.length, 'added'],
      [removed.length, 'removed'],
      [changed.length, 'changed'],
    ]),
    lines: lines.slice(0, limit),
    more: Math.max(0, lines.length - limit),
  };
}

export function changesView(diff: RegisterDiff, register: Pick<Register, 'organisations'>, limit = 50): ChangesView {
  const names = new Map(register.organisations.map((o) => [o.id, o.name]));
  const orgName = (id: unknown) => names.get(String(id)) ?? String(id);
  const from = diff.from.version;
  const to = diff.to.version;
  const sections: ChangeSection[] = [];
  for (const table of TABLES) {
    const s = tableSection(table, diff.tables[table.name] as TableDiff<object>, orgName, limit);
    if (s) sections.push(s);
  }
  if (diff.stakes.length > 0) {
    sections.push({
      title: 'Stakes',
      summary: `${plural(diff.stakes.length, 'stake')} changed`,
      lines: diff.stakes.map(
        (s) =>
          `${orgName(s.organisationId)}: ${s.from === null ? '(none)' : percent(s.from)} → ${s.to === null ? '(none)' : percent(s.to)}`,
      ),
      more: 0,
    });
  }
  if (diff.totals.length > 0) {
    sections.push({
      title: 'Commitment totals',
      summary: `changed for ${plural(diff.totals.length, 'organisation')}`,
      lines: diff.totals.map((t) => {
        const parts = MEASURES.filter((m) => t.before[m.key] !== t.after[m.key]).map(
          (m) => `${m.title} ${m.format(t.before[m.key])} → ${m.format(t.after[m.key])}`,
        );
        return `${orgName(t.key)}: ${parts.join('; ')}`;
      }),
      more: 0,
    });
  }
  if (diff.sources.length > 0) {
    sections.push({
      title: 'Workbooks consolidated',
      summary: `${plural(diff.sources.length, 'organisation')} with a different submission`,
      lines: diff.sources.map((s) =>
        s.from === null
          ? `${orgName(s.organisationId)}: submission version ${s.to} included for the first time`
          : s.to === null
            ? `${orgName(s.organisationId)}: no longer included (was submission version ${s.from})`
            : `${orgName(s.organisationId)}: submission version ${s.from} → ${s.to}`,
      ),
      more: 0,
    });
  }
  if (diff.issues.added.length + diff.issues.resolved.length > 0) {
    const lines = [
      ...diff.issues.resolved.map((i) => `Resolved: ${i.message}`),
      ...diff.issues.added.map((i) => `New: ${i.message}`),
    ];
    sections.push({
      title: 'Issues',
      summary: counts([
        [diff.issues.resolved.length, 'resolved'],
        [diff.issues.added.length, 'new'],
      ]),
      lines: lines.slice(0, limit),
      more: Math.max(0, lines.length - limit),
    });
  }
  return { from, to, headline: headlineOf(diff, from, to), sections };
}

/**
 * The comparison in the direction chosen: "12 changes from version 2 to version 3."; backwards, "12 changes from
 * version 5 back to version 3 ...", saying that added and new then mean what the earlier version has.
 */
function headlineOf(diff: RegisterDiff, from: number, to: number): string {
  if (diff.identical) {
    return `No change in content between version ${from} and version ${to}: both versions have the same digest.`;
  }
  const changes = plural(diff.summary.changes, 'change');
  return from < to
    ? `${changes} from version ${from} to version ${to}.`
    : `${changes} from version ${from} back to the earlier version ${to}: “added” and “new” are what version ${to} has and version ${from} has not.`;
}
