/** Submissions over the API: PUT with If-Match, 412/428/422, history, versions, upload, validate, template. */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { makeTestApp, jsonTables, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { LEEDS, POLICE } from '../helpers/catalogue.js';
import { addRow, fillCommitments, goodRawTables, setCell, xlsxOf } from '../helpers/rawTables.js';
import { CHECK_ON_THREAD_BYTES } from '../../server/workers/workers.js';
import { digestOf } from '../../shared/digest.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { writePartnerTemplate } from '../../server/export/template.js';

let t: TestApp;
let leeds: string;
beforeEach(async () => {
  t = await makeTestApp();
  leeds = await t.bearer(MEMBERS.leeds);
});
afterEach(async () => {
  await t.close();
});

const good = () => jsonTables(goodRawTables(testCatalogue(), LEEDS));
/** A good workbook that differs from good(): a new version when it replaces it. */
const changed = () =>
  jsonTables(setCell(goodRawTables(testCatalogue(), LEEDS), 'Commitments', 1, 'Description', 'Revised support'));
const url = `/api/organisations/${LEEDS}/submission`;

describe('PUT /organisations/:id/submission', () => {
  test('the first submission needs no If-Match and answers 201 with ETag and Location', async () => {
    const res = await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/organisations/${LEEDS}/submissions/1`);
    expect(res.body).toMatchObject({ organisationId: LEEDS, version: 1, submittedBy: MEMBERS.leeds, source: 'api' });
    expect(res.body.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Array.isArray(res.body.warnings)).toBe(true);
    // The 201 does not echo the rows just sent; GET (at Location) returns them.
    expect(res.body).not.toHaveProperty('submission');
    expect((await t.store.latestSubmission(LEEDS))?.version).toBe(1);

    const got = await request(t.app).get(url).set('Authorization', leeds);
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body.digest).toBe(res.body.digest);
    expect(got.body.submission.organisationId).toBe(LEEDS);
    const atLocation = await request(t.app).get(res.headers.location!).set('Authorization', leeds);
    expect(atLocation.status).toBe(200);
    expect(atLocation.body).toMatchObject({ version: 1, digest: res.body.digest, submission: got.body.submission });
  });

  test('If-None-Match: * is accepted for the first and refused once a version exists', async () => {
    const first = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-None-Match', '*')
      .send({ tables: good() });
    expect(first.status).toBe(201);
    const again = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-None-Match', '*')
      .send({ tables: good() });
    expect(again.status).toBe(412);
    expect(again.headers.etag).toBe('"1"');
  });

  test('an update without If-Match is 428; with a stale one 412; with the current one 201', async () => {
    await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() }).expect(201);

    const missing = await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() });
    expect(missing.status).toBe(428);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    expect(missing.body.errors[0].pointer).toBe('/headers/if-match');

    await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .send({ tables: changed() })
      .expect(201);

    const stale = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .send({ tables: good() });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ status: 412, currentVersion: 2 });
    expect(stale.headers.etag).toBe('"2"');

    const history = await request(t.app).get(`/api/organisations/${LEEDS}/submissions`).set('Authorization', leeds);
    expect(history.status).toBe(200);
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.body.versions[0].submission).toBeUndefined();

    const v1 = await request(t.app).get(`/api/organisations/${LEEDS}/submissions/1`).set('Authorization', leeds);
    expect(v1.status).toBe(200);
    expect(v1.headers.etag).toBe('"1"');
    expect(v1.body.version).toBe(1);
    const v9 = await request(t.app).get(`/api/organisations/${LEEDS}/submissions/9`).set('Authorization', leeds);
    expect(v9.status).toBe(404);
  });

  test('an If-Match naming a version when there is none is 412; a malformed one is 400', async () => {
    const res = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"3"')
      .send({ tables: good() });
    expect(res.status).toBe(412);
    const bad = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', 'three')
      .send({ tables: good() });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/headers/if-match');
    expect(await t.store.latestSubmission(LEEDS)).toBeNull();
  });

  test('a workbook with errors is 422 with every issue and nothing stored', async () => {
    let tables = good();
    tables = setCell(tables, 'Commitments', 1, 'Quantity', -2);
    tables = setCell(tables, 'Contacts', 1, 'Email', 'not-an-email');
    const res = await request(t.app).put(url).set('Authorization', leeds).send({ tables });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const codes = (res.body.issues as { code: string; sheet: string; cell: string }[]).map(
      (i) => `${i.sheet}:${i.code}`,
    );
    expect(codes).toEqual(expect.arrayContaining(['Commitments:cell/range', 'Contacts:cell/format']));
    expect(res.body.issues.every((i: { cell?: string }) => typeof i.cell === 'string')).toBe(true);
    expect(await t.store.latestSubmission(LEEDS)).toBeNull();
    expect((await t.store.listAudit()).filter((e) => e.action === 'submission.create')).toHaveLength(0);
  });

  test('a failed precondition is reported before the issues of a workbook with errors; If-Match "0" is stale', async () => {
    const bad = setCell(good(), 'Commitments', 1, 'Quantity', -2);
    const put = (ifMatch: string | null, tables: unknown) => {
      const req = request(t.app).put(url).set('Authorization', leeds);
      return (ifMatch === null ? req : req.set('If-Match', ifMatch)).send({ tables });
    };
    const none = await put('"2"', bad);
    expect(none.status).toBe(412);
    expect(none.body).toMatchObject({ currentVersion: null });
    expect((await put('"0"', good())).status).toBe(412);
    expect((await put(null, good())).status).toBe(201);
    const missing = await put(null, bad);
    expect(missing.status).toBe(428);
    expect(missing.body.errors[0].pointer).toBe('/headers/if-match');
    const stale = await put('"7"', bad);
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ currentVersion: 1 });
    expect(stale.headers.etag).toBe('"1"');
    expect((await put('"0"', good())).status).toBe(412);
    expect((await put('"1"', bad)).status).toBe(422);
    expect((await t.store.latestSubmission(LEEDS))?.version).toBe(1);
  });

  test('a workbook for another organisation is refused with about/organisation-not-yours', async () => {
    const tables = jsonTables(goodRawTables(testCatalogue(), POLICE));
    const res = await request(t.app).put(url).set('Authorization', leeds).send({ tables });
    expect(res.status).toBe(422);
    expect(res.body.issues.map((i: { code: string }) => i.code)).toContain('about/organisation-not-yours');
  });

  test('a line manager cannot read or write another organisation; the PMG can', async () => {
    const policeUrl = `/api/organisations/${POLICE}/submission`;
    const tables = jsonTables(goodRawTables(testCatalogue(), POLICE));
    const refused = await request(t.app).put(policeUrl).set('Authorization', leeds).send({ tables });
    expect(refused.status).toBe(403);
    expect(await t.store.latestSubmission(POLICE)).toBeNull();
    const pmg = await t.bearer(MEMBERS.pmg);
    const ok = await request(t.app).put(policeUrl).set('Authorization', pmg).send({ tables });
    expect(ok.status).toBe(201);
    expect((await request(t.app).get(policeUrl).set('Authorization', leeds)).status).toBe(403);
    expect(
      (
        await request(t.app)
          .get(policeUrl)
          .set('Authorization', await t.bearer(MEMBERS.viewer))
      ).status,
    ).toBe(403);
  });

  test('an organisation that is not in the catalogue is 404', async () => {
    const pmg = await t.bearer(MEMBERS.pmg);
    const res = await request(t.app)
      .put('/api/organisations/nobody/submission')
      .set('Authorization', pmg)
      .send({ tables: good() });
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain('nobody');
  });

  test('20 concurrent writers with the same base version: exactly one wins, the others get 412', async () => {
    await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() }).expect(201);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(t.app).put(url).set('Authorization', leeds).set('If-Match', '"1"').send({ tables: changed() }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    expect((await t.store.submissionHistory(LEEDS)).map((s) => s.version)).toEqual([2, 1]);
  });
});

test('If-Match: * on an existing version is refused with 412 asking for the version edited; nothing stored', async () => {
  await request(t.app).put(url).set('Authorization', leeds).send({ tables: good() }).expect(201);
  const res = await request(t.app).put(url).set('Authorization', leeds).set('If-Match', '*').send({ tables: good() });
  expect(res.status).toBe(412);
  expect(res.body.detail).toContain('If-Match: * is not accepted');
  expect(res.body.detail).toContain('If-Match: "1"');
  expect(res.body.currentVersion).toBe(1);
  expect(res.headers.etag).toBe('"1"');
  expect(await t.store.latestSubmissionVersion(LEEDS)).toBe(1);
});

describe('the body of a PUT, read as bytes and checked off the event loop when large', () => {
  test('a workbook of 3,000 commitments (checked on a worker thread) is stored and read back whole', async () => {
    const tables = fillCommitments(good(), 3000);
    const body = JSON.stringify({ tables, source: 'addin', fileName: 'Leeds ODA.xlsx' });
    expect(Buffer.byteLength(body)).toBeGreaterThan(CHECK_ON_THREAD_BYTES);
    const res = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, source: 'addin', fileName: 'Leeds ODA.xlsx' });
    const stored = await t.store.latestSubmission(LEEDS);
    expect(stored?.submission.commitments).toHaveLength(tables.Commitments!.values.length - 1);
    expect(res.body.digest).toBe(digestOf(stored!.submission));
  });

  test('a large workbook with an error is a 422 naming the cell, and nothing is stored', async () => {
    const tables = good();
    for (let i = 1; i <= 3000; i++) {
      addRow(tables, 'Commitments', { Ref: `X${i}`, Description: `Analyst support for project ${i}`.padEnd(100, '.') });
    }
    expect(Buffer.byteLength(JSON.stringify({ tables }))).toBeGreaterThan(CHECK_ON_THREAD_BYTES);
    const res = await request(t.app).put(url).set('Authorization', leeds).send({ tables });
    expect(res.status).toBe(422);
    // The first 1,000 issues listed, all of them counted (shared/issueReport.ts).
    expect(res.body.issues).toHaveLength(1000);
    expect(res.body).toMatchObject({ truncated: true, warningCount: 0 });
    expect(res.body.errorCount).toBeGreaterThan(3000);
    expect(res.body.byCode['cell/required']).toBeGreaterThan(3000);
    expect(res.body.issues[0]).toMatchObject({ sheet: 'Commitments', severity: 'error' });
    expect(await t.store.latestSubmission(LEEDS)).toBeNull();
  });

  test('a valid workbook with more than 1,000 warnings lists the first 1,000 and counts them all', async () => {
    const tables = jsonTables(fillCommitments(goodRawTables(testCatalogue(), LEEDS), 1200));
    // Every commitment ends after the MoU period: a warning each, and the workbook is still valid.
    const end = tables.Commitments!.values[0]!.indexOf('End');
    for (const row of tables.Commitments!.values.slice(1)) row[end] = '2029-03-31';
    const res = await request(t.app).put(url).set('Authorization', leeds).send({ tables });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ warningCount: 1200, warningsTruncated: true });
    expect(res.body.warnings).toHaveLength(1000);
    expect(res.body.warnings[0]).toMatchObject({ code: 'commitment/outside-mou-period', row: 2 });
    // The stored version keeps every warning; what the API shows of it is capped the same way everywhere.
    expect((await t.store.latestSubmission(LEEDS))!.warnings).toHaveLength(1200);
    const history = await request(t.app).get(`/api/organisations/${LEEDS}/submissions`).set('Authorization', leeds);
    expect(history.body.versions[0]).toMatchObject({ warningCount: 1200, warningsTruncated: true });
    expect(history.body.versions[0].warnings).toHaveLength(1000);
    const current = await request(t.app).get(url).set('Authorization', leeds);
    expect(current.body).toMatchObject({ warningCount: 1200, warningsTruncated: true });

    const few = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .send({ tables: good() });
    expect(few.status).toBe(201);
    expect(few.body).toMatchObject({ warnings: [], warningCount: 0, warningsTruncated: false });
  });

  test('the path matched as Express matches it, whatever its case', async () => {
    const res = await request(t.app)
      .put(`/api/Organisations/${LEEDS}/Submission`)
      .set('Authorization', leeds)
      .send({ tables: good() });
    expect(res.status).toBe(201);
  });

  test('UTF-16 JSON is read by its charset; a charset that is not Unicode is a 415; broken JSON a 400', async () => {
    const utf16 = Buffer.from(`\uFEFF${JSON.stringify({ tables: good() })}`, 'utf16le');
    const ok = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('Content-Type', 'application/json; charset=utf-16le')
      // Sent as the bytes they are (superagent would otherwise write a Buffer as JSON).
      .serialize((bytes: unknown) => bytes as string)
      .send(utf16);
    expect(ok.status).toBe(201);

    const latin1 = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .set('Content-Type', 'application/json; charset=latin1')
      .send(JSON.stringify({ tables: good() }));
    expect(latin1.status).toBe(415);
    expect(latin1.body.detail).toBe('unsupported charset "LATIN1"; send UTF-8 JSON.');

    const broken = await request(t.app)
      .put(url)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .set('Content-Type', 'application/json')
      .send('{"tables": {');
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/^The request body is not valid JSON: /);
    expect(broken.body.errors).toEqual([{ pointer: '/body', detail: 'is not valid JSON' }]);
    // As body-parser's strict mode on every other route: a body that is not an object or array is not JSON here.
    for (const text of ['"just text"', '   ']) {
      const notObject = await request(t.app)
        .put(url)
        .set('Authorization', leeds)
        .set('If-Match', '"1"')
        .set('Content-Type', 'application/json')
        .send(text);
      expect(notObject.status).toBe(400);
      expect(notObject.body.type).toMatch(/malformed-json$/);
    }
    expect((await t.store.latestSubmission(LEEDS))?.version).toBe(1);
  });
});

describe('upload and validate', () => {
  test('an uploaded workbook is stored through the same importer with the same If-Match rules', async () => {
    const file = await xlsxOf(good());
    const res = await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .attach('file', file, 'leeds.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, source: 'upload', fileName: 'leeds.xlsx' });
    const again = await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .attach('file', file, 'leeds.xlsx');
    expect(again.status).toBe(428);
    const ok = await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .attach('file', await xlsxOf(changed()), 'leeds.xlsx');
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(2);
  });

  test('a file that is not a workbook is a 422 problem with one sentence naming it; nothing stored', async () => {
    const res = await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .attach('file', Buffer.from('just some text, not a spreadsheet'), 'notes.xlsx');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.detail).toContain('notes.xlsx');
    expect(res.body.errors[0].pointer).toBe('/body/file');
    expect(await t.store.latestSubmission(LEEDS)).toBeNull();
  });

  test('a workbook with more rows than a partner workbook can have is a 413 problem; nothing stored', async () => {
    const wb = new ExcelJS.Workbook();
    const about = wb.addWorksheet('About');
    about.addRow(['Field', 'Value']);
    about.getCell(100_005, 1).value = 'stray';
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await request(t.app)
      .post(`${url}/upload`)
      .set('Authorization', leeds)
      .attach('file', file, 'wide.xlsx');
    expect(res.status).toBe(413);
    expect(res.body.type).toMatch(/payload-too-large$/);
    expect(res.body.detail).toContain('wide.xlsx');
    expect(res.body.errors[0].pointer).toBe('/body/file');
    expect(await t.store.latestSubmission(LEEDS)).toBeNull();
  });

  test('an upload without a file, or over the upload limit, is a clear problem', async () => {
    const none = await request(t.app).post(`${url}/upload`).set('Authorization', leeds).field('note', 'x');
    expect(none.status).toBe(400);
    expect(none.body.errors[0].pointer).toBe('/body/file');
    const small = await makeTestApp({ env: { UPLOAD_LIMIT: '1kb' } });
    try {
      const big = await request(small.app)
        .post(`${url}/upload`)
        .set('Authorization', await small.bearer(MEMBERS.leeds))
        .attach('file', Buffer.alloc(4096, 1), 'big.xlsx');
      expect(big.status).toBe(413);
      expect(big.body.detail).toContain('1 KB');
    } finally {
      await small.close();
    }
  });

  test('validate is a dry run over tables or a file, and stores nothing', async () => {
    const bad = setCell(good(), 'Commitments', 1, 'Unit', 'Datasets');
    const report = await request(t.app)
      .post(`/api/organisations/${LEEDS}/validate`)
      .set('Authorization', leeds)
      .send({ tables: bad });
    expect(report.status).toBe(200);
    expect(report.body.valid).toBe(false);
    expect(report.body.issues.map((i: { code: string }) => i.code)).toContain('commitment/unit-mismatch');

    const fileReport = await request(t.app)
      .post(`/api/organisations/${LEEDS}/validate`)
      .set('Authorization', leeds)
      .attach('file', await xlsxOf(good()), 'leeds.xlsx');
    expect(fileReport.status).toBe(200);
    expect(fileReport.body).toMatchObject({ valid: true, organisationId: LEEDS, errors: 0 });
    expect(await t.store.latestSubmission(LEEDS)).toBeNull();
  });
});

describe('template', () => {
  test('downloads the organisation’s workbook, the same as the template writer makes', async () => {
    const res = await request(t.app)
      .get(`/api/organisations/${LEEDS}/template.xlsx`)
      .set('Authorization', leeds)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`${LEEDS}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const expected = new ExcelJS.Workbook();
    await expected.xlsx.load(new Uint8Array(await writePartnerTemplate(testCatalogue(), LEEDS)).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expected.worksheets.map((w) => w.name));
    expect(wb.getWorksheet('About')?.getColumn(2).values).toEqual(expected.getWorksheet('About')?.getColumn(2).values);
  });
});
