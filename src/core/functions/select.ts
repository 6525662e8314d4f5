// Key-account selection: the accounts that bring the most value within the team's capacity (exact 0/1 knapsack).
import { Cell, CellError, Grid, KamError, OutCell, OutGrid, errorFromText, isBlank } from './cells';
import { BLANK_CELL, dateToSerial, readColumn, readNumberArg, readNumberCell, readOptionalColumn, readWordOrNumberArg, requireSameRows } from './args';
import { solveKnapsack } from './solvers/knapsack';
import { messages, nameList } from './messages';
import { english, render, type Translate } from '../i18n';
import { round15 } from './precision';

export type SelectOutput = 'list' | 'table' | 'flags' | 'reasons';
const OUTPUTS: readonly SelectOutput[] = ['list', 'table', 'flags', 'reasons'];

/**
 * "reasons" works out exactly, by a second optimum with the account forced in, why each account worth more
 * than the least valuable chosen one was left out; past this many such accounts (fewer on very long
 * columns, so the solves stay within about REASON_WORK rows in all) the reason says it was not worked out,
 * so one formula cannot take minutes.
 */
export const MAX_REASON_SOLVES = 300;
const REASON_WORK = 30_000_000;

/** Row states while reading. */
const BLANK_ROW = 0;
export const NOT_CHOSEN = 1; // value blank or not positive: never chosen
export const CANDIDATE = 2;
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
  if (typeof name === 'string') return name.trim().toLowerCase(); // first: `Date` is a global, slow to look up per row in a sandbox
  if (typeof name === 'number') return String(name);
  return String(dateToSerial(name));
}

// Read once: a global looked up per character or per item is slow in a sandboxed scope (vm, add-in runtimes).
const imul = Math.imul;
const INFINITY = 1 / 0;
const MIN_POSITIVE = 5e-324;

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;

/**
 * A 32-bit hash of a name's key, without building the key for plain ASCII text (the common case): over
 * a million names, making a lower-cased copy of each is what costs the time (garbage collection).
 */
function nameHash(name: string | number | Date): number {
  let text: string;
  let start = 0;
  let end: number;
  if (typeof name === 'string') {
    text = name;
    end = text.length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) > 127) {
        text = nameKey(name); // other scripts: let the platform fold the case
        start = 0;
        end = text.length;
        break;
      }
    }
  } else {
    text = nameKey(name);
    end = text.length;
  }
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The first duplicate in row order: the earliest row whose name an earlier row already has, and that earlier
 * row (1-based), or null. An open-addressing table of name hashes; keys are built and compared only when two
 * hashes are equal, so a column of distinct ASCII names allocates nothing per name.
 */
function findDuplicateName(accounts: Grid): { first: number; second: number } | null {
  const n = accounts.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const rowPlusOne = new Int32Array(size); // 0 = empty slot
  const hashes = new Uint32Array(size);
  for (let i = 0; i < n; i++) {
    const name = accounts[i][0];
    if (typeof name === 'string' ? name.trim() === '' || (name.charCodeAt(0) === 35 && errorFromText(name)) : typeof name !== 'number' && !(name instanceof Date)) continue;
    const hash = nameHash(name as string | number | Date);
    let slot = hash & mask;
    while (rowPlusOne[slot] !== 0) {
      if (hashes[slot] === hash) {
        const earlier = rowPlusOne[slot] - 1;
        if (nameKey(accounts[earlier][0] as string | number | Date) === nameKey(name as string | number | Date)) return { first: earlier + 1, second: i + 1 };
      }
      slot = (slot + 1) & mask;
    }
    rowPlusOne[slot] = i + 1;
    hashes[slot] = hash;
  }
  return null;
}

/** Values and costs as the exact solver takes them, and what costs (and so capacities) were divided by. */
export interface SolverInput {
  values: Float64Array;
  costs: Float64Array;
  costScale: number;
  totalCost: number;
}

/**
 * Numbers the solver can handle. Values near 1e308 (whose totals overflow) are divided by the largest value, and
 * costs by the largest cost when a value/cost ratio or a total would overflow or a cost is denormal. None of this
 * changes which selection is best. KAM_SELECT and KAM_CAPACITY both solve through this.
 */
export function solverInput(values: Float64Array, costs: Float64Array): SolverInput {
  let maxValue = 0;
  let maxCost = 0;
  let totalValue = 0;
  let totalCost = 0;
  let extreme = false;
  for (let j = 0; j < values.length; j++) {
    if (values[j] > maxValue) maxValue = values[j];
    if (costs[j] > maxCost) maxCost = costs[j];
    totalValue += values[j];
    totalCost += costs[j];
    if (!(values[j] / costs[j] < INFINITY) || costs[j] < 1e-300) extreme = true;
  }
  if (!(totalValue < INFINITY) || !(totalCost * 2 < INFINITY) || extreme) {
    // A value or cost so small beside the largest that its quotient underflows to 0 stays the smallest positive
    // number: it is negligible either way, and the solver needs every value and cost positive.
    values = values.map((v) => v / maxValue || MIN_POSITIVE);
    costs = costs.map((c) => c / maxCost || MIN_POSITIVE);
    totalCost = 0;
    for (let j = 0; j < costs.length; j++) totalCost += costs[j];
    return { values, costs, costScale: maxCost, totalCost };
  }
  return { values, costs, costScale: 1, totalCost };
}

/** A capacity in the solver's units; one above the total cost is the total cost (everything fits either way). */
export function solverCapacity(input: SolverInput, capacity: number): number {
  const scaled = capacity / input.costScale;
  return scaled > input.totalCost ? input.totalCost : scaled;
}

/** The chosen candidates; a problem the exact solver declines (see knapsack.ts) becomes a message in words. */
function solveWithinRange(values: Float64Array, costs: Float64Array, capacity: number): number[] {
  const input = solverInput(values, costs);
  try {
    return solveKnapsack(input.values, input.costs, solverCapacity(input, capacity)).chosen;
  } catch (error) {
    if (error instanceof RangeError) throw new KamError('VALUE', messages.selectTooHard());
    throw error;
  }
}

/**
 * Whether an account whose value and cost are readable can be chosen, as KAM_SELECT and KAM_CAPACITY decide it:
 * a blank or non-positive value never is; an account with a positive value needs a positive cost.
 */
export function eligibility(value: number | typeof BLANK_CELL, cost: number | typeof BLANK_CELL, row: number): typeof NOT_CHOSEN | typeof CANDIDATE | CellError {
  if (value === BLANK_CELL || value <= 0) return NOT_CHOSEN;
  if (cost === BLANK_CELL) return new CellError('VALUE', messages.costBlank(row));
  if (!(cost > 0)) return new CellError('VALUE', messages.costNotPositive(row, cost));
  return CANDIDATE;
}

/**
 * KAM_SELECT: maximise Σ value over the chosen accounts subject to Σ cost ≤ capacity, exactly (see knapsack.ts
 * for the tie rule). An account with a blank or non-positive value is never chosen. "list" gives the chosen
 * names, highest value first (equal values in row order); "table" adds value, cost and cumulative cost;
 * "flags" gives TRUE/FALSE per input row. A duplicate name always fails the call, before any other check; another problem with a row
 * shows in that row with "flags" (the account is left out), and fails the call with "list" and "table",
 * which have no row of their own to show it in.
 */
export function select(
  accountsArg: Grid | Cell | undefined,
  valuesArg: Grid | Cell | undefined,
  capacityArg: Grid | Cell | undefined,
  costsArg?: Grid | Cell,
  outputArg?: Grid | Cell,
  t: Translate = english,
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
  const duplicate = findDuplicateName(accounts);
  if (duplicate) {
    throw new KamError('VALUE', messages.duplicateAccount(String(accounts[duplicate.first - 1][0]).trim(), duplicate.first, duplicate.second));
  }

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
    }
    if (!problem) {
      const verdict = eligibility(value as number | typeof BLANK_CELL, cost as number | typeof BLANK_CELL, i + 1);
      if (verdict === NOT_CHOSEN) {
        state[i] = NOT_CHOSEN;
        continue;
      }
      if (verdict !== CANDIDATE) problem = verdict;
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
      throw new KamError(problem.kind, messages.rowProblemInList(problem.text === '' ? messages.errorInCell(problemArg, i + 1, 1, problem.kind) : problem.text));
    }
    state[i] = ROW_ERROR;
    rowErrors.set(i, problem);
  }

  if (candidates === 0) throw new KamError('NA', messages.nothingEligible());
  const chosen = solveWithinRange(candidateValues.subarray(0, candidates), candidateCosts.subarray(0, candidates), capacity);
  if (chosen.length === 0) throw new KamError('NA', messages.nothingFits(capacity, smallestCost));

  if (output === 'reasons') {
    return leftOutReasons(accounts, state, rowErrors, candidateValues.subarray(0, candidates), candidateCosts.subarray(0, candidates), candidateRows.subarray(0, candidates), chosen, capacity, t);
  }
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

const figures = new Map<string, Intl.NumberFormat>();

/** A number for a reason's text: at most two decimals, no binary noise, ungrouped, in the reader's decimal mark. */
function figureIn(t: Translate): (x: number) => string {
  let f = figures.get(t.locale);
  if (!f) figures.set(t.locale, (f = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2, useGrouping: false })));
  return (x) => f!.format(Math.round(x * 100) / 100);
}

/**
 * KAM_SELECT's "reasons": per input row, why the account is not chosen, "" when it is. An account worth more
 * than the least valuable chosen one is explained exactly: the best selection that includes it is found, and
 * the reason names the chosen accounts that would have to go to make room and what they bring against what
 * it brings ("needs 60; to fit it in, Borg and Cyan (worth 13.6) would have to go, against 8.1 for it").
 */
function leftOutReasons(
  accounts: Grid,
  state: Uint8Array,
  rowErrors: Map<number, CellError>,
  values: Float64Array,
  costs: Float64Array,
  rows: Int32Array,
  chosen: number[],
  capacity: number,
  t: Translate,
): OutGrid {
  const n = accounts.length;
  const m = values.length;
  const figure = figureIn(t);
  const name = (j: number): string => {
    const cell = accounts[rows[j]][0];
    return cell instanceof Date ? String(dateToSerial(cell)) : String(cell).trim();
  };
  const isChosen = new Uint8Array(m);
  let chosenValue = 0;
  let chosenCost = 0;
  let weakest = INFINITY;
  for (const j of chosen) {
    isChosen[j] = 1;
    chosenValue += values[j];
    chosenCost += costs[j];
    if (values[j] < weakest) weakest = values[j];
  }
  const free = Math.max(0, capacity - chosenCost);
  const reasonOf = new Map<number, string>();
  const maxSolves = Math.min(MAX_REASON_SOLVES, Math.floor(REASON_WORK / Math.max(1, m)));
  let solves = 0;
  for (let j = 0; j < m; j++) {
    if (isChosen[j]) continue;
    const cost = figure(costs[j]);
    if (costs[j] > capacity) {
      reasonOf.set(rows[j], t('fn.reason.tooBig', { cost, capacity: figure(capacity) }));
    } else if (values[j] < weakest) {
      reasonOf.set(rows[j], t('fn.reason.worthLess', { cost, free: figure(free) }));
    } else if (solves >= maxSolves) {
      reasonOf.set(rows[j], t('fn.reason.notWorkedOut', { cost, max: String(maxSolves) }));
    } else {
      solves++;
      reasonOf.set(rows[j], tradeOff(j, values, costs, isChosen, chosenValue, capacity, name, t));
    }
  }
  const noValue = t('fn.reason.noValue');
  const out: OutGrid = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = state[i];
    out[i] = [s === BLANK_ROW ? '' : s === ROW_ERROR ? (rowErrors.get(i) as CellError) : s === NOT_CHOSEN ? noValue : reasonOf.get(i) ?? ''];
  }
  return out;
}

/** The best selection with account j forced in, against the chosen one: what would go, what would come. */
function tradeOff(j: number, values: Float64Array, costs: Float64Array, isChosen: Uint8Array, chosenValue: number, capacity: number, name: (j: number) => string, t: Translate): string {
  const m = values.length;
  const figure = figureIn(t);
  const room = capacity - costs[j];
  const others: number[] = [];
  for (let k = 0; k < m; k++) if (k !== j && costs[k] <= room * (1 + 1e-12)) others.push(k);
  let withIt: number[] = [];
  if (room > 0 && others.length) {
    try {
      withIt = solveWithinRange(Float64Array.from(others, (k) => values[k]), Float64Array.from(others, (k) => costs[k]), room).map((x) => others[x]);
    } catch (error) {
      if (error instanceof KamError) return t('fn.reason.tradeOffFailed', { cost: figure(costs[j]), message: render(error.text, t) });
      throw error;
    }
  }
  const kept = new Uint8Array(m);
  for (const k of withIt) kept[k] = 1;
  const dropped: number[] = [];
  const added: number[] = [];
  let droppedValue = 0;
  let addedValue = values[j];
  let forcedValue = values[j];
  for (let k = 0; k < m; k++) {
    if (kept[k]) forcedValue += values[k];
    if (isChosen[k] && !kept[k]) {
      dropped.push(k);
      droppedValue += values[k];
    } else if (!isChosen[k] && kept[k]) {
      added.push(k);
      addedValue += values[k];
    }
  }
  if (forcedValue >= chosenValue * (1 - 1e-9)) return t('fn.reason.tie', { cost: figure(costs[j]) });
  const going = t('fn.reason.going', { count: dropped.length, names: nameList(dropped.map(name))(t) });
  return t('fn.reason.tradeOff', {
    cost: figure(costs[j]), going, goingValue: figure(droppedValue), comingValue: figure(addedValue),
    joined: added.length ? 'yes' : 'no', coming: nameList(added.map(name))(t), count: dropped.length,
  });
}
