/**
 * The appendices over HTTP and the command line: GET /api/registers/{version}/appendix.{docx,xlsx,ods,zip,json}
 * for every member, POST /api/verify, and `oda-register export --format ...` / `oda-register verify FILE`
 * with their exit codes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import request from 'supertest';
import { runCliIn } from '../helpers/cliRun.js';
import { makeRegisterApp } from '../helpers/registerApp.js';
import { MEMBERS, type TestApp } from '../helpers/testApp.js';

let t: TestApp;

beforeAll(async () => {
  t = await makeRegisterApp();
}, 60_000);
afterAll(async () => t?.close());

const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

const download = async (who: string, file: string) =>
  request(t.app)
    .get(`/api/registers/1/${file}`)
    .set('Authorization', await t.bearer(who))
    .buffer(true)
    .parse(binary);

describe('GET /api/registers/{version}/appendix.*', () => {
  test.each([
    ['appendix.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'appendices.docx'],
    ['appendix.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'appendices.xlsx'],
    ['appendix.ods', 'application/vnd.oasis.opendocument.spreadsheet', 'appendices.ods'],
    ['appendix.zip', 'application/zip', 'appendices.zip'],
    ['appendix.json', 'application/json', 'register.json'],
  ])('%s: the file, named after the partnership and version', async (file, type, ending) => {
    const res = await download(MEMBERS.pmg, file);
    expect([res.status, res.status === 200 ? '' : (res.body as Buffer).toString()]).toEqual([200, '']);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="wy-oda-register-v1-${ending}"`);
    expect((res.body as Buffer).length).toBeGreaterThan(100);
  });

  test('viewers and line managers (who sign) may download; a missing version is a 404 problem', async () => {
    expect((await download(MEMBERS.viewer, 'appendix.docx')).status).toBe(200);
    expect((await download(MEMBERS.leeds, 'appendix.xlsx')).status).toBe(200);
    const missing = await request(t.app)
      .get('/api/registers/7/appendix.docx')
      .set('Authorization', await t.bearer(MEMBERS.pmg));
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('There is no register version 7.');
    expect((await request(t.app).get('/api/registers/1/appendix.docx')).status).toBe(401);
  });

  test('the routes are in the OpenAPI document with an operation id and tag', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body;
    const get = doc.paths['/api/registers/{version}/appendix.docx'].get;
    expect(get.operationId).toBe('getRegisterAppendixDocx');
    expect(get.tags).toEqual(['registers']);
    expect(doc.paths['/api/verify'].post.operationId).toBe('verifyAppendix');
  });
});

describe('POST /api/verify', () => {
  test('a downloaded appendix is a true copy; an edited one names what changed', async () => {
    const bytes = (await download(MEMBERS.viewer, 'appendix.zip')).body as Buffer;
    const pmg = await t.bearer(MEMBERS.pmg);
    const ok = await request(t.app).post('/api/verify').set('Authorization', pmg).attach('file', bytes, 'a.zip');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ verdict: 'true-copy', format: 'csv', version: 1 });
    expect(ok.body.message).toMatch(
      /^True copy of register version 1 \(sha256:[0-9a-f]{12}\.\.\.\) of the West Yorkshire/,
    );

    const zip = await JSZip.loadAsync(bytes);
    const name = 'A-partner-organisations.csv';
    zip.file(name, (await zip.file(name)!.async('string')).replace('Sam Signer', 'Sam Signor'));
    const edited = await request(t.app)
      .post('/api/verify')
      .set('Authorization', pmg)
      .attach('file', await zip.generateAsync({ type: 'nodebuffer' }), 'a.zip');
    expect(edited.body.verdict).toBe('edited');
    expect(edited.body.differences[0]).toMatchObject({
      field: 'MoU signatory',
      found: 'Sam Signor',
      expected: 'Sam Signer',
    });
  });
});

function cli(...args: string[]) {
  return runCliIn(t.dir, {}, ['--db', t.config.sqlitePath, ...args]);
}

describe('oda-register export and verify', () => {
  test.each(['docx', 'xlsx', 'ods', 'csv', 'json'])(
    'export --format %s, then verify: a true copy (exit 0)',
    async (format) => {
      const file = path.join(t.dir, `appendix.${format}`);
      const exported = await cli('export', '--format', format, '--version', '1', '--out', file);
      expect(exported.err).toBe('');
      expect(exported.code).toBe(0);
      expect(exported.out).toMatch(/^Wrote register version 1 \(sha256:/);
      const verified = await cli('verify', file);
      expect(verified.out).toMatch(
        /: True copy of register version 1 \(sha256:[0-9a-f]{12}\.\.\.\) of the West Yorkshire Office of Data Analytics\.\n$/,
      );
      expect(verified.code).toBe(0);
    },
  );

  test('an edited file exits 1 naming the change; a file that is not an appendix exits 2', async () => {
    const file = path.join(t.dir, 'edited.json');
    await cli('export', '--format', 'json', '--out', file);
    const register = JSON.parse(await readFile(file, 'utf8'));
    register.organisations[0].signatory = 'Someone Else';
    await writeFile(file, JSON.stringify(register));
    const edited = await cli('verify', file);
    expect(edited.code).toBe(1);
    expect(edited.out).toContain(
      'the register, organisations[0].signatory: the file says "Someone Else", the register says "Sam Signer".',
    );

    const junk = path.join(t.dir, 'notes.txt');
    await writeFile(junk, 'hello');
    const notAppendix = await cli('verify', junk);
    expect(notAppendix.code).toBe(2);
    expect(notAppendix.out).toContain('Not a register appendix');
    expect((await cli('verify', path.join(t.dir, 'nope.docx'))).code).toBe(2);
    expect((await cli('export', '--format', 'pdf', '--out', junk)).err).toContain(
      '--format must be one of: docx, xlsx, ods, csv, json',
    );
  });
});
