// Excel custom functions (namespace KAM): thin wrappers over the catalogue. The JSDoc here IS the
// registration: the metadata plugin turns it into functions.json. Text must match the catalogue.
import { runExcel } from './run';

/**
 * Account attractiveness on 0 to 10: the weighted mean of each account's factor scores, one result per row. Example: =KAM.SCORE(B2:E301, B1:E1)
 * @customfunction SCORE
 * @param scores One row per account, one column per factor: scores 0-10, or raw values when scales are given.
 * @param weights One weight per factor, in a row or a column; any total, none negative, at least one positive.
 * @param [scales] Optional 2 rows by one column per factor: the value that scores 0, then the value that scores 10 (first larger means lower is better).
 * @returns A column with one attractiveness score per account row.
 */
export function score(scores: any[][], weights: any[][], scales?: any[][]): any[][] {
  return runExcel('SCORE', [scores, weights, scales]);
}
