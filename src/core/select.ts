// Key-account selection: the accounts that bring the most value within the team's capacity (exact 0/1 knapsack).
import { Cell, CellError, Grid, KamError, OutCell, OutGrid, errorFromText, isBlank } from './cells';
import { BLANK_CELL, dateToSerial, readColumn, readNumberArg, readNumberCell, readOptionalColumn, readWordOrNumberArg, requireSameRows } from './args';
import { solveKnapsack } from './knapsack';
import { messages } from './messages';
import { round15 } from './precision';

export type SelectOutput = 'list' | 'table' | 'flags';
const OUTPUTS: readonly SelectOutput[] = ['list', 'table', 'flags'];

/** Row states while reading. */
const BLANK_ROW = 0;
const NOT_CHOSEN = 1; // value blank or not positive: never chosen
const CANDIDATE = 2;
const ROW_ERROR = 3;

function readOutput(arg: Grid | Cell | undefined): SelectOutput {
  const word = readWordOrNumberArg(arg, 'output');
  if (word === undefined) return 'list';
  if (typeof word === 'string' && (OUTPUTS as readonly string[]).includes(word)) return word as SelectOutput;
  throw new KamError('VALUE', messages.outputInvalid(String(word)));
}

/** A one-column numeric cell: a finite number, blank, or that row's error. */
function readValue(cell: Cell, arg: string, row: number): number | CellError | typeof BLANK_CELL {
  if (typeof cell === 'number' && cell - cell === 0) return cell;
  return readNumberCell(cell, arg, row, 1);
}

/** The key duplicates are found by: names compare as a lookup does, ignoring case and surrounding spaces. */
function nameKey(name: string | number | Date): string {
  if (typeof name === 'string') return name.trim().toLowerCase(); // first: \`Date\` is a global, slow to look up per row in a sandbox
  if (typeof name === 'number') return String(name);
  return String(dateToSerial(name));
}

/**
 * KAM_SELECT: maximise Σ value over the chosen accounts subject to Σ cost ≤ capacity, exactly (see knapsack.ts
 * for the tie rule). An account with a blank or non-positive value is never chosen. "list" gives the chosen
 * names, highest value first (equal values in row order); "table" adds value, cost and cumulative cost;
 * "flags" gives TRUE/FALSE per input row. A duplicate name always fails the call; another problem with a row
 * shows in that row with "flags" (the account is left out), and fails the call with "list" and "table",
 * which have no row of their own to show it in.
 */
export function select(
  accountsArg: Grid | Cell | undefined,
  valuesArg: Grid | Cell | undefined,
  capacityArg: Grid | Cell | undefined,
  costsArg?: Grid | Cell,
  outputArg?: Grid | Cell,
): OutGrid {
  const accounts = readColumn(accountsArg, 'accounts');
  const values = readColumn(valuesArg, 'values');
  requireSameRows(accounts, 'accounts', values, 'values');
  const capacity = readNumberArg(capacityArg, 'capacity');
  if (capacity === undefined) throw new KamError('VALUE', messages.capacityMissing());
  if (!(capacity > 0)) throw new KamError('VALUE', messages.capacityNotPositive(capacity));
  const costs = readOptionalColumn(costsArg, 'costs');
  if (costs) requireSameRows(accounts, 'accounts', costs, 'costs');
  const output = readOutput(outputArg);

  const n = accounts.length;
  const state = new Uint8Array(n);
  const rowErrors = new Map<number, CellError>();
  const candidateValues = new Float64Array(n);
  const candidateCosts = new Float64Array(n);
  const candidateRows = new Int32Array(n);
  let candidates = 0;
  let smallestCost = Infinity;
  const firstRowOf = new Map<string, number>();

  for (let i = 0; i < n; i++) {
    const name = accounts[i][0];
    const value = readValue(values[i][0], 'values', i + 1);
    const cost = costs ? readValue(costs[i][0], 'costs', i + 1) : 1;
    let problem: CellError | null = null;
    let problemArg = 'values';
    if (value instanceof CellError) problem = value;
    else if (cost instanceof CellError) {
      problem = cost;
      problemArg = 'costs';
    }
    if (isBlank(name) || (typeof name === 'string' && name.trim() === '')) {
      if (!problem && value === BLANK_CELL && (cost === BLANK_CELL || !costs)) continue; // a blank row
      problem ??= new CellError('VALUE', messages.accountNameMissing(i + 1));
    } else if (name instanceof CellError || (typeof name === 'string' && name.charCodeAt(0) === 35 && errorFromText(name))) {
      problem = name instanceof CellError ? name : (errorFromText(name as string) as CellError);
      problemArg = 'accounts';
    } else if (typeof name === 'boolean') {
      problem ??= new CellError('VALUE', messages.accountNameInvalid(i + 1, name));
    } else {
      const key = nameKey(name as string | number | Date);
      const first = firstRowOf.get(key);
      if (first !== undefined) throw new KamError('VALUE', messages.duplicateAccount(String(accounts[first - 1][0]).trim(), first, i + 1));
      firstRowOf.set(key, i + 1);
    }
    if (!problem) {
      if (value === BLANK_CELL || (value as number) <= 0) {
        state[i] = NOT_CHOSEN;
        continue;
      }
      if (cost === BLANK_CELL) problem = new CellError('VALUE', messages.costBlank(i + 1));
      else if (!((cost as number) > 0)) problem = new CellError('VALUE', messages.costNotPositive(i + 1, cost as number));
      else {
        state[i] = CANDIDATE;
        candidateValues[candidates] = value as number;
        candidateCosts[candidates] = cost as number;
        candidateRows[candidates++] = i;
        if ((cost as number) < smallestCost) smallestCost = cost as number;
        continue;
      }
    }
    // Only "flags" has a cell for this row; a list that silently dropped the account would mislead.
    if (output !== 'flags') {
      throw new KamError(problem.kind, messages.rowProblemInList(problem.message || messages.errorInCell(problemArg, i + 1, 1, problem.kind)));
    }
    state[i] = ROW_ERROR;
    rowErrors.set(i, problem);
  }

  if (candidates === 0) throw new KamError('NA', messages.nothingEligible());
  const { chosen } = solveKnapsack(candidateValues.subarray(0, candidates), candidateCosts.subarray(0, candidates), capacity);
  if (chosen.length === 0) throw new KamError('NA', messages.nothingFits(capacity, smallestCost));

  if (output === 'flags') {
    const isChosen = new Uint8Array(n);
    for (const j of chosen) isChosen[candidateRows[j]] = 1;
    const out: OutGrid = new Array(n);
    for (let i = 0; i < n; i++) {
      const s = state[i];
      out[i] = [s === BLANK_ROW ? '' : s === ROW_ERROR ? (rowErrors.get(i) as CellError) : isChosen[i] === 1];
    }
    return out;
  }
  const out: OutGrid = new Array(chosen.length);
  let cumulative = 0;
  for (let r = 0; r < chosen.length; r++) {
    const j = chosen[r];
    const name = accounts[candidateRows[j]][0] as OutCell | Date;
    const shown: OutCell = name instanceof Date ? dateToSerial(name) : typeof name === 'string' ? name.trim() : name;
    if (output === 'list') {
      out[r] = [shown];
    } else {
      cumulative += candidateCosts[j];
      out[r] = [shown, candidateValues[j], candidateCosts[j], round15(cumulative)];
    }
  }
  return out;
}
