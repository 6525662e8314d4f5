// Types for prng.mjs, so TypeScript tests can use the project's one seeded generator.
export interface Prng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  normal(mean: number, sd: number): number;
  chance(p: number): boolean;
}
export function prng(seed: number): Prng;
