/**
 * Consolidation (docs/register-format.md): the latest accepted submission of every partner and the catalogue
 * become one governance register. Pure and deterministic: the same catalogue and sources give the same
 * register and digest, whatever the order of the sources or of the keys of any object.
 *
 * Decisions:
 * - `organisations` lists every catalogue organisation in id order; name, sector, involvement and tier come
 *   from the catalogue (tier falls back to the About tier); signatory and signedOn from About, null when not
 *   submitted.
 * - `partnership` is the catalogue's, with its settings defaulted (tierWeights, fullTimeHoursPerWeek,
 *   workingDaysPerMonth), so a reader can check the stakes and FTE from the register alone.
 * - A role's `activity` is the catalogue's current name of its activity.
 * - A source whose organisation is no longer in the catalogue is left out (no rows, no totals, not in
 *   `sources`: the register has no organisation to attach them to) and reported as `about/unknown-organisation`,
 *   naming the organisation id, the submission version and how many rows were left out.
 * - A role whose activity is no longer in the catalogue is kept as submitted and reported as
 *   `roles/unknown-activity`.
 * - `dataSharing` (contract 1.1) holds each organisation's Data sharing rows in organisation id then row order,
 *   and is left out when there are none: a register of contract 1 workbooks is the same document, with the
 *   same digest, as before contract 1.1 (docs/register-format.md).
 * - `issues`: the warnings stored with each source (org order, each with its organisationId), then the two
 *   kinds above, then the cross-partner issues (see registerIssues.ts).
 */
import { partnershipSettings } from './catalogue.js';
import { digestOf } from './digest.js';
import { makeIssue, type Issue } from './issues.js';
import { compareCodeUnits } from './order.js';
import { crossPartnerIssues } from './registerIssues.js';
import { stakes } from './stake.js';
import { organisationTotals } from './totals.js';
import {
  REGISTER_SCHEMA,
  type Catalogue,
  type Partnership,
  type Register,
  type RegisterCommitment,
  type RegisterContact,
  type RegisterDataSharing,
  type RegisterOrganisation,
  type RegisterParticipation,
  type RegisterRole,
  type Submission,
  type SubmissionSource,
} from './types.js';

/** What a register's digest covers: the register without version, createdAt and digest. */
export function registerContent(register: Register): Omit<Register, 'version' | 'createdAt' | 'digest'> {
  const { version: _v, createdAt: _c, digest: _d, ...content } = register;
  return content;
}

/** The digest a register must carry: of its content (registerContent). */
export function registerDigest(register: Register): string {
  return digestOf(registerContent(register));
}

function registerPartnership(p: Partnership): Partnership {
  const settings = partnershipSettings(p);
  return {
    id: p.id,
    name: p.name,
    governanceModel: p.governanceModel,
    mouStart: p.mouStart,
    mouEnd: p.mouEnd,
    ...settings,
  };
}

function rowsOf(organisationId: string, s: Submission) {
  const contacts: RegisterContact[] = s.contacts.map((c) => ({
    organisationId,
    name: c.name,
    jobTitle: c.jobTitle ?? null,
    email: c.email,
    phone: c.phone ?? null,
    contactRole: c.contactRole,
    primary: c.primary,
  }));
  const commitments: RegisterCommitment[] = s.commitments.map((c) => ({
    organisationId,
    ref: c.ref ?? null,
    resourceType: c.resourceType,
    description: c.description,
    quantity: c.quantity,
    unit: c.unit,
    start: c.start,
    end: c.end ?? null,
    project: c.project,
    status: c.status,
    notes: c.notes ?? null,
  }));
  const roles: RegisterRole[] = s.roles.map((r) => ({
    organisationId,
    activityId: r.activityId,
    activity: r.activity,
    role: r.role,
    namedLead: r.namedLead ?? null,
    notes: r.notes ?? null,
  }));
  const participation: RegisterParticipation[] = s.participation.map((p) => ({
    organisationId,
    forum: p.forum,
    representative: p.representative,
    frequency: p.frequency ?? null,
    channel: p.channel ?? null,
    notes: p.notes ?? null,
  }));
  const dataSharing: RegisterDataSharing[] = (s.dataSharing ?? []).map((d) => ({
    organisationId,
    ref: d.ref ?? null,
    dataset: d.dataset,
    recipients: d.recipients === 'all' ? 'all' : [...d.recipients],
    purpose: d.purpose,
    personalData: d.personalData,
    lawfulBasis: d.lawfulBasis ?? null,
    condition: d.condition ?? null,
    controllerRole: d.controllerRole,
    agreementRef: d.agreementRef ?? null,
    dpiaRef: d.dpiaRef ?? null,
    reviewDate: d.reviewDate ?? null,
    retention: d.retention ?? null,
    status: d.status,
    notes: d.notes ?? null,
  }));
  return { contacts, commitments, roles, participation, dataSharing };
}

function rowCount(s: Submission): number {
  return (
    s.contacts.length + s.commitments.length + s.roles.length + s.participation.length + (s.dataSharing?.length ?? 0)
  );
}

export function consolidate(
  catalogue: Catalogue,
  sources: readonly SubmissionSource[],
  opts: { version: number; createdAt: string },
): Register {
  const settings = partnershipSettings(catalogue.partnership);
  const catalogueOrgs = [...catalogue.organisations].sort((a, b) => compareCodeUnits(a.id, b.id));
  const nameById = new Map(catalogueOrgs.map((o) => [o.id, o.name]));
  const inCatalogue = new Set(nameById.keys());
  const activityNames = new Map(catalogue.activities.map((a) => [a.id, a.name]));

  const bySource = new Map<string, SubmissionSource>();
  for (const s of sources) {
    const earlier = bySource.get(s.organisationId);
    if (earlier)
      throw new Error(
        `consolidate: two sources for organisation "${s.organisationId}" (versions ${earlier.version} and ${s.version}); pass only the latest of each organisation`,
      );
    bySource.set(s.organisationId, s);
  }
  const orderedSources = [...bySource.values()].sort((a, b) => compareCodeUnits(a.organisationId, b.organisationId));
  const used = orderedSources.filter((s) => inCatalogue.has(s.organisationId));
  const orphans = orderedSources.filter((s) => !inCatalogue.has(s.organisationId));

  const withoutStake = catalogueOrgs.map((o) => {
    const about = bySource.get(o.id)?.submission.about;
    return {
      id: o.id,
      name: o.name,
      sector: o.sector,
      involvement: o.involvement,
      tier: o.tier ?? about?.fundingTier ?? null,
      signatory: about?.signatory ?? null,
      signedOn: about?.signedOn ?? null,
    };
  });
  const stakeById = stakes(catalogue.partnership.governanceModel, settings, withoutStake);
  const organisations: RegisterOrganisation[] = withoutStake.map((o) => ({ ...o, stake: stakeById.get(o.id) ?? 0 }));

  const contacts: RegisterContact[] = [];
  const commitments: RegisterCommitment[] = [];
  const roles: RegisterRole[] = [];
  const participation: RegisterParticipation[] = [];
  const dataSharing: RegisterDataSharing[] = [];
  const commitmentsByOrg = new Map<string, RegisterCommitment[]>();
  const storedWarnings: Issue[] = [];
  const sourceIssues: Issue[] = [];
  for (const source of used) {
    const id = source.organisationId;
    const rows = rowsOf(id, source.submission);
    for (const c of rows.contacts) contacts.push(c);
    for (const c of rows.commitments) commitments.push(c);
    commitmentsByOrg.set(id, rows.commitments);
    for (const p of rows.participation) participation.push(p);
    for (const d of rows.dataSharing) dataSharing.push(d);
    for (const role of rows.roles) {
      roles.push(role);
      const current = activityNames.get(role.activityId);
      if (current !== undefined) {
        role.activity = current;
      } else {
        const orgName = nameById.get(id) ?? id;
        sourceIssues.push(
          makeIssue(
            'roles/unknown-activity',
            `${orgName} has a role in "${role.activity}" (${role.activityId}), an activity no longer in the partnership catalogue; the row is kept as submitted.`,
            { organisationId: id, sheet: 'Roles' },
          ),
        );
      }
    }
    storedWarnings.push(...source.warnings.map((w) => ({ ...w, organisationId: id })));
  }
  for (const orphan of orphans) {
    const n = rowCount(orphan.submission);
    sourceIssues.push(
      makeIssue(
        'about/unknown-organisation',
        `The submission of "${orphan.organisationId}" (version ${orphan.version}) is left out of the register: the organisation is no longer in the partnership catalogue, so its ${n} row${n === 1 ? '' : 's'} are not counted.`,
        { organisationId: orphan.organisationId },
      ),
    );
  }

  const content: Omit<Register, 'version' | 'createdAt' | 'digest'> = {
    schema: REGISTER_SCHEMA,
    partnership: registerPartnership(catalogue.partnership),
    sources: used.map((s) => ({ organisationId: s.organisationId, submissionVersion: s.version, digest: s.digest })),
    organisations,
    contacts,
    commitments,
    roles,
    participation,
    // Contract 1.1, additive: always present (empty when no partner shares a dataset), as the register format says.
    dataSharing,
    totals: {
      byOrganisation: organisations.map((o) => organisationTotals(o.id, commitmentsByOrg.get(o.id) ?? [], settings)),
    },
    issues: [
      ...storedWarnings,
      ...sourceIssues,
      ...crossPartnerIssues({
        organisations,
        activities: catalogue.activities,
        submitted: new Set(used.map((s) => s.organisationId)),
        contacts,
        roles,
        commitments,
        dataSharing,
      }),
    ],
  };
  return { ...content, version: opts.version, createdAt: opts.createdAt, digest: digestOf(content) };
}
