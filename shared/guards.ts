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

/**
 * Characters a text cell may not hold: C0 control characters other than tab, line feed and carriage return
 * (NUL, escape, form feed...), which no reader sees and some programs cut text at, and the bidirectional
 * embeddings, overrides and isolates, which make text display in another order than it is stored (a
 * "RIGHT-TO-LEFT OVERRIDE" can show "Ref 2025" for what reads differently), and so would deceive whoever
 * reads an appendix. Accents, emoji, right-to-left scripts (Arabic, Hebrew) and the invisible marks they use
 * (U+200E, U+200F) are fine.
 */
const HIDDEN_CHARACTERS: Readonly<Record<number, string>> = {
  0x00: 'NULL',
  0x01: 'START OF HEADING',
  0x02: 'START OF TEXT',
  0x03: 'END OF TEXT',
  0x04: 'END OF TRANSMISSION',
  0x05: 'ENQUIRY',
  0x06: 'ACKNOWLEDGE',
  0x07: 'BELL',
  0x08: 'BACKSPACE',
  0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED',
  0x0e: 'SHIFT OUT',
  0x0f: 'SHIFT IN',
  0x10: 'DATA LINK ESCAPE',
  0x11: 'DEVICE CONTROL ONE',
  0x12: 'DEVICE CONTROL TWO',
  0x13: 'DEVICE CONTROL THREE',
  0x14: 'DEVICE CONTROL FOUR',
  0x15: 'NEGATIVE ACKNOWLEDGE',
  0x16: 'SYNCHRONOUS IDLE',
  0x17: 'END OF TRANSMISSION BLOCK',
  0x18: 'CANCEL',
  0x19: 'END OF MEDIUM',
  0x1a: 'SUBSTITUTE',
  0x1b: 'ESCAPE',
  0x1c: 'INFORMATION SEPARATOR FOUR',
  0x1d: 'INFORMATION SEPARATOR THREE',
  0x1e: 'INFORMATION SEPARATOR TWO',
  0x1f: 'INFORMATION SEPARATOR ONE',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

// Finding control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/;

export interface HiddenCharacter {
  /** "U+202E RIGHT-TO-LEFT OVERRIDE" */
  name: string;
  /** 1-based position of the character in the text. */
  position: number;
}

/** The first character of `text` that a text cell may not hold (see HIDDEN_CHARACTERS), or null. */
export function findHiddenCharacter(text: string): HiddenCharacter | null {
  const m = HIDDEN_CHARACTER.exec(text);
  if (!m) return null;
  const code = text.charCodeAt(m.index);
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return { name: `U+${hex} ${HIDDEN_CHARACTERS[code]}`, position: m.index + 1 };
}

/** The message for text holding such a character; the caller puts the place or column name first. */
export function hiddenCharacterMessage(found: HiddenCharacter): string {
  return `contains the invisible character ${found.name} (character ${found.position}), which can change how the text displays or where it ends; delete it`;
}
