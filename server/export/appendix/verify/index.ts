/**
 * `verify`: is this file a true copy of a register version? In two steps, each of which a worker thread can run
 * (server/workers/): `identifyFile` opens the file (open.ts: what it is by its content, vetted as an upload is)
 * and reads the register version, digest and partnership it names; `compareFile` renders that register version
 * again in the file's format (render.ts, as a download would) and compares what a reader reads in both, read the
 * same way (docx.ts, xlsx.ts, ods.ts, csv.ts, json.ts into the blocks of content.ts, compared by compare.ts), so whatever
 * the renderers put in a file is checked. `verifyAppendix` runs both around a lookup of the register version.
 * Used by `oda-register verify` and POST /api/verify.
 */
import { shortDigest } from '../../../../shared/displayFormat.js';
import type { SignOff, StoredRegister } from '../../../store/types.js';
import { FORMAT_FILES, type AppendixFormat } from '../formats.js';
import { claimedIdentity, PROPERTY, type ClaimedIdentity } from '../identity.js';
import { renderAppendix } from '../render.js';
import { compareBlocks } from './compare.js';
import { NotAnAppendix, type Block, type FileIdentity } from './content.js';
import { csvBlocks, csvIdentity } from './csv.js';
import { Differences, listDifferences, type Difference } from './differences.js';
import { docxBlocks, docxIdentity } from './docx.js';
import { compareJson, jsonIdentity, parseJson } from './json.js';
import { FORMAT_NAMES, openFile, type OpenedFile } from './open.js';
import { loadWorkbook, xlsxBlocks, xlsxIdentity } from './xlsx.js';
import { loadOdsSheets, odsBlocks, odsIdentity } from './ods.js';

export { describeDifference, MAX_DIFFERENCES, type Difference } from './differences.js';
export { VERIFY_LIMITS } from './open.js';

export type Verdict = 'true-copy' | 'edited' | 'unknown-register' | 'not-an-appendix';

/** The exit code of `oda-register verify` for each verdict. */
export const VERIFY_EXIT_CODES: Record<Verdict, number> = {
  'true-copy': 0,
  edited: 1,
  'unknown-register': 1,
  'not-an-appendix': 2,
};

export interface VerifyResult {
  verdict: Verdict;
  /** What the file is by its content (whatever its name says). */
  format: AppendixFormat | null;
  version: number | null;
  digest: string | null;
  partnership: string | null;
  /** One plain sentence, then (for an edited file) the first differences. */
  message: string;
  /** The first MAX_DIFFERENCES differences. */
  differences: Difference[];
  /** How many differences there are in all. */
  differenceCount: number;
}

/** A register version with its sign-offs. */
export interface RegisterVersion {
  stored: StoredRegister;
  signOffs: readonly SignOff[];
}

export interface RegisterLookup {
  /** The register version with its sign-offs, or null when there is none. */
  (version: number): Promise<RegisterVersion | null>;
}

/** What a file names: its register version, digest, sign-off moment and partnership. */
export interface Claim extends ClaimedIdentity {
  format: AppendixFormat;
  partnershipId: string | null;
  partnershipName: string | null;
  /** "This is a Word document named appendix.xlsx.", when its name says another format; else null. */
  note: string | null;
}

export type Identified = { kind: 'claim'; claim: Claim } | { kind: 'verdict'; result: VerifyResult };

/** The two steps, on the calling thread or on the worker threads. */
export interface VerifySteps {
  identify(bytes: Uint8Array, fileName: string): Promise<Identified>;
  compare(bytes: Uint8Array, fileName: string, against: RegisterVersion): Promise<VerifyResult>;
}

export interface VerifyOptions {
  /** The file's name, to say when its content is another format than its name says. */
  fileName?: string;
  /** This service's partnership, to name the partnership of a file from another one. */
  partnership?: { id: string; name: string } | null;
  steps?: VerifySteps;
}

function result(partial: Partial<VerifyResult> & Pick<VerifyResult, 'verdict' | 'message'>): VerifyResult {
  return {
    format: null,
    version: null,
    digest: null,
    partnership: null,
    differences: [],
    differenceCount: 0,
    ...partial,
  };
}

function notAnAppendix(why: string, format: AppendixFormat | null = null): VerifyResult {
  return result({ verdict: 'not-an-appendix', format, message: `Not a register appendix: ${why}` });
}

const EXTENSION_FORMATS: Record<string, AppendixFormat> = {
  ...Object.fromEntries(Object.entries(FORMAT_FILES).map(([format, f]) => [f.extension, format as AppendixFormat])),
  // The CSV appendix kept under the name of what it holds.
  csv: 'csv',
};

/** "This is a Word document named appendix.xlsx." when the name's extension says another format. */
function noteOnName(fileName: string, format: AppendixFormat): string | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension || EXTENSION_FORMATS[extension] === format) return null;
  return `This is ${FORMAT_NAMES[format]}${format === 'json' ? '' : ` (.${FORMAT_FILES[format].extension})`} named ${fileName}.`;
}

/** The file opened and read into what a reader reads, with what it names. Throws NotAnAppendix. */
async function readFile(
  bytes: Uint8Array,
): Promise<{ opened: OpenedFile; identity: FileIdentity; content: () => Promise<Block[] | unknown> }> {
  const opened = openFile(bytes);
  switch (opened.format) {
    case 'docx':
      return { opened, identity: docxIdentity(opened.parts), content: async () => docxBlocks(opened.parts) };
    case 'csv':
      return { opened, identity: csvIdentity(opened.parts), content: async () => csvBlocks(opened.parts) };
    case 'xlsx': {
      const wb = await loadWorkbook(bytes, opened.parts);
      return { opened, identity: xlsxIdentity(wb), content: async () => xlsxBlocks(wb, opened.parts) };
    }
    case 'ods': {
      const sheets = loadOdsSheets(opened.parts);
      return { opened, identity: odsIdentity(sheets), content: async () => odsBlocks(sheets) };
    }
    case 'json': {
      const json = parseJson(opened.text);
      return { opened, identity: jsonIdentity(json.value), content: async () => json };
    }
  }
}

const NO_IDENTITY: Record<AppendixFormat, string> = {
  docx: 'this Word document has no register version and digest in its properties.',
  xlsx: 'this workbook has no "Cover" sheet naming a register version and digest.',
  ods: 'this spreadsheet has no "Cover" sheet naming a register version and digest.',
  csv: 'this zip has no README.txt naming a register version and digest.',
  json: 'this register JSON has no valid "version" and "digest".',
};

type ReadFile = Awaited<ReturnType<typeof readFile>>;

async function identify(bytes: Uint8Array, fileName: string): Promise<{ identified: Identified; read?: ReadFile }> {
  let read;
  try {
    read = await readFile(bytes);
  } catch (error) {
    if (error instanceof NotAnAppendix)
      return { identified: { kind: 'verdict', result: notAnAppendix(error.message) } };
    throw error;
  }
  const format = read.opened.format;
  const note = noteOnName(fileName, format);
  const claimed = claimedIdentity(read.identity.properties);
  if (!claimed) {
    const verdict = notAnAppendix(NO_IDENTITY[format], format);
    const message = note ? `${note} ${verdict.message}` : verdict.message;
    return { identified: { kind: 'verdict', result: { ...verdict, message } } };
  }
  const claim: Claim = {
    ...claimed,
    format,
    partnershipId: read.identity.properties[PROPERTY.partnership]?.trim() || null,
    partnershipName: read.identity.partnershipName,
    note,
  };
  return { identified: { kind: 'claim', claim }, read };
}

/** Step one: what the file is and which register version it names (or why it is not an appendix). */
export async function identifyFile(bytes: Uint8Array, fileName = ''): Promise<Identified> {
  return (await identify(bytes, fileName)).identified;
}

function identityText(version: number, digest: string, partnership: string): string {
  return `register version ${version} (${shortDigest(digest)}...) of the ${partnership}`;
}

/** Step two: the file compared with what its register version renders now in the same format. */
export async function compareFile(
  bytes: Uint8Array,
  fileName: string,
  against: RegisterVersion,
): Promise<VerifyResult> {
  const { identified, read } = await identify(bytes, fileName);
  if (identified.kind === 'verdict') return identified.result;
  const { claim } = identified;
  if (!read) throw new Error('A claim is always read from a file.');
  const { stored, signOffs } = against;
  let found;
  try {
    found = await read.content();
  } catch (error) {
    if (error instanceof NotAnAppendix) return notAnAppendix(error.message, claim.format);
    throw error;
  }
  const rendered = await renderAppendix(claim.format, {
    stored: stored,
    signOffs: [...signOffs],
    asOf: claim.asOf ?? stored.createdAt,
  });
  const expected = await (await readFile(rendered.bytes)).content();
  const out = new Differences();
  if (claim.format === 'json') compareJson(found as never, expected as never, out);
  else compareBlocks(found as Block[], expected as Block[], out);
  const name = stored.register.partnership.name;
  const id = identityText(stored.version, stored.digest, name);
  const note = claim.note ? `${claim.note} ` : '';
  const common = { format: claim.format, version: stored.version, digest: stored.digest, partnership: name };
  if (out.count === 0) return result({ ...common, verdict: 'true-copy', message: `${note}True copy of ${id}.` });
  return result({
    ...common,
    verdict: 'edited',
    message: `${note}Edited: this file names ${id}, but ${out.count === 1 ? 'one value differs' : `${out.count.toLocaleString('en-GB')} values differ`} from it:\n${listDifferences(out.kept, out.count)}`,
    differences: out.kept,
    differenceCount: out.count,
  });
}

export const inlineSteps: VerifySteps = { identify: identifyFile, compare: compareFile };

/** Whether `bytes` are a true copy of the register version they name. */
export async function verifyAppendix(
  bytes: Uint8Array,
  lookup: RegisterLookup,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const steps = opts.steps ?? inlineSteps;
  const fileName = opts.fileName ?? '';
  const identified = await steps.identify(bytes, fileName);
  if (identified.kind === 'verdict') return identified.result;
  const { claim } = identified;
  const note = claim.note ? `${claim.note} ` : '';
  const found = await lookup(claim.version);
  const here = found
    ? { id: found.stored.register.partnership.id, name: found.stored.register.partnership.name }
    : opts.partnership;
  const otherPartnership =
    here &&
    ((claim.partnershipId !== null && claim.partnershipId !== here.id) ||
      (claim.partnershipId === null && claim.partnershipName !== null && claim.partnershipName !== here.name));
  if (here && otherPartnership) {
    const theirs = claim.partnershipName ?? claim.partnershipId ?? 'another partnership';
    return result({
      verdict: 'unknown-register',
      format: claim.format,
      version: claim.version,
      digest: claim.digest,
      partnership: theirs,
      message: `${note}This file is an appendix of the ${theirs} (register version ${claim.version}, ${shortDigest(claim.digest)}...), not of the ${here.name}: it can only be checked against the ${theirs}'s register.`,
    });
  }
  if (!found || found.stored.digest !== claim.digest) {
    return result({
      verdict: 'unknown-register',
      format: claim.format,
      version: claim.version,
      digest: claim.digest,
      partnership: found?.stored.register.partnership.name ?? null,
      message:
        `${note}No register version ${claim.version} with digest ${shortDigest(claim.digest)}... exists here` +
        (found ? ` (version ${claim.version} has ${shortDigest(found.stored.digest)}...)` : '') +
        ': this file does not come from this register, or its version or digest was changed.',
    });
  }
  return steps.compare(bytes, fileName, found);
}
