/** Catalogue, registers, sign-offs and audit over the API. */
import request from 'supertest';
import { makeTestApp, jsonTables, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { LEEDS, POLICE, UNIVERSITY, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, setCell } from '../helpers/rawTables.js';

let t: TestApp;
let pmg: string;
beforeEach(async () => {
  t = await makeTestApp();
  pmg = await t.bearer(MEMBERS.pmg);
});
afterEach(async () => {
  await t.close();
});

async function submit(org: string, tables = jsonTables(goodRawTables(testCatalogue(), org))) {
  const res = await request(t.app)
    .put(`/api/organisations/${org}/submission`)
    .set('Authorization', pmg)
    .send({ tables });
  expect(res.status).toBe(201);
}

describe('catalogue', () => {
  test('everyone reads it with its ETag; the PMG replaces it with If-Match', async () => {
    const leeds = await t.bearer(MEMBERS.leeds);
    const got = await request(t.app).get('/api/catalogue').set('Authorization', leeds);
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body.catalogue.organisations).toHaveLength(5);

    const changed = testCatalogue();
    changed.activities.push({ id: 'training', name: 'Training' });
    expect(
      (await request(t.app).put('/api/catalogue').set('Authorization', leeds).set('If-Match', '"1"').send(changed))
        .status,
    ).toBe(403);
    expect((await request(t.app).put('/api/catalogue').set('Authorization', pmg).send(changed)).status).toBe(428);
    expect(
      (await request(t.app).put('/api/catalogue').set('Authorization', pmg).set('If-Match', '"7"').send(changed))
        .status,
    ).toBe(412);
    const ok = await request(t.app)
      .put('/api/catalogue')
      .set('Authorization', pmg)
      .set('If-Match', '"1"')
      .send(changed);
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect((await t.store.getCatalogue())?.catalogue.activities.map((a) => a.id)).toContain('training');
  });

  test('an invalid catalogue is a 422 naming each place; nothing changes', async () => {
    const bad = testCatalogue() as unknown as { organisations: { sector: string }[] };
    bad.organisations[2]!.sector = 'council';
    const res = await request(t.app).put('/api/catalogue').set('Authorization', pmg).set('If-Match', '"1"').send(bad);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '/body/organisations/2/sector', detail: expect.stringContaining('council') }),
    ]);
    expect((await t.store.getCatalogue())?.version).toBe(1);
  });
});

describe('registers', () => {
  test('the PMG consolidates; everyone lists, gets, diffs; versions are numbered', async () => {
    const leeds = await t.bearer(MEMBERS.leeds);
    expect((await request(t.app).post('/api/registers').set('Authorization', leeds)).status).toBe(403);
    expect((await request(t.app).get('/api/registers/latest').set('Authorization', leeds)).status).toBe(404);

    await submit(LEEDS);
    const first = await request(t.app).post('/api/registers').set('Authorization', pmg);
    expect(first.status).toBe(201);
    expect(first.headers.location).toBe('/api/registers/1');
    expect(first.headers.etag).toBe('"1"');
    expect(first.body.register).toMatchObject({ schema: 'oda-register/register@1', version: 1 });
    expect(first.body.register.sources.map((s: { organisationId: string }) => s.organisationId)).toEqual([LEEDS]);

    await submit(POLICE);
    const second = await request(t.app).post('/api/registers').set('Authorization', pmg);
    expect(second.body.version).toBe(2);
    expect(second.body.digest).not.toBe(first.body.digest);

    const viewer = await t.bearer(MEMBERS.viewer);
    const list = await request(t.app).get('/api/registers').set('Authorization', viewer);
    expect(list.status).toBe(200);
    expect(list.body.registers.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(list.body.registers[0]).toMatchObject({ organisations: 5, submissions: 2 });

    const latest = await request(t.app).get('/api/registers/latest').set('Authorization', leeds);
    expect(latest.body.version).toBe(2);
    const one = await request(t.app).get('/api/registers/1').set('Authorization', viewer);
    expect(one.headers.etag).toBe('"1"');
    expect(one.body.digest).toBe(first.body.digest);
    expect((await request(t.app).get('/api/registers/9').set('Authorization', viewer)).status).toBe(404);

    const diff = await request(t.app).get('/api/registers/1/diff/2').set('Authorization', viewer);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2 });
    expect(JSON.stringify(diff.body.diff)).toContain(POLICE);
  });
});

describe('sign-offs', () => {
  test('the register is ready for the MoU once every governing partner has confirmed', async () => {
    // Each governing partner is accountable for its own activity: the register has no errors.
    for (const org of [LEEDS, POLICE, UNIVERSITY]) await submit(org);
    await request(t.app).post('/api/registers').set('Authorization', pmg).expect(201);
    const url = '/api/registers/1/sign-offs';

    const before = await request(t.app)
      .get(url)
      .set('Authorization', await t.bearer(MEMBERS.viewer));
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      readyForMou: false,
      missing: [LEEDS, UNIVERSITY, POLICE].sort(),
      signOffs: [],
      blockingIssues: [],
    });

    // A line manager confirms for their own organisation with no body at all (curl -X POST).
    const leeds = await request(t.app)
      .post(url)
      .set('Authorization', await t.bearer(MEMBERS.leeds));
    expect(leeds.status).toBe(201);
    expect(leeds.body.signOff).toMatchObject({ organisationId: LEEDS, signedBy: MEMBERS.leeds, registerVersion: 1 });

    // A line manager cannot confirm for another organisation, nor can a viewer; a data provider does not sign.
    const other = await request(t.app)
      .post(url)
      .set('Authorization', await t.bearer(MEMBERS.leeds))
      .send({ organisationId: POLICE });
    expect(other.status).toBe(403);
    expect(
      (
        await request(t.app)
          .post(url)
          .set('Authorization', await t.bearer(MEMBERS.viewer))
          .send({})
      ).status,
    ).toBe(403);
    const nhs = await request(t.app)
      .post(url)
      .set('Authorization', await t.bearer(MEMBERS.nhs))
      .send({});
    expect(nhs.status).toBe(422);
    expect(nhs.body.detail).toContain('not a governing partner');
    // The PMG must name the organisation.
    const unnamed = await request(t.app).post(url).set('Authorization', pmg).send({});
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0].pointer).toBe('/body/organisationId');

    await request(t.app)
      .post(url)
      .set('Authorization', await t.bearer(MEMBERS.police))
      .send({})
      .expect(201);
    const last = await request(t.app).post(url).set('Authorization', pmg).send({ organisationId: UNIVERSITY });
    expect(last.status).toBe(201);
    expect(last.body.signOff).toMatchObject({ organisationId: UNIVERSITY, signedBy: MEMBERS.pmg });
    expect(last.body.status).toMatchObject({ readyForMou: true, missing: [] });

    const after = await request(t.app).get(url).set('Authorization', pmg);
    expect(after.body.readyForMou).toBe(true);
    expect(after.body.signOffs.map((s: { organisationId: string }) => s.organisationId)).toEqual(
      [LEEDS, POLICE, UNIVERSITY].sort(),
    );
    expect(after.body.signOffs[0].signedAt).toEqual(expect.any(String));
    expect(after.body.signOffs[0].registerDigest).toBe(after.body.registerDigest);
    expect(await t.store.listSignOffs(1)).toHaveLength(3);
  });

  test('a register with errors is not ready for the MoU even when every governing partner confirmed', async () => {
    const catalogue = testCatalogue();
    const leedsActivity = catalogue.activities[0]!.name;
    await submit(LEEDS);
    await submit(UNIVERSITY);
    // West Yorkshire Police also claims to be accountable for Leeds's activity.
    await submit(POLICE, jsonTables(setCell(goodRawTables(catalogue, POLICE), 'Roles', 1, 'Activity', leedsActivity)));
    await request(t.app).post('/api/registers').set('Authorization', pmg).expect(201);
    const url = '/api/registers/1/sign-offs';
    for (const organisationId of [LEEDS, POLICE, UNIVERSITY]) {
      await request(t.app).post(url).set('Authorization', pmg).send({ organisationId }).expect(201);
    }

    const status = await request(t.app).get(url).set('Authorization', pmg);
    expect(status.status).toBe(200);
    expect(status.body.missing).toEqual([]);
    expect(status.body.readyForMou).toBe(false);
    // Two accountable for Leeds's activity, none for the one Police left.
    const blocking = status.body.blockingIssues as { code: string; severity: string }[];
    expect(blocking.map((i) => i.code).sort()).toEqual(['register/multiple-accountable', 'register/no-accountable']);
    expect(blocking.every((i) => i.severity === 'error')).toBe(true);
  });

  test('a partner withdraws its sign-off: readiness recomputed, an audit event, the chain verifies', async () => {
    for (const org of [LEEDS, POLICE, UNIVERSITY]) await submit(org);
    await request(t.app).post('/api/registers').set('Authorization', pmg).expect(201);
    const url = '/api/registers/1/sign-offs';
    for (const organisationId of [LEEDS, POLICE, UNIVERSITY]) {
      await request(t.app).post(url).set('Authorization', pmg).send({ organisationId }).expect(201);
    }
    expect((await request(t.app).get(url).set('Authorization', pmg)).body.readyForMou).toBe(true);

    const leeds = await t.bearer(MEMBERS.leeds);
    // Not another organisation's, not a viewer.
    for (const [who, org] of [
      [leeds, POLICE],
      [await t.bearer(MEMBERS.viewer), LEEDS],
    ] as const) {
      const refused = await request(t.app).post(`${url}/${org}/withdrawal`).set('Authorization', who);
      expect(refused.status).toBe(403);
    }
    const withdrawn = await request(t.app).post(`${url}/${LEEDS}/withdrawal`).set('Authorization', leeds);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawn).toMatchObject({ organisationId: LEEDS, signedBy: MEMBERS.pmg });
    expect(withdrawn.body.status).toMatchObject({ readyForMou: false, missing: [LEEDS] });
    expect((await request(t.app).get(url).set('Authorization', pmg)).body.missing).toEqual([LEEDS]);
    // Withdrawn once: nothing stands to withdraw, and that version is not signed again.
    expect((await request(t.app).post(`${url}/${LEEDS}/withdrawal`).set('Authorization', leeds)).status).toBe(404);
    const again = await request(t.app).post(url).set('Authorization', leeds);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('withdrew its sign-off of register version 1');

    const audit = await request(t.app).get('/api/audit').set('Authorization', pmg);
    const last = audit.body.events.at(-1);
    expect(last).toMatchObject({ action: 'signoff.withdraw', actor: MEMBERS.leeds, subject: `signoff:1:${LEEDS}` });
    const verify = await request(t.app).get('/api/audit/verify').set('Authorization', pmg);
    expect(verify.body).toEqual(expect.objectContaining({ ok: true }));
  });

  test('signing off a register that does not exist is 404', async () => {
    const res = await request(t.app)
      .post('/api/registers/4/sign-offs')
      .set('Authorization', await t.bearer(MEMBERS.leeds))
      .send({});
    expect(res.status).toBe(404);
  });
});

describe('audit', () => {
  test('every change is an event; the chain verifies; line managers cannot read it', async () => {
    await submit(LEEDS);
    await request(t.app).post('/api/registers').set('Authorization', pmg).expect(201);
    const list = await request(t.app).get('/api/audit').set('Authorization', pmg);
    expect(list.status).toBe(200);
    expect(list.body.events.map((e: { action: string }) => e.action)).toEqual([
      'catalogue.put',
      'submission.create',
      'register.create',
    ]);
    const page = await request(t.app).get('/api/audit?afterSeq=1&limit=1').set('Authorization', pmg);
    expect(page.body.events).toHaveLength(1);
    expect(page.body.events[0].action).toBe('submission.create');
    expect(page.body.nextAfterSeq).toBe(page.body.events[0].seq);
    const badQuery = await request(t.app).get('/api/audit?limit=0').set('Authorization', pmg);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors[0].pointer).toBe('/query/limit');

    const verify = await request(t.app)
      .get('/api/audit/verify')
      .set('Authorization', await t.bearer(MEMBERS.viewer));
    expect(verify.body).toMatchObject({ ok: true, checked: 3 });
    expect(
      (
        await request(t.app)
          .get('/api/audit')
          .set('Authorization', await t.bearer(MEMBERS.leeds))
      ).status,
    ).toBe(403);
  });
});
