/**
 * Reads back what `verify` compares in a Word file: the text of every table cell (document order), the footers'
 * text and the custom document properties. A small scanner over the WordprocessingML of the package: it keeps
 * to the elements that carry text (w:t, and w:tab/w:br as white space), so a file that Word has re-saved
 * (runs split, proofing marks added) reads the same.
 */
import type JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e]!,
  );
}

/** The text of a piece of WordprocessingML: w:t contents, tabs and breaks as spaces, paragraphs joined by "\n". */
function textOf(xml: string): string {
  const paragraphs: string[] = [];
  for (const p of xml.split(/<\/w:p>/)) {
    let text = '';
    const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)(?:\s[^>]*)?\/>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p)) !== null) text += m[2] ? ' ' : decodeXml(m[1]!);
    paragraphs.push(text);
  }
  while (paragraphs.length > 0 && paragraphs[paragraphs.length - 1] === '') paragraphs.pop();
  return paragraphs.join('\n');
}

/** The elements `<tag ...>...</tag>` (not `<tagPr>`) directly inside `xml`, assuming no nesting of `tag`. */
function elements(xml: string, tag: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<${tag}(?=[\\s>])[^>]*>`, 'g');
  const close = `</${tag}>`;
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml)) !== null) {
    const end = xml.indexOf(close, m.index);
    if (end < 0) break;
    out.push(xml.slice(m.index + m[0].length, end));
    open.lastIndex = end + close.length;
  }
  return out;
}

/** Every table of the document as rows of cell texts. */
export function docxTableTexts(documentXml: string): string[][][] {
  return elements(documentXml, 'w:tbl').map((tbl) =>
    elements(tbl, 'w:tr').map((tr) => elements(tr, 'w:tc').map(textOf)),
  );
}

/** The text of every footer part. */
export async function docxFooterTexts(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  return Promise.all(names.map(async (n) => textOf(await zip.file(n)!.async('string'))));
}

/** Custom document properties (docProps/custom.xml) by name. */
export async function docxCustomProperties(zip: JSZip): Promise<Record<string, string>> {
  const xml = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
  const out: Record<string, string> = {};
  const re = /<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([^<]*)<\/vt:\w+>\s*<\/property>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out[decodeXml(m[1]!)] = decodeXml(m[2]!);
  return out;
}
