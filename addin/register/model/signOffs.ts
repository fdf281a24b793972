/**
 * A register version's sign-off status in words: who has confirmed it for their organisation, who has not
 * yet, whether it is ready to attach to the MoU, and what blocks it.
 */
import type { SignOffStatus } from '../../api/client.js';
import { plural, ukDate } from '../../../shared/displayFormat.js';

export interface SignOffView {
  /** "3 of 6 governing partners have confirmed". */
  headline: string;
  ready: boolean;
  /** "Ready for the MoU" or why not, in one sentence. */
  readiness: string;
  confirmed: { organisation: string; by: string; on: string }[];
  waitingFor: string[];
  blocking: string[];
}

export function signOffView(status: SignOffStatus): SignOffView {
  const names = new Map(status.governingPartners.map((p) => [p.id, p.name]));
  const total = status.governingPartners.length;
  const done = status.signOffs.length;
  const headline =
    total === 0
      ? 'No governing partner is named in the catalogue'
      : `${done} of ${plural(total, 'governing partner')} ${done === 1 ? 'has' : 'have'} confirmed this version`;
  const why: string[] = [];
  if (status.missing.length > 0) why.push(`${plural(status.missing.length, 'confirmation')} still to come`);
  if (status.blockingIssues.length > 0)
    why.push(`${plural(status.blockingIssues.length, 'blocking issue')} to resolve`);
  const readiness = status.readyForMou
    ? 'Ready to attach to the MoU.'
    : `Not ready for the MoU yet: ${why.join(' and ') || 'not every condition is met'}.`;
  return {
    headline,
    ready: status.readyForMou,
    readiness,
    confirmed: status.signOffs.map((s) => ({
      organisation: names.get(s.organisationId) ?? s.organisationId,
      by: s.signedBy,
      on: ukDate(s.signedAt),
    })),
    waitingFor: status.missing.map((id) => names.get(id) ?? id),
    blocking: status.blockingIssues.map((i) => i.message),
  };
}

/** The short status shown beside a version in the list. */
export function signOffBadge(status: SignOffStatus | undefined): { text: string; ready: boolean } {
  if (!status) return { text: 'Sign-offs loading…', ready: false };
  if (status.readyForMou) return { text: 'Ready for the MoU', ready: true };
  const total = status.governingPartners.length;
  return { text: `${status.signOffs.length} of ${total} confirmed`, ready: false };
}
