/**
 * Cross-partner issues, found at consolidation (docs/issue-codes.md). Order is stable: by code in the order
 * below, then by activity id and organisation id.
 *
 * - `register/no-accountable` (error): a catalogue activity with no accountable organisation, including an
 *   activity no-one mentions (the catalogue lists it, so someone must be accountable).
 * - `register/multiple-accountable` (error): more than one accountable organisation, all named.
 * - `register/no-responsible` (warning): no organisation is responsible or accountable. It always comes with
 *   `no-accountable`; it says more: nobody has taken the activity on at all.
 * - `register/missing-submission` (warning): "no workbook received" from a catalogue organisation (one refused
 *   for its errors is not stored, so it counts as none).
 * - `register/observer-lead` (warning): an observer holds R or A.
 * - `register/no-pmg-member`, `register/unsigned-mou` (warnings): a governing partner without a PMG member
 *   contact, or without an MoU signed date, whether or not it has an accepted workbook: the message says when
 *   the reason is that none has been accepted yet.
 * - `register/undocumented-data` (warning, contract 1.1): a submitted partner with an Agreed or Delivered
 *   commitment of resource type Data and no Data sharing row (a workbook without the sheet included).
 * - `register/no-ig-contact` (warning, contract 1.1): a partner sharing Personal, Special category or Criminal
 *   offence data (any status) without an Information governance lead, Caldicott Guardian or Data Protection
 *   Officer contact. A SIRO does not count: the code names the roles that answer for the data day to day.
 */
import { isGoverning } from './catalogue.js';
import { IDENTIFIABLE, IG_CONTACT_ROLES } from './enums.js';
import { makeIssue, type Issue, type IssueCode } from './issues.js';
import { compareCodeUnits } from './order.js';
import type {
  Activity,
  RegisterCommitment,
  RegisterContact,
  RegisterDataSharing,
  RegisterOrganisation,
  RegisterRole,
} from './types.js';

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const byId = <T extends { id: string }>(a: T, b: T): number => compareCodeUnits(a.id, b.id);

export interface CrossPartnerInput {
  /** In id order. */
  organisations: readonly RegisterOrganisation[];
  activities: readonly Activity[];
  submitted: ReadonlySet<string>;
  contacts: readonly RegisterContact[];
  roles: readonly RegisterRole[];
  /** Contract 1.1: for `register/undocumented-data` and `register/no-ig-contact`; absent means none. */
  commitments?: readonly RegisterCommitment[];
  dataSharing?: readonly RegisterDataSharing[];
}

/** The order of the codes in the result; within a code, issues keep the order their step found them in. */
const CODE_ORDER: readonly IssueCode[] = [
  'register/no-accountable',
  'register/multiple-accountable',
  'register/no-responsible',
  'register/missing-submission',
  'register/observer-lead',
  'register/no-pmg-member',
  'register/unsigned-mou',
  'register/undocumented-data',
  'register/no-ig-contact',
];

export function crossPartnerIssues(input: CrossPartnerInput): Issue[] {
  const orgs = new Map(input.organisations.map((o) => [o.id, o]));
  const issues = [...activityIssues(input, orgs), ...governanceIssues(input), ...dataIssues(input)];
  // Array.prototype.sort is stable: each code keeps its activity or organisation order.
  return issues.sort((a, b) => CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code));
}

interface Holders {
  accountable: string[];
  responsible: string[];
}

/** The organisations accountable for and responsible for each activity, in role order: one pass over the roles. */
function holdersByActivity(
  roles: readonly RegisterRole[],
  orgs: ReadonlyMap<string, RegisterOrganisation>,
): Map<string, Holders> {
  const byActivity = new Map<string, Holders>();
  for (const r of roles) {
    if ((r.role !== 'accountable' && r.role !== 'responsible') || !orgs.has(r.organisationId)) continue;
    let holders = byActivity.get(r.activityId);
    if (holders === undefined) {
      holders = { accountable: [], responsible: [] };
      byActivity.set(r.activityId, holders);
    }
    (r.role === 'accountable' ? holders.accountable : holders.responsible).push(r.organisationId);
  }
  return byActivity;
}

/** Who holds each catalogue activity: `no-accountable`, `multiple-accountable`, `no-responsible`, `observer-lead`. */
function activityIssues(input: CrossPartnerInput, orgs: ReadonlyMap<string, RegisterOrganisation>): Issue[] {
  const name = (id: string): string => orgs.get(id)?.name ?? id;
  const title = (a: Activity): string => `"${a.name}" (${a.id})`;
  const holders = holdersByActivity(input.roles, orgs);
  const observers = input.organisations.filter((o) => o.involvement === 'observer');
  const issues: Issue[] = [];
  for (const a of [...input.activities].sort(byId)) {
    const { accountable, responsible } = holders.get(a.id) ?? { accountable: [], responsible: [] };
    if (accountable.length === 0) {
      const who =
        responsible.length > 0
          ? ` ${listNames(responsible.map(name))} ${responsible.length === 1 ? 'is' : 'are'} responsible.`
          : '';
      issues.push(
        makeIssue(
          'register/no-accountable',
          `No organisation is accountable for ${title(a)}: exactly one partner must be.${who}`,
        ),
      );
    } else if (accountable.length > 1) {
      issues.push(
        makeIssue(
          'register/multiple-accountable',
          `${accountable.length} organisations are accountable for ${title(a)}: ${listNames(accountable.map(name))}. Exactly one partner must be.`,
        ),
      );
    }
    if (accountable.length === 0 && responsible.length === 0) {
      issues.push(
        makeIssue(
          'register/no-responsible',
          `No organisation is responsible or accountable for ${title(a)}: no partner has taken it on.`,
        ),
      );
    }
    const leading = observers.length > 0 ? new Set([...accountable, ...responsible]) : new Set<string>();
    for (const o of observers.filter((o) => leading.has(o.id))) {
      const role = accountable.includes(o.id) ? 'accountable' : 'responsible';
      issues.push(
        makeIssue(
          'register/observer-lead',
          `${o.name} is an observer but is ${role} for ${title(a)}; observers should not lead activities.`,
          { organisationId: o.id, sheet: 'Roles' },
        ),
      );
    }
  }
  return issues;
}

/** Each partner's workbook and governance: `missing-submission`, `no-pmg-member`, `unsigned-mou`. */
function governanceIssues(input: CrossPartnerInput): Issue[] {
  const withPmgMember = new Set(
    input.contacts.filter((c) => c.contactRole === 'pmg-member').map((c) => c.organisationId),
  );
  const issues: Issue[] = [];
  for (const o of input.organisations) {
    const submitted = input.submitted.has(o.id);
    if (!submitted) {
      issues.push(
        makeIssue(
          'register/missing-submission',
          `No workbook received from ${o.name} yet: its contacts, commitments, roles and MoU signature are not in the register.`,
          { organisationId: o.id },
        ),
      );
    }
    if (!isGoverning(o.involvement)) continue;
    const notYet = 'it has no accepted workbook yet';
    if (!withPmgMember.has(o.id)) {
      issues.push(
        makeIssue(
          'register/no-pmg-member',
          submitted
            ? `${o.name} is a governing partner but lists no PMG member in its Contacts.`
            : `${o.name} is a governing partner but has no PMG member in the register: ${notYet}, so its Contacts are not in it.`,
          { organisationId: o.id, sheet: 'Contacts' },
        ),
      );
    }
    if (o.signedOn === null) {
      issues.push(
        makeIssue(
          'register/unsigned-mou',
          submitted
            ? `${o.name} is a governing partner but has not given the date it signed the MoU (About, "MoU signed on").`
            : `${o.name} is a governing partner but has no MoU signed date in the register: ${notYet}, so its About ("MoU signed on") is not in it.`,
          { organisationId: o.id, sheet: 'About' },
        ),
      );
    }
  }
  return issues;
}

/** Contract 1.1, each partner's data: `undocumented-data`, `no-ig-contact`. */
function dataIssues(input: CrossPartnerInput): Issue[] {
  const sharing = new Set((input.dataSharing ?? []).map((d) => d.organisationId));
  const sharingIdentifiable = new Set(
    (input.dataSharing ?? []).filter((d) => IDENTIFIABLE.includes(d.personalData)).map((d) => d.organisationId),
  );
  const dataCommitted = new Map<string, number>();
  for (const c of input.commitments ?? []) {
    if (c.resourceType === 'data' && (c.status === 'agreed' || c.status === 'delivered')) {
      dataCommitted.set(c.organisationId, (dataCommitted.get(c.organisationId) ?? 0) + 1);
    }
  }
  const withIgContact = new Set(
    input.contacts.filter((c) => IG_CONTACT_ROLES.includes(c.contactRole)).map((c) => c.organisationId),
  );
  const issues: Issue[] = [];
  for (const o of input.organisations) {
    const n = dataCommitted.get(o.id) ?? 0;
    if (n > 0 && !sharing.has(o.id)) {
      issues.push(
        makeIssue(
          'register/undocumented-data',
          `${o.name} commits data (${n} Agreed or Delivered Data commitment${n === 1 ? '' : 's'}) but lists no dataset in its Data sharing table: add a row for each dataset it shares.`,
          { organisationId: o.id, sheet: 'Data sharing' },
        ),
      );
    }
    if (sharingIdentifiable.has(o.id) && !withIgContact.has(o.id)) {
      issues.push(
        makeIssue(
          'register/no-ig-contact',
          `${o.name} shares personal data but lists no Information governance lead, Caldicott Guardian or Data Protection Officer in its Contacts.`,
          { organisationId: o.id, sheet: 'Contacts' },
        ),
      );
    }
  }
  return issues;
}
