/**
 * Checks an OpenDocument spreadsheet (.ods) before its XML is parsed, after vetWorkbookFile.ts has checked
 * what every file gets (size, zip structure, entry names): what the zip says it unpacks to, a password,
 * the content part inflated within its declared size and CRC-checked, and no document type declaration (an
 * .ods never has one; refusing it is what keeps entity expansion, the "billion laughs", from any parser).
 * The rows and cells its repetitions would fill are limited while it is read (readOds.ts).
 */
import { WORKBOOK_LIMITS, WorkbookFileError } from '../workbookFileError.js';
import { readZipEntry, type ZipEntry } from '../zipArchive.js';

/** The media types of an OpenDocument spreadsheet and its template (.ots). */
const ODS_TYPES = [
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet-template',
];

/** True when the zip says it is an OpenDocument spreadsheet (its `mimetype` part, as ODF requires). */
export function isOdsPackage(buf: Buffer, entries: readonly ZipEntry[]): boolean {
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (!mimetype || mimetype.uncompressedSize > 200) return false;
  return ODS_TYPES.includes(readZipEntry(buf, mimetype).toString('utf8').trim());
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

const SAVE_AGAIN = 'open it in LibreOffice (or Excel), save a new copy and send that';

/** The content part (content.xml) of an .ods that is safe to parse; throws WorkbookFileError otherwise. */
export function vetOds(buf: Buffer, entries: readonly ZipEntry[], name: string): Buffer {
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > WORKBOOK_LIMITS.maxUnpackedBytes) {
    throw new WorkbookFileError(
      'too-large',
      name,
      `${name} unpacks to ${megabytes(declared)}, more than the ${megabytes(WORKBOOK_LIMITS.maxUnpackedBytes)} allowed for a partner workbook: remove pictures and unused sheets and send it again.`,
    );
  }
  const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml');
  if (manifest && readZipEntry(buf, manifest).includes('encryption-data')) {
    throw new WorkbookFileError(
      'password-protected',
      name,
      `${name} is password-protected: open it in LibreOffice, save a copy without a password (File > Save As, untick "Save with password") and send that.`,
    );
  }
  const entry = entries.find((e) => e.name === 'content.xml');
  if (!entry) {
    throw new WorkbookFileError(
      'damaged',
      name,
      `${name} is an OpenDocument spreadsheet without its content (content.xml is missing): ${SAVE_AGAIN}.`,
    );
  }
  const content = readZipEntry(buf, entry);
  if (content.includes('<!DOCTYPE') || content.includes('<!ENTITY')) {
    throw new WorkbookFileError(
      'damaged',
      name,
      `${name} declares its own XML entities, which no spreadsheet program writes, so it is not read: ${SAVE_AGAIN}.`,
    );
  }
  return content;
}
