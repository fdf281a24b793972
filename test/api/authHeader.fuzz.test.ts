/**
 * Hostile Authorization headers: whatever a client sends as a bearer token (any text, a JWT whose header or
 * claims hold any characters), the service answers a 401 application/problem+json, never a 5xx or HTML, and
 * its WWW-Authenticate header stays visible ASCII. Seeded and bounded.
 */
import fc from 'fast-check';
import request from 'supertest';
import { makeTestApp, type TestApp } from '../helpers/testApp.js';

const SEED = Number(process.env.FUZZ_SEED ?? 2718);
let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Header values Node can send: visible ASCII and spaces (what a client can actually put on the wire). */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});

/** A structurally valid JWT whose header and claims hold arbitrary JSON (any Unicode, lone surrogates too). */
const hostileJwt = fc
  .tuple(
    fc.record({
      alg: fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('none', 'HS256', 'RS256', 'ES256')),
      kid: fc.option(fc.string({ unit: 'binary' })),
    }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
    fc.string({ maxLength: 40 }),
  )
  .map(([header, claims, sig]) => `${b64(header)}.${b64(claims)}.${Buffer.from(sig).toString('base64url')}`);

async function expect401(authorization: string) {
  const res = await request(t.app).get('/api/me').set('Authorization', authorization);
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(401);
  expect(res.headers['www-authenticate'] ?? 'Bearer').toMatch(/^Bearer[\x20-\x7e]*$/);
}

test('any bearer text is a 401 problem', async () => {
  await fc.assert(
    fc.asyncProperty(headerText, (text) => expect401(`Bearer ${text}`)),
    { seed: SEED, numRuns: 150 },
  );
});

test('a JWT with hostile header and claims is a 401 problem', async () => {
  await fc.assert(
    fc.asyncProperty(hostileJwt, (jwt) => expect401(`Bearer ${jwt}`)),
    { seed: SEED, numRuns: 150 },
  );
});
