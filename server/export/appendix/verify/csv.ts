/**
 * What a reader reads in the CSV zip, as blocks: every file in it, the README's lines included; each CSV file a
 * table (its first row the header). A file that is not CSV or not text is compared as its lines or its size.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { README_FILE } from '../csv.js';
import { NotAnAppendix, type Block, type FileIdentity } from './content.js';
import { VERIFY_LIMITS } from './open.js';

function textOf(data: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

function lines(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => [l]);
}

function fileBlock(name: string, data: Buffer): Block {
  const text = textOf(data);
  const base = { id: `file ${name}`, where: name, header: false };
  if (text === null) return { ...base, kind: 'text', rows: [[`a file of ${data.length} bytes that is not text`]] };
  if (/\.csv$/i.test(name)) {
    let rows: string[][] | null = null;
    try {
      rows = parseCsv(text, { relax_column_count: true, max_record_size: 1024 * 1024 }) as string[][];
    } catch {
      // Not CSV: compared as lines below, which differ from the register's.
    }
    if (rows) {
      if (rows.length > VERIFY_LIMITS.maxRows) throw new NotAnAppendix(`${name} has more rows than any appendix.`);
      return { ...base, kind: 'table', header: true, rows };
    }
  }
  return { ...base, kind: 'text', rows: lines(text), unit: 'line' };
}

export function csvBlocks(parts: Map<string, Buffer>): Block[] {
  return [...parts].map(([name, data]) => fileBlock(name, data));
}

export function csvIdentity(parts: Map<string, Buffer>): FileIdentity {
  const readme = textOf(parts.get(README_FILE) ?? Buffer.alloc(0)) ?? '';
  const properties: Record<string, string> = {};
  for (const line of readme.split(/\r?\n/)) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) properties[m[1]!.trim()] = m[2]!.trim();
  }
  const name = /^Register version \d+ of the (.+?), sha256:/.exec(readme)?.[1] ?? null;
  return { properties, partnershipName: name };
}
