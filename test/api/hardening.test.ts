/**
 * Smaller things found (issue 9.7) and the one catalogue snapshot per request (issue 6.3): authenticated
 * answers are never cached, version path parameters are plain decimal, and a PUT reads the catalogue once,
 * for authentication and validation alike.
 */
import { jest } from '@jest/globals';
import request from 'supertest';
import { makeTestApp, jsonTables, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { LEEDS, POLICE, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, xlsxOf } from '../helpers/rawTables.js';

let t: TestApp;
let pmg: string;
beforeAll(async () => {
  t = await makeTestApp();
  pmg = await t.bearer(MEMBERS.pmg);
  for (const org of [LEEDS, POLICE]) {
    await request(t.app)
      .put(`/api/organisations/${org}/submission`)
      .set('Authorization', pmg)
      .send({ tables: jsonTables(goodRawTables(testCatalogue(), org)) })
      .expect(201);
  }
  await request(t.app).post('/api/registers').set('Authorization', pmg).expect(201);
});
afterAll(async () => {
  await t.close();
});

describe('authenticated answers carry Cache-Control: no-store', () => {
  test.each([
    ['/api/me'],
    ['/api/catalogue'],
    ['/api/registers'],
    ['/api/registers/1'],
    ['/api/registers/latest'],
    [`/api/organisations/${LEEDS}/submission`],
    ['/api/audit'],
  ])('GET %s', async (path) => {
    const res = await request(t.app).get(path).set('Authorization', pmg);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('refusals and problems of authenticated routes too', async () => {
    expect((await request(t.app).get('/api/registers/9').set('Authorization', pmg)).headers['cache-control']).toBe(
      'no-store',
    );
    expect((await request(t.app).get('/api/me')).headers['cache-control']).toBe('no-store');
    const written = await request(t.app)
      .put(`/api/organisations/${LEEDS}/submission`)
      .set('Authorization', pmg)
      .set('If-Match', '"1"')
      .send({ tables: jsonTables(goodRawTables(testCatalogue(), LEEDS)) });
    expect(written.headers['cache-control']).toBe('no-store');
  });
});

describe('version path parameters are plain decimal digits', () => {
  test.each([
    '/api/registers/0x1',
    '/api/registers/1e3',
    '/api/registers/+1',
    '/api/registers/%201',
    '/api/registers/1%20',
    '/api/registers/1.0',
    '/api/registers/01',
    '/api/registers/0',
    '/api/registers/-1',
    '/api/registers/0x1/sign-offs',
    '/api/registers/1/diff/1e0',
    '/api/registers/0b1/diff/1',
    `/api/organisations/${LEEDS}/submissions/0x1`,
    `/api/organisations/${LEEDS}/submissions/1e0`,
  ])('%s is a 400 naming the parameter', async (path) => {
    const res = await request(t.app).get(path).set('Authorization', pmg);
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(/invalid-request$/);
    expect(res.body.errors[0]).toMatchObject({
      pointer: expect.stringMatching(/^\/params\/(version|a|b)$/),
      detail: 'must be a version number written in plain decimal digits (1, 2, ...)',
    });
  });

  test('plain versions are read as they are written', async () => {
    expect((await request(t.app).get('/api/registers/1').set('Authorization', pmg)).body.version).toBe(1);
    expect((await request(t.app).get('/api/registers/1/diff/1').set('Authorization', pmg)).status).toBe(200);
    expect((await request(t.app).get('/api/registers/1000').set('Authorization', pmg)).status).toBe(404);
  });
});

describe('audit paging numbers are plain decimal digits too', () => {
  test.each([
    ['afterSeq=0x10', 'afterSeq', 'must be a whole number written in plain decimal digits'],
    ['afterSeq=1e1', 'afterSeq', 'must be a whole number written in plain decimal digits'],
    ['afterSeq=-1', 'afterSeq', 'must be a whole number written in plain decimal digits'],
    ['afterSeq=', 'afterSeq', 'must be a whole number written in plain decimal digits'],
    ['limit=%2010', 'limit', 'must be a whole number written in plain decimal digits'],
    ['limit=1.5', 'limit', 'must be a whole number written in plain decimal digits'],
    ['limit=0', 'limit', 'must be at least 1'],
    ['limit=1001', 'limit', 'must be at most 1000'],
  ])('?%s is a 400 naming %s', async (query, field, detail) => {
    const res = await request(t.app).get(`/api/audit?${query}`).set('Authorization', pmg);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ pointer: `/query/${field}`, detail });
  });

  test('plain numbers page as written', async () => {
    const all = await request(t.app).get('/api/audit').set('Authorization', pmg);
    const page = await request(t.app).get('/api/audit?afterSeq=0&limit=1').set('Authorization', pmg);
    expect(page.status).toBe(200);
    expect(page.body.events).toEqual(all.body.events.slice(0, 1));
    const rest = await request(t.app).get(`/api/audit?afterSeq=${page.body.nextAfterSeq}`).set('Authorization', pmg);
    expect(rest.body.events).toEqual(all.body.events.slice(1));
    expect(rest.body.nextAfterSeq).toBeNull();
    // A last page that is exactly full says no page follows, rather than pointing at an empty one.
    const exact = await request(t.app).get(`/api/audit?limit=${all.body.events.length}`).set('Authorization', pmg);
    expect(exact.body).toEqual({ events: all.body.events, nextAfterSeq: null });
    const short = await request(t.app)
      .get(`/api/audit?limit=${all.body.events.length - 1}`)
      .set('Authorization', pmg);
    expect(short.body.nextAfterSeq).toBe(all.body.events.at(-2).seq);
    const largest = await request(t.app).get('/api/audit?limit=1000').set('Authorization', pmg);
    expect(largest.status).toBe(200);
    expect(largest.body).toEqual({ events: all.body.events, nextAfterSeq: null });
  });
});

describe('one catalogue snapshot per request', () => {
  test('a PUT, an upload and a validate each read the catalogue once, for authentication and validation', async () => {
    const leeds = await t.bearer(MEMBERS.leeds);
    const reads = jest.spyOn(t.store, 'getCatalogue');
    try {
      const tables = jsonTables(goodRawTables(testCatalogue(), LEEDS));
      const put = await request(t.app)
        .put(`/api/organisations/${LEEDS}/submission`)
        .set('Authorization', leeds)
        .set('If-Match', '"1"')
        .send({ tables });
      expect(put.status).toBe(200);
      expect(reads).toHaveBeenCalledTimes(1);

      reads.mockClear();
      const upload = await request(t.app)
        .post(`/api/organisations/${LEEDS}/submission/upload`)
        .set('Authorization', leeds)
        .set('If-Match', '"1"')
        .attach('file', await xlsxOf(tables), 'leeds.xlsx');
      expect(upload.status).toBe(200);
      expect(reads).toHaveBeenCalledTimes(1);

      reads.mockClear();
      const validate = await request(t.app)
        .post(`/api/organisations/${LEEDS}/validate`)
        .set('Authorization', leeds)
        .send({ tables });
      expect(validate.status).toBe(200);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });
});
