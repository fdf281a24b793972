/**
 * The authorisation matrix of the sync service (issue 3, item 4): every API route x every kind of caller.
 *
 * The policy is stated once, in plain words (POLICIES), and every route names the policy it follows
 * (ENDPOINTS). The list of routes is checked against the app's own OpenAPI document, which is generated from
 * the route declarations, so a route added later without a row here fails this suite.
 *
 * Callers: six that are not signed in properly (no token, and five forged tokens, each claiming to be the PMG
 * chair so that a 401 can only come from the forgery) and four members of the test catalogue. Requests that
 * an allowed caller makes would succeed; a refused caller sends exactly the same request, so a hole in the
 * rules shows as a success and as a change in the store.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import request from 'supertest';
import {
  DEV_ALGORITHM,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_PRIVATE_KEY_FILE,
  loadOrCreateDevIssuer,
} from '../../server/auth/devIssuer.js';
import type { Store } from '../../server/store/types.js';
import type { RawTables } from '../../shared/types.js';
import { LEEDS, POLICE, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, setCell, xlsxOf } from '../helpers/rawTables.js';
import { jsonTables, makeTestApp, MEMBERS, type TestApp } from '../helpers/testApp.js';

// ---------------------------------------------------------------------------------------------------------
// Who calls

const FORGED = ['no token', 'bad signature', 'expired', 'wrong audience', 'wrong issuer', 'alg none'] as const;
type Forged = (typeof FORGED)[number];

const OTHER_LM = 'line manager of another organisation';
const OWN_LM = 'line manager (own organisation)';
const VIEWER = 'viewer';
const PMG = 'PMG';
const MEMBER_CALLERS = [OTHER_LM, OWN_LM, VIEWER, PMG] as const;
type Member = (typeof MEMBER_CALLERS)[number];
type Caller = Forged | Member;

/** The organisation every organisation-scoped request names: the own line manager's. */
const OWN_ORG = LEEDS;

const EMAIL: Record<Member, string> = {
  [OTHER_LM]: MEMBERS.police,
  [OWN_LM]: MEMBERS.leeds,
  [VIEWER]: MEMBERS.viewer,
  [PMG]: MEMBERS.pmg,
};

/** What the 401 of each forged token says, so the refusal is for the right reason. */
const FORGERY_REASON: Record<Forged, RegExp> = {
  'no token': /bearer token/i,
  'bad signature': /signature is invalid/i,
  expired: /expired/i,
  'wrong audience': /another audience/i,
  'wrong issuer': /wrong issuer/i,
  'alg none': /unsigned \(alg "none"\)/i,
};

// ---------------------------------------------------------------------------------------------------------
// The policy, in plain words (issue 3: "a line manager reads and writes only their own organisation; the PMG
// does everything; viewers read registers"), and who each rule lets in.

type PolicyName = 'anyone' | 'every member' | 'own organisation' | 'PMG only' | 'PMG and viewers' | 'confirms own';

const POLICIES: Record<PolicyName, { words: string; allowed: readonly Member[] }> = {
  anyone: {
    words: 'Anyone, signed in or not (the token is not read): health, readiness, the API document and sign-in.',
    allowed: MEMBER_CALLERS,
  },
  'every member': {
    words:
      'Every member reads it: the catalogue, who they are, registers and their sign-offs (a line manager must read the register they confirm).',
    allowed: MEMBER_CALLERS,
  },
  'own organisation': {
    words:
      'An organisation’s workbook: its own line manager reads and writes it, the PMG does everything, nobody else sees it (viewers read registers, not workbooks).',
    allowed: [OWN_LM, PMG],
  },
  'PMG only': { words: 'The PMG consolidates and edits the catalogue; nobody else.', allowed: [PMG] },
  'PMG and viewers': {
    words:
      'The audit trail: the PMG and viewers (read-only oversight); line managers reach only their own organisation.',
    allowed: [VIEWER, PMG],
  },
  'confirms own': {
    words:
      'Signing off a register: a line manager for their own organisation only, the PMG for any partner; viewers only read.',
    allowed: [OWN_LM, PMG],
  },
};

// ---------------------------------------------------------------------------------------------------------
// Every route: its policy, a request that succeeds for an allowed caller, and the status it then gets.

interface Workbook {
  /** The own organisation's good workbook, as a JSON client sends it and as an .xlsx file. */
  tables: RawTables;
  xlsx: Buffer;
}

interface Ctx extends Workbook {
  t: TestApp;
  /** Two different good workbooks: a write sends the one that differs from the current version. */
  variants: [Workbook, Workbook];
}

interface Call {
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
  file?: { buffer: Buffer; name: string };
}

interface Endpoint {
  policy: PolicyName;
  /** True when an allowed call changes what the service holds. */
  writes?: boolean;
  call: (ctx: Ctx, caller: Caller) => Promise<Call> | Call;
  success: number;
}

const ORG = `/api/organisations/${OWN_ORG}`;

/**
 * The own organisation's next workbook: one that differs from its current version (an identical one would be
 * answered 200 and store nothing), and `If-Match` naming that version.
 */
async function nextWorkbook(ctx: Ctx): Promise<Workbook & { headers: Record<string, string> }> {
  const headers = await ifMatchSubmission(ctx.t.store);
  const version = (await ctx.t.store.latestSubmissionVersion(OWN_ORG)) ?? 0;
  return { ...ctx.variants[version % 2 === 0 ? 0 : 1], headers };
}

/** `If-Match` naming the own organisation's current submission version. */
async function ifMatchSubmission(store: Store): Promise<Record<string, string>> {
  const latest = await store.latestSubmission(OWN_ORG);
  return { 'If-Match': `"${latest!.version}"` };
}

const ENDPOINTS: Record<string, Endpoint> = {
  'GET /api/health': { policy: 'anyone', call: () => ({ url: '/api/health' }), success: 200 },
  'GET /api/ready': { policy: 'anyone', call: () => ({ url: '/api/ready' }), success: 200 },
  'GET /api/openapi.json': { policy: 'anyone', call: () => ({ url: '/api/openapi.json' }), success: 200 },
  'GET /api/sign-in': { policy: 'anyone', call: () => ({ url: '/api/sign-in' }), success: 200 },
  // The development sign-in (loopback clients only, as these requests are; not in production).
  'GET /api/dev/members': { policy: 'anyone', call: () => ({ url: '/api/dev/members' }), success: 200 },
  'POST /api/dev/token': {
    policy: 'anyone',
    call: () => ({ url: '/api/dev/token', json: { email: MEMBERS.leeds } }),
    success: 200,
  },
  'GET /api/me': { policy: 'every member', call: () => ({ url: '/api/me' }), success: 200 },
  'GET /api/catalogue': { policy: 'every member', call: () => ({ url: '/api/catalogue' }), success: 200 },
  'PUT /api/catalogue': {
    policy: 'PMG only',
    writes: true,
    call: async ({ t }) => {
      const current = (await t.store.getCatalogue())!;
      return { url: '/api/catalogue', headers: { 'If-Match': `"${current.version}"` }, json: current.catalogue };
    },
    success: 200,
  },
  'GET /api/organisations/{id}/template.xlsx': {
    policy: 'own organisation',
    call: () => ({ url: `${ORG}/template.xlsx` }),
    success: 200,
  },
  'GET /api/organisations/{id}/submission': {
    policy: 'own organisation',
    call: () => ({ url: `${ORG}/submission` }),
    success: 200,
  },
  'PUT /api/organisations/{id}/submission': {
    policy: 'own organisation',
    writes: true,
    call: async (ctx) => {
      const { tables, headers } = await nextWorkbook(ctx);
      return { url: `${ORG}/submission`, headers, json: { tables } };
    },
    success: 201,
  },
  'GET /api/organisations/{id}/submissions': {
    policy: 'own organisation',
    call: () => ({ url: `${ORG}/submissions` }),
    success: 200,
  },
  'GET /api/organisations/{id}/submissions/{version}': {
    policy: 'own organisation',
    call: () => ({ url: `${ORG}/submissions/1` }),
    success: 200,
  },
  'POST /api/organisations/{id}/submission/upload': {
    policy: 'own organisation',
    writes: true,
    call: async (ctx) => {
      const { xlsx, headers } = await nextWorkbook(ctx);
      return { url: `${ORG}/submission/upload`, headers, file: { buffer: xlsx, name: 'leeds.xlsx' } };
    },
    success: 201,
  },
  'POST /api/organisations/{id}/validate': {
    policy: 'own organisation',
    call: ({ tables }) => ({ url: `${ORG}/validate`, json: { tables } }),
    success: 200,
  },
  'POST /api/registers': {
    policy: 'PMG only',
    writes: true,
    // force: a new version even though no submission changed since the last one.
    call: () => ({ url: '/api/registers?force=true' }),
    success: 201,
  },
  'GET /api/registers': { policy: 'every member', call: () => ({ url: '/api/registers' }), success: 200 },
  'GET /api/registers/latest': { policy: 'every member', call: () => ({ url: '/api/registers/latest' }), success: 200 },
  'GET /api/registers/{version}': { policy: 'every member', call: () => ({ url: '/api/registers/1' }), success: 200 },
  'GET /api/registers/{a}/diff/{b}': {
    policy: 'every member',
    call: () => ({ url: '/api/registers/1/diff/2' }),
    success: 200,
  },
  'POST /api/registers/{version}/sign-offs': {
    policy: 'confirms own',
    writes: true,
    // The PMG records another partner's confirmation; everyone else tries to confirm the own organisation.
    call: (_ctx, caller) => ({
      url: '/api/registers/1/sign-offs',
      json: { organisationId: caller === PMG ? POLICE : OWN_ORG },
    }),
    success: 201,
  },
  'POST /api/registers/{version}/sign-offs/{organisationId}/withdrawal': {
    policy: 'confirms own',
    writes: true,
    // A standing sign-off of register 2 to withdraw (a pair once withdrawn stays withdrawn: refused callers
    // aim at one an allowed caller may already have withdrawn, and are refused before it is looked up).
    call: async ({ t }, caller) => {
      const organisationId = caller === PMG ? POLICE : OWN_ORG;
      await t.store.addSignOff({ registerVersion: 2, organisationId, actor: MEMBERS.pmg }).catch(() => undefined);
      return { url: `/api/registers/2/sign-offs/${organisationId}/withdrawal` };
    },
    success: 200,
  },
  'GET /api/registers/{version}/appendix.docx': {
    policy: 'every member',
    call: () => ({ url: '/api/registers/1/appendix.docx' }),
    success: 200,
  },
  'GET /api/registers/{version}/appendix.json': {
    policy: 'every member',
    call: () => ({ url: '/api/registers/1/appendix.json' }),
    success: 200,
  },
  'GET /api/registers/{version}/appendix.xlsx': {
    policy: 'every member',
    call: () => ({ url: '/api/registers/1/appendix.xlsx' }),
    success: 200,
  },
  'GET /api/registers/{version}/appendix.ods': {
    policy: 'every member',
    call: () => ({ url: '/api/registers/1/appendix.ods' }),
    success: 200,
  },
  'GET /api/registers/{version}/appendix.zip': {
    policy: 'every member',
    call: () => ({ url: '/api/registers/1/appendix.zip' }),
    success: 200,
  },
  'POST /api/verify': {
    policy: 'every member',
    // A true copy of register version 1's JSON appendix.
    call: async ({ t }) => {
      const appendix = await request(t.app)
        .get('/api/registers/1/appendix.json')
        .set('Authorization', await t.bearer(MEMBERS.pmg))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      return { url: '/api/verify', file: { buffer: appendix.body as Buffer, name: 'appendix.json' } };
    },
    success: 200,
  },
  'GET /api/registers/{version}/sign-offs': {
    policy: 'every member',
    call: () => ({ url: '/api/registers/1/sign-offs' }),
    success: 200,
  },
  'GET /api/audit': { policy: 'PMG and viewers', call: () => ({ url: '/api/audit' }), success: 200 },
  'GET /api/audit/verify': { policy: 'PMG and viewers', call: () => ({ url: '/api/audit/verify' }), success: 200 },
};

function send(ctx: Ctx, key: string, c: Call, authorization: string | null) {
  const method = key.split(' ')[0]!.toLowerCase() as 'get' | 'put' | 'post';
  let req = request(ctx.t.app)[method](c.url);
  if (authorization !== null) req = req.set('Authorization', authorization);
  for (const [name, value] of Object.entries(c.headers ?? {})) req = req.set(name, value);
  if (c.file) return req.attach('file', c.file.buffer, c.file.name);
  return c.json === undefined ? req : req.send(c.json as object);
}

// ---------------------------------------------------------------------------------------------------------
// Forged tokens, made with jose: the dev issuer's own key with a bad claim, another issuer's key, and none.

async function forgeTokens(t: TestApp, otherDir: string): Promise<Record<Exclude<Forged, 'no token'>, string>> {
  const jwk = JSON.parse(await readFile(path.join(t.dir, DEV_PRIVATE_KEY_FILE), 'utf8')) as JWK;
  const key = await importJWK(jwk, DEV_ALGORITHM);
  const now = Math.floor(Date.now() / 1000);
  const claims = { email: MEMBERS.pmg };
  const sign = (o: { iss?: string; aud?: string; iat?: number; exp?: number }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: DEV_ALGORITHM, kid: t.issuer.kid, typ: 'JWT' })
      .setIssuer(o.iss ?? DEV_ISSUER)
      .setAudience(o.aud ?? DEV_AUDIENCE)
      .setSubject(MEMBERS.pmg)
      .setIssuedAt(o.iat ?? now)
      .setExpirationTime(o.exp ?? now + 3600)
      .sign(key);

  // Another development issuer (its own key pair) vouching for the PMG chair.
  const other = await loadOrCreateDevIssuer(otherDir);
  const badSignature = await other.mint({
    email: MEMBERS.pmg,
    lookupMember: async () => ({ role: 'pmg', organisationId: null }),
  });

  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
    ...claims,
    iss: DEV_ISSUER,
    aud: DEV_AUDIENCE,
    sub: MEMBERS.pmg,
    iat: now,
    exp: now + 3600,
  })}.`;

  return {
    'bad signature': badSignature,
    expired: await sign({ iat: now - 7200, exp: now - 600 }),
    'wrong audience': await sign({ aud: 'api://some-other-service' }),
    'wrong issuer': await sign({ iss: 'https://login.example.com/not-the-dev-issuer' }),
    'alg none': unsigned,
  };
}

// ---------------------------------------------------------------------------------------------------------
// What the service holds: a refused write must leave all of it as it was.

const ORGANISATION_IDS = testCatalogue().organisations.map((o) => o.id);

async function snapshot(store: Store) {
  const registers = await store.listRegisters();
  return {
    catalogueVersion: (await store.getCatalogue())?.version ?? null,
    submissionVersions: await Promise.all(
      ORGANISATION_IDS.map(async (id) => [id, (await store.latestSubmission(id))?.version ?? null]),
    ),
    registerVersions: registers.map((r) => r.version),
    signOffs: await Promise.all(registers.map((r) => store.listSignOffs(r.version))),
    auditEvents: (await store.listAudit({ limit: 1000 })).length,
  };
}

// ---------------------------------------------------------------------------------------------------------

describe('authorisation matrix', () => {
  let ctx: Ctx;
  let otherDir: string;
  const authorization = new Map<Caller, string | null>();

  beforeAll(async () => {
    const t = await makeTestApp();
    otherDir = await mkdtemp(path.join(os.tmpdir(), 'oda-other-issuer-'));
    const tables = jsonTables(goodRawTables(testCatalogue(), OWN_ORG));
    const other = jsonTables(
      setCell(goodRawTables(testCatalogue(), OWN_ORG), 'Commitments', 1, 'Description', 'Revised analyst support'),
    );
    const variants: Ctx['variants'] = [
      { tables, xlsx: await xlsxOf(tables) },
      { tables: other, xlsx: await xlsxOf(other) },
    ];
    ctx = { t, ...variants[0], variants };

    authorization.set('no token', null);
    for (const [caller, token] of Object.entries(await forgeTokens(t, otherDir))) {
      authorization.set(caller as Forged, `Bearer ${token}`);
    }
    for (const caller of MEMBER_CALLERS) authorization.set(caller, await t.bearer(EMAIL[caller]));

    // Data, so that allowed calls succeed: every partner has submitted, and two registers exist.
    const pmg = authorization.get(PMG)!;
    for (const id of ORGANISATION_IDS) {
      await request(t.app)
        .put(`/api/organisations/${id}/submission`)
        .set('Authorization', pmg)
        .send({ tables: jsonTables(goodRawTables(testCatalogue(), id)) })
        .expect(201);
    }
    await request(t.app).post('/api/registers').set('Authorization', pmg).expect(201);
    await request(t.app).post('/api/registers?force=true').set('Authorization', pmg).expect(201);
  });

  afterAll(async () => {
    await ctx?.t.close();
    if (otherDir) await rm(otherDir, { recursive: true, force: true });
  });

  test('the matrix has one row for every route the app declares, and the rows open to anyone are those documented without security', async () => {
    const res = await request(ctx.t.app).get('/api/openapi.json').expect(200);
    const doc = res.body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const declared: string[] = [];
    const publicInDoc: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${p}`;
        declared.push(key);
        if ((op.security ?? []).length === 0) publicInDoc.push(key);
      }
    }
    expect(declared.sort()).toEqual(Object.keys(ENDPOINTS).sort());
    const publicInMatrix = Object.entries(ENDPOINTS)
      .filter(([, e]) => e.policy === 'anyone')
      .map(([k]) => k);
    expect(publicInDoc.sort()).toEqual(publicInMatrix.sort());
  });

  for (const [key, endpoint] of Object.entries(ENDPOINTS)) {
    const policy = POLICIES[endpoint.policy];
    const rows = [...FORGED, ...MEMBER_CALLERS].map((caller) => {
      const forged = (FORGED as readonly string[]).includes(caller);
      const allowed = forged ? endpoint.policy === 'anyone' : policy.allowed.includes(caller as Member);
      const expectation = allowed ? `allowed (${endpoint.success})` : forged ? 'refused 401' : 'refused 403';
      return { caller: caller as Caller, forged, allowed, expectation };
    });

    describe(`${key} — ${policy.words}`, () => {
      test.each(rows)('$caller: $expectation', async ({ caller, forged, allowed }) => {
        const call = await endpoint.call(ctx, caller);
        const before = await snapshot(ctx.t.store);
        const res = await send(ctx, key, call, authorization.get(caller)!);

        if (allowed) {
          expect(res.status).not.toBe(401);
          expect(res.status).not.toBe(403);
          expect({ status: res.status, body: res.status === endpoint.success ? 'ok' : res.body }).toEqual({
            status: endpoint.success,
            body: 'ok',
          });
          // The same snapshot that shows a refused write changed nothing does see an allowed one.
          if (endpoint.writes) expect(await snapshot(ctx.t.store)).not.toEqual(before);
          return;
        }

        const status = forged ? 401 : 403;
        expect({ status: res.status, detail: res.body?.detail }).toEqual({ status, detail: expect.any(String) });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({
          status,
          type: expect.stringContaining(forged ? 'unauthorized' : 'forbidden'),
        });
        if (forged) {
          expect(res.body.detail).toMatch(FORGERY_REASON[caller as Forged]);
          expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="oda-register"/);
        }
        if (endpoint.writes) expect(await snapshot(ctx.t.store)).toEqual(before);
      });
    });
  }

  describe('refusals say why, in words a line manager understands', () => {
    test('another organisation’s line manager is told which organisation is theirs', async () => {
      const res = await request(ctx.t.app)
        .put(`${ORG}/submission`)
        .set('Authorization', authorization.get(OTHER_LM)!)
        .set(await ifMatchSubmission(ctx.t.store))
        .send({ tables: ctx.tables });
      expect(res.status).toBe(403);
      expect(res.body.detail).toContain(POLICE);
      expect(res.body.detail).toContain(OWN_ORG);
    });

    test.each([
      ['HEAD', 'head', `${ORG}/submission`],
      ['a trailing slash', 'get', `${ORG}/submission/`],
      [
        'a percent-encoded id',
        'get',
        `/api/organisations/${encodeURIComponent(OWN_ORG).replace('-', '%2D')}/submission`,
      ],
      ['an upper-case path', 'get', `/API/ORGANISATIONS/${OWN_ORG}/SUBMISSION`],
    ] as const)('another organisation’s workbook stays closed when asked for with %s', async (_how, method, url) => {
      const res = await request(ctx.t.app)[method](url).set('Authorization', authorization.get(OTHER_LM)!);
      expect(res.status).toBe(403);
    });

    test('a line manager cannot write another organisation’s workbook through their own address', async () => {
      const before = await snapshot(ctx.t.store);
      const policeTables = jsonTables(goodRawTables(testCatalogue(), POLICE));
      const res = await request(ctx.t.app)
        .put(`${ORG}/submission`)
        .set('Authorization', authorization.get(OWN_LM)!)
        .set(await ifMatchSubmission(ctx.t.store))
        .send({ tables: policeTables });
      expect(res.status).toBe(422);
      expect(res.body.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'about/organisation-not-yours', sheet: 'About' })]),
      );
      expect(await snapshot(ctx.t.store)).toEqual(before);
    });

    test('a line manager cannot sign off for another organisation, and a viewer for none', async () => {
      const before = await snapshot(ctx.t.store);
      const lm = await request(ctx.t.app)
        .post('/api/registers/2/sign-offs')
        .set('Authorization', authorization.get(OWN_LM)!)
        .send({ organisationId: POLICE });
      expect(lm.status).toBe(403);
      expect(lm.body.detail).toContain(POLICE);
      const viewer = await request(ctx.t.app)
        .post('/api/registers/2/sign-offs')
        .set('Authorization', authorization.get(VIEWER)!)
        .send({});
      expect(viewer.status).toBe(403);
      expect(await snapshot(ctx.t.store)).toEqual(before);
    });
  });
});
