/**
 * What one request may cost (issue 9.5): the caller is authenticated before any body is read (a huge body
 * without a token is a 401, not a 413), requests without a token count against the rate limit like any other,
 * and an uploaded file's name is held to the 255 characters a PUT's fileName is.
 */
import request from 'supertest';
import { makeTestApp, jsonTables, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, xlsxOf } from '../helpers/rawTables.js';

const url = `/api/organisations/${LEEDS}/submission`;
const good = () => jsonTables(goodRawTables(testCatalogue(), LEEDS));

describe('authentication comes before the body', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  // Twice the JSON body limit (1 MB): enough to be refused 413 if it were read (50 MB behaves the same, slowly).
  const huge = Buffer.alloc(2 * 1024 * 1024, 0x20);

  test.each([
    ['PUT', 'put', url],
    ['POST sign-off', 'post', '/api/registers/1/sign-offs'],
    ['POST validate', 'post', `/api/organisations/${LEEDS}/validate`],
    ['PUT catalogue', 'put', '/api/catalogue'],
  ] as const)('a JSON body over the limit without a token (%s) is 401, not 413', async (_what, method, path) => {
    const res = await request(t.app)[method](path).set('Content-Type', 'application/json').send(huge);
    expect(res.status).toBe(401);
    expect(res.body.type).toMatch(/unauthorized$/);
  });

  test('a body over the limit with a bad token is 401 too, and with a good one the limit (413)', async () => {
    const bad = await request(t.app)
      .put(url)
      .set('Authorization', 'Bearer not.a.token')
      .set('Content-Type', 'application/json')
      .send(huge);
    expect(bad.status).toBe(401);
    const good = await request(t.app)
      .put(url)
      .set('Authorization', await t.bearer(MEMBERS.leeds))
      .set('Content-Type', 'application/json')
      .send(huge);
    expect(good.status).toBe(413);
  });

  test('a line manager of another organisation gets 403 before the body is read', async () => {
    const res = await request(t.app)
      .put(url)
      .set('Authorization', await t.bearer(MEMBERS.police))
      .set('Content-Type', 'application/json')
      .send(huge);
    expect(res.status).toBe(403);
  });
});

describe('requests without a token are rate limited', () => {
  test('writes: over the limit, 429 whatever the token', async () => {
    const t = await makeTestApp({ env: { RATE_LIMIT_WRITES: '2' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await request(t.app).put(url).send({ tables: good() })).status);
      expect(statuses).toEqual([401, 401, 429]);
      const limited = await request(t.app).put(url).set('Authorization', 'Bearer junk').send({ tables: good() });
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      // A member has their own budget.
      const member = await request(t.app)
        .put(url)
        .set('Authorization', await t.bearer(MEMBERS.leeds))
        .send({ tables: good() });
      expect(member.status).toBe(201);
    } finally {
      await t.close();
    }
  });

  test('reads: over the limit, 429 for the address without a token', async () => {
    const t = await makeTestApp({ env: { RATE_LIMIT_READS: '2' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await request(t.app).get('/api/registers')).status);
      expect(statuses).toEqual([401, 401, 429]);
      // Health probes are never limited.
      expect((await request(t.app).get('/api/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('an uploaded file name is at most 255 characters, as a PUT’s fileName', () => {
  let t: TestApp;
  let leeds: string;
  beforeAll(async () => {
    t = await makeTestApp();
    leeds = await t.bearer(MEMBERS.leeds);
  });
  afterAll(async () => {
    await t.close();
  });

  test('a 256-character name is a 400 naming the file, and nothing is stored', async () => {
    const name = `${'n'.repeat(251)}.xlsx`;
    const res = await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .attach('file', await xlsxOf(good()), name);
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(/invalid-request$/);
    expect(res.body.errors).toEqual([{ pointer: '/body/file', detail: 'its file name is longer than 255 characters' }]);
    expect(await t.store.latestSubmission(LEEDS)).toBeNull();

    const put = await request(t.app).put(url).set('Authorization', leeds).send({ tables: good(), fileName: name });
    expect(put.status).toBe(400);
    expect(put.body.errors).toEqual([{ pointer: '/body/fileName', detail: 'is longer than 255 characters' }]);
  });

  test('a 255-character name is stored as it is', async () => {
    const name = `${'n'.repeat(250)}.xlsx`;
    const res = await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .attach('file', await xlsxOf(good()), name);
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe(name);
  });
});
