/**
 * The demo partnership in examples/: its catalogue is valid and covers what the README promises, and the
 * committed workbooks are exactly what examples/build-workbooks.ts makes from examples/partners/ (so nobody
 * edits the data and forgets to regenerate, or the reverse).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TABLES } from '../../shared/contract.js';
import { validateCatalogue } from '../../shared/catalogue.js';
import { INVOLVEMENT, SECTOR } from '../../shared/enums.js';
import type { Catalogue } from '../../shared/types.js';
import { readWorkbook } from '../../server/import/readWorkbook.js';
import { buildExampleWorkbooks, CATALOGUE_FILE, WORKBOOKS_DIR } from '../../examples/build-workbooks.js';
import { NON_SUBMITTING_ORGANISATION, PARTNERS } from '../../examples/partners/index.js';

let catalogue: Catalogue;

beforeAll(async () => {
  const result = validateCatalogue(JSON.parse(await readFile(CATALOGUE_FILE, 'utf8')));
  if ('problems' in result) throw new Error(JSON.stringify(result.problems, null, 2));
  catalogue = result.catalogue;
});

describe('examples/catalogue.json', () => {
  it('is a valid partnership catalogue', async () => {
    const result = validateCatalogue(JSON.parse(await readFile(CATALOGUE_FILE, 'utf8')));
    expect('problems' in result ? result.problems : []).toEqual([]);
  });

  it('has a partner in every sector and of every involvement', () => {
    const sectors = new Set(catalogue.organisations.map((o) => o.sector));
    const involvements = new Set(catalogue.organisations.map((o) => o.involvement));
    expect([...sectors].sort()).toEqual(SECTOR.options.map((o) => o.id).sort());
    expect([...involvements].sort()).toEqual(INVOLVEMENT.options.map((o) => o.id).sort());
  });

  it('gives every organisation one line manager, and has two PMG members and a viewer', () => {
    const lineManagers = catalogue.members.filter((m) => m.role === 'line-manager');
    expect(lineManagers.map((m) => m.organisationId).sort()).toEqual(catalogue.organisations.map((o) => o.id).sort());
    expect(catalogue.members.filter((m) => m.role === 'pmg')).toHaveLength(2);
    expect(catalogue.members.filter((m) => m.role === 'viewer')).toHaveLength(1);
  });

  it('uses only reserved .example email domains, so no real person is ever mailed', () => {
    const domains = catalogue.members.map((m) => m.email.split('@')[1] ?? '');
    expect(domains.filter((d) => !d.endsWith('.example'))).toEqual([]);
    const contactEmails = PARTNERS.flatMap((p) => p.contacts.map((c) => String(c.Email)));
    expect(contactEmails.filter((e) => !/@[a-z0-9.-]+\.example$/.test(e))).toEqual([]);
  });
});

describe('examples/workbooks', () => {
  it('holds one workbook per demo partner and nothing else; only one catalogue organisation has none', async () => {
    const files = (await readdir(WORKBOOKS_DIR)).filter((f) => !f.startsWith('.')).sort();
    expect(files).toEqual(PARTNERS.map((p) => `${p.organisationId}.xlsx`).sort());
    const withoutWorkbook = catalogue.organisations
      .map((o) => o.id)
      .filter((id) => !PARTNERS.some((p) => p.organisationId === id));
    expect(withoutWorkbook).toEqual([NON_SUBMITTING_ORGANISATION]);
  });

  describe('are in step with examples/partners', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'oda-examples-'));
      await buildExampleWorkbooks(dir, catalogue);
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each(PARTNERS.map((p) => p.organisationId))(
      '%s.xlsx reads back exactly like a freshly built one (else run npx tsx examples/build-workbooks.ts)',
      async (id) => {
        const file = `${id}.xlsx`;
        const committed = await readWorkbook(await readFile(path.join(WORKBOOKS_DIR, file)), { fileName: file });
        const fresh = await readWorkbook(await readFile(path.join(dir, file)), { fileName: file });
        expect(committed).toEqual(fresh);
        expect(Object.keys(committed)).toHaveLength(TABLES.length);
      },
    );
  });
});
