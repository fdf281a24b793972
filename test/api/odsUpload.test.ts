/**
 * The upload and validate routes take an .ods saved by LibreOffice as they take the .xlsx it was saved from
 * (the same reader on the same worker threads, the same checks), and refuse a hostile .ods with one sentence.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { convertWithLibreOffice, describeWithLibreOffice } from '../helpers/libreOffice.js';
import { goodRawTables, setCell, xlsxOf } from '../helpers/rawTables.js';
import { makeTestApp, MEMBERS, type TestApp } from '../helpers/testApp.js';
import { zipFile } from '../helpers/zipFile.js';

let t: TestApp;
let leeds: string;
let dir: string;
let goodOds: Buffer;
let badOds: Buffer;
const url = `/api/organisations/${LEEDS}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-ods-api-'));
  const good = path.join(dir, 'leeds.xlsx');
  const bad = path.join(dir, 'leeds-bad.xlsx');
  await writeFile(good, await xlsxOf(goodRawTables(testCatalogue(), LEEDS)));
  await writeFile(
    bad,
    await xlsxOf(setCell(goodRawTables(testCatalogue(), LEEDS), 'Commitments', 1, 'Unit', 'Datasets')),
  );
  const [goodFile, badFile] = await convertWithLibreOffice([good, bad], 'ods', dir);
  goodOds = await readFile(goodFile!);
  badOds = await readFile(badFile!);
}, 240_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  t = await makeTestApp();
  leeds = await t.bearer(MEMBERS.leeds);
});
afterEach(async () => {
  await t.close();
});

describeWithLibreOffice('an .ods over the API', () => {
  test('is validated and stored through the same checks as an .xlsx', async () => {
    const report = await request(t.app)
      .post(`${url}/validate`)
      .set('Authorization', leeds)
      .attach('file', badOds, 'leeds-bad.ods');
    expect(report.status).toBe(200);
    expect(report.body.valid).toBe(false);
    expect(report.body.issues).toEqual([
      expect.objectContaining({ code: 'commitment/unit-mismatch', sheet: 'Commitments', cell: 'E2' }),
    ]);

    const stored = await request(t.app)
      .post(`${url}/submission/upload`)
      .set('Authorization', leeds)
      .attach('file', goodOds, 'leeds.ods');
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ version: 1, source: 'upload', fileName: 'leeds.ods' });

    // The same workbook as .xlsx is the same submission: unchanged, nothing new stored.
    const again = await request(t.app)
      .post(`${url}/submission/upload`)
      .set('Authorization', leeds)
      .set('If-Match', '"1"')
      .attach('file', await xlsxOf(goodRawTables(testCatalogue(), LEEDS)), 'leeds.xlsx');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 1, unchanged: true });
  });
});

test('a hostile .ods upload is refused with one sentence, and nothing is stored', async () => {
  const laughs = zipFile([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
    { name: 'content.xml', data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>' },
  ]);
  const res = await request(t.app)
    .post(`${url}/submission/upload`)
    .set('Authorization', leeds)
    .attach('file', laughs, 'laughs.ods');
  expect(res.status).toBe(422);
  expect(res.body.detail).toMatch(/^laughs\.ods declares its own XML entities/);
  expect(await t.store.latestSubmission(LEEDS)).toBeNull();
});
