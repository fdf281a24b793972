/**
 * Unchanged is unchanged everywhere (issue 9.4): a workbook identical to the current version is not stored
 * again, by PUT, upload or the CLI's import, and a consolidation identical to the latest register returns that
 * register; the PMG can still force a new register version.
 */
import { Writable } from 'node:stream';
import request from 'supertest';
import { makeTestApp, jsonTables, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { LEEDS, POLICE, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, setCell, xlsxOf } from '../helpers/rawTables.js';
import { runCli } from '../../server/cli/program.js';
import { submitTables } from '../../server/services/submissions.js';

let t: TestApp;
let leeds: string;
let pmg: string;
beforeEach(async () => {
  t = await makeTestApp();
  leeds = await t.bearer(MEMBERS.leeds);
  pmg = await t.bearer(MEMBERS.pmg);
});
afterEach(async () => {
  await t.close();
});

const good = () => jsonTables(goodRawTables(testCatalogue(), LEEDS));
const url = `/api/organisations/${LEEDS}/submission`;
const auditCount = async () => (await t.store.listAudit({ limit: 1000 })).length;

describe('a workbook identical to the current version', () => {
  test('PUT answers 200 with the current version, unchanged, and stores nothing', async () => {
    const first = await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() });
    expect(first.status).toBe(201);
    expect(first.body.unchanged).toBe(false);
    const events = await auditCount();

    const again = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .send({ tables: good() });
    expect(again.status).toBe(200);
    expect(again.headers.etag).toBe('"1"');
    expect(again.body).toMatchObject({
      version: 1,
      unchanged: true,
      digest: first.body.digest,
      submittedBy: MEMBERS.leeds,
    });
    expect((await t.store.submissionHistory(LEEDS)).map((s) => s.version)).toEqual([1]);
    expect(await auditCount()).toBe(events);
  });

  test('the If-Match rules still come first: without If-Match 428, with a stale one 412', async () => {
    await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() }).expect(201);
    const changed = jsonTables(setCell(goodRawTables(testCatalogue(), LEEDS), 'Commitments', 1, 'Description', 'New'));
    await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .send({ tables: changed })
      .expect(201);
    // Version 1's content again, naming version 1: stale, although version 1 had this very content.
    const stale = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .send({ tables: good() });
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe('"2"');
    const missing = await request(t.app).put(url).set('Authorization', leeds).send({ tables: changed });
    expect(missing.status).toBe(428);
    // Going back to version 1's content is a change from version 2: version 3.
    const back = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"2"')
      .send({ tables: good() });
    expect(back.status).toBe(201);
    expect(back.body.version).toBe(3);
  });

  test('an upload answers 200 with the current version, unchanged, and stores nothing', async () => {
    const file = await xlsxOf(good());
    const first = await request(t.app).post(`${url}/upload`).set('Authorization', leeds).attach('file', file, 'a.xlsx');
    expect(first.status).toBe(201);
    const events = await auditCount();
    const again = await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .attach('file', file, 'a.xlsx');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 1, unchanged: true, source: 'upload' });
    expect(await auditCount()).toBe(events);
  });

  test('a PUT of the workbook an upload stored is unchanged too: one digest whatever the route', async () => {
    const tables = good();
    await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .attach('file', await xlsxOf(tables), 'a.xlsx')
      .expect(201);
    const put = await request(t.app).put(url).set('Authorization', leeds).set('If-Match', '"1"').send({ tables });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 1, unchanged: true });
  });

  test('the CLI import of the same workbook stores nothing either (the same service call)', async () => {
    const catalogue = testCatalogue();
    const input = { store: t.store, catalogue, tables: good(), actor: 'chair@cli', source: 'cli' as const };
    const first = await submitTables({ ...input, replaces: { kind: 'current' } });
    const second = await submitTables({ ...input, replaces: { kind: 'current' } });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, stored: { version: 1 } });
  });
});

describe('a consolidation identical to the latest register', () => {
  test('POST /registers answers 200 with the latest register, unchanged; force=true makes a new version', async () => {
    await request(t.app)
      .put(`/api/organisations/${POLICE}/submission`)
      .set('Authorization', pmg)
      .send({ tables: jsonTables(goodRawTables(testCatalogue(), POLICE)) })
      .expect(201);
    const first = await request(t.app).post('/api/registers').set('Authorization', pmg);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, unchanged: false });
    await request(t.app).post('/api/registers/1/sign-offs').set('Authorization', pmg).send({ organisationId: POLICE });
    const events = await auditCount();

    const again = await request(t.app).post('/api/registers').set('Authorization', pmg);
    expect(again.status).toBe(200);
    expect(again.headers.etag).toBe('"1"');
    expect(again.body).toMatchObject({ version: 1, unchanged: true, digest: first.body.digest });
    expect((await t.store.listRegisters()).map((r) => r.version)).toEqual([1]);
    expect(await auditCount()).toBe(events);
    // The sign-off of version 1 still stands on the latest register.
    expect((await t.store.listSignOffs(1)).map((s) => s.organisationId)).toEqual([POLICE]);

    const forced = await request(t.app).post('/api/registers?force=true').set('Authorization', pmg);
    expect(forced.status).toBe(201);
    expect(forced.body).toMatchObject({ version: 2, unchanged: false, digest: first.body.digest });
    expect((await request(t.app).post('/api/registers?force=maybe').set('Authorization', pmg)).status).toBe(400);

    // A new submission changes the register: a new version without force.
    await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() }).expect(201);
    expect((await request(t.app).post('/api/registers').set('Authorization', pmg)).status).toBe(201);
  });

  test('the CLI says "no change since register version N", and --force stores a new one', async () => {
    await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() }).expect(201);
    const cli = async (...args: string[]) => {
      let text = '';
      const sink = new Writable({
        write(chunk, _enc, done) {
          text += String(chunk);
          done();
        },
      });
      const code = await runCli(['--db', t.config.sqlitePath, ...args], {
        stdout: sink,
        stderr: sink,
        env: {},
        cwd: t.dir,
      });
      return { code, text };
    };
    const first = await cli('consolidate');
    expect(first.text).toMatch(/^Register version 1 of /);
    const again = await cli('consolidate');
    expect(again.text).toMatch(/^No change since register version 1 of .*nothing stored/);
    const forced = await cli('consolidate', '--force');
    expect(forced.text).toMatch(/^Register version 2 of /);
  });
});
