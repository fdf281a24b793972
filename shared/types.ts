/** Domain types shared by the add-in and the server. Pure data, no behaviour. */
import type { Issue } from './issues.js';
import type { TableName } from './contract.js';

/** A cell value as a workbook reader hands it over: string, number, boolean, Date, null, or anything else. */
export type CellValue = unknown;

/**
 * One table as read from a workbook, by Office.js or ExcelJS: `values[0]` is the header row and
 * `topLeft` the A1 address of its first header cell, so `values[r][c]` lives at topLeft + (r, c).
 */
export interface RawTable {
  sheet: string;
  topLeft: string;
  values: CellValue[][];
}

/** Tables by table name (any case; the parser matches names ignoring case). */
export type RawTables = Record<string, RawTable>;

/** How a partnership shares its governance: the one list that the types and every schema take. */
export const GOVERNANCE_MODELS = ['horizontal', 'tiered'] as const;
export type GovernanceModel = (typeof GOVERNANCE_MODELS)[number];
export type Tier = 1 | 2 | 3;
/** A member's role in the partnership: the one list that the types and every schema take. */
export const MEMBER_ROLES = ['line-manager', 'pmg', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Partnership {
  id: string;
  name: string;
  governanceModel: GovernanceModel;
  /** yyyy-mm-dd */
  mouStart: string;
  /** yyyy-mm-dd */
  mouEnd: string;
  tierWeights?: { 1: number; 2: number; 3: number };
  fullTimeHoursPerWeek?: number;
  workingDaysPerMonth?: number;
}

export interface CatalogueOrganisation {
  id: string;
  name: string;
  sector: string;
  involvement: string;
  tier?: Tier | null;
}

export interface Activity {
  id: string;
  name: string;
  category?: string;
}

export interface Member {
  email: string;
  organisationId?: string;
  role: MemberRole;
}

export interface Catalogue {
  partnership: Partnership;
  organisations: CatalogueOrganisation[];
  activities: Activity[];
  members: Member[];
}

/** About as submitted. Name, sector, involvement and tier are repeated for the reader; the catalogue wins. */
export interface About {
  organisationId: string;
  organisationName: string;
  sector: string | null;
  involvement: string | null;
  fundingTier: Tier | null;
  signatory: string | null;
  /** yyyy-mm-dd */
  signedOn: string | null;
}

export interface Contact {
  name: string;
  jobTitle: string | null;
  email: string;
  phone: string | null;
  contactRole: string;
  primary: boolean;
}

export interface Commitment {
  ref: string | null;
  resourceType: string;
  description: string;
  quantity: number;
  unit: string;
  start: string;
  end: string | null;
  /** Blank in the workbook becomes DEFAULT_PROJECT. */
  project: string;
  status: string;
  notes: string | null;
}

export interface RoleAssignment {
  activityId: string;
  /** The catalogue's activity name. */
  activity: string;
  role: string;
  namedLead: string | null;
  notes: string | null;
}

export interface Participation {
  forum: string;
  representative: string;
  frequency: string | null;
  channel: string | null;
  notes: string | null;
}

/** One row of Data sharing (contract 1.1): a dataset the organisation shares with the partnership. */
export interface DataSharing {
  ref: string | null;
  dataset: string;
  /** "all" for All partners, else catalogue organisation ids in id order. */
  recipients: 'all' | string[];
  purpose: string;
  /** PERSONAL_DATA id. */
  personalData: string;
  /** LAWFUL_BASIS id. */
  lawfulBasis: string | null;
  condition: string | null;
  /** CONTROLLER_ROLE id. */
  controllerRole: string;
  agreementRef: string | null;
  dpiaRef: string | null;
  /** yyyy-mm-dd */
  reviewDate: string | null;
  retention: string | null;
  /** SHARING_STATUS id. */
  status: string;
  notes: string | null;
}

/** A validated partner workbook. Rows keep workbook order. */
export interface Submission {
  organisationId: string;
  about: About;
  contacts: Contact[];
  commitments: Commitment[];
  roles: RoleAssignment[];
  participation: Participation[];
  /**
   * Contract 1.1. Present only when the workbook has Data sharing rows: a workbook of contract 1 (or with an
   * empty Data sharing table) gives the same submission, and the same digest, as before.
   */
  dataSharing?: DataSharing[];
}

export interface ParseResult {
  /** The catalogue organisation named in About, when it is one; known even when the workbook has errors. */
  organisationId: string | null;
  /** Null when the workbook has errors: nothing may be stored. */
  submission: Submission | null;
  /** Every issue of the workbook, errors and warnings, in sheet then row order. */
  issues: Issue[];
}

/** What consolidation needs of a stored submission. */
export interface SubmissionSource {
  organisationId: string;
  version: number;
  digest: string;
  submission: Submission;
  /** The warnings stored with it. */
  warnings: Issue[];
}

export interface RegisterOrganisation {
  id: string;
  name: string;
  sector: string;
  involvement: string;
  tier: Tier | null;
  signatory: string | null;
  signedOn: string | null;
  stake: number;
}

export type RegisterContact = Contact & { organisationId: string };
export type RegisterCommitment = Commitment & { organisationId: string };
export type RegisterRole = RoleAssignment & { organisationId: string };
export type RegisterParticipation = Participation & { organisationId: string };
export type RegisterDataSharing = DataSharing & { organisationId: string };

export interface OrganisationTotals {
  organisationId: string;
  analystFte: number;
  fundingGbp: number;
  fundingGbpPerYear: number;
  datasets: number;
}

export const REGISTER_SCHEMA = 'oda-register/register@1';

export interface Register {
  schema: typeof REGISTER_SCHEMA;
  partnership: Partnership;
  version: number;
  /** ISO 8601 timestamp. */
  createdAt: string;
  /** "sha256:<hex>" of the canonical register without version, createdAt and digest. */
  digest: string;
  sources: { organisationId: string; submissionVersion: number; digest: string }[];
  organisations: RegisterOrganisation[];
  contacts: RegisterContact[];
  commitments: RegisterCommitment[];
  roles: RegisterRole[];
  participation: RegisterParticipation[];
  /**
   * Contract 1.1 (additive: the schema name stays). Present only when some partner shares a dataset, so a
   * register of contract 1 workbooks is the same document, with the same digest, as before. Absent means none.
   */
  dataSharing?: RegisterDataSharing[];
  totals: { byOrganisation: OrganisationTotals[] };
  issues: Issue[];
}

/** The tables of a register that hold rows, for diffs and exports. */
export type RegisterTableName =
  'organisations' | 'contacts' | 'commitments' | 'roles' | 'participation' | 'dataSharing';

export type { TableName };
