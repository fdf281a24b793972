/**
 * Decimal rounding without binary floating error: 0.1 + 0.2 rounds to 0.3, 1.005 to 1.01 (half away from zero,
 * on the decimal value a person would read).
 */

/** Rounds to `dp` decimal places (0..15). */
export function roundTo(x: number, dp: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`Cannot round ${x}`);
  if (x === 0) return 0;
  // 15 significant digits drop the noise of binary arithmetic (0.30000000000000004 -> 0.3).
  const clean = Math.abs(Number(x.toPrecision(15)));
  const [mantissa, exponent = '0'] = clean.toExponential().split('e');
  // Shift the decimal point in the text, so the half is exact: 1.005 -> 100.5 -> 101.
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + dp}`));
  // An integer over an exact power of ten is correctly rounded: the nearest double to the decimal.
  const result = scaled / 10 ** dp;
  return x < 0 && result !== 0 ? -result : result;
}

/** Stakes and FTE: 4 decimal places. */
export const roundShare = (x: number): number => roundTo(x, 4);

/** Money: pennies. */
export const roundMoney = (x: number): number => roundTo(x, 2);

/**
 * Rounds each value to `dp` decimal places so that the rounded values add up to `total` rounded to `dp`
 * (default: their own sum): the largest remainder method. Each value is rounded down, then the units still
 * missing go one each to the values that lost most by it (ties to the earlier value); a value never moves by
 * a whole unit or more. For a table whose shown figures should add up to its shown total.
 */
export function largestRemainder(values: readonly number[], dp: number, total?: number): number[] {
  const scale = 10 ** dp;
  const target = Math.round(roundTo(total ?? values.reduce((a, b) => a + b, 0), dp) * scale);
  const scaled = values.map((v) => Number((v * scale).toPrecision(15)));
  const floors = scaled.map((v) => Math.floor(v));
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const order = scaled
    .map((v, i) => ({ i, rest: v - floors[i]! }))
    .sort((a, b) => (missing >= 0 ? b.rest - a.rest : a.rest - b.rest) || a.i - b.i);
  for (const { i } of order) {
    if (missing === 0) break;
    if (missing > 0) {
      floors[i] = floors[i]! + 1;
      missing--;
    } else if (floors[i]! > 0) {
      floors[i] = floors[i]! - 1;
      missing++;
    }
  }
  return floors.map((f) => f / scale);
}
