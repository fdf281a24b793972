/**
 * The public API of shared/: what the add-in and the server use of the pure core (docs/architecture.md). Code
 * outside shared/ may import a module of shared/ directly, but only names declared here; the rest of each
 * module is its own business. test/sharedPurity.test.ts keeps this list in step with the imports of server/,
 * addin/, bench/ and examples/.
 */

// Domain types: raw tables in, submissions, the catalogue and the register out.
export {
  GOVERNANCE_MODELS,
  MEMBER_ROLES,
  REGISTER_SCHEMA,
  type About,
  type Activity,
  type Catalogue,
  type CatalogueOrganisation,
  type CellValue,
  type Commitment,
  type Contact,
  type DataSharing,
  type GovernanceModel,
  type Member,
  type MemberRole,
  type OrganisationTotals,
  type ParseResult,
  type Participation,
  type Partnership,
  type RawTable,
  type RawTables,
  type Register,
  type RegisterCommitment,
  type RegisterContact,
  type RegisterDataSharing,
  type RegisterOrganisation,
  type RegisterParticipation,
  type RegisterRole,
  type RegisterTableName,
  type RoleAssignment,
  type Submission,
  type SubmissionSource,
  type Tier,
} from './types.js';

// The workbook contract as data (docs/workbook-contract.md).
export {
  ABOUT,
  COMMITMENTS,
  CONTACTS,
  ALL_PARTNERS,
  CONTRACT_MINOR_VERSION,
  CONTRACT_VERSION,
  DATA_SHARING,
  DATE_FORMAT,
  DEFAULT_PROJECT,
  MAX_DESCRIPTION_LENGTH,
  MAX_TABLE_ROWS,
  PARTICIPATION,
  ROLES,
  TABLES,
  isOptionalTable,
  listObjectName,
  tableDef,
  type ColumnDef,
  type ColumnType,
  type FieldTableDef,
  type RowTableDef,
  type TableDef,
  type TableName,
} from './contract.js';
export {
  CHANNEL,
  CONTACT_ROLE,
  CONTROLLER_ROLE,
  FREQUENCY,
  FUNDING_TIER,
  INVOLVEMENT,
  LAWFUL_BASIS,
  PERSONAL_DATA,
  RACI_ROLE,
  RESOURCE_TYPE,
  SECTOR,
  SHARING_STATUS,
  STATUS,
  UNIT,
  YES_NO,
  enumLabel,
  type EnumDef,
  type EnumOption,
} from './enums.js';

// How the contract is laid out in Excel, for the template and the add-in's set-up.
export {
  EARLIEST_DATE,
  GENERAL_FORMAT,
  INLINE_LIST_LIMIT,
  isTextType,
  TEXT_FORMAT,
  LISTS_SHEET,
  TABLE_STYLE,
  VALIDATED_ROWS,
  excelSetupFor,
  tableSetup,
  type ColumnSetup,
  type ExcelSetup,
  type FieldSetup,
  type ListSource,
  type Prompt,
  type TableSetup,
  type ValidationRule,
} from './excelSetup.js';

// Reading cells and A1 addresses.
export {
  MAX_COLUMN,
  MAX_ROW,
  columnIndex,
  columnLetter,
  isBlank,
  offsetA1,
  parseA1,
  readText,
  type CellPosition,
} from './cells.js';
export { normaliseName } from './table.js';

// Parsing and validating a workbook; issues (docs/issue-codes.md).
export { parseWorkbook, sortIssues, type ParseOptions } from './parse.js';
export {
  ISSUE_CODES,
  countIssues,
  formatIssue,
  hasErrors,
  makeIssue,
  type Issue,
  type IssueCode,
  type IssuePlace,
  type Severity,
} from './issues.js';
export {
  ISSUE_LIST_LIMIT,
  issueReport,
  unlistedIssueCount,
  unlistedIssuesSentence,
  type IssueReport,
} from './issueReport.js';

// The partnership catalogue.
export {
  ID_PATTERN,
  catalogueSchema,
  formatProblem,
  isGoverning,
  partnershipSettings,
  validateCatalogue,
  type CatalogueProblem,
  type PartnershipSettings,
} from './catalogue.js';

// Consolidation, digests and the difference between two registers (docs/register-format.md).
export { consolidate, registerContent, registerDigest } from './consolidate.js';
export { canonicalJson, digestOf, sha256Hex } from './digest.js';
export {
  ROW_KEYS,
  diffRegisters,
  diffTable,
  fieldChanges,
  type FieldChange,
  type RegisterDiff,
  type RowChange,
  type TableDiff,
} from './diff.js';
// Three-way merge of a workbook with a newer version (shared/merge.ts).
export {
  changesOf,
  fateOfChanges,
  mergeThreeWay,
  rowKey,
  rowLabel,
  type Change,
  type ChangeFate,
  type Choices,
  type Conflict,
  type MergeResult,
  type Side,
} from './merge.js';
export { compareCodeUnits } from './order.js';
export { largestRemainder, roundMoney, roundShare, roundTo } from './rounding.js';
export { stakeWeight } from './stake.js';

// Values as a reader sees them in the appendices and on the register page.
export {
  MONTHS,
  fte,
  money,
  percent,
  quantity,
  shortDigest,
  ukCalendarDate,
  ukDate,
  ukDateTime,
} from './displayFormat.js';
