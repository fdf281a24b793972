/**
 * The tables of Appendices A to G, each built from the register version: the partner organisations (A), a
 * contract table listed by organisation (B contacts, C roles, D commitments, E participation: one builder),
 * the RACI matrix (C), the commitment totals (D), stakes and sign-off (F) and the open issues (G).
 */
import { isGoverning } from '../../../shared/catalogue.js';
import type { RowTableDef } from '../../../shared/contract.js';
import { datesInWords, ukCalendarDate } from '../../../shared/displayFormat.js';
import { compareCodeUnits } from '../../../shared/order.js';
import { roundMoney, roundShare } from '../../../shared/rounding.js';
import type { Register } from '../../../shared/types.js';
import type { SignOff } from '../../store/types.js';
import {
  aboutField,
  FUNDING_OVER_TERM,
  ORGANISATION,
  ORGANISATION_ID,
  rowColumns,
  STAKE,
  TOTAL_COLUMNS,
} from './columns.js';
import { issuePlace, PARTNERSHIP_TOTAL, SEVERITY, SIGN_OFF, type AppendixTable, type Value } from './model.js';
import { fundingOverTerm } from './mouTerm.js';

/** Organisation names by id; an organisation missing from the register is named by its id. */
export type Names = ReadonlyMap<string, string>;

const nameOf = (names: Names, id: string): string => names.get(id) ?? id;

/** Appendix A: every organisation of the register with its About facts and stake. */
export function organisationsTable(r: Register): AppendixTable {
  return {
    id: 'organisations',
    letter: 'A',
    title: 'Partner organisations',
    columns: [
      ORGANISATION_ID,
      ORGANISATION,
      aboutField('sector', 20),
      aboutField('involvement', 22),
      aboutField('fundingTier', 9),
      STAKE,
      aboutField('signatory', 30),
      aboutField('signedOn', 16),
    ],
    rows: r.organisations.map((o) => [o.id, o.name, o.sector, o.involvement, o.tier, o.stake, o.signatory, o.signedOn]),
  };
}

/** Which register table an appendix table shows, and where it goes. */
export interface ByOrganisationTable {
  id: string;
  letter: string;
  title: string;
  /** The contract table whose columns follow the organisation. */
  contract: RowTableDef;
}

/**
 * A contract table of the register (contacts, roles, commitments, participation) as an appendix table: each
 * row's organisation (id and name), then the contract's columns, in register order.
 */
export function byOrganisationTable<Row extends { organisationId: string }>(
  table: ByOrganisationTable,
  rows: readonly Row[],
  names: Names,
): AppendixTable {
  const columns = rowColumns(table.contract);
  return {
    id: table.id,
    letter: table.letter,
    title: table.title,
    columns: [ORGANISATION_ID, ORGANISATION, ...columns],
    rows: rows.map((row) => [
      row.organisationId,
      nameOf(names, row.organisationId),
      ...columns.map((col) => row[col.key as keyof Row] as Value),
    ]),
  };
}

/** Appendix C's matrix: activities that hold a role, by name, and the organisations that hold one, in register order. */
export function raciMatrix(r: Register, names: Names): AppendixTable {
  const activities = new Map<string, string>();
  for (const role of r.roles) if (!activities.has(role.activityId)) activities.set(role.activityId, role.activity);
  const activityIds = [...activities.keys()].sort(
    (a, b) => compareCodeUnits(activities.get(a)!, activities.get(b)!) || compareCodeUnits(a, b),
  );
  const holders = r.organisations.filter((o) => r.roles.some((role) => role.organisationId === o.id));
  const cell = new Map(r.roles.map((role) => [`${role.activityId}\u0000${role.organisationId}`, role.role]));
  return {
    id: 'raci-matrix',
    letter: 'C',
    title: 'RACI matrix',
    columns: [
      { key: 'activity', header: 'Activity', kind: 'text', width: 36 },
      ...holders.map((o) => {
        const name = names.get(o.id) ?? o.id;
        // Column headers must differ (an Excel table needs it): a name two organisations share gets the id.
        const shared = holders.some((h) => h.id !== o.id && names.get(h.id) === name);
        return { key: o.id, header: shared ? `${name} (${o.id})` : name, kind: 'raci' as const, width: 12 };
      }),
    ],
    rows: activityIds.map((a) => [activities.get(a)!, ...holders.map((o) => cell.get(`${a}\u0000${o.id}`) ?? null)]),
  };
}

/** Appendix D's totals: each organisation's agreed and delivered commitments, and the partnership total. */
export function commitmentTotals(r: Register, names: Names): AppendixTable {
  const byOrg = r.totals.byOrganisation;
  const { mouStart, mouEnd } = r.partnership;
  const commitmentsOf = new Map<string, typeof r.commitments>();
  for (const c of r.commitments)
    commitmentsOf.set(c.organisationId, [...(commitmentsOf.get(c.organisationId) ?? []), c]);
  const overTerm = byOrg.map((t) => fundingOverTerm(commitmentsOf.get(t.organisationId) ?? [], mouStart, mouEnd));
  const sum = (key: 'analystFte' | 'fundingGbp' | 'fundingGbpPerYear' | 'datasets') =>
    byOrg.reduce((acc, t) => acc + t[key], 0);
  return {
    id: 'commitment-totals',
    letter: 'D',
    title: 'Totals by organisation (agreed and delivered commitments)',
    columns: [ORGANISATION_ID, ORGANISATION, ...TOTAL_COLUMNS.slice(0, 3), FUNDING_OVER_TERM, TOTAL_COLUMNS[3]!],
    rows: [
      ...byOrg.map((t, i) => [
        t.organisationId,
        nameOf(names, t.organisationId),
        t.analystFte,
        t.fundingGbp,
        t.fundingGbpPerYear,
        overTerm[i]!,
        t.datasets,
      ]),
      [
        null,
        PARTNERSHIP_TOTAL,
        roundShare(sum('analystFte')),
        roundMoney(sum('fundingGbp')),
        roundMoney(sum('fundingGbpPerYear')),
        roundMoney(overTerm.reduce((a, b) => a + b, 0)),
        sum('datasets'),
      ],
    ],
  };
}

/** Appendix F: each organisation's stake and sign-off, from the sign-offs recorded by the appendix's moment. */
export function governanceTable(r: Register, signed: ReadonlyMap<string, SignOff>): AppendixTable {
  return {
    id: 'governance',
    letter: 'F',
    title: 'Stakes and sign-off',
    columns: [
      ORGANISATION_ID,
      ORGANISATION,
      aboutField('involvement', 22),
      aboutField('fundingTier', 9),
      STAKE,
      { key: 'signOff', header: 'Sign-off', kind: 'enum', enum: SIGN_OFF, width: 18 },
      { key: 'signedBy', header: 'Signed off by', kind: 'text', width: 34 },
      { key: 'signedAt', header: 'Signed off on', kind: 'date', width: 16 },
    ],
    rows: r.organisations.map((o) => {
      const s = signed.get(o.id);
      const status = !isGoverning(o.involvement) ? 'not-required' : s ? 'signed-off' : 'awaiting';
      return [
        o.id,
        o.name,
        o.involvement,
        o.tier,
        o.stake,
        status,
        s?.signedBy ?? null,
        s ? ukCalendarDate(s.signedAt) : null,
      ];
    }),
  };
}

/** Appendix G: errors first (they stop the MoU), each in words: where it is, what it says, its code for reference. */
export function issuesTable(r: Register, names: Names): AppendixTable {
  const issueRows = [...r.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    id: 'issues',
    letter: 'G',
    title: 'Open issues',
    columns: [
      { key: 'severity', header: 'Severity', kind: 'enum', enum: SEVERITY, width: 10 },
      ORGANISATION,
      { key: 'message', header: 'Issue', kind: 'text', width: 70 },
      { key: 'where', header: 'Where', kind: 'text', width: 30 },
      { key: 'reference', header: 'Reference', kind: 'text', width: 24 },
    ],
    rows: issueRows.map((i) => [
      i.severity,
      i.organisationId === undefined ? null : nameOf(names, i.organisationId),
      datesInWords(i.message),
      issuePlace(i),
      i.sheet && i.cell ? `${i.code} (${i.sheet}!${i.cell})` : i.code,
    ]),
  };
}
