/**
 * Where an .xlsx keeps its parts, as its relationships say (Open Packaging Conventions): `_rels/.rels` names the
 * workbook part (usually `xl/workbook.xml`), the workbook's own relationships name each sheet's part, and each
 * sheet's relationships its tables. Excel always writes the usual places, but other tools may not (a workbook
 * at `xl2/workbook.xml`, a sheet at `xl/worksheets/data.xml`), and ExcelJS only looks in the usual places: such a
 * package is rewritten into them (toUsualLayout) before ExcelJS reads it, so its sheets are not silently
 * missed.
 *
 * The XML here is read with regular expressions over attributes: relationship and workbook parts are small,
 * flat lists, and only a few attributes of them are needed.
 */

/** One relationship of a part: its id, its type (the last segment of the type URI) and the part it targets. */
export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the zip (resolved against the source part's folder), or the URI when external. */
  target: string;
  external: boolean;
}

export interface PackageSheet {
  name: string;
  /** The worksheet's part; null for a chart sheet or a relationship that names no part. */
  part: string | null;
}

export interface WorkbookPackage {
  workbookPart: string;
  /** The sheets in the workbook's order. */
  sheets: PackageSheet[];
  /** The workbook part's relationships. */
  relationships: Relationship[];
}

/** Reads a part of the package as text, or null when there is no such part. */
export type PartReader = (name: string) => string | null;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** The attributes of every element `tag` (any namespace prefix) in `xml`. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}\\s([^>]*?)/?>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes[a[1]!] = unescapeXml(a[2] ?? a[3] ?? '');
    }
    found.push(attributes);
  }
  return found;
}

/** The folder of a part name, with its trailing slash ('' at the root). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** A relationship target resolved against its source part's folder: `../tables/t1.xml` from `xl/worksheets/`. */
export function resolveTarget(folder: string, target: string): string {
  let decoded = target.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  const segments = decoded.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** The relationships part of `part`: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relationshipsPartOf(part: string): string {
  return `${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

/** The relationships of `part` (none when it has no relationships part). */
export function relationshipsOf(read: PartReader, part: string): Relationship[] {
  const xml = read(relationshipsPartOf(part));
  if (xml === null) return [];
  const folder = folderOf(part);
  return elements(xml, 'Relationship').map((a) => {
    const external = (a.TargetMode ?? '').toLowerCase() === 'external';
    const target = a.Target ?? '';
    return {
      id: a.Id ?? '',
      type: (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1),
      target: external ? target : resolveTarget(folder, target),
      external,
    };
  });
}

/**
 * The workbook part and its sheets, or null when the package names no workbook part that holds a spreadsheet
 * workbook. A package without `_rels/.rels` is taken to keep its workbook at `xl/workbook.xml`.
 */
export function findWorkbookPackage(read: PartReader): WorkbookPackage | null {
  const named = relationshipsOf(read, '').find((r) => r.type === 'officeDocument' && !r.external)?.target;
  const workbookPart = named ?? 'xl/workbook.xml';
  const xml = read(workbookPart);
  if (xml === null || !/<(?:[\w.-]+:)?workbook[\s>/]/.test(xml)) return null;
  const relationships = relationshipsOf(read, workbookPart);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets = elements(xml, 'sheet').map((a): PackageSheet => {
    const idKey = Object.keys(a).find((k) => k.endsWith(':id'));
    const rel = idKey ? byId.get(a[idKey]!) : undefined;
    return { name: a.name ?? '', part: rel && rel.type === 'worksheet' && !rel.external ? rel.target : null };
  });
  return { workbookPart, sheets, relationships };
}

const USUAL_SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const USUAL_TABLE = /^xl\/tables\/table\d+\.xml$/;

/**
 * True when ExcelJS finds every part where the package keeps it: the workbook at `xl/workbook.xml`, each
 * worksheet at `xl/worksheets/sheetN.xml`, each table at `xl/tables/tableN.xml`, shared strings and styles
 * beside the workbook.
 */
export function hasUsualLayout(pkg: WorkbookPackage, read: PartReader): boolean {
  if (pkg.workbookPart !== 'xl/workbook.xml') return false;
  for (const rel of pkg.relationships) {
    if (rel.external) continue;
    if (rel.type === 'worksheet' && !USUAL_SHEET.test(rel.target)) return false;
    if (rel.type === 'sharedStrings' && rel.target !== 'xl/sharedStrings.xml') return false;
    if (rel.type === 'styles' && rel.target !== 'xl/styles.xml') return false;
  }
  for (const sheet of pkg.sheets) {
    if (sheet.part === null) continue;
    for (const rel of relationshipsOf(read, sheet.part)) {
      if (rel.type === 'table' && !rel.external && !USUAL_TABLE.test(rel.target)) return false;
    }
  }
  return true;
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&${Object.keys(ENTITIES).find((k) => ENTITIES[k] === ch)};`);
}

function relationshipsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship Id="${escapeXml(r.id)}" Type="${TYPE_BASE}${r.type}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">${items.join('')}</Relationships>`;
}

/**
 * The parts a reader needs, moved to the usual places: the workbook, its sheets, their tables, shared
 * strings, styles and theme, with relationships rewritten to match (ids kept, so the workbook's references
 * still hold) and the sheets' external links (hyperlinks) kept. Other parts (pictures, comments, drawings)
 * are left out: the reader does not use them. Returns part name -> content.
 */
export function toUsualLayout(pkg: WorkbookPackage, read: PartReader): Map<string, string> {
  const parts = new Map<string, string>();
  const put = (name: string, from: string): boolean => {
    const text = read(from);
    if (text !== null) parts.set(name, text);
    return text !== null;
  };
  parts.set('_rels/.rels', relationshipsXml([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]));
  put('xl/workbook.xml', pkg.workbookPart);
  const workbookRels: { id: string; type: string; target: string }[] = [];
  let sheetNo = 0;
  let tableNo = 0;
  for (const rel of pkg.relationships) {
    if (rel.external) continue;
    if (rel.type === 'worksheet') {
      const name = `worksheets/sheet${++sheetNo}.xml`;
      if (!put(`xl/${name}`, rel.target)) continue;
      workbookRels.push({ id: rel.id, type: rel.type, target: name });
      const sheetRels: { id: string; type: string; target: string; external?: boolean }[] = [];
      for (const sheetRel of relationshipsOf(read, rel.target)) {
        if (sheetRel.external) sheetRels.push(sheetRel);
        else if (sheetRel.type === 'table') {
          const table = `tables/table${++tableNo}.xml`;
          if (put(`xl/${table}`, sheetRel.target)) sheetRels.push({ ...sheetRel, target: `../${table}` });
        }
      }
      parts.set(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`, relationshipsXml(sheetRels));
    } else if (rel.type === 'sharedStrings' || rel.type === 'styles') {
      if (put(`xl/${rel.type}.xml`, rel.target)) {
        workbookRels.push({ id: rel.id, type: rel.type, target: `${rel.type}.xml` });
      }
    } else if (rel.type === 'theme') {
      if (put('xl/theme/theme1.xml', rel.target))
        workbookRels.push({ id: rel.id, type: rel.type, target: 'theme/theme1.xml' });
    }
  }
  parts.set('xl/_rels/workbook.xml.rels', relationshipsXml(workbookRels));
  return parts;
}
