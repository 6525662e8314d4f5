// Rounding away binary floating-point noise from sums before they are shown to users.

/** 0.1 + 0.2 → 0.3: six decimals is far below a cent and far above the noise of summing. */
export function cleanNumber(value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return value;
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}
