// Customer lifetime value: the discounted margin an account brings while it stays, over a horizon or forever.
import { Cell, CellError, Grid, KamError, OutGrid } from './cells';
import { BLANK_CELL, readColumn, readNumberArg, readNumberCell, readRange } from './args';
import { messages } from './messages';
import { round15 } from './precision';

/**
 * The multiplier of the margin: Σ_{t=1..T} (r/(1+d))^t, or r/(1+d−r) for an unlimited horizon (T = Infinity).
 * The finite sum uses its closed form q(1−q^T)/(1−q) with q = r/(1+d), written with expm1/log so that it stays
 * accurate when q^T is close to 1.
 */
export function lifetimeFactor(retention: number, discountRate: number, years: number): number {
  const rest = 1 + discountRate - retention; // (1−q)(1+d), positive since r < 1 ≤ 1+d
  if (years === Infinity) return retention / rest;
  if (retention === 0) return 0;
  return (retention * -Math.expm1(years * (Math.log(retention) - Math.log1p(discountRate)))) / rest;
}

function retentionProblem(value: number): boolean {
  return !(value >= 0 && value < 1);
}

/**
 * KAM_CLV: margin × lifetimeFactor(retention, discount_rate, years) per account. retention is one value for every
 * account, or one per row. A row left blank gives a blank result.
 */
export function clv(marginsArg: Grid | Cell | undefined, retentionArg: Grid | Cell | undefined, discountArg: Grid | Cell | undefined, yearsArg?: Grid | Cell): OutGrid {
  const margins = readColumn(marginsArg, 'margins');
  const n = margins.length;
  // A retention cell left blank may arrive as a bare null: that is a blank value, not a missing argument.
  const retentionGrid = retentionArg === null || retentionArg === undefined ? [[null]] : readRange(retentionArg, 'retention');
  // With one account, a single retention cell is that account's: its problems stay in the row's result.
  const shared = retentionGrid.length === 1 && retentionGrid[0].length === 1 && n > 1;
  if (!shared) {
    if (retentionGrid[0].length !== 1) throw new KamError('VALUE', messages.notAColumn('retention', retentionGrid.length, retentionGrid[0].length));
    if (retentionGrid.length !== n) throw new KamError('VALUE', messages.rowsDifferOrOne('margins', n, 'retention', retentionGrid.length, 'value'));
  }
  const discountRate = readNumberArg(discountArg, 'discount_rate');
  if (discountRate === undefined) throw new KamError('VALUE', messages.discountMissing());
  if (discountRate < 0) throw new KamError('VALUE', messages.discountNegative(discountRate));
  const yearsValue = readNumberArg(yearsArg, 'years');
  if (yearsValue !== undefined && !(yearsValue >= 1 && Number.isInteger(yearsValue))) throw new KamError('VALUE', messages.yearsInvalid(yearsValue));
  const years = yearsValue ?? Infinity;

  let sharedFactor = NaN;
  if (shared) {
    const retention = readNumberArg(retentionGrid, 'retention');
    if (retention === undefined) throw new KamError('VALUE', messages.retentionMissing());
    if (retentionProblem(retention)) throw new KamError('VALUE', messages.retentionOutOfRange(undefined, retention));
    sharedFactor = lifetimeFactor(retention, discountRate, years);
  }

  const out: OutGrid = new Array(n);
  for (let i = 0; i < n; i++) {
    let margin = margins[i][0];
    if (!(typeof margin === 'number' && margin - margin === 0)) {
      const value = readNumberCell(margin, 'margins', i + 1, 1);
      if (value instanceof CellError) {
        out[i] = [value];
        continue;
      }
      margin = value === BLANK_CELL ? null : value;
    }
    let factor = sharedFactor;
    if (!shared) {
      const cell = retentionGrid[i][0];
      const retention = typeof cell === 'number' && cell - cell === 0 ? cell : readNumberCell(cell, 'retention', i + 1, 1);
      if (retention instanceof CellError) {
        out[i] = [retention];
        continue;
      }
      if (retention === BLANK_CELL) {
        out[i] = [margin === null ? '' : new CellError('VALUE', messages.blankInRow('retention', i + 1, 1, 'margins'))];
        continue;
      }
      if (retentionProblem(retention)) {
        out[i] = [new CellError('VALUE', messages.retentionOutOfRange(i + 1, retention))];
        continue;
      }
      if (margin === null) {
        out[i] = [new CellError('VALUE', messages.blankInRow('margins', i + 1, 1, 'retention'))];
        continue;
      }
      factor = lifetimeFactor(retention, discountRate, years);
    } else if (margin === null) {
      out[i] = [''];
      continue;
    }
    out[i] = [round15(margin * factor)];
  }
  return out;
}
