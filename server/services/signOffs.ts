/**
 * Sign-offs: a governing partner confirms a register version. A register is "ready for the MoU" when it has
 * no error-severity issues and every governing partner listed in it has confirmed that version.
 */
import { isGoverning } from '../../shared/catalogue.js';
import type { Issue } from '../../shared/issues.js';
import { compareCodeUnits } from '../../shared/order.js';
import type { MemberRole } from '../../shared/types.js';
import type { SignOff, Store, StoredRegister } from '../store/types.js';
import { NotPermitted, NotPossible } from './errors.js';
import { requireRegister, requireRegisterWithSignOffs } from './registers.js';

export interface SignOffActor {
  email: string;
  role: MemberRole;
  organisationId: string | null;
}

export interface SignOffStatus {
  registerVersion: number;
  registerDigest: string;
  /** Who confirmed what and when, in organisation id order. */
  signOffs: SignOff[];
  /** Every governing partner of the register (id and name), in id order. */
  governingPartners: { id: string; name: string }[];
  /** Governing partners that have not confirmed yet. */
  missing: string[];
  /** The register's error-severity issues: while there is one, it is not ready for the MoU. */
  blockingIssues: Issue[];
  /** No blocking issues, and every governing partner confirmed. */
  readyForMou: boolean;
}

function statusOf(stored: StoredRegister, signOffs: SignOff[]): SignOffStatus {
  const governing = stored.register.organisations
    .filter((o) => isGoverning(o.involvement))
    .map((o) => ({ id: o.id, name: o.name }))
    .sort((a, b) => compareCodeUnits(a.id, b.id));
  const confirmed = new Set(signOffs.map((s) => s.organisationId));
  const missing = governing.filter((g) => !confirmed.has(g.id)).map((g) => g.id);
  const blockingIssues = stored.register.issues.filter((i) => i.severity === 'error');
  return {
    registerVersion: stored.version,
    registerDigest: stored.digest,
    signOffs: [...signOffs].sort((a, b) => compareCodeUnits(a.organisationId, b.organisationId)),
    governingPartners: governing,
    missing,
    blockingIssues,
    readyForMou: governing.length > 0 && missing.length === 0 && blockingIssues.length === 0,
  };
}

export async function signOffStatus(opts: { store: Store; registerVersion: number }): Promise<SignOffStatus> {
  const { stored, signOffs } = await requireRegisterWithSignOffs(opts.store, opts.registerVersion);
  return statusOf(stored, signOffs);
}

/**
 * Records that an organisation confirms register `registerVersion`: `organisationId`, or the actor's own when
 * null. A line manager confirms only for their own organisation; a PMG member may record the confirmation of
 * any governing partner (and must name it); viewers may not. Idempotent: confirming twice keeps the first record.
 */
export async function signOff(opts: {
  store: Store;
  registerVersion: number;
  organisationId: string | null;
  actor: SignOffActor;
}): Promise<{ signOff: SignOff; status: SignOffStatus }> {
  const { store, registerVersion, actor } = opts;
  if (actor.role === 'viewer') throw new NotPermitted('Viewers cannot sign off a register.');
  const organisationId = opts.organisationId ?? actor.organisationId;
  if (organisationId === null) {
    throw new NotPossible(
      'Name the organisation whose confirmation you record (organisationId).',
      'organisation-required',
    );
  }
  if (actor.role === 'line-manager' && actor.organisationId !== organisationId) {
    throw new NotPermitted(
      `You can sign off only for your own organisation (${actor.organisationId ?? 'none'}), not ${organisationId}.`,
    );
  }
  const stored = await requireRegister(store, registerVersion);
  const org = stored.register.organisations.find((o) => o.id === organisationId);
  if (!org) {
    throw new NotPossible(
      `${organisationId} is not an organisation of register version ${registerVersion}.`,
      'unknown-organisation',
    );
  }
  if (!isGoverning(org.involvement)) {
    throw new NotPossible(
      `${org.name} (${organisationId}) is not a governing partner, so it does not sign off the register.`,
      'not-governing',
    );
  }
  // A partner that withdrew its sign-off of this version is refused by the store (SignOffWithdrawnError).
  const record = await store.addSignOff({ registerVersion, organisationId, actor: actor.email });
  return { signOff: record, status: statusOf(stored, await store.listSignOffs(registerVersion)) };
}

/**
 * Withdraws an organisation's standing sign-off of register `registerVersion` (an audit event; readiness
 * recomputed): a line manager for their own organisation, a PMG member for any; viewers may not. NotFoundError
 * when it has none standing.
 */
export async function withdrawSignOff(opts: {
  store: Store;
  registerVersion: number;
  organisationId: string;
  actor: SignOffActor;
}): Promise<{ withdrawn: SignOff; status: SignOffStatus }> {
  const { store, registerVersion, organisationId, actor } = opts;
  if (actor.role === 'viewer') throw new NotPermitted('Viewers cannot withdraw a sign-off.');
  if (actor.role === 'line-manager' && actor.organisationId !== organisationId) {
    throw new NotPermitted(
      `You can withdraw only your own organisation’s sign-off (${actor.organisationId ?? 'none'}), not ${organisationId}’s.`,
    );
  }
  const stored = await requireRegister(store, registerVersion);
  const withdrawn = await store.withdrawSignOff({ registerVersion, organisationId, actor: actor.email });
  return { withdrawn, status: statusOf(stored, await store.listSignOffs(registerVersion)) };
}
