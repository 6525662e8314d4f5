// Google Sheets custom functions (KAM_<ID>): thin wrappers over the catalogue, made global for Apps
// Script. gas-webpack-plugin turns each `global.X = …` into a top-level function X with this JSDoc.
import { runSheets } from './run';


/**
 * Account attractiveness on 0 to 10: the weighted mean of each account's factor scores, one result per row. Example: =KAM_SCORE(B2:E301, B1:E1)
 * @param {range} scores One row per account, one column per factor: scores 0-10, or raw values when scales are given.
 * @param {range} weights One weight per factor, in a row or a column; any total, none negative, at least one positive.
 * @param {range} scales Optional 2 rows by one column per factor: the value that scores 0, then the value that scores 10 (first larger means lower is better).
 * @return A column with one attractiveness score per account row.
 * @customfunction
 */
global.KAM_SCORE = (scores: unknown, weights: unknown, scales?: unknown) => runSheets('SCORE', [scores, weights, scales]);
