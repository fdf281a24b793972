/**
 * UTF-8 encoding in plain ECMAScript, so shared/ needs nothing from its host: TextEncoder is a web and Node API,
 * not part of the language. Where the host has one it is used, as it is several times faster (a 30 MB register
 * encodes in ~20 ms instead of ~80 ms); test/shared/utf8.test.ts checks that both give the same bytes.
 */

/** The most bytes `text` can take in UTF-8: three per UTF-16 code unit. */
export function maxUtf8Bytes(text: string): number {
  return text.length * 3;
}

/**
 * Writes `text` as UTF-8 into `out` from index 0 and returns the number of bytes written, as
 * TextEncoder.encodeInto does: an unpaired surrogate becomes U+FFFD. `out` must hold maxUtf8Bytes(text) bytes.
 */
export function encodeUtf8Into(text: string, out: Uint8Array): number {
  let at = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[at++] = 0xf0 | (code >> 18);
        out[at++] = 0x80 | ((code >> 12) & 0x3f);
        out[at++] = 0x80 | ((code >> 6) & 0x3f);
        out[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 0x3f);
    out[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/** What encodeInto needs of a host TextEncoder (typed here: shared/ is compiled without DOM or Node types). */
interface HostEncoder {
  encodeInto(text: string, out: Uint8Array): { written: number };
}

const HostTextEncoder = (globalThis as { TextEncoder?: new () => HostEncoder }).TextEncoder;
const host = typeof HostTextEncoder === 'function' ? new HostTextEncoder() : undefined;

/** encodeUtf8Into, through the host's TextEncoder when it has one. */
export const writeUtf8: (text: string, out: Uint8Array) => number = host
  ? (text, out) => host.encodeInto(text, out).written
  : encodeUtf8Into;
