/**
 * The appendices of one register version as data (model.ts): the sections A to H in order, what the sign-offs
 * recorded by the appendix's moment say, and the sentences every format prints around the tables. Pure: a
 * function of the register version and its sign-offs, nothing read from the store.
 */
import { isGoverning, partnershipSettings } from '../../../shared/catalogue.js';
import { CONTACTS, COMMITMENTS, DATA_SHARING, PARTICIPATION, ROLES } from '../../../shared/contract.js';
import { stakeWeight } from '../../../shared/stake.js';
import type { GovernanceModel, Register } from '../../../shared/types.js';
import type { SignOff } from '../../store/types.js';
import { contractColumn, ORGANISATION, ORGANISATION_ID } from './columns.js';
import { dataSharingSection } from './dataSharing.js';
import type { Appendix, AppendixInput, AppendixSection } from './model.js';
import { termText } from './mouTerm.js';
import {
  byOrganisationTable,
  commitmentTotals,
  governanceTable,
  issuesTable,
  organisationsTable,
  raciMatrix,
  type Names,
} from './tables.js';

/** The appendices of one register version with the sign-offs recorded up to `asOf`. */
export function buildAppendix({ stored, signOffs, asOf }: AppendixInput): Appendix {
  const r = stored.register;
  const { mouStart, mouEnd } = r.partnership;
  const signed = signOffsAsOf(signOffs, asOf, stored.version);
  const settings = partnershipSettings(r.partnership);
  const submitted = new Set(r.sources.map((x) => x.organisationId));
  const { signOffSummary, readiness } = signOffState(r, signed);
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
    readiness,
    fteBasis:
      `Analyst time is counted in full-time equivalents (FTE): hours per week are divided by ${settings.fullTimeHoursPerWeek} ` +
      `(a full-time week) and days per month by ${settings.workingDaysPerMonth} (the working days in a month), as the partnership's catalogue sets them.`,
    fundingBasis:
      `Funding over the MoU term (${termText(mouStart, mouEnd)}) adds each one-off GBP amount in full and, for each amount in ` +
      'GBP per year, the amount times the years of the term it covers (from its start, or the start of the term if later, ' +
      'to its end, or the end of the term if earlier or open-ended, in months over 12). Only agreed and delivered commitments count.',
    noWorkbook: r.organisations.filter((o) => !submitted.has(o.id)).map((o) => o.name),
    exactStakes: exactStakes(r),
    sections: appendixSections(r, signed),
  };
}

const GOVERNANCE_TEXT: Record<GovernanceModel, (r: Register) => string> = {
  horizontal: () => 'Horizontal: every governing partner has an equal stake.',
  tiered: (r) => {
    const w = r.partnership.tierWeights ?? { 1: 3, 2: 2, 3: 1 };
    return `Tiered: a governing partner’s stake follows its funding tier (weights: tier 1 ${w[1]}, tier 2 ${w[2]}, tier 3 ${w[3]}).`;
  },
};

/** Each organisation's sign-off of this version recorded by `asOf`: its first. */
function signOffsAsOf(signOffs: readonly SignOff[], asOf: string, version: number): Map<string, SignOff> {
  const until = Date.parse(asOf);
  const out = new Map<string, SignOff>();
  for (const s of signOffs) {
    if (s.registerVersion !== version || Date.parse(s.signedAt) > until) continue;
    if (!out.has(s.organisationId)) out.set(s.organisationId, s);
  }
  return out;
}

/** Appendices A to G, and H when any partner shares a dataset. */
function appendixSections(r: Register, signed: ReadonlyMap<string, SignOff>): AppendixSection[] {
  const names: Names = new Map(r.organisations.map((o) => [o.id, o.name]));
  const contacts = { id: 'contacts', letter: 'B', title: 'Points of contact', contract: CONTACTS };
  const roles = { id: 'roles', letter: 'C', title: 'Roles', contract: ROLES };
  const commitments = { id: 'commitments', letter: 'D', title: 'Resource commitments', contract: COMMITMENTS };
  const participation = {
    id: 'participation',
    letter: 'E',
    title: 'Participation and communication',
    contract: PARTICIPATION,
  };
  const issues = issuesTable(r, names);
  const sections: AppendixSection[] = [
    { letter: 'A', title: 'Partner organisations', tables: [organisationsTable(r)] },
    { letter: 'B', title: 'Points of contact', tables: [byOrganisationTable(contacts, r.contacts, names)] },
    {
      letter: 'C',
      title: 'Roles and responsibilities',
      tables: [raciMatrix(r, names), byOrganisationTable(roles, r.roles, names)],
    },
    {
      letter: 'D',
      title: 'Resource commitments',
      tables: [byOrganisationTable(commitments, r.commitments, names), commitmentTotals(r, names)],
    },
    {
      letter: 'E',
      title: 'Participation and communication',
      tables: [byOrganisationTable(participation, r.participation, names)],
    },
    { letter: 'F', title: 'Governance', tables: [governanceTable(r, signed)] },
  ];
  if (issues.rows.length > 0) sections.push({ letter: 'G', title: 'Open issues', tables: [issues] });
  const sharing = dataSharingSection(
    r,
    names,
    (key) => contractColumn([...DATA_SHARING.columns, ...CONTACTS.columns].find((c) => c.key === key)!),
    [ORGANISATION_ID, ORGANISATION],
  );
  if (sharing) sections.push(sharing);
  return sections;
}

/**
 * What the sign-offs say: a one-line summary, and whether the register is ready for the MoU (no open error,
 * every governing partner signed off: the rule of server/services/signOffs.ts) and if not, why.
 */
function signOffState(
  r: Register,
  signed: ReadonlyMap<string, SignOff>,
): Pick<Appendix, 'signOffSummary' | 'readiness'> {
  const governing = r.organisations.filter((o) => isGoverning(o.involvement));
  const signedCount = governing.filter((o) => signed.has(o.id)).length;
  const errors = r.issues.filter((i) => i.severity === 'error').length;
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
  return { signOffSummary, readiness: { ready: reasons.length === 0, reasons } };
}

/** Each partner's stake before rounding (its weight over the sum), by id. */
function exactStakes(r: Register): Map<string, number> {
  const settings = partnershipSettings(r.partnership);
  const weights = r.organisations.map((o) => stakeWeight(r.partnership.governanceModel, settings, o));
  const total = weights.reduce((a, b) => a + b, 0);
  return new Map(r.organisations.map((o, i) => [o.id, total > 0 ? weights[i]! / total : 0]));
}
