/**
 * Enumerations of the workbook contract (docs/workbook-contract.md). Each value is matched on its label
 * (case-insensitive) and stored as its id: the id given here where it differs, otherwise the label in lower case
 * with spaces as hyphens.
 */
export interface EnumOption {
  readonly id: string;
  readonly label: string;
  /** Other spellings accepted on input (case-insensitive), e.g. the RACI letters. */
  readonly aliases?: readonly string[];
}

export interface EnumDef {
  readonly name: string;
  readonly options: readonly EnumOption[];
}

/** "GBP per year" -> "gbp-per-year". */
export function labelToId(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, '-');
}

function fromLabels(name: string, labels: readonly string[]): EnumDef {
  return { name, options: labels.map((label) => ({ id: labelToId(label), label })) };
}

export const SECTOR: EnumDef = {
  name: 'Sector',
  options: [
    { id: 'local-government', label: 'Local government' },
    { id: 'police', label: 'Police' },
    { id: 'fire', label: 'Fire and rescue' },
    { id: 'health', label: 'Health' },
    { id: 'education', label: 'Education' },
    { id: 'voluntary', label: 'Voluntary and community' },
    { id: 'private', label: 'Private' },
    { id: 'other', label: 'Other' },
  ],
};

export const INVOLVEMENT: EnumDef = {
  name: 'Involvement',
  options: [
    { id: 'governance-and-funding', label: 'Governance and funding' },
    { id: 'governance', label: 'Governance' },
    { id: 'data-provider', label: 'Data provider' },
    { id: 'observer', label: 'Observer' },
  ],
};

export const FUNDING_TIER: EnumDef = {
  name: 'Funding tier',
  options: [
    { id: '1', label: '1' },
    { id: '2', label: '2' },
    { id: '3', label: '3' },
  ],
};

export const CONTACT_ROLE: EnumDef = {
  name: 'Contact role',
  options: [
    ...fromLabels('Contact role', [
      'Point of contact',
      'PMG member',
      'MoU signatory',
      'Information governance lead',
      'Analyst',
      'Other',
    ]).options,
    // Contract 1.1: the information governance roles a data sharing partner names.
    { id: 'caldicott-guardian', label: 'Caldicott Guardian' },
    { id: 'siro', label: 'Senior Information Risk Owner' },
    { id: 'dpo', label: 'Data Protection Officer' },
  ],
};

export const YES_NO: EnumDef = {
  name: 'Yes/No',
  options: [
    { id: 'yes', label: 'Yes', aliases: ['y', 'true'] },
    { id: 'no', label: 'No', aliases: ['n', 'false'] },
  ],
};

export const RESOURCE_TYPE = fromLabels('Resource type', [
  'Analyst time',
  'Funding',
  'Data',
  'Software or tools',
  'Facilities',
  'Other',
]);

export const UNIT = fromLabels('Unit', [
  'FTE',
  'Days per month',
  'Hours per week',
  'GBP',
  'GBP per year',
  'Datasets',
  'Licences',
  'Other',
]);

export const STATUS = fromLabels('Status', ['Proposed', 'Agreed', 'Delivered', 'Withdrawn']);

export const RACI_ROLE: EnumDef = {
  name: 'Role',
  options: [
    { id: 'responsible', label: 'Responsible', aliases: ['r'] },
    { id: 'accountable', label: 'Accountable', aliases: ['a'] },
    { id: 'consulted', label: 'Consulted', aliases: ['c'] },
    { id: 'informed', label: 'Informed', aliases: ['i'] },
  ],
};

export const FREQUENCY = fromLabels('Frequency', [
  'Weekly',
  'Fortnightly',
  'Monthly',
  'Quarterly',
  'Annually',
  'As needed',
]);

export const CHANNEL = fromLabels('Channel', ['In person', 'Video call', 'Email', 'Shared workspace', 'Other']);

/** Data sharing (contract 1.1): how personal the shared data is, from least to most sensitive. */
export const PERSONAL_DATA = fromLabels('Personal data', [
  'None',
  'Aggregated',
  'Pseudonymised',
  'Personal',
  'Special category',
  'Criminal offence',
]);

/** Data sharing: the UK GDPR Article 6 lawful basis, or law enforcement processing under DPA 2018 Part 3. */
export const LAWFUL_BASIS: EnumDef = {
  name: 'Lawful basis',
  options: [
    ...fromLabels('Lawful basis', [
      'Public task',
      'Legal obligation',
      'Legitimate interests',
      'Consent',
      'Contract',
      'Vital interests',
    ]).options,
    { id: 'law-enforcement', label: 'Law enforcement', aliases: ['dpa 2018 part 3'] },
  ],
};

export const CONTROLLER_ROLE = fromLabels('Controller role', ['Controller', 'Joint controller', 'Processor']);

export const SHARING_STATUS = fromLabels('Data sharing status', ['Proposed', 'Agreed', 'Active', 'Suspended', 'Ended']);

/** Personal data ids that need a lawful basis (all but None and Aggregated). */
export const NEEDS_LAWFUL_BASIS: readonly string[] = [
  'pseudonymised',
  'personal',
  'special-category',
  'criminal-offence',
];
/** Personal data ids that need an Article 9 or 10 condition and should have a DPIA. */
export const NEEDS_CONDITION: readonly string[] = ['special-category', 'criminal-offence'];
/** Personal data ids that should have a review date and an agreement reference, and an IG contact. */
export const IDENTIFIABLE: readonly string[] = ['personal', 'special-category', 'criminal-offence'];
/** Contact roles that answer for information governance (`register/no-ig-contact`). */
export const IG_CONTACT_ROLES: readonly string[] = ['information-governance-lead', 'caldicott-guardian', 'dpo'];

/** Units allowed per resource type (ids). A type missing here allows any unit. */
export const UNITS_BY_RESOURCE_TYPE: Readonly<Record<string, readonly string[]>> = {
  'analyst-time': ['fte', 'days-per-month', 'hours-per-week'],
  funding: ['gbp', 'gbp-per-year'],
  data: ['datasets', 'other'],
  'software-or-tools': ['licences', 'other'],
};

/** Finds the option whose label, id or alias matches `text` (case-insensitive, trimmed). */
export function matchEnum(def: EnumDef, text: string): EnumOption | undefined {
  const wanted = text.trim().toLowerCase();
  return def.options.find(
    (o) => o.label.toLowerCase() === wanted || o.id === wanted || (o.aliases ?? []).includes(wanted),
  );
}

export function enumLabel(def: EnumDef, id: string): string {
  return def.options.find((o) => o.id === id)?.label ?? id;
}
