/**
 * Render once: a register version's appendix is rendered once per format and sign-off state and kept in the
 * store. A hundred parallel downloads through the service render once and get the same bytes; another service
 * instance on the same database renders nothing; a new sign-off renders a new file that shows it.
 */
import { jest } from '@jest/globals';
import JSZip from 'jszip';
import request from 'supertest';
import { AppendixFiles, signOffState } from '../../server/services/appendixFiles.js';
import { renderAppendix } from '../../server/export/appendix/render.js';
import { createStore } from '../../server/store/createStore.js';
import { LEEDS } from '../helpers/catalogue.js';
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

test('a hundred parallel downloads of the Word appendix render it once and get the same file', async () => {
  const puts = jest.spyOn(t.store, 'putAppendixRender');
  const bearer = await t.bearer(MEMBERS.pmg);
  const responses = await Promise.all(
    Array.from({ length: 100 }, () =>
      request(t.app).get('/api/registers/1/appendix.docx').set('Authorization', bearer).buffer(true).parse(binary),
    ),
  );
  expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
  const bodies = new Set(responses.map((r) => (r.body as Buffer).toString('base64')));
  expect(bodies.size).toBe(1);
  expect(puts).toHaveBeenCalledTimes(1);
  // Later downloads read the kept file.
  const later = await request(t.app)
    .get('/api/registers/1/appendix.docx')
    .set('Authorization', bearer)
    .buffer(true)
    .parse(binary);
  expect((later.body as Buffer).toString('base64')).toBe([...bodies][0]);
  expect(puts).toHaveBeenCalledTimes(1);
  puts.mockRestore();
}, 120_000);

test('another instance on the same database serves the kept file without rendering', async () => {
  const stored = (await t.store.getRegister(1))!;
  const signOffs = await t.store.listSignOffs(1);
  const first = await new AppendixFiles(t.store, renderAppendix).file('xlsx', stored, signOffs);
  const other = await createStore({ sqlitePath: t.config.sqlitePath });
  try {
    const render = jest.fn(renderAppendix);
    const again = await new AppendixFiles(other, render).file('xlsx', stored, signOffs);
    expect(render).not.toHaveBeenCalled();
    expect(again.bytes.equals(first.bytes)).toBe(true);
  } finally {
    await other.close();
  }
}, 60_000);

test('a new sign-off is a new state: rendered again, stating the sign-off as at its moment', async () => {
  const stored = (await t.store.getRegister(1))!;
  const before = signOffState(stored, await t.store.listSignOffs(1));
  expect(before.asOf).toBe(stored.createdAt);
  const signOff = await t.store.addSignOff({ registerVersion: 1, organisationId: LEEDS, actor: 'lm@leeds.test' });
  const signOffs = await t.store.listSignOffs(1);
  const after = signOffState(stored, signOffs);
  expect(after.stateKey).not.toBe(before.stateKey);
  expect(after.asOf).toBe(signOff.signedAt);
  const render = jest.fn(renderAppendix);
  const files = new AppendixFiles(t.store, render);
  const [a, b] = await Promise.all([files.file('csv', stored, signOffs), files.file('csv', stored, signOffs)]);
  expect(render).toHaveBeenCalledTimes(1);
  expect(a.bytes.equals(b.bytes)).toBe(true);
  const readme = await (await JSZip.loadAsync(a.bytes)).file('README.txt')!.async('string');
  expect(readme).toContain(`ODA sign-offs as at: ${signOff.signedAt}`);
}, 60_000);
