/**
 * Hostile and broken .ods files are refused by the vetting (server/import/vetWorkbookFile.ts, ods/vetOds.ts)
 * or by the reader's limits before they cost memory or time: zip bombs, XML entity expansion, repetitions
 * that would fill millions of cells, entry names that climb out of the package, passwords, damage. Each gets
 * one sentence naming the file.
 */
import { readWorkbook, WORKBOOK_LIMITS, WorkbookFileError } from '../../server/import/readWorkbook.js';
import { zipFile, type ZipPart } from '../helpers/zipFile.js';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
].join(' ');

/** content.xml with `tables` (table:table elements) in its spreadsheet body. */
function content(tables: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${prolog}<office:document-content ${NS} office:version="1.3"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
}

function ods(contentXml: string, extra: ZipPart[] = []): Buffer {
  return zipFile([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
    { name: 'content.xml', data: contentXml },
    ...extra,
  ]);
}

const row = (...cells: string[]) =>
  `<table:table-row>${cells.map((c) => `<table:table-cell office:value-type="string"><text:p>${c}</text:p></table:table-cell>`).join('')}</table:table-row>`;
const ROLES = `<table:table table:name="Roles">${row('Activity', 'Role')}${row('Data sharing agreements', 'Responsible')}</table:table>`;

async function refusal(data: Buffer, fileName: string): Promise<WorkbookFileError> {
  const error = await readWorkbook(data, { fileName }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookFileError);
  const refused = error as WorkbookFileError;
  // One sentence naming the file.
  expect(refused.message.startsWith(`${fileName} `)).toBe(true);
  expect(refused.message).not.toMatch(/\n|\.\s/);
  return refused;
}

test('a minimal hand-made .ods is read (the baseline the hostile files below differ from)', async () => {
  expect(await readWorkbook(ods(content(ROLES)), { fileName: 'roles.ods' })).toEqual({
    Roles: {
      sheet: 'Roles',
      topLeft: 'A1',
      values: [
        ['Activity', 'Role'],
        ['Data sharing agreements', 'Responsible'],
      ],
    },
  });
});

test('XML entity expansion (billion laughs) is refused before any parser sees it', async () => {
  const entities = ['<!ENTITY lol0 "lol">']
    .concat(Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`))
    .join('');
  const laughs = ods(
    content(
      `<table:table table:name="Roles">${row('Activity', 'Role')}${row('&lol9;', 'Responsible')}</table:table>`,
      `<!DOCTYPE lolz [${entities}]>`,
    ),
  );
  const error = await refusal(laughs, 'laughs.ods');
  expect(error.problem).toBe('damaged');
  expect(error.message).toMatch(/^laughs\.ods declares its own XML entities, which no spreadsheet program writes/);
  // An entity used without a declaration is no better: the parser knows only XML's own five.
  const undeclared = ods(content(`<table:table table:name="Roles">${row('&lol9;')}</table:table>`));
  expect((await refusal(undeclared, 'undeclared.ods')).problem).toBe('damaged');
});

test('zip bombs and parts that lie about their size are refused', async () => {
  const bomb = ods(content(ROLES), [
    { name: 'Pictures/big.png', data: 'x', declaredSize: WORKBOOK_LIMITS.maxUnpackedBytes + 1 },
  ]);
  const refused = await refusal(bomb, 'bomb.ods');
  expect(refused.problem).toBe('too-large');
  expect(refused.message).toMatch(/^bomb\.ods unpacks to 100 MB, more than the 100 MB allowed/);

  // content.xml inflates far past what it declares: inflating stops at the declared size.
  const liar = zipFile([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
    { name: 'content.xml', data: Buffer.alloc(50_000_000, ' '), declaredSize: 1000 },
  ]);
  const lie = await refusal(liar, 'liar.ods');
  expect(lie.problem).toBe('damaged');
  expect(lie.message).toMatch(/^liar\.ods is damaged \(its part content\.xml cannot be read\)/);
});

test('repetitions that would fill millions of cells are refused before they are filled', async () => {
  const filled = (rows: number, columns: number) =>
    ods(
      content(
        `<table:table table:name="Roles">${row('Activity', 'Role')}<table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${columns}" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`,
      ),
    );
  const tall = await refusal(filled(1_048_575, 1), 'tall.ods');
  expect(tall.message).toBe(
    'tall.ods has more than 100,000 rows in use on sheet Roles, too many for a partner workbook: delete the unused rows below your tables and send it again.',
  );
  const wide = await refusal(filled(1, 16_384), 'wide.ods');
  expect(wide.message).toMatch(/^wide\.ods has a value in column 16384 of sheet Roles, more than the 1000 columns/);
  const square = await refusal(filled(90_000, 900), 'square.ods');
  expect(square.problem).toBe('too-large');
  expect(square.message).toMatch(/^square\.ods repeats its cells to fill more than 1,000,000 cells/);

  // Empty rows and cells repeated to the sheet's end, as LibreOffice writes them, cost nothing.
  const blankTail = ods(
    content(
      `<table:table table:name="Roles">${row('Activity', 'Role')}${row('Data sharing agreements', 'Responsible')}<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`,
    ),
  );
  expect((await readWorkbook(blankTail, { fileName: 'tail.ods' })).Roles?.values).toHaveLength(2);
});

test('entry names that climb out of the package, hide behind backslashes or appear twice are refused', async () => {
  const cases: [string, ZipPart[], RegExp][] = [
    [
      'climb.ods',
      [{ name: '../../etc/cron.d/evil', data: 'x' }],
      /the name of its part "\.\.\/\.\.\/etc\/cron\.d\/evil" climbs out of the package/,
    ],
    ['backslash.ods', [{ name: 'Pictures\\..\\x.png', data: 'x' }], /holds a backslash/],
    ['control.ods', [{ name: 'Pictures/a\u0000.png', data: 'x' }], /holds a control character/],
    ['drive.ods', [{ name: 'C:/x.xml', data: 'x' }], /is an absolute path/],
    ['twice.ods', [{ name: 'content.xml', data: content('') }], /the name of its part "content\.xml" appears twice/],
  ];
  for (const [fileName, extra, message] of cases) {
    const error = await refusal(ods(content(ROLES), extra), fileName);
    expect(error.problem).toBe('damaged');
    expect(error.message).toMatch(message);
  }
});

test('a password-protected, incomplete or damaged .ods gets one sentence saying what to do', async () => {
  const manifest = {
    name: 'META-INF/manifest.xml',
    data: '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
  };
  const locked = await refusal(ods('\u0001\u0002encrypted', [manifest]), 'locked.ods');
  expect(locked.problem).toBe('password-protected');
  expect(locked.message).toMatch(
    /^locked\.ods is password-protected: open it in LibreOffice, save a copy without a password/,
  );

  const hollow = zipFile([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }]);
  expect((await refusal(hollow, 'hollow.ods')).message).toMatch(
    /^hollow\.ods is an OpenDocument spreadsheet without its content/,
  );

  const broken = await refusal(ods(content(ROLES).replace('</table:table>', '')), 'broken.ods');
  expect(broken.problem).toBe('damaged');
  expect(broken.message).toMatch(/^broken\.ods could not be read as an OpenDocument spreadsheet/);
});
