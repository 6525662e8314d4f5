// Results are rounded to 15 significant digits, the precision Excel keeps, so that binary noise
// never shows (the published 3.70 comes out as 3.7, not 3.7000000000000006).

// Math's functions are read once: a global lookup per call is costly in sandboxed globals (Node's vm contexts, the
// way the tests and benchmarks load the bundles), and this runs once per result cell.
const { round, floor, log10 } = Math;
const INFINITY = 1 / 0;

const POWERS = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** x rounded to 15 significant digits; an exact integer over an exact power of ten is correctly rounded. */
export function round15(x: number): number {
  const a = x < 0 ? -x : x;
  // Fast paths for the usual magnitudes of scores and ratios.
  if (a >= 1 && a < 10) return round(x * 1e14) / 1e14;
  if (a >= 0.1 && a < 1) return round(x * 1e15) / 1e15;
  if (a === 0 || a !== a || a === INFINITY) return x;
  const digits = 14 - floor(log10(a));
  if (digits >= 0) {
    if (digits > 22) return Number(x.toPrecision(15));
    return round(x * POWERS[digits]) / POWERS[digits];
  }
  if (-digits > 22) return Number(x.toPrecision(15));
  return round(x / POWERS[-digits]) * POWERS[-digits];
}

/**
 * a − b to the precision the two are shown with: rounded at the 15th significant digit of the larger of them, so
 * 5 − 5.1 is −0.1 and not the −0.0999999999999996 that the binary forms of 5.1 give. Used where a result depends on
 * a small difference of two shown values (KAM_STABILITY's distance to the cut).
 */
export function difference15(a: number, b: number): number {
  const d = a - b;
  const scale = (a < 0 ? -a : a) > (b < 0 ? -b : b) ? (a < 0 ? -a : a) : b < 0 ? -b : b;
  // Fast path for the usual magnitude of scores and cuts.
  if (scale >= 1 && scale < 10) return round(d * 1e14) / 1e14;
  if (d === 0 || !(scale < INFINITY) || scale === 0) return d;
  const digits = 14 - floor(log10(scale));
  if (digits > 22 || digits < -22) return d;
  return digits >= 0 ? round(d * POWERS[digits]) / POWERS[digits] : round(d / POWERS[-digits]) * POWERS[-digits];
}
