/**
 * Characters a text cell may not hold, because whoever reads the text cannot see them and yet they change it:
 *
 * - C0 control characters other than tab, line feed and carriage return (NUL, escape, form feed...), which no
 *   reader sees and some programs cut text at;
 * - the bidirectional embeddings, overrides and isolates, which make text display in another order than it is
 *   stored (a "RIGHT-TO-LEFT OVERRIDE" can show "Ref 2025" for what reads differently);
 * - the other invisible format characters (Unicode category Cf): zero-width space, word joiner, zero-width
 *   no-break space (a stray byte order mark), soft hyphen, the invisible mathematical operators, the
 *   interlinear annotation marks, the deprecated shaping controls... Two contacts or roles holding them look
 *   identical in every appendix and yet differ.
 *
 * The format characters that text in some script needs are kept where they do something visible:
 * - the left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C) that mixed
 *   right-to-left text needs;
 * - the Arabic, Syriac and Kaithi signs that are written before a number (U+0600-U+0605, U+06DD, U+070F,
 *   U+0890, U+0891, U+08E2, U+110BD, U+110CD) and the Egyptian hieroglyph format controls: they show;
 * - ZERO WIDTH JOINER inside an emoji sequence (👩‍💻, 🏳️‍🌈), and ZERO WIDTH (NON-)JOINER between two letters of
 *   a script whose letters join or form conjuncts (Persian, Arabic, the Indic scripts...), where they change
 *   the letters' shapes; between Latin letters they change nothing visible and are refused;
 * - tag characters in a flag's tag sequence (🏴󠁧󠁢󠁷󠁬󠁳󠁿, the flag of Wales).
 */

/** Names of the C0 control characters and format characters refused (tag characters are named below). */
const NAMES: Readonly<Record<number, string>> = {
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
  0xad: 'SOFT HYPHEN',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x206a: 'INHIBIT SYMMETRIC SWAPPING',
  0x206b: 'ACTIVATE SYMMETRIC SWAPPING',
  0x206c: 'INHIBIT ARABIC FORM SHAPING',
  0x206d: 'ACTIVATE ARABIC FORM SHAPING',
  0x206e: 'NATIONAL DIGIT SHAPES',
  0x206f: 'NOMINAL DIGIT SHAPES',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
  0x1bca0: 'SHORTHAND FORMAT LETTER OVERLAP',
  0x1bca1: 'SHORTHAND FORMAT CONTINUING OVERLAP',
  0x1bca2: 'SHORTHAND FORMAT DOWN STEP',
  0x1bca3: 'SHORTHAND FORMAT UP STEP',
  0x1d173: 'MUSICAL SYMBOL BEGIN BEAM',
  0x1d174: 'MUSICAL SYMBOL END BEAM',
  0x1d175: 'MUSICAL SYMBOL BEGIN TIE',
  0x1d176: 'MUSICAL SYMBOL END TIE',
  0x1d177: 'MUSICAL SYMBOL BEGIN SLUR',
  0x1d178: 'MUSICAL SYMBOL END SLUR',
  0x1d179: 'MUSICAL SYMBOL BEGIN PHRASE',
  0x1d17a: 'MUSICAL SYMBOL END PHRASE',
  0xe0001: 'LANGUAGE TAG',
  0xe007f: 'CANCEL TAG',
};

/** U+E0020-U+E007E are "TAG " and the name of the ASCII character 0xE0000 below them. */
const ASCII_NAMES =
  'SPACE|EXCLAMATION MARK|QUOTATION MARK|NUMBER SIGN|DOLLAR SIGN|PERCENT SIGN|AMPERSAND|APOSTROPHE|LEFT PARENTHESIS|RIGHT PARENTHESIS|ASTERISK|PLUS SIGN|COMMA|HYPHEN-MINUS|FULL STOP|SOLIDUS|DIGIT ZERO|DIGIT ONE|DIGIT TWO|DIGIT THREE|DIGIT FOUR|DIGIT FIVE|DIGIT SIX|DIGIT SEVEN|DIGIT EIGHT|DIGIT NINE|COLON|SEMICOLON|LESS-THAN SIGN|EQUALS SIGN|GREATER-THAN SIGN|QUESTION MARK|COMMERCIAL AT|LEFT SQUARE BRACKET|REVERSE SOLIDUS|RIGHT SQUARE BRACKET|CIRCUMFLEX ACCENT|LOW LINE|GRAVE ACCENT|LEFT CURLY BRACKET|VERTICAL LINE|RIGHT CURLY BRACKET|TILDE'.split(
    '|',
  );

function nameOf(code: number): string {
  const known = NAMES[code];
  if (known !== undefined) return known;
  if (code >= 0xe0020 && code <= 0xe007e) {
    const ascii = code - 0xe0000;
    if (ascii >= 0x41 && ascii <= 0x5a) return `TAG LATIN CAPITAL LETTER ${String.fromCharCode(ascii)}`;
    if (ascii >= 0x61 && ascii <= 0x7a) return `TAG LATIN SMALL LETTER ${String.fromCharCode(ascii - 0x20)}`;
    // The names above skip the letters: index into SPACE..COMMERCIAL AT, then [ \ ] ^ _ `, then { | } ~.
    const index = ascii <= 0x40 ? ascii - 0x20 : ascii <= 0x60 ? ascii - 0x5b + 33 : ascii - 0x7b + 39;
    return `TAG ${ASCII_NAMES[index]}`;
  }
  // A format character of a Unicode version newer than this table.
  return 'FORMAT CHARACTER';
}

/** Where to look at all: C0 controls (not tab, LF, CR) and every format character. */
// Finding control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CANDIDATE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\p{Cf}]/u;
const CANDIDATES = new RegExp(CANDIDATE.source, 'gu');

/** Format characters that show, or that right-to-left text needs: kept anywhere. */
const KEPT = /^[\u061c\u200e\u200f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}\u{13430}-\u{1343f}]$/u;

/** Letters and marks of scripts whose letters join or form conjuncts, where ZWJ and ZWNJ change the shapes. */
const JOINING =
  /^[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Mongolian}\p{sc=Mandaic}\p{sc=Adlam}\p{sc=Hanifi_Rohingya}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}\p{sc=Tibetan}\p{sc=Myanmar}\p{sc=Khmer}\p{sc=Thaana}\p{M}]$/u;
/** What may come before and after ZERO WIDTH JOINER in an emoji sequence. */
const EMOJI_BEFORE = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}$/u;
/** A flag's tag sequence: WAVING BLACK FLAG, tag characters, CANCEL TAG. */
const FLAG_TAGS = /\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}/gu;

/** The code point before UTF-16 index `at` of `text` as a string ('' at the start). */
function before(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return at > 0 ? text.slice(start, at) : '';
}

/** The code point at UTF-16 index `at` of `text` as a string ('' at the end). */
function at(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** Whether the format character `ch` at `index` of `text` is one kept there (see the list at the top). */
function keptHere(text: string, ch: string, index: number, flagTags: ReadonlySet<number>): boolean {
  if (KEPT.test(ch)) return true;
  if (flagTags.has(index)) return true;
  if (ch === '\u200c' || ch === '\u200d') {
    const prev = before(text, index);
    const next = at(text, index + 1);
    if (JOINING.test(prev) && JOINING.test(next)) return true;
    if (ch === '\u200d' && EMOJI_BEFORE.test(prev) && EMOJI_AFTER.test(next)) return true;
  }
  return false;
}

export interface HiddenCharacter {
  /** "U+202E RIGHT-TO-LEFT OVERRIDE" */
  name: string;
  /** 1-based position of the character in the text, counted in characters (code points). */
  position: number;
}

/** The first character of `text` that a text cell may not hold (see the top of this file), or null. */
export function findHiddenCharacter(text: string): HiddenCharacter | null {
  // Nearly all text holds none: one test and done.
  if (!CANDIDATE.test(text)) return null;
  const flagTags = new Set<number>();
  for (const m of text.matchAll(FLAG_TAGS)) {
    // Indexes of the tag characters (two UTF-16 units each) after the flag (two units).
    for (let i = m.index + 2; i < m.index + m[0].length; i += 2) flagTags.add(i);
  }
  for (const m of text.matchAll(CANDIDATES)) {
    const ch = m[0];
    if (keptHere(text, ch, m.index, flagTags)) continue;
    const code = ch.codePointAt(0) ?? 0;
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    return { name: `U+${hex} ${nameOf(code)}`, position: [...text.slice(0, m.index)].length + 1 };
  }
  return null;
}

/** The message for text holding such a character; the caller puts the place or column name first. */
export function hiddenCharacterMessage(found: HiddenCharacter): string {
  return `contains the invisible character ${found.name} (character ${found.position}), which can change how the text displays or where it ends; delete it`;
}
