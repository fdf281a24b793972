/**
 * canonicalJson is RFC 8785 (JSON Canonicalization Scheme): the examples of the RFC, its number samples
 * (Appendix B), key order by UTF-16 code units including integer-like keys, which JavaScript enumerates first;
 * the same text as the `canonicalize` package for any JSON value; refusals of what has no canonical form. And
 * sha256Hex hashes the UTF-8 bytes of the whole text, also across its internal chunks.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson, digestOf, sha256Hex } from '../../shared/digest.js';
import { hasLoneSurrogate } from '../../shared/guards.js';

const fromHex = (hex: string): number => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
};

describe('canonicalJson follows RFC 8785', () => {
  it('writes the number samples of Appendix B', () => {
    const samples: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [hex, text] of samples) {
      expect([hex, canonicalJson(fromHex(hex))]).toEqual([hex, text]);
      expect([hex, canonicalJson({ rows: [{ quantity: fromHex(hex) }] })]).toEqual([
        hex,
        `{"rows":[{"quantity":${text}}]}`,
      ]);
    }
  });

  it('writes the example of section 3.2.2: numbers, escapes and literals', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as in section 3.2.3, even where an integer-like key comes later', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('puts "10" before "9" and "1" after "!", wherever the object is', () => {
    const rows = [
      { b: 1, a: 2 },
      { 9: 'nine', 10: 'ten', a: 'a' },
      { '!': 0, 1: 1 },
    ];
    expect(canonicalJson({ rows })).toBe('{"rows":[{"a":2,"b":1},{"10":"ten","9":"nine","a":"a"},{"!":0,"1":1}]}');
    // Integer-like keys that JavaScript already enumerates in canonical order (tier weights) stay as they are.
    expect(canonicalJson({ tierWeights: { 3: 1, 1: 3, 2: 2 } })).toBe('{"tierWeights":{"1":3,"2":2,"3":1}}');
  });

  it('leaves out undefined members, writes undefined array items as null, and applies toJSON', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}');
    expect(canonicalJson({ at: new Date(Date.UTC(2025, 3, 1)) })).toBe('{"at":"2025-04-01T00:00:00.000Z"}');
  });

  it('keeps a written backslash followed by "ud800" as text', () => {
    expect(canonicalJson({ path: 'C:\\ud800' })).toBe('{"path":"C:\\\\ud800"}');
    expect(canonicalJson({ pair: '\ud83d\ude00' })).toBe('{"pair":"\ud83d\ude00"}');
  });

  it('refuses values with no canonical form, naming the problem', () => {
    expect(() => canonicalJson({ quantity: Number.NaN })).toThrow('NaN is not allowed');
    expect(() => canonicalJson([1, Number.POSITIVE_INFINITY])).toThrow('Infinity is not allowed');
    expect(() => canonicalJson({ notes: 'half \ud800 surrogate' })).toThrow('Lone surrogate is not allowed');
    expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow('Lone surrogate is not allowed');
    expect(() => canonicalJson({ 10: 'x', 9: '\udfff' })).toThrow('Lone surrogate is not allowed');
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = { again: circular };
    expect(() => canonicalJson(circular)).toThrow('Circular reference detected');
    expect(() => canonicalJson(undefined)).toThrow('Value has no JSON form');
  });

  it('gives the same text, or the same refusal, as the canonicalize package for any JSON value', () => {
    // UTF-16 code units one by one, so lone surrogates occur too.
    const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    const key = fc.oneof(
      fc.string({ unit: 'binary' }),
      codeUnits,
      fc.nat(1000).map(String),
      fc.constantFrom('a', 'b', '1', '10', '9', '!', '\u20ac', '\ud83d\ude00'),
    );
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.string({ unit: 'binary' }),
        codeUnits,
        fc.array(tie('json')),
        fc.dictionary(key, tie('json')),
      ),
    })).json;
    fc.assert(
      fc.property(value, (v) => {
        const outcome = (f: () => unknown) => {
          try {
            return { text: f() };
          } catch (e) {
            return { refused: (e as Error).message };
          }
        };
        expect(outcome(() => canonicalJson(v))).toEqual(outcome(() => canonicalize(v)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonicalJson of large tables (written in batches of rows)', () => {
  /** A register-like value whose tables are longer than one batch, with rows of every kind. */
  function bigValue(): Record<string, unknown> {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      organisationId: `org-${i % 7}`,
      ref: i % 5 ? `C${i}` : null,
      quantity: i / 3,
      primary: i % 2 === 0,
      description: i === 500 || i === 1700 ? 'Caf\u00e9 \ud83d\ude00 "quoted" \\ back' : `Row ${i}`,
    }));
    // Rows of another shape, a row with an undefined member, nested objects and integer-like keys, toJSON.
    rows[1100] = { ...rows[1100]!, extra: 'x' } as (typeof rows)[number];
    (rows[2100] as Record<string, unknown>).notes = undefined;
    (rows[2200] as Record<string, unknown>).nested = { 10: 'ten', 9: 'nine', b: [1, { z: 1, a: 2 }] };
    (rows[2300] as Record<string, unknown>).at = new Date(Date.UTC(2025, 0, 2));
    return {
      schema: 'test',
      weights: { 3: 1, 1: 3, 2: 2 },
      rows,
      plain: Array.from({ length: 3000 }, (_, i) => ({ b: i, a: `a${i}` })),
      numbers: Array.from({ length: 2100 }, (_, i) => (i % 3 === 0 ? null : i * 1.5)),
      empty: {},
      nothing: undefined,
    };
  }

  it('is the text canonicalize gives, and digestOf hashes exactly that text', () => {
    const value = bigValue();
    const expected = canonicalize(value)!;
    expect(canonicalJson(value)).toBe(expected);
    expect(digestOf(value)).toBe(`sha256:${createHash('sha256').update(expected, 'utf8').digest('hex')}`);
  });

  it('refuses a NaN, an Infinity or a lone surrogate in rows of one shape and in mixed rows', () => {
    for (const [row, bad, message] of [
      [5, Number.NaN, 'NaN is not allowed'],
      [10, 'x\udc00', 'Lone surrogate is not allowed'],
      [1500, Number.NEGATIVE_INFINITY, 'Infinity is not allowed'],
      [2499, 'x\udc00', 'Lone surrogate is not allowed'],
    ] as const) {
      const value = bigValue();
      (value.rows as Record<string, unknown>[])[row]!.description = bad;
      expect(() => digestOf(value)).toThrow(message);
    }
  });
});

describe('hasLoneSurrogate (used where the platform has no String.prototype.isWellFormed)', () => {
  it('finds a high surrogate without its low one, and a low one alone, anywhere', () => {
    expect(hasLoneSurrogate('plain text, é € \ud83d\ude00')).toBe(false);
    expect(hasLoneSurrogate('end \ud83d')).toBe(true);
    expect(hasLoneSurrogate('\ud83d then text')).toBe(true);
    expect(hasLoneSurrogate('\ude00 first')).toBe(true);
    expect(hasLoneSurrogate('\ude00\ud83d')).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(hasLoneSurrogate(s)).toBe(!(s as string & { isWellFormed(): boolean }).isWellFormed());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sha256Hex and digestOf', () => {
  const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it('hashes the UTF-8 bytes of the text, also of texts longer than one chunk with pairs across chunks', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const offset of [0, 1, 2, 3]) {
      // Emoji (surrogate pairs, four UTF-8 bytes) at every alignment, across several 64K-character chunks.
      const text = 'x'.repeat(offset) + 'é€\ud83d\ude00'.repeat(60_000);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it('is the hash of the canonical text', () => {
    const value = { b: [1, 'é'], a: { d: null, c: true } };
    expect(digestOf(value)).toBe(`sha256:${nodeSha256('{"a":{"c":true,"d":null},"b":[1,"é"]}')}`);
  });
});
