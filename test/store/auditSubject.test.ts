/** Audit subjects (server/store/auditSubject.ts): the text each write records, and the row it is read back as. */
import fc from 'fast-check';
import { auditSubjectText, parseAuditSubject, type AuditSubject } from '../../server/store/auditSubject.js';

test('each kind of subject is written as the store has always written it', () => {
  expect(auditSubjectText({ kind: 'catalogue' })).toBe('catalogue');
  expect(auditSubjectText({ kind: 'submission', organisationId: 'north-county-council' })).toBe(
    'submission:north-county-council',
  );
  expect(auditSubjectText({ kind: 'register', version: 12 })).toBe('register:12');
  expect(auditSubjectText({ kind: 'signoff', registerVersion: 3, organisationId: 'city-police' })).toBe(
    'signoff:3:city-police',
  );
});

test('every subject reads back as the row it was made from, whatever the organisation id', () => {
  const organisationId = fc.string({ minLength: 1 });
  const version = fc.integer({ min: 1, max: 1_000_000 });
  const subject: fc.Arbitrary<AuditSubject> = fc.oneof(
    fc.constant({ kind: 'catalogue' as const }),
    organisationId.map((id) => ({ kind: 'submission' as const, organisationId: id })),
    version.map((v) => ({ kind: 'register' as const, version: v })),
    fc
      .tuple(version, organisationId)
      .map(([v, id]) => ({ kind: 'signoff' as const, registerVersion: v, organisationId: id })),
  );
  fc.assert(fc.property(subject, (s) => expect(parseAuditSubject(auditSubjectText(s))).toEqual(s)));
});

test.each([
  '',
  'catalogue:1',
  'Catalogue',
  'submission:',
  'submission',
  'register:',
  'register:one',
  'register:-1',
  'register:1.5',
  'register:1:2',
  'signoff:1',
  'signoff:1:',
  'signoff:x:city-police',
  'member:alice',
])('%j names no row', (text) => {
  expect(parseAuditSubject(text)).toBeNull();
});
