import { roundMoney, roundShare, roundTo } from '../../shared/rounding.js';

describe('roundTo', () => {
  it('rounds the decimal value a person reads, not its binary approximation', () => {
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(1.015)).toBe(1.02);
    expect(roundShare(1.00005)).toBe(1.0001);
    expect(roundShare(2 / 3)).toBe(0.6667);
    expect(roundShare(1 / 3)).toBe(0.3333);
    expect(roundMoney(123456789.125)).toBe(123456789.13);
  });
  it('handles tiny, large, negative and zero values, and refuses non-numbers', () => {
    expect(roundShare(1e-7)).toBe(0);
    expect(roundTo(2.5e21, 2)).toBe(2.5e21);
    expect(roundMoney(-1.005)).toBe(-1.01);
    expect(roundMoney(-0.001)).toBe(0);
    expect(Object.is(roundMoney(-0.001), -0)).toBe(false);
    expect(roundTo(7, 0)).toBe(7);
    expect(() => roundMoney(Number.NaN)).toThrow(/Cannot round NaN/);
    expect(() => roundMoney(Infinity)).toThrow(RangeError);
  });
});
