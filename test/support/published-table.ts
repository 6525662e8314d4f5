// kam-method.md's reference table (Gamble et al., Essentials of Strategic Management, Table 4.3): a firm
// (ABC) and four rivals rated 1-10 on nine weighted criteria, with the published weighted totals.

/** The nine criteria's weights, as one row. */
export const WEIGHTS = [[0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.15]];

export const ABC = [8, 8, 2, 10, 9, 9, 5, 5, 5];
export const R1 = [5, 7, 10, 1, 4, 4, 10, 10, 7];
export const R2 = [10, 10, 4, 7, 10, 10, 7, 3, 10];
export const R3 = [1, 1, 5, 3, 5, 5, 3, 1, 1];
export const R4 = [6, 6, 1, 8, 1, 1, 1, 4, 4];

/** One row per firm, in the published order ABC, R1..R4. */
export const RATINGS = [ABC, R1, R2, R3, R4];

/** The published weighted totals, in the same order. */
export const TOTALS = [5.95, 7.7, 6.85, 2.1, 3.7];
