import { digestOf, canonicalJson } from '../shared/digest.js';

describe('digestOf', () => {
  it('ignores key order and follows RFC 8785 number form', () => {
    expect(digestOf({ b: 1, a: [1, 'x'] })).toBe(digestOf({ a: [1, 'x'], b: 1 }));
    expect(canonicalJson({ b: 1.0, a: 1e21, c: 'é' })).toBe('{"a":1e+21,"b":1,"c":"é"}');
  });
  it('changes when any value changes', () => {
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
