/**
 * docs/ is kept in step with the code it describes: the column tables of docs/workbook-contract.md are the
 * text workbookContractTables() writes from shared/contract.ts. After changing the contract, run
 * `UPDATE_DOCS=1 npm test -- test/docs/docs.test.ts` to rewrite them (formatted with prettier), and read the diff.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import * as prettier from 'prettier';
import { workbookContractTables } from '../../shared/contractDoc.js';
import { consolidate } from '../../shared/consolidate.js';
import { ISSUE_CODES } from '../../shared/issues.js';
import { cleanSources, testCatalogue } from '../helpers/registerFixtures.js';

const CONTRACT_PAGE = new URL('../../docs/workbook-contract.md', import.meta.url);
const BEGIN = '<!-- generated from shared/contract.ts by workbookContractTables (shared/contractDoc.ts): begin -->';
const END = '<!-- generated: end -->';

/** Markdown as compared: table cells trimmed and separator rows reduced, so prettier's padding does not count. */
function normalised(markdown: string): string {
  return markdown
    .trim()
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) return line.trimEnd();
      return line
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/^:?-+:?$/, '---'))
        .join('|');
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function generatedPart(page: string): string {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/workbook-contract.md has lost its markers ${BEGIN} ... ${END}`);
  return page.slice(begin + BEGIN.length, end);
}

describe('docs/workbook-contract.md', () => {
  it('holds the column tables of shared/contract.ts', async () => {
    let page = readFileSync(CONTRACT_PAGE, 'utf8');
    if (process.env.UPDATE_DOCS === '1') {
      const begin = page.indexOf(BEGIN) + BEGIN.length;
      const rewritten = `${page.slice(0, begin)}\n\n${workbookContractTables()}\n\n${page.slice(page.indexOf(END))}`;
      const options = await prettier.resolveConfig(CONTRACT_PAGE.pathname);
      page = await prettier.format(rewritten, { ...options, filepath: CONTRACT_PAGE.pathname });
      writeFileSync(CONTRACT_PAGE, page);
    }
    expect(normalised(generatedPart(page))).toBe(normalised(workbookContractTables()));
  });

  it('names every column of every table, with its enumeration ids', () => {
    const page = readFileSync(CONTRACT_PAGE, 'utf8');
    for (const text of [
      '| Organisation ID ',
      '| Contact role ',
      '`gbp-per-year`',
      'Accountable (`accountable`, or A)',
    ]) {
      expect(page).toContain(text);
    }
  });
});

describe('docs/issue-codes.md', () => {
  const page = readFileSync(new URL('../../docs/issue-codes.md', import.meta.url), 'utf8');
  it.each(Object.entries(ISSUE_CODES))('gives %s the meaning shared/issues.ts gives it', (code, def) => {
    const row = page
      .split('\n')
      .map((l) => l.split('|').map((c) => c.trim()))
      .find((cells) => cells[1] === `\`${code}\``);
    expect(row?.[4]).toBe(def.summary);
  });
});

describe('docs/register-format.md', () => {
  it('shows a way to check a register export’s digest without this software, and it works', () => {
    const page = readFileSync(new URL('../../docs/register-format.md', import.meta.url), 'utf8');
    expect(page).toContain('const { version, createdAt, digest, ...content } = JSON.parse(text);');
    expect(page).toContain("createHash('sha256').update(canonicalize(content), 'utf8').digest('hex')");

    const catalogue = testCatalogue();
    const register = consolidate(catalogue, cleanSources(catalogue), { version: 4, createdAt: '2026-01-05T10:12:00Z' });
    const text = JSON.stringify(register, null, 2);
    const { version: _v, createdAt: _c, digest, ...content } = JSON.parse(text) as Record<string, unknown>;
    expect(digest).toBe(`sha256:${createHash('sha256').update(canonicalize(content)!, 'utf8').digest('hex')}`);
  });
});

describe('docs/', () => {
  const dir = new URL('../../docs/', import.meta.url);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.md'));

  it('has the pages a newcomer needs', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'architecture.md',
        'issue-codes.md',
        'register-format.md',
        'service.md',
        'workbook-contract.md',
      ]),
    );
  });

  const root = new URL('../../', import.meta.url);
  const readmes = ['README.md', 'examples/README.md', 'server/store/README.md'].map((f) => new URL(f, root));
  // Folders the project makes as it runs (.gitignore's plain entries, such as test/browser/artifacts/): named in
  // the pages, absent from a fresh clone.
  const generated = readFileSync(new URL('.gitignore', root), 'utf8')
    .split('\n')
    .map((line) => line.trim().replace(/^\//, ''))
    .filter((line) => line && !line.startsWith('#') && !/[*?[!]/.test(line));

  it.each(
    [...pages.map((page) => new URL(page, dir)), ...readmes].map((url) => [
      url.pathname.slice(root.pathname.length),
      url,
    ]),
  )('%s links only to files of the repository that exist', (_name, url) => {
    const text = readFileSync(url, 'utf8');
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^https?:/.test(l))
      .map((l) => new URL(l, url));
    const paths = [...text.matchAll(/`((?:shared|server|addin|test|docs|bench|examples|manifest)\/[\w./-]*)`/g)].map(
      (m) => new URL(m[1]!, root),
    );
    const outside = [...links, ...paths]
      .filter((u) => !generated.some((place) => u.pathname.startsWith(new URL(place, root).pathname)))
      .filter((u) => !u.pathname.startsWith(root.pathname) || !existsSync(u));
    expect(outside.map((u) => u.pathname)).toEqual([]);
  });

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
  const anchor = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
  const anchorsOf = (url: URL) =>
    readFileSync(url, 'utf8')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => anchor(line.replace(/^#+ /, '')));

  it.each(
    [...pages.map((page) => new URL(page, dir)), ...readmes].map((url) => [
      url.pathname.slice(root.pathname.length),
      url,
    ]),
  )('%s links only to headings that exist', (_name, url) => {
    const text = readFileSync(url, 'utf8');
    const broken = [...text.matchAll(/\]\(([^)#\s]*)#([^)\s]+)\)/g)]
      .filter((m) => !/^https?:/.test(m[1]!))
      .map((m) => ({ file: new URL(m[1] || url.pathname, url), link: `${m[1]}#${m[2]}` }))
      .filter(({ file }) => file.pathname.endsWith('.md') && existsSync(file))
      .filter(({ file, link }) => !anchorsOf(file).includes(link.split('#')[1]!))
      .map(({ link }) => link);
    expect(broken).toEqual([]);
  });
});

describe('README.md', () => {
  const root = new URL('../../', import.meta.url);
  const readme = readFileSync(new URL('README.md', root), 'utf8');

  it('stays a ten-minute read that links to every page in docs/', () => {
    expect(readme.split('\n').length).toBeLessThan(150);
    const pages = readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md'));
    expect(pages.filter((page) => !readme.includes(`](docs/${page}`))).toEqual([]);
  });

  const ignored = [
    '.git',
    ...readFileSync(new URL('.gitignore', root), 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/^\//, '').replace(/\/$/, ''))
      .filter((line) => line && !line.startsWith('#')),
  ];

  it("maps every folder of the repository and of server/ (the map's table)", () => {
    const map = readme.slice(readme.indexOf('## The map'), readme.indexOf('\n## ', readme.indexOf('## The map') + 1));
    const folders = (url: URL, prefix: string) =>
      readdirSync(url, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !ignored.includes(e.name))
        .map((e) => `${prefix}${e.name}/`);
    // server/ is mapped by its folders; .git and what .gitignore names (node_modules/, data/, ...) are not the code.
    const all = [...folders(root, ''), ...folders(new URL('server/', root), 'server/')].filter((f) => f !== 'server/');
    expect(all.filter((folder) => !map.includes(`| \`${folder}\``) && !map.includes(`, \`${folder}\``))).toEqual([]);
  });
});
