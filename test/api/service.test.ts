/** Health, readiness, me, the OpenAPI document, and problem+json for requests that go wrong. */
import request from 'supertest';
import { makeTestApp, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => {
  await t.close();
});

function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    }),
  );
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

describe('service endpoints', () => {
  test('health and readiness answer without a token', async () => {
    const health = await request(t.app).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await request(t.app).get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', store: 'sqlite', catalogueVersion: 1 });
  });

  test('readiness is a 503 problem when the database is closed', async () => {
    await t.store.close();
    const res = await request(t.app).get('/api/ready');
    expectProblem(res, 503);
  });

  test('me names the user, role and organisation', async () => {
    const res = await request(t.app)
      .get('/api/me')
      .set('Authorization', await t.bearer(MEMBERS.leeds));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      email: MEMBERS.leeds,
      role: 'line-manager',
      organisationId: LEEDS,
      organisation: { id: LEEDS, name: 'Leeds City Council' },
      tokenKind: 'dev',
    });
    const pmg = await request(t.app)
      .get('/api/me')
      .set('Authorization', await t.bearer(MEMBERS.pmg));
    expect(pmg.body).toMatchObject({ role: 'pmg', organisationId: null, organisation: null });
  });

  test('me without a token or with a forged one is a 401 problem with WWW-Authenticate', async () => {
    const none = await request(t.app).get('/api/me');
    expectProblem(none, 401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const token = await t.tokenFor(MEMBERS.pmg);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expectProblem(await request(t.app).get('/api/me').set('Authorization', `Bearer ${forged}`), 401);
    expectProblem(await request(t.app).get('/api/me').set('Authorization', 'Basic abc'), 401);
  });

  test('a member removed from the catalogue is a 403 problem of its own type, not-a-member', async () => {
    const token = await t.tokenFor(MEMBERS.viewer);
    const catalogue = testCatalogue();
    const members = catalogue.members.filter((m) => m.email !== MEMBERS.viewer);
    await t.store.putCatalogue({ ...catalogue, members }, { actor: 'chair@test', expectedVersion: 1 });
    const removed = await request(t.app).get('/api/me').set('Authorization', `Bearer ${token}`);
    expectProblem(removed, 403);
    expect(removed.body).toMatchObject({
      type: 'https://oda-register.example/problems/not-a-member',
      title: 'Not a member of the partnership',
      detail: `${MEMBERS.viewer} is not a member of the partnership.`,
    });
    expect(removed.headers['www-authenticate']).toBeUndefined();
    expect(t.responseViolations).toEqual([]);
    // A member refused something is still "forbidden".
    const refused = await request(t.app)
      .post('/api/registers')
      .set('Authorization', await t.bearer(MEMBERS.leeds));
    expectProblem(refused, 403);
    expect(refused.body.type).toBe('https://oda-register.example/problems/forbidden');
  });

  test('a token whose header quotes characters a HTTP header cannot carry is still a 401 problem', async () => {
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const alg of ['HS256\u0100', 'RS256\r\nX-Evil: 1', 'ES256\u2028']) {
      const token = `${b64({ alg, typ: 'JWT' })}.${b64({ sub: 'x' })}.c2ln`;
      const res = await request(t.app).get('/api/me').set('Authorization', `Bearer ${token}`);
      expectProblem(res, 401);
      expect(res.headers['x-evil']).toBeUndefined();
      expect(res.headers['www-authenticate'] ?? '').toMatch(/^(Bearer[\x20-\x7e]*)?$/);
    }
  });

  test('the request id is echoed, or made when absent', async () => {
    const given = await request(t.app).get('/api/health').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await request(t.app).get('/api/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await request(t.app).get('/api/health').set('X-Request-Id', 'bad id <script>');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('security headers let the task pane run inside Office only', async () => {
    const res = await request(t.app).get('/api/health');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain('frame-ancestors');
    for (const host of [
      'https://*.office.com',
      'https://*.office365.com',
      'https://*.microsoft.com',
      'https://*.sharepoint.com',
      'https://*.officeapps.live.com',
    ]) {
      expect(csp).toContain(host);
    }
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('CORS', () => {
  test('an allowed origin gets CORS headers; another does not', async () => {
    const c = await makeTestApp({ env: { CORS_ORIGINS: 'https://addin.example.org' } });
    try {
      const ok = await request(c.app).get('/api/health').set('Origin', 'https://addin.example.org');
      expect(ok.headers['access-control-allow-origin']).toBe('https://addin.example.org');
      expect(ok.headers['access-control-expose-headers']).toContain('ETag');
      const preflight = await request(c.app)
        .options('/api/organisations/x/submission')
        .set('Origin', 'https://addin.example.org')
        .set('Access-Control-Request-Method', 'PUT')
        .set('Access-Control-Request-Headers', 'authorization,if-match,content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/If-Match/i);
      const other = await request(c.app).get('/api/health').set('Origin', 'https://evil.example.com');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await c.close();
    }
  });
});

describe('problem+json for everything that goes wrong', () => {
  test('malformed JSON is a 400 problem pointing at the body', async () => {
    const res = await request(t.app)
      .put(`/api/organisations/${LEEDS}/submission`)
      .set('Authorization', await t.bearer(MEMBERS.leeds))
      .set('Content-Type', 'application/json')
      .send('{"tables": {');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ pointer: '/body', detail: 'is not valid JSON' }]);
  });

  test('a body that is the wrong shape names each bad field', async () => {
    const res = await request(t.app)
      .put(`/api/organisations/${LEEDS}/submission`)
      .set('Authorization', await t.bearer(MEMBERS.leeds))
      .send({ tables: { About: { sheet: 'About', topLeft: 'nope', values: 'x' } } });
    expectProblem(res, 400);
    const pointers = (res.body.errors as { pointer: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/body/tables/About/topLeft', '/body/tables/About/values']);
  });

  test('an unknown route is a 404 problem, inside and outside /api', async () => {
    const res = await request(t.app).get('/api/nothing-here');
    expectProblem(res, 404);
    expect(res.body.detail).toContain('/api/nothing-here');
    expectProblem(await request(t.app).get('/index.html'), 404);
  });

  test('a known route with another method is a 405 problem with Allow', async () => {
    const res = await request(t.app).delete('/api/registers');
    expectProblem(res, 405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    const put = await request(t.app).post(`/api/organisations/${LEEDS}/submission`);
    expectProblem(put, 405);
    expect(put.headers.allow).toBe('GET, HEAD, PUT');
    // Express routes paths whatever their case, and so does the 405.
    const mixedCase = await request(t.app).post(`/api/Organisations/${LEEDS}/Submission`);
    expectProblem(mixedCase, 405);
    expect(mixedCase.headers.allow).toBe('GET, HEAD, PUT');
  });

  test('a body over the limit is a 413 problem', async () => {
    const small = await makeTestApp({ env: { JSON_BODY_LIMIT: '2kb' } });
    try {
      const res = await request(small.app)
        .put(`/api/organisations/${LEEDS}/submission`)
        .set('Authorization', await small.bearer(MEMBERS.leeds))
        .send({ tables: { About: { sheet: 'About', topLeft: 'A1', values: [['x'.repeat(4000)]] } } });
      expectProblem(res, 413);
      expect(res.body.detail).toContain('2 KB');
      expect(await small.store.latestSubmission(LEEDS)).toBeNull();
    } finally {
      await small.close();
    }
  });

  test('a body that is not JSON is a 415 problem', async () => {
    const res = await request(t.app)
      .put(`/api/organisations/${LEEDS}/submission`)
      .set('Authorization', await t.bearer(MEMBERS.leeds))
      .set('Content-Type', 'text/plain')
      .send('tables');
    expectProblem(res, 415);
  });

  test('an unexpected failure is a 500 problem with the request id and no stack trace', async () => {
    const auth = await t.bearer(MEMBERS.pmg);
    await t.store.close();
    const res = await request(t.app).get('/api/me').set('Authorization', auth).set('X-Request-Id', 'req-500');
    expectProblem(res, 500);
    expect(res.body.detail).toContain('req-500');
    expect(res.body.requestId).toBe('req-500');
  });

  test('a bad path parameter is a 400 problem pointing at it', async () => {
    const res = await request(t.app)
      .get('/api/registers/abc')
      .set('Authorization', await t.bearer(MEMBERS.pmg));
    expectProblem(res, 400);
    expect(res.body.errors[0].pointer).toBe('/params/version');
  });

  test('writes over the rate limit are a 429 problem with Retry-After', async () => {
    const limited = await makeTestApp({ env: { RATE_LIMIT_WRITES: '2' } });
    try {
      const auth = await limited.bearer(MEMBERS.pmg);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        // force: a new register each time, although nothing changed.
        statuses.push((await request(limited.app).post('/api/registers?force=true').set('Authorization', auth)).status);
      }
      expect(statuses).toEqual([201, 201, 429]);
      const res = await request(limited.app).post('/api/registers').set('Authorization', auth);
      expectProblem(res, 429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Reads have a budget of their own.
      expect((await request(limited.app).get('/api/registers').set('Authorization', auth)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  test('reads over the read limit are a 429 problem per member; health checks are not limited', async () => {
    const limited = await makeTestApp({ env: { RATE_LIMIT_READS: '3' } });
    try {
      const pmg = await limited.bearer(MEMBERS.pmg);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await request(limited.app).get('/api/registers').set('Authorization', pmg)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await request(limited.app).get('/api/registers/1/diff/2').set('Authorization', pmg);
      expectProblem(res, 429);
      expect(res.body.detail).toMatch(/Too many reads .*at most 3 per 60 s/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      const viewer = await limited.bearer(MEMBERS.viewer);
      expect((await request(limited.app).get('/api/registers').set('Authorization', viewer)).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await request(limited.app).get('/api/health')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('OpenAPI document', () => {
  test('lists every route with its method, generated from the same schemas', async () => {
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const listed = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(listed).toEqual(
      [
        'GET /api/health',
        'GET /api/ready',
        'GET /api/me',
        'GET /api/catalogue',
        'PUT /api/catalogue',
        'GET /api/organisations/{id}/template.xlsx',
        'GET /api/organisations/{id}/submission',
        'GET /api/organisations/{id}/submissions',
        'GET /api/organisations/{id}/submissions/{version}',
        'PUT /api/organisations/{id}/submission',
        'POST /api/organisations/{id}/submission/upload',
        'POST /api/organisations/{id}/validate',
        'POST /api/registers',
        'GET /api/registers',
        'GET /api/registers/latest',
        'GET /api/registers/{version}',
        'GET /api/registers/{a}/diff/{b}',
        'POST /api/registers/{version}/sign-offs',
        'POST /api/registers/{version}/sign-offs/{organisationId}/withdrawal',
        'GET /api/registers/{version}/sign-offs',
        'GET /api/audit',
        'GET /api/audit/verify',
        'GET /api/openapi.json',
        'GET /api/sign-in',
        'GET /api/dev/members',
        'POST /api/dev/token',
        'GET /api/registers/{version}/appendix.docx',
        'GET /api/registers/{version}/appendix.json',
        'GET /api/registers/{version}/appendix.xlsx',
        'GET /api/registers/{version}/appendix.ods',
        'GET /api/registers/{version}/appendix.zip',
        'POST /api/verify',
      ].sort(),
    );
    const put = res.body.paths['/api/organisations/{id}/submission'].put;
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['201', '412', '422', '428']));
    expect(put.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/SubmissionRequest');
    expect(res.body.components.schemas.Problem).toBeDefined();
    expect(res.body.components.schemas.Catalogue.properties.organisations).toBeDefined();
  });

  test('every documented route answers (no 404 or 405 for a documented path)', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const auth = await t.bearer(MEMBERS.pmg);
    for (const [p, methods] of Object.entries(doc.paths)) {
      const concrete = p.replace('{id}', LEEDS).replace(/\{\w+\}/g, '1');
      for (const m of Object.keys(methods)) {
        const res = await request(t.app)[m as 'get' | 'put' | 'post'](concrete).set('Authorization', auth);
        expect([
          m,
          p,
          res.status === 405 || (res.status === 404 && res.body.detail?.startsWith('There is no API route')),
        ]).toEqual([m, p, false]);
      }
    }
  });
});
