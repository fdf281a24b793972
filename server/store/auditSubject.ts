/**
 * The subject of an audit event: the stored row the event wrote, as text. Made and read here only.
 *
 * | subject                        | the row                                            | written by          |
 * | ------------------------------ | -------------------------------------------------- | ------------------- |
 * | `catalogue`                    | the catalogue's next version (the nth such event: v n) | `catalogue.put`     |
 * | `submission:<org>`             | that organisation's next version                   | `submission.create` |
 * | `register:<version>`           | that register version                              | `register.create`   |
 * | `signoff:<version>:<org>`      | that organisation's sign-off of that register      | `signoff.create`, `signoff.withdraw` |
 *
 * An organisation id is the rest of the text, so any id reads back as it was written.
 */
import type { AuditAction } from './types.js';

export type AuditSubject =
  | { kind: 'catalogue' }
  | { kind: 'submission'; organisationId: string }
  | { kind: 'register'; version: number }
  | { kind: 'signoff'; registerVersion: number; organisationId: string };

/** The kind of row each action writes. */
export const SUBJECT_KIND_OF_ACTION: Readonly<Record<AuditAction, AuditSubject['kind']>> = {
  'catalogue.put': 'catalogue',
  'submission.create': 'submission',
  'register.create': 'register',
  'signoff.create': 'signoff',
  'signoff.withdraw': 'signoff',
};

export function auditSubjectText(subject: AuditSubject): string {
  switch (subject.kind) {
    case 'catalogue':
      return 'catalogue';
    case 'submission':
      return `submission:${subject.organisationId}`;
    case 'register':
      return `register:${subject.version}`;
    case 'signoff':
      return `signoff:${subject.registerVersion}:${subject.organisationId}`;
  }
}

const SUBMISSION = /^submission:(.+)$/s;
const REGISTER = /^register:(\d+)$/;
const SIGN_OFF = /^signoff:(\d+):(.+)$/s;

/** The row a subject names, or null when the text is not a subject auditSubjectText makes. */
export function parseAuditSubject(text: string): AuditSubject | null {
  if (text === 'catalogue') return { kind: 'catalogue' };
  let match = SUBMISSION.exec(text);
  if (match) return { kind: 'submission', organisationId: match[1]! };
  match = REGISTER.exec(text);
  if (match) return { kind: 'register', version: Number(match[1]) };
  match = SIGN_OFF.exec(text);
  if (match) return { kind: 'signoff', registerVersion: Number(match[1]), organisationId: match[2]! };
  return null;
}
