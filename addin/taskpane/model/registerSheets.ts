/**
 * A register version as new sheets for the PMG (gateway.writeRegisterSheets): partners, contacts,
 * commitments, totals per organisation with a grand total, the role matrix (activities x organisations,
 * R/A/C/I coloured), participation and issues. Column labels and enumeration labels come from the contract
 * (shared/contract.ts), not a second list. Sheet names carry the version ("v3 Partners"), at most 31
 * characters as Excel requires.
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
import { DATE_WIDTH, SHEET_FORMAT, sheetMoneyFormat } from '../../../shared/displayFormat.js';
import { enumLabel, INVOLVEMENT, SECTOR } from '../../../shared/enums.js';
import { roundMoney, roundShare } from '../../../shared/rounding.js';
import type { Register } from '../../../shared/types.js';
import type { RegisterSheet } from '../../gateway.js';
import { cellOf } from './submissionRows.js';

/** Role-matrix fills, by letter. */
export const RACI_FILLS: Record<string, string> = {
  R: '#C6EFCE',
  A: '#FFC7CE',
  C: '#FFEB9C',
  I: '#DDEBF7',
};

const ORG = 'Organisation';

/** A contract column's format in the PMG's sheets: dates in words, as everywhere the register is shown. */
const shownFormat = (c: ColumnDef | undefined): string | null =>
  c?.type === 'date' ? SHEET_FORMAT.date : (c?.numFmt ?? null);
const shownWidth = (c: ColumnDef): number => (c.type === 'date' ? Math.max(c.width, DATE_WIDTH) : c.width);

function rowsOf(columns: readonly ColumnDef[], rows: readonly object[], names: Map<string, string>) {
  return rows.map((row) => {
    const r = row as Record<string, unknown>;
    const org = String(r.organisationId);
    return [names.get(org) ?? org, ...columns.map((c) => cellOf(c, r[c.key]))];
  });
}

function sheet(name: string, columns: readonly ColumnDef[], rows: (string | number | null)[][]): RegisterSheet {
  return {
    name,
    header: [ORG, ...columns.map((c) => c.header)],
    rows,
    widths: [30, ...columns.map(shownWidth)],
    numberFormats: [null, ...columns.map(shownFormat)],
  };
}

export function registerSheets(register: Register): RegisterSheet[] {
  const v = `v${register.version}`;
  const names = new Map(register.organisations.map((o) => [o.id, o.name]));
  const field = (key: string) => ABOUT.fields.find((f) => f.key === key);

  const partners: RegisterSheet = {
    name: `${v} Partners`,
    header: [
      'Organisation ID',
      'Organisation',
      'Sector',
      'Involvement',
      'Funding tier',
      'Stake',
      'MoU signatory',
      'MoU signed on',
    ],
    rows: register.organisations.map((o) => [
      o.id,
      o.name,
      enumLabel(SECTOR, o.sector),
      enumLabel(INVOLVEMENT, o.involvement),
      o.tier,
      o.stake,
      o.signatory,
      o.signedOn,
    ]),
    widths: [26, 34, 22, 24, 12, 10, 26, DATE_WIDTH],
    numberFormats: [null, null, null, null, null, SHEET_FORMAT.percent, null, shownFormat(field('signedOn'))],
  };

  const totals = register.totals.byOrganisation;
  const sum = (pick: (t: (typeof totals)[number]) => number) => totals.reduce((n, t) => n + pick(t), 0);
  const totalsSheet: RegisterSheet = {
    name: `${v} Totals`,
    header: [ORG, 'Analyst FTE', 'Funding (GBP)', 'Funding (GBP per year)', 'Datasets'],
    rows: [
      ...totals.map((t) => [
        names.get(t.organisationId) ?? t.organisationId,
        t.analystFte,
        t.fundingGbp,
        t.fundingGbpPerYear,
        t.datasets,
      ]),
      [
        'All partners',
        roundShare(sum((t) => t.analystFte)),
        roundMoney(sum((t) => t.fundingGbp)),
        roundMoney(sum((t) => t.fundingGbpPerYear)),
        roundShare(sum((t) => t.datasets)),
      ],
    ],
    widths: [34, 12, 16, 22, 10],
    // Money as money() writes it: whole pounds without pence unless some amount of the column has pence.
    numberFormats: [
      null,
      SHEET_FORMAT.fte,
      sheetMoneyFormat(...totals.map((t) => t.fundingGbp)),
      sheetMoneyFormat(...totals.map((t) => t.fundingGbpPerYear)),
      '0',
    ],
  };

  // The role matrix: one row per activity, one column per organisation that holds a role.
  const activities = new Map<string, string>();
  for (const r of register.roles) activities.set(r.activityId, r.activity);
  const orgs = register.organisations.filter((o) => register.roles.some((r) => r.organisationId === o.id));
  const letter = new Map(
    register.roles.map((r) => [`${r.activityId}/${r.organisationId}`, cellOf(ROLES.columns[1]!, r.role)]),
  );
  const matrix: RegisterSheet = {
    name: `${v} Role matrix`,
    header: ['Activity', ...orgs.map((o) => o.name)],
    rows: [...activities].map(([id, name]) => [
      name,
      ...orgs.map((o) => {
        const label = letter.get(`${id}/${o.id}`);
        return typeof label === 'string' ? label.charAt(0).toUpperCase() : null;
      }),
    ]),
    widths: [34, ...orgs.map(() => 14)],
    fills: RACI_FILLS,
  };

  const issues: RegisterSheet = {
    name: `${v} Issues`,
    header: ['Severity', 'Code', ORG, 'Sheet', 'Cell', 'Message'],
    rows: register.issues.map((i) => [
      i.severity,
      i.code,
      i.organisationId ? (names.get(i.organisationId) ?? i.organisationId) : null,
      i.sheet ?? null,
      i.cell ?? null,
      i.message,
    ]),
    widths: [10, 30, 30, 14, 8, 80],
  };

  return [
    partners,
    sheet(`${v} Contacts`, CONTACTS.columns, rowsOf(CONTACTS.columns, register.contacts, names)),
    sheet(`${v} Commitments`, COMMITMENTS.columns, rowsOf(COMMITMENTS.columns, register.commitments, names)),
    totalsSheet,
    matrix,
    sheet(`${v} Participation`, PARTICIPATION.columns, rowsOf(PARTICIPATION.columns, register.participation, names)),
    // Contract 1.1: only when some partner shares a dataset.
    ...(register.dataSharing?.length
      ? [sheet(`${v} Data sharing`, DATA_SHARING.columns, rowsOf(DATA_SHARING.columns, register.dataSharing, names))]
      : []),
    issues,
  ];
}
