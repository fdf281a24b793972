/**
 * Every problem type the service can send (server/http/problem.ts) becomes the fault kind the add-in words its
 * message by: a type that says more than its status is read by its name (addin/api/client.ts KIND_OF_TYPE),
 * the rest by their status. A new problem type fails to compile here until it is given its kind.
 */
import { expect, test } from '@jest/globals';
import { faultOf, type FaultKind } from '../../addin/api/client.js';
import { PROBLEM_BASE, PROBLEM_TYPES, type ProblemKind } from '../../server/http/problem.js';

const EXPECTED: Record<ProblemKind, FaultKind> = {
  'bad-request': 'bad-request',
  'invalid-request': 'bad-request',
  'malformed-json': 'bad-request',
  unauthorized: 'signed-out',
  forbidden: 'forbidden',
  'not-a-member': 'not-a-member',
  'not-found': 'not-found',
  'method-not-allowed': 'bad-request',
  conflict: 'conflict',
  'precondition-failed': 'stale',
  'precondition-required': 'stale',
  'payload-too-large': 'too-large',
  'unsupported-media-type': 'bad-request',
  'invalid-workbook': 'invalid',
  'unreadable-workbook': 'invalid',
  'invalid-catalogue': 'invalid',
  unprocessable: 'invalid',
  'no-catalogue': 'no-catalogue',
  'too-many-requests': 'rate-limited',
  'not-ready': 'server',
  'service-busy': 'rate-limited',
  internal: 'server',
};

const faultKindOf = (type: string, status: number) =>
  faultOf(new Response(null, { status }), { type, title: 'Refused', status, detail: 'Refused.' }).kind;

test('each problem type the service sends is the fault kind the add-in words it by', () => {
  const kinds = Object.fromEntries(
    PROBLEM_TYPES.map((p) => [p.name, faultKindOf(`${PROBLEM_BASE}${p.name}`, p.status)]),
  );
  expect(kinds).toEqual(EXPECTED);
});

test('the types that say more than their status are told apart from others of the same status', () => {
  const byStatus = (status: number) => faultKindOf('about:blank', status);
  expect([byStatus(403), faultKindOf(`${PROBLEM_BASE}not-a-member`, 403)]).toEqual(['forbidden', 'not-a-member']);
  expect([byStatus(409), faultKindOf(`${PROBLEM_BASE}no-catalogue`, 409)]).toEqual(['conflict', 'no-catalogue']);
  expect([byStatus(503), faultKindOf(`${PROBLEM_BASE}service-busy`, 503)]).toEqual(['server', 'rate-limited']);
});
