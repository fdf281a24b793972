/** Checks of values of unknown shape, used wherever shared/ reads input it did not make. */

/** A plain object (not null, not an array): something whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `text` holds a high surrogate not followed by a low one, or a low one not after a high one. */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

/**
 * True when `text` is well-formed UTF-16: no unpaired surrogate ("\ud800"), which no file, JSON digest or
 * database text column can carry. String.prototype.isWellFormed (Node 20, current browsers) where the platform
 * has it (immediate for one-byte strings), else hasLoneSurrogate.
 */
export const isWellFormedText: (text: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as string & { isWellFormed(): boolean }).isWellFormed()
    : (text) => !hasLoneSurrogate(text);

/** The message for text that is not well-formed; the caller puts the place or column name first. */
export const BROKEN_TEXT = 'contains a broken character (an unpaired surrogate); retype the text';
