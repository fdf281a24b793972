/**
 * The MoU appendices of one register version, as data: every export (Word, Excel, CSV) renders this model and
 * `verify` compares a file with it. Pure: a function of the register version and its sign-offs, nothing read
 * from the store. Headers, column order, widths and enumeration labels come from the workbook contract
 * (shared/contract.ts, shared/enums.ts); the few columns a register adds to the contract (the organisation,
 * stake, sign-off, totals, issues) are defined here, once.
 *
 * Appendices: A Partner organisations, B Points of contact, C Roles and responsibilities (the RACI matrix
 * and the role rows), D Resource commitments with the totals by organisation, E Participation and
 * communication, F Governance (stakes and sign-off), G Open issues (when there are any), H Data sharing (contract
 * 1.1, when any partner shares a dataset: dataSharing.ts).
 *
 * Sign-offs are recorded over time, so an appendix states the moment its sign-off status was taken (`asOf`)
 * and holds only the sign-offs recorded by then: the same register, sign-offs and moment give the same file.
 */
import { isGoverning, partnershipSettings } from '../../../shared/catalogue.js';
import {
  ABOUT,
  COMMITMENTS,
  CONTACTS,
  DATA_SHARING,
  PARTICIPATION,
  ROLES,
  type ColumnDef,
  type RowTableDef,
} from '../../../shared/contract.js';
import { enumLabel, RACI_ROLE, RESOURCE_TYPE, UNIT, type EnumDef } from '../../../shared/enums.js';
import { compareCodeUnits } from '../../../shared/order.js';
import { roundMoney, roundShare } from '../../../shared/rounding.js';
import { stakeWeight } from '../../../shared/stake.js';
import type { GovernanceModel, Register } from '../../../shared/types.js';
import type { SignOff, StoredRegister } from '../../store/types.js';
import { ukCalendarDate, ukDate } from '../../../shared/displayFormat.js';
import { fundingOverTerm, termText } from './mouTerm.js';
import { dataSharingSection } from './dataSharing.js';

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

const GOVERNANCE_TEXT: Record<GovernanceModel, (r: Register) => string> = {
  horizontal: () => 'Horizontal: every governing partner has an equal stake.',
  tiered: (r) => {
    const w = r.partnership.tierWeights ?? { 1: 3, 2: 2, 3: 1 };
    return `Tiered: a governing partner’s stake follows its funding tier (weights: tier 1 ${w[1]}, tier 2 ${w[2]}, tier 3 ${w[3]}).`;
  },
};

const KIND_OF_TYPE: Record<ColumnDef['type'], ValueKind> = {
  text: 'text',
  email: 'text',
  number: 'quantity',
  date: 'date',
  enum: 'enum',
  boolean: 'boolean',
  activity: 'text',
  organisation: 'text',
  recipients: 'text',
};

/** A contract column as an appendix column: its key, header, width and enumeration. */
function contractColumn(def: ColumnDef): AppendixColumn {
  const kind = def.key === 'fundingTier' ? 'tier' : KIND_OF_TYPE[def.type];
  const keepWhole = def.type === 'email' || def.key === 'phone';
  return {
    key: def.key,
    header: def.header,
    kind,
    width: def.width,
    ...(def.enum ? { enum: def.enum } : {}),
    ...(keepWhole ? { keepWhole } : {}),
  };
}

/** An About field as a column of a register table (the contract's width is About's Value column, so give one). */
function aboutField(key: string, width: number): AppendixColumn {
  const def = ABOUT.fields.find((f) => f.key === key);
  if (!def) throw new Error(`No About field ${key}`);
  return { ...contractColumn(def), width };
}

function rowColumns(table: RowTableDef, omit: readonly string[] = []): AppendixColumn[] {
  return table.columns.filter((c) => !omit.includes(c.key)).map(contractColumn);
}

const ORGANISATION_ID: AppendixColumn = { ...aboutField('organisationId', 28), spreadsheetOnly: true };
const ORGANISATION: AppendixColumn = { key: 'organisation', header: 'Organisation', kind: 'text', width: 36 };
const STAKE: AppendixColumn = { key: 'stake', header: 'Stake', kind: 'stake', width: 10 };

/** The totals columns, named from the contract's enumerations: "Analyst time (FTE)", "Funding (GBP)"... */
const TOTAL_COLUMNS: AppendixColumn[] = [
  {
    key: 'analystFte',
    header: `${enumLabel(RESOURCE_TYPE, 'analyst-time')} (${enumLabel(UNIT, 'fte')})`,
    kind: 'fte',
    width: 18,
  },
  {
    key: 'fundingGbp',
    header: `${enumLabel(RESOURCE_TYPE, 'funding')} (${enumLabel(UNIT, 'gbp')})`,
    kind: 'money',
    width: 18,
  },
  {
    key: 'fundingGbpPerYear',
    header: `${enumLabel(RESOURCE_TYPE, 'funding')} (${enumLabel(UNIT, 'gbp-per-year')})`,
    kind: 'money',
    width: 22,
  },
  { key: 'datasets', header: enumLabel(UNIT, 'datasets'), kind: 'count', width: 10 },
];

/** Funding over the MoU term (mouTerm.ts): one-off GBP plus GBP per year for the years in the term. */
const FUNDING_OVER_TERM: AppendixColumn = {
  key: 'fundingOverTerm',
  header: `${enumLabel(RESOURCE_TYPE, 'funding')} over the MoU term (${enumLabel(UNIT, 'gbp')})`,
  kind: 'money',
  width: 22,
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

function signOffsAsOf(signOffs: readonly SignOff[], asOf: string, version: number): Map<string, SignOff> {
  const until = Date.parse(asOf);
  const out = new Map<string, SignOff>();
  for (const s of signOffs) {
    if (s.registerVersion !== version || Date.parse(s.signedAt) > until) continue;
    if (!out.has(s.organisationId)) out.set(s.organisationId, s);
  }
  return out;
}

/** Activities that hold a role, by name, and the organisations that hold one, in register order. */
function matrixOf(r: Register, names: Map<string, string>): AppendixTable {
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

/** The appendices of one register version with the sign-offs recorded up to `asOf`. */
export function buildAppendix({ stored, signOffs, asOf }: AppendixInput): Appendix {
  const r = stored.register;
  const names = new Map(r.organisations.map((o) => [o.id, o.name]));
  const nameOf = (id: string | undefined) => (id === undefined ? null : (names.get(id) ?? id));
  const signed = signOffsAsOf(signOffs, asOf, stored.version);
  const governing = r.organisations.filter((o) => isGoverning(o.involvement));
  const signedCount = governing.filter((o) => signed.has(o.id)).length;
  const errors = r.issues.filter((i) => i.severity === 'error').length;

  const organisations: AppendixTable = {
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

  const contactColumns = rowColumns(CONTACTS);
  const contacts: AppendixTable = {
    id: 'contacts',
    letter: 'B',
    title: 'Points of contact',
    columns: [ORGANISATION_ID, ORGANISATION, ...contactColumns],
    rows: r.contacts.map((c) => [
      c.organisationId,
      nameOf(c.organisationId),
      ...contactColumns.map((col) => c[col.key as keyof typeof c] as Value),
    ]),
  };

  const roleColumns = rowColumns(ROLES);
  const roles: AppendixTable = {
    id: 'roles',
    letter: 'C',
    title: 'Roles',
    columns: [ORGANISATION_ID, ORGANISATION, ...roleColumns],
    rows: r.roles.map((role) => [
      role.organisationId,
      nameOf(role.organisationId),
      ...roleColumns.map((col) => role[col.key as keyof typeof role] as Value),
    ]),
  };

  const commitmentColumns = rowColumns(COMMITMENTS);
  const commitments: AppendixTable = {
    id: 'commitments',
    letter: 'D',
    title: 'Resource commitments',
    columns: [ORGANISATION_ID, ORGANISATION, ...commitmentColumns],
    rows: r.commitments.map((c) => [
      c.organisationId,
      nameOf(c.organisationId),
      ...commitmentColumns.map((col) => c[col.key as keyof typeof c] as Value),
    ]),
  };

  const byOrg = r.totals.byOrganisation;
  const mouStart = r.partnership.mouStart;
  const mouEnd = r.partnership.mouEnd;
  const commitmentsOf = new Map<string, typeof r.commitments>();
  for (const c of r.commitments)
    commitmentsOf.set(c.organisationId, [...(commitmentsOf.get(c.organisationId) ?? []), c]);
  const overTerm = byOrg.map((t) => fundingOverTerm(commitmentsOf.get(t.organisationId) ?? [], mouStart, mouEnd));
  const sum = (key: 'analystFte' | 'fundingGbp' | 'fundingGbpPerYear' | 'datasets') =>
    byOrg.reduce((acc, t) => acc + t[key], 0);
  const totals: AppendixTable = {
    id: 'commitment-totals',
    letter: 'D',
    title: 'Totals by organisation (agreed and delivered commitments)',
    columns: [ORGANISATION_ID, ORGANISATION, ...TOTAL_COLUMNS.slice(0, 3), FUNDING_OVER_TERM, TOTAL_COLUMNS[3]!],
    rows: [
      ...byOrg.map((t, i) => [
        t.organisationId,
        nameOf(t.organisationId),
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

  const participationColumns = rowColumns(PARTICIPATION);
  const participation: AppendixTable = {
    id: 'participation',
    letter: 'E',
    title: 'Participation and communication',
    columns: [ORGANISATION_ID, ORGANISATION, ...participationColumns],
    rows: r.participation.map((p) => [
      p.organisationId,
      nameOf(p.organisationId),
      ...participationColumns.map((col) => p[col.key as keyof typeof p] as Value),
    ]),
  };

  const governance: AppendixTable = {
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

  // Errors first (they stop the MoU), each in words: where it is, what it says, its code only for reference.
  const issueRows = [...r.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const issues: AppendixTable = {
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
      nameOf(i.organisationId),
      issueSentence(i.message),
      issuePlace(i),
      i.sheet && i.cell ? `${i.code} (${i.sheet}!${i.cell})` : i.code,
    ]),
  };

  const sections: AppendixSection[] = [
    { letter: 'A', title: 'Partner organisations', tables: [organisations] },
    { letter: 'B', title: 'Points of contact', tables: [contacts] },
    { letter: 'C', title: 'Roles and responsibilities', tables: [matrixOf(r, names), roles] },
    { letter: 'D', title: 'Resource commitments', tables: [commitments, totals] },
    { letter: 'E', title: 'Participation and communication', tables: [participation] },
    { letter: 'F', title: 'Governance', tables: [governance] },
  ];
  if (issues.rows.length > 0) sections.push({ letter: 'G', title: 'Open issues', tables: [issues] });
  const sharing = dataSharingSection(
    r,
    names,
    (key) => contractColumn([...DATA_SHARING.columns, ...CONTACTS.columns].find((c) => c.key === key)!),
    [ORGANISATION_ID, ORGANISATION],
  );
  if (sharing) sections.push(sharing);

  const awaiting = governing.length - signedCount;
  const signOffSummary =
    governing.length === 0
      ? 'No governing partners, so no sign-off is required.'
      : `${signedCount} of ${governing.length} governing partners signed off` +
        (awaiting > 0 ? `; ${awaiting} awaiting` : '') +
        (errors > 0 ? `; ${errors} open error${errors === 1 ? '' : 's'} must be resolved before the MoU` : '') +
        (awaiting === 0 && errors === 0 ? ': ready for the MoU.' : '.');

  const reasons: string[] = [];
  if (errors > 0) reasons.push(`${errors} open error${errors === 1 ? '' : 's'} must be resolved (Appendix G)`);
  if (awaiting > 0)
    reasons.push(
      awaiting === governing.length
        ? `no governing partner has signed off this version yet (${governing.length} must)`
        : `${awaiting} of the ${governing.length} governing partners ${awaiting === 1 ? 'has' : 'have'} not signed off this version`,
    );
  const settings = partnershipSettings(r.partnership);
  const submitted = new Set(r.sources.map((x) => x.organisationId));

  return {
    identity: {
      partnershipId: r.partnership.id,
      partnershipName: r.partnership.name,
      version: stored.version,
      createdAt: stored.createdAt,
      digest: stored.digest,
      asOf,
    },
    governanceModel: r.partnership.governanceModel,
    governanceText: GOVERNANCE_TEXT[r.partnership.governanceModel](r),
    signOffSummary,
    mou: { start: mouStart, end: mouEnd, term: termText(mouStart, mouEnd) },
    readiness: { ready: reasons.length === 0, reasons },
    fteBasis:
      `Analyst time is counted in full-time equivalents (FTE): hours per week are divided by ${settings.fullTimeHoursPerWeek} ` +
      `(a full-time week) and days per month by ${settings.workingDaysPerMonth} (the working days in a month), as the partnership's catalogue sets them.`,
    fundingBasis:
      `Funding over the MoU term (${termText(mouStart, mouEnd)}) adds each one-off GBP amount in full and, for each amount in ` +
      'GBP per year, the amount times the years of the term it covers (from its start, or the start of the term if later, ' +
      'to its end, or the end of the term if earlier or open-ended, in months over 12). Only agreed and delivered commitments count.',
    noWorkbook: r.organisations.filter((o) => !submitted.has(o.id)).map((o) => o.name),
    exactStakes: exactStakes(r),
    sections,
  };
}

function exactStakes(r: Register): Map<string, number> {
  const settings = partnershipSettings(r.partnership);
  const weights = r.organisations.map((o) => stakeWeight(r.partnership.governanceModel, settings, o));
  const total = weights.reduce((a, b) => a + b, 0);
  return new Map(r.organisations.map((o, i) => [o.id, total > 0 ? weights[i]! / total : 0]));
}

/** An issue's message for a signatory: ISO dates in words ("2025-04-01" -> "1 April 2025"). */
export function issueSentence(message: string): string {
  return message.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => ukDate(d));
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
