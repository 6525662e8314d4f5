// Portfolio hygiene flags: the big names, old friends and difficult customers the method warns against.
import { Cell, CellError, Grid, KamError, OutGrid, errorFromText, isBlank } from './cells';
import { BLANK_CELL, describeBadCell, readColumn, readNumberCell, readOptionalColumn, readOptionalRange, requireSameRows } from './args';
import { details, messages } from './messages';
import { english, type Translate } from '../i18n';

/** The thresholds KAM_FLAGS uses; options can change any of them. */
export interface FlagOptions {
  /** Share of the accounts counted as top revenue: the ceil(top × n) highest revenues, ties included. */
  top: number;
  /** Attractiveness below this is low (a big name or old friend needs low attractiveness). */
  cut: number;
  /** Years of tenure from which an account is an old friend. */
  tenure: number;
  /** Profit at or below this makes an account difficult. */
  profit: number;
}

export const DEFAULT_FLAG_OPTIONS: Readonly<FlagOptions> = { top: 0.1, cut: 5, tenure: 10, profit: 0 };
const OPTION_NAMES = Object.keys(DEFAULT_FLAG_OPTIONS) as (keyof FlagOptions)[];

const BIG_NAME = 1;
const OLD_FRIEND = 2;
const DIFFICULT = 4;
/** Every combination's text in a language, prepared once per language: the row loop allocates no strings. */
const FLAG_TEXTS = new Map<string, string[]>();
function flagTexts(t: Translate): string[] {
  let texts = FLAG_TEXTS.get(t.language);
  if (!texts) {
    const words = [t('flag.bigName'), t('flag.oldFriend'), t('flag.difficult')];
    texts = Array.from({ length: 8 }, (_, mask) => words.filter((_, k) => mask & (1 << k)).join(t('common.list.separator')));
    FLAG_TEXTS.set(t.language, texts);
  }
  return texts;
}

/** The words of a flag text the core writes in English ("Big name, Difficult"), in the reader's language. */
export function flagNames(text: string, t: Translate): string {
  const mask = flagTexts(english).indexOf(text);
  return mask < 0 ? text : flagTexts(t)[mask];
}

/** A number as written in the options text: 0.1, 10 %, -5, 1e3. */
const OPTION_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*%?$/i;

function setOption(options: FlagOptions, given: Set<string>, rawName: string, value: number | string): void {
  const name = rawName.trim().toLowerCase() as keyof FlagOptions;
  if (!OPTION_NAMES.includes(name)) throw new KamError('VALUE', messages.optionUnknown(rawName.trim()));
  if (given.has(name)) throw new KamError('VALUE', messages.optionTwice(name));
  given.add(name);
  let number: number;
  if (typeof value === 'number') number = value;
  else {
    const text = value.trim();
    if (!OPTION_NUMBER.test(text)) throw new KamError('VALUE', messages.optionValue(name, details.textNotNumber(text)));
    number = text.endsWith('%') ? parseFloat(text) / 100 : parseFloat(text);
  }
  if (!Number.isFinite(number)) throw new KamError('VALUE', messages.optionValue(name, details.notFinite));
  if (name === 'top' && !(number > 0 && number <= 1)) throw new KamError('VALUE', messages.optionValue(name, details.value(number)));
  options[name] = number;
}

/**
 * Options, in either of two forms: a text of name=value pairs separated by ";" ("top=10%; cut=5; tenure=8"),
 * or a range of two columns, option name then value. Options left out keep their defaults.
 */
export function readFlagOptions(arg: Grid | Cell | undefined): FlagOptions {
  const options: FlagOptions = { ...DEFAULT_FLAG_OPTIONS };
  const grid = readOptionalRange(arg, 'options');
  if (!grid) return options;
  const given = new Set<string>();
  if (grid.length === 1 && grid[0].length === 1) {
    const text = grid[0][0];
    const error = text instanceof CellError ? text : typeof text === 'string' ? errorFromText(text) : null;
    if (error) throw new KamError(error.kind, messages.valueIsError('options', describeBadCell(text, error)));
    if (typeof text !== 'string') throw new KamError('VALUE', messages.optionsShape(1, 1));
    for (const part of text.split(/[;\n]/)) {
      if (part.trim() === '') continue;
      const equals = part.indexOf('=');
      if (equals < 0) throw new KamError('VALUE', messages.optionSyntax(part.trim()));
      setOption(options, given, part.slice(0, equals), part.slice(equals + 1));
    }
    return options;
  }
  if (grid[0].length !== 2) throw new KamError('VALUE', messages.optionsShape(grid.length, grid[0].length));
  for (let r = 0; r < grid.length; r++) {
    const [nameCell, valueCell] = grid[r];
    if (isBlank(nameCell) && isBlank(valueCell)) continue;
    const nameError = nameCell instanceof CellError ? nameCell : typeof nameCell === 'string' ? errorFromText(nameCell) : null;
    if (nameError) throw new KamError(nameError.kind, messages.valueIsError('options', describeBadCell(nameCell, nameError)));
    if (typeof nameCell !== 'string' || nameCell.trim() === '') throw new KamError('VALUE', messages.optionNameMissing(r + 1));
    const value = readNumberCell(valueCell, 'options', r + 1, 2);
    if (value === BLANK_CELL) throw new KamError('VALUE', messages.optionValue(nameCell.trim().toLowerCase(), details.blank));
    if (value instanceof CellError) throw new KamError(value.kind, messages.optionValue(nameCell.trim().toLowerCase(), describeBadCell(valueCell, value)));
    setOption(options, given, nameCell, value);
  }
  return options;
}

/** A one-column numeric cell: a finite number, blank, or that row's error. */
function readValue(cell: Cell, arg: string, row: number): number | CellError | typeof BLANK_CELL {
  if (typeof cell === 'number' && cell - cell === 0) return cell;
  return readNumberCell(cell, arg, row, 1);
}

/**
 * The smallest revenue still in the top: the k-th highest of the given revenues, k = ceil(top × n). The product
 * is rounded to 9 decimals first, so 0.1 × 30 counts as 3, not 3.0000000000000004.
 */
export function topRevenueCut(revenue: Grid, top: number): number {
  const values = new Float64Array(revenue.length);
  let n = 0;
  for (let i = 0; i < revenue.length; i++) {
    const value = readValue(revenue[i][0], 'revenue', i + 1);
    if (typeof value === 'number') values[n++] = value;
  }
  if (n === 0) return Infinity;
  const k = Math.max(1, Math.ceil(Math.round(top * n * 1e9) / 1e9));
  const sorted = values.subarray(0, n).sort();
  return sorted[n - k];
}

/**
 * KAM_FLAGS: per account, "Big name" (top revenue yet attractiveness below the cut), "Old friend" (tenure at or
 * above the threshold yet attractiveness below the cut), "Difficult" (profit at or below the threshold), joined
 * by ", "; empty text when none applies. A row blank in every argument gives a blank result. The words are in
 * the reader's language (`t`): the portfolio keeps them in English and shows them with flagNames.
 */
export function flags(
  revenueArg: Grid | Cell | undefined,
  attractivenessArg: Grid | Cell | undefined,
  profitArg: Grid | Cell | undefined,
  tenureArg?: Grid | Cell,
  optionsArg?: Grid | Cell,
  t: Translate = english,
): OutGrid {
  const FLAG_TEXT = flagTexts(t);
  const revenue = readColumn(revenueArg, 'revenue');
  const attractiveness = readColumn(attractivenessArg, 'attractiveness');
  const profit = readColumn(profitArg, 'profit');
  requireSameRows(revenue, 'revenue', attractiveness, 'attractiveness');
  requireSameRows(revenue, 'revenue', profit, 'profit');
  const tenure = readOptionalColumn(tenureArg, 'tenure');
  if (tenure) requireSameRows(revenue, 'revenue', tenure, 'tenure');
  const options = readFlagOptions(optionsArg);
  const topCut = topRevenueCut(revenue, options.top);

  const out: OutGrid = new Array(revenue.length);
  for (let i = 0; i < revenue.length; i++) {
    const r = readValue(revenue[i][0], 'revenue', i + 1);
    const a = readValue(attractiveness[i][0], 'attractiveness', i + 1);
    const p = readValue(profit[i][0], 'profit', i + 1);
    const y = tenure ? readValue(tenure[i][0], 'tenure', i + 1) : 0;
    const error = r instanceof CellError ? r : a instanceof CellError ? a : p instanceof CellError ? p : y instanceof CellError ? y : null;
    if (error) {
      out[i] = [error];
      continue;
    }
    if (r === BLANK_CELL && a === BLANK_CELL && p === BLANK_CELL && (y === BLANK_CELL || !tenure)) {
      out[i] = [''];
      continue;
    }
    // A flag is a warning: when a value it needs is blank (not known), that check is simply not made.
    const low = typeof a === 'number' && a < options.cut;
    const mask =
      (low && typeof r === 'number' && r >= topCut ? BIG_NAME : 0) |
      (tenure && low && typeof y === 'number' && y >= options.tenure ? OLD_FRIEND : 0) |
      (typeof p === 'number' && p <= options.profit ? DIFFICULT : 0);
    out[i] = [FLAG_TEXT[mask]];
  }
  return out;
}
