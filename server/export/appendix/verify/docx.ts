/**
 * What a reader reads in a Word file, as blocks: the body's paragraphs under each heading (the title block and
 * its contents list, each appendix's paragraphs and notes, headings included), every table (every row and cell,
 * the RACI key among them), the text of the page headers and footers, and the document properties (core and
 * custom). A scanner over the WordprocessingML that keeps to what is shown: text of w:t (w:tab and w:br as white
 * space), text a reader cannot read marked as such (hidden by w:vanish, the colour of what is behind it (the
 * run's highlight or shading, else its paragraph's, cell's or table's shading, else the white page), or under
 * 4 pt, set on the run, its character, paragraph or table style or the document's defaults: styles.xml is read
 * for it), deleted text (w:delText)
 * and field codes left out, and the
 * results of page-number fields left out (Word fills them in when it saves). A file Word has re-saved (runs split,
 * proofing marks, other part names) reads the same.
 */
import { decodeXml } from '../docxRead.js';
import { NotAnAppendix, type Block, type FileIdentity } from './content.js';
import { VERIFY_LIMITS } from './open.js';

const TOKEN = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)((?:\s[^>]*?)?)(\/?)>|([^<]+)/g;
const VAL = /\bw:val\s*=\s*"([^"]*)"/;
/** Fields whose result Word computes (page numbers, dates): their shown text is not compared. */
const COMPUTED_FIELD = /^\s*(PAGE|NUMPAGES|SECTIONPAGES|SECTION|DATE|TIME|SAVEDATE|PRINTDATE|EDITTIME)\b/i;

interface Paragraph {
  style: string;
  text: string;
  /** Its own shading (w:pPr/w:shd), upper-case hex. */
  shading?: string;
}

interface Table {
  rows: string[][];
  /** Its first row repeats on every page (w:tblHeader): it names the columns. */
  header: boolean;
}

/** Run properties that decide whether a reader can read a run's text; undefined where not set. */
interface Look {
  vanish?: boolean;
  /** w:color, upper-case hex or "AUTO". */
  color?: string;
  /** Half-points. */
  size?: number;
  /** The run's own background: its shading (w:shd), upper-case hex. */
  shading?: string;
  /** Its highlight (w:highlight), as hex: drawn over the shading. */
  highlight?: string;
}

/** Word's highlight colours by name. */
const HIGHLIGHT: Record<string, string> = {
  black: '000000',
  blue: '0000FF',
  cyan: '00FFFF',
  green: '00FF00',
  magenta: 'FF00FF',
  red: 'FF0000',
  yellow: 'FFFF00',
  white: 'FFFFFF',
  darkBlue: '000080',
  darkCyan: '008080',
  darkGreen: '008000',
  darkMagenta: '800080',
  darkRed: '800000',
  darkYellow: '808000',
  darkGray: '808080',
  lightGray: 'C0C0C0',
};

/**
 * The colour a w:shd element paints, or undefined when it paints none: a solid pattern is its pattern colour
 * (w:color), any other its fill (w:fill); "auto" and "nil" paint nothing.
 */
function shadingColour(attrs: string): string | undefined {
  const pattern = attr(attrs, 'w:val');
  if (pattern === 'nil') return undefined;
  const colour = pattern === 'solid' ? attr(attrs, 'w:color') : attr(attrs, 'w:fill');
  return colour && !/^auto$/i.test(colour) ? colour.toUpperCase() : undefined;
}

/** Styles by id: what each sets of the look, and the style it is based on. */
interface Styles {
  defaults: Look;
  /** The paragraph style of a paragraph that names none. */
  normal: string;
  /** The table style of a table that names none. */
  normalTable: string;
  /** A table style's look is under the paragraph's; its cell shading (w:tcPr/w:shd) is behind the text. */
  byId: Map<string, { basedOn: string | null; look: Look; cellShading?: string }>;
}

const OFF = /w:val\s*=\s*"(0|false|off)"/;

/** Adds a run property element of `rPr` to `look`. */
function setLook(look: Look, local: string, attrs: string): void {
  if (local === 'vanish' || local === 'specVanish') look.vanish = !OFF.test(attrs);
  else if (local === 'color') look.color = (VAL.exec(attrs)?.[1] ?? 'auto').toUpperCase();
  else if (local === 'sz') {
    const size = Number(VAL.exec(attrs)?.[1]);
    if (Number.isFinite(size)) look.size = size;
  } else if (local === 'shd') {
    const colour = shadingColour(attrs);
    if (colour) look.shading = colour;
  } else if (local === 'highlight') {
    const colour = HIGHLIGHT[VAL.exec(attrs)?.[1] ?? ''];
    if (colour) look.highlight = colour;
  }
}

function lookOf(rPr: string): Look {
  const look: Look = {};
  for (const m of rPr.matchAll(/<w:(\w+)((?:\s[^>]*?)?)\/?>/g)) setLook(look, m[1]!, m[2] ?? '');
  return look;
}

/** The document's default run look and each style's (styles.xml), for the look of a run. */
function readStyles(parts: Map<string, Buffer>): Styles {
  const xml = parts.get('word/styles.xml')?.toString('utf8') ?? '';
  const rPr = (s: string) => /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(s)?.[1] ?? '';
  const defaults = lookOf(rPr(/<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(xml)?.[1] ?? ''));
  const byId = new Map<string, { basedOn: string | null; look: Look; cellShading?: string }>();
  let normal = '';
  let normalTable = '';
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'w:styleId');
    if (!id) continue;
    const isDefault = /^(1|true|on)$/.test(attr(m[1]!, 'w:default') ?? '');
    if (isDefault && attr(m[1]!, 'w:type') === 'paragraph') normal = id;
    if (isDefault && attr(m[1]!, 'w:type') === 'table') normalTable = id;
    // A table style's parts for its first row, banded rows and the like (w:tblStylePr) are not its whole look.
    const own = m[2]!.replace(/<w:tblStylePr\b[\s\S]*?<\/w:tblStylePr>/g, '');
    const basedOn = /<w:basedOn\s[^>]*w:val\s*=\s*"([^"]*)"/.exec(own)?.[1] ?? null;
    const shd = /<w:tcPr>(?:(?!<\/w:tcPr>)[\s\S])*?<w:shd\b([^>]*?)\/?>/.exec(own)?.[1];
    const cellShading = shd === undefined ? undefined : shadingColour(shd);
    byId.set(id, {
      basedOn,
      look: lookOf(rPr(own.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''))),
      ...(cellShading ? { cellShading } : {}),
    });
  }
  return { defaults, normal, normalTable, byId };
}

/** A style's look with those of the styles it is based on under it. */
function styleLook(styles: Styles, id: string): Look {
  const chain: Look[] = [];
  const seen = new Set<string>();
  for (let at: string | null = id; at && !seen.has(at);) {
    seen.add(at);
    const style = styles.byId.get(at);
    if (!style) break;
    chain.unshift(style.look);
    at = style.basedOn;
  }
  return Object.assign({}, ...chain) as Look;
}

/** The cell shading a table style (or one it is based on) gives its cells, if any. */
function styleShading(styles: Styles, id: string): string | undefined {
  const seen = new Set<string>();
  for (let at: string | null = id; at && !seen.has(at);) {
    seen.add(at);
    const style = styles.byId.get(at);
    if (!style) return undefined;
    if (style.cellShading) return style.cellShading;
    at = style.basedOn;
  }
  return undefined;
}

/**
 * Why a reader cannot read text of this look on this background ("hidden text", "white text", "text the colour
 * of its background", "text under 4 pt"), or null. The background is the run's highlight or shading, else its
 * paragraph's, cell's or table's shading, else the white page.
 */
function unreadable(look: Look, background: string): string | null {
  if (look.vanish) return 'hidden text';
  const behind = look.highlight ?? look.shading ?? background;
  if (look.color === behind) return behind === 'FFFFFF' ? 'white text' : 'text the colour of its background';
  if (look.size !== undefined && look.size < 8) return 'text under 4 pt';
  return null;
}

interface Scanned {
  /** Paragraphs outside tables and tables, in document order. */
  body: (Paragraph | Table)[];
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]!) : null;
}

/** The shown text of a part: its paragraphs and tables in order. */
function scan(xml: string, part: string, styles: Styles): Scanned {
  const body: (Paragraph | Table)[] = [];
  const paragraphs: Paragraph[] = [];
  const tables: {
    table: Table;
    row: string[] | null;
    cell: string[] | null;
    /** The table's shading (w:tblPr/w:shd) and the open cell's (w:tcPr/w:shd). */
    shading?: string;
    /** Its table style (w:tblStyle), or '' for the document's default table style. */
    style?: string;
    cellShading?: string;
  }[] = [];
  const fields: { instr: string; showing: boolean }[] = [];
  let inText = false;
  let inInstr = false;
  let inRun = false;
  let inRunProperties = false;
  /** Inside any w:rPr (a run's, or a paragraph mark's within w:pPr), w:pPr, w:tcPr, w:tblPr. */
  let inAnyRunProperties = false;
  let inParagraphProperties = false;
  let inCellProperties = false;
  let inTableProperties = false;
  /** The run's own properties and its character style. */
  let run: Look = {};
  let runStyle = '';
  let count = 0;
  const hiddenField = () => fields.some((f) => f.showing && COMPUTED_FIELD.test(f.instr));
  const add = (text: string) => {
    const p = paragraphs[paragraphs.length - 1];
    if (!p || hiddenField()) return;
    const t = tables[tables.length - 1];
    const tableStyle = t ? t.style || styles.normalTable : '';
    const look = {
      ...styles.defaults,
      ...(tableStyle ? styleLook(styles, tableStyle) : {}),
      ...styleLook(styles, p.style || styles.normal),
      ...styleLook(styles, runStyle),
      ...run,
    };
    const background =
      p.shading ??
      (t?.cell ? t.cellShading : undefined) ??
      t?.shading ??
      (tableStyle ? styleShading(styles, tableStyle) : undefined) ??
      'FFFFFF';
    const why = unreadable(look, background);
    p.text += why ? `[${why}: ${text}]` : text;
  };
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs = '', selfClosing, text] = m;
    if (text !== undefined) {
      if (inText) add(decodeXml(text));
      else if (inInstr && fields.length) fields[fields.length - 1]!.instr += decodeXml(text);
      continue;
    }
    const local = name!.slice(name!.indexOf(':') + 1);
    const ns = name!.includes(':') ? name!.slice(0, name!.indexOf(':')) : '';
    if (ns !== 'w') continue;
    if (close) {
      if (local === 't') inText = false;
      else if (local === 'instrText') inInstr = false;
      else if (local === 'r') {
        inRun = inRunProperties = false;
        run = {};
        runStyle = '';
      } else if (local === 'rPr') inRunProperties = inAnyRunProperties = false;
      else if (local === 'pPr') inParagraphProperties = false;
      else if (local === 'tcPr') inCellProperties = false;
      else if (local === 'tblPr') inTableProperties = false;
      else if (local === 'fldSimple') fields.pop();
      else if (local === 'p') {
        const p = paragraphs.pop();
        const cell = tables[tables.length - 1]?.cell;
        if (p && paragraphs.length === 0) {
          if (cell) cell.push(p.text);
          else body.push(p);
        } else if (p) paragraphs[paragraphs.length - 1]!.text += `\n${p.text}`;
      } else if (local === 'tc') {
        const t = tables[tables.length - 1];
        if (t?.cell && t.row) t.row.push(t.cell.join('\n'));
        if (t) t.cell = null;
      } else if (local === 'tr') {
        const t = tables[tables.length - 1];
        if (t?.row) t.table.rows.push(t.row);
        if (t) t.row = null;
      } else if (local === 'tbl') {
        const t = tables.pop();
        if (t) body.push(t.table);
      }
      continue;
    }
    switch (local) {
      case 'p':
        if (!selfClosing) {
          paragraphs.push({ style: '', text: '' });
          if (++count > VERIFY_LIMITS.maxRows * 2) {
            throw new NotAnAppendix(`its part ${part} has more paragraphs and table rows than any appendix.`);
          }
        }
        break;
      case 'pStyle':
        if (paragraphs.length) paragraphs[paragraphs.length - 1]!.style = VAL.exec(attrs)?.[1] ?? '';
        break;
      case 'r':
        inRun = !selfClosing;
        run = {};
        runStyle = '';
        break;
      case 'rPr':
        inRunProperties = inRun && !selfClosing;
        inAnyRunProperties = !selfClosing;
        break;
      case 'pPr':
        inParagraphProperties = !selfClosing && !inRun;
        break;
      case 'tcPr':
        inCellProperties = !selfClosing;
        break;
      case 'tblPr':
        inTableProperties = !selfClosing;
        break;
      case 'shd': {
        // A run's shading is its look; a paragraph's, cell's or table's is the background of the text in it.
        if (inRunProperties) setLook(run, local, attrs);
        else if (inAnyRunProperties)
          break; // a paragraph mark's run properties: no text of its own
        else if (inParagraphProperties && paragraphs.length)
          paragraphs[paragraphs.length - 1]!.shading = shadingColour(attrs);
        else if (inCellProperties && tables.length) tables[tables.length - 1]!.cellShading = shadingColour(attrs);
        else if (inTableProperties && tables.length) tables[tables.length - 1]!.shading = shadingColour(attrs);
        break;
      }
      case 'highlight':
        if (inRunProperties) setLook(run, local, attrs);
        break;
      case 'tblStyle':
        if (inTableProperties && tables.length) tables[tables.length - 1]!.style = VAL.exec(attrs)?.[1] ?? '';
        break;
      case 'rStyle':
        if (inRunProperties) runStyle = VAL.exec(attrs)?.[1] ?? '';
        break;
      case 'vanish':
      case 'specVanish':
      case 'color':
      case 'sz':
        if (inRunProperties) setLook(run, local, attrs);
        break;
      case 't':
        inText = !selfClosing;
        break;
      case 'tab':
      case 'ptab':
        add(' ');
        break;
      case 'br':
      case 'cr':
        add(' ');
        break;
      case 'noBreakHyphen':
        add('-');
        break;
      case 'instrText':
        inInstr = !selfClosing;
        break;
      case 'fldChar': {
        const type = attr(attrs, 'w:fldCharType');
        if (type === 'begin') fields.push({ instr: '', showing: false });
        else if (type === 'separate' && fields.length) fields[fields.length - 1]!.showing = true;
        else if (type === 'end') fields.pop();
        break;
      }
      case 'fldSimple':
        if (!selfClosing) fields.push({ instr: attr(attrs, 'w:instr') ?? '', showing: true });
        break;
      case 'tbl':
        tables.push({ table: { rows: [], header: false }, row: null, cell: null });
        break;
      case 'tr':
        if (tables.length) tables[tables.length - 1]!.row = [];
        if (++count > VERIFY_LIMITS.maxRows * 2) {
          throw new NotAnAppendix(`its part ${part} has more paragraphs and table rows than any appendix.`);
        }
        break;
      case 'tblHeader': {
        const t = tables[tables.length - 1];
        if (t && t.table.rows.length === 0 && !/w:val\s*=\s*"(0|false|off)"/.test(attrs)) t.table.header = true;
        break;
      }
      case 'tc':
        if (tables.length) {
          tables[tables.length - 1]!.cell = [];
          tables[tables.length - 1]!.cellShading = undefined;
        }
        break;
    }
  }
  return { body };
}

const isTable = (x: Paragraph | Table): x is Table => 'rows' in x;

/** Heading level of a paragraph style: Title 0, Heading1 1, Heading2 2...; null for body text. */
function headingLevel(style: string): number | null {
  if (/^title$/i.test(style)) return 0;
  const m = /^heading\s*(\d)$/i.exec(style);
  return m ? Number(m[1]) : null;
}

const TITLE_BLOCK = 'the title block';

/** The body as blocks: a text block under each heading (the heading its first paragraph), and each table. */
function bodyBlocks(body: readonly (Paragraph | Table)[]): Block[] {
  const blocks: Block[] = [];
  const occurrences = new Map<string, number>();
  const id = (base: string) => {
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    return { id: `${base}#${n}`, n };
  };
  const headings: string[] = [];
  let where = TITLE_BLOCK;
  let text: Block | null = null;
  const startText = (first: string | null): Block => {
    const at = id(`text ${where}`);
    const block: Block = {
      id: at.id,
      where,
      kind: 'text',
      header: false,
      rows: first === null ? [] : [[first]],
      unit: 'paragraph',
    };
    blocks.push(block);
    return block;
  };
  for (const item of body) {
    if (isTable(item)) {
      if (item.rows.length === 0) continue;
      const at = id(`table ${where}`);
      blocks.push({
        id: at.id,
        where: at.n > 1 ? `${where}, table ${at.n}` : where,
        kind: 'table',
        header: item.header,
        rows: item.rows,
      });
      continue;
    }
    const level = headingLevel(item.style);
    const shown = item.text.replace(/\s+/g, ' ').trim();
    if (level !== null && shown) {
      headings.length = level;
      headings[level] = shown;
      where = level === 0 ? TITLE_BLOCK : headings.slice(1).filter(Boolean).join(': ');
      text = startText(shown);
      continue;
    }
    if (!shown) continue;
    text ??= startText(null);
    text.rows.push([shown]);
  }
  return blocks;
}

/**
 * What the page headers (or footers) say, section by section: "section 2" and its text, as a signatory finds it
 * ("the page headers, section 2: the file says ..."), not by the position of a part. Each section's properties
 * (w:sectPr, in body order) name their parts through the document's relationships; a section that names none
 * shows the one before it, as Word does. A file whose sections name no part (not one Word or this service
 * writes) is read part by part.
 */
function marginBlock(parts: Map<string, Buffer>, kind: 'header' | 'footer', styles: Styles): Block {
  const texts = new Map<string, string>();
  const textOf = (name: string): string => {
    let text = texts.get(name);
    if (text === undefined) {
      const data = parts.get(name);
      const items = data ? scan(data.toString('utf8'), name, styles).body : [];
      text = items
        .map((item) => (isTable(item) ? item.rows.map((r) => r.join(' ')).join(' ') : item.text).trim())
        .filter(Boolean)
        .join(' ');
      texts.set(name, text);
    }
    return text;
  };
  let shown = sectionParts(parts, kind);
  if (shown.length === 0) {
    const names = [...parts.keys()].filter((n) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(n)).sort();
    shown = names.map((part) => ({ label: `page ${kind}`, part }));
  }
  const rows = shown.map(({ label, part }) => [label, textOf(part)]).filter(([, text]) => text !== '');
  return { id: `page ${kind}s`, where: `the page ${kind}s`, kind: 'fields', header: false, rows };
}

/** The header (or footer) parts each section shows, in section order: "section 1" (", first page", ", even pages"). */
function sectionParts(parts: Map<string, Buffer>, kind: 'header' | 'footer'): { label: string; part: string }[] {
  const document = parts.get('word/document.xml')?.toString('utf8') ?? '';
  const rels = parts.get('word/_rels/document.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `word/${target}`);
  }
  const reference = new RegExp(`<w:${kind}Reference\\b[^>]*>`, 'g');
  const current = new Map<string, string>();
  const out: { label: string; part: string }[] = [];
  let section = 0;
  for (const m of document.matchAll(/<w:sectPr\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:sectPr>)/g)) {
    section++;
    for (const [tag] of (m[1] ?? '').matchAll(reference)) {
      const id = /\br:id="([^"]*)"/.exec(tag)?.[1];
      const part = id ? targets.get(id) : undefined;
      if (part) current.set(/\bw:type="([^"]*)"/.exec(tag)?.[1] ?? 'default', part);
    }
    for (const type of ['default', 'first', 'even']) {
      const part = current.get(type);
      if (part) out.push({ label: `section ${section}${PAGES_OF_TYPE[type]}`, part });
    }
  }
  return out;
}

const PAGES_OF_TYPE: Record<string, string> = { default: '', first: ', first page', even: ', even pages' };

/** Core properties a reader sees under File > Info (not those Word changes when it saves). */
const CORE = ['dc:title', 'dc:subject', 'dc:creator', 'cp:keywords', 'dc:description', 'cp:category'];

/** Custom document properties by name. */
export function customProperties(parts: Map<string, Buffer>): Record<string, string> {
  const xml = parts.get('docProps/custom.xml')?.toString('utf8') ?? '';
  const out: Record<string, string> = {};
  const re = /<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([^<]*)<\/vt:\w+>\s*<\/property>/g;
  for (const m of xml.matchAll(re)) out[decodeXml(m[1]!)] = decodeXml(m[2]!);
  return out;
}

function propertiesBlock(parts: Map<string, Buffer>): Block {
  const core = parts.get('docProps/core.xml')?.toString('utf8') ?? '';
  const rows: string[][] = [];
  for (const tag of CORE) {
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(core);
    if (m) rows.push([tag.slice(tag.indexOf(':') + 1), decodeXml(m[1]!)]);
  }
  for (const [name, value] of Object.entries(customProperties(parts))) rows.push([name, value]);
  return { id: 'properties', where: 'the document properties', kind: 'fields', header: false, rows };
}

export function docxIdentity(parts: Map<string, Buffer>): FileIdentity {
  const core = parts.get('docProps/core.xml')?.toString('utf8') ?? '';
  const description = /<dc:description>([^<]*)</.exec(core)?.[1];
  const name = description ? /of the (.+?), sha256:/.exec(decodeXml(description))?.[1] : undefined;
  return { properties: customProperties(parts), partnershipName: name ?? null };
}

export function docxBlocks(parts: Map<string, Buffer>): Block[] {
  const document = parts.get('word/document.xml')?.toString('utf8') ?? '';
  const styles = readStyles(parts);
  return [
    propertiesBlock(parts),
    ...bodyBlocks(scan(document, 'word/document.xml', styles).body),
    marginBlock(parts, 'header', styles),
    marginBlock(parts, 'footer', styles),
  ];
}
