import fc from 'fast-check';
import { encodeUtf8Into, maxUtf8Bytes, writeUtf8 } from '../../shared/utf8.js';

function pure(text: string): number[] {
  const out = new Uint8Array(maxUtf8Bytes(text));
  return [...out.subarray(0, encodeUtf8Into(text, out))];
}

function native(text: string): number[] {
  return [...new TextEncoder().encode(text)];
}

describe('encodeUtf8Into (shared/ without TextEncoder)', () => {
  it.each([
    ['ASCII', 'Leeds City Council', [0x4c, 0x65]],
    ['two-byte (ŵ, Welsh)', 'ŵ', [0xc5, 0xb5]],
    ['three-byte (€)', '€', [0xe2, 0x82, 0xac]],
    ['four-byte (a surrogate pair, 😀)', '😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['a lone high surrogate as U+FFFD', '\ud800', [0xef, 0xbf, 0xbd]],
    ['a lone low surrogate as U+FFFD', '\udc00x', [0xef, 0xbf, 0xbd, 0x78]],
  ])('encodes %s as TextEncoder does', (_name, text, start) => {
    expect(pure(text).slice(0, start.length)).toEqual(start);
    expect(pure(text)).toEqual(native(text));
  });

  it('gives the same bytes as TextEncoder for any string, surrogates and all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(pure(text)).toEqual(native(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (text) => {
          expect(pure(text)).toEqual(native(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writeUtf8 (the host encoder where there is one) agrees with the pure encoder', () => {
    const text = 'Rôle: Responsible ✓ 😀 \ud800';
    const out = new Uint8Array(maxUtf8Bytes(text));
    expect([...out.subarray(0, writeUtf8(text, out))]).toEqual(pure(text));
  });
});
