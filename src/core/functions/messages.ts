// Every message a spreadsheet user can see from the function catalogue: what is wrong, where, what to do.
// Rows and columns are counted from 1 within the range the user passed, as the user sees it. Each message is
// a phrase (src/core/i18n): the catalogs hold its words per language, and the host says it in the user's.
import { ERROR_CODES, ErrorKind } from './cells';
import { exact, list, literal, phrase, type Phrase, type PhraseParam } from '../i18n';

const quote = (text: string): string => (text.length > 40 ? `"${text.slice(0, 37)}…"` : `"${text}"`);
/** A row, column or index: a position, written as the sheet shows it (never grouped or rounded). */
const at = (n: number): string => String(n);
const POSITION_WORDS = phrase('common.positions.or');
const PLAN_LAYOUT = phrase('fn.planLayout');
const FLAG_OPTIONS_EXAMPLE = '"top=10%; cut=5; tenure=10; profit=0"';
const PLAN_RULES: Record<string, Phrase> = {
  weight: phrase('fn.planRule.weight'),
  threshold: phrase('fn.planRule.threshold'),
  'threshold payout': phrase('fn.planRule.thresholdPayout'),
  cap: phrase('fn.planRule.cap'),
  'cap payout': phrase('fn.planRule.capPayout'),
};
const OPTION_RULES: Record<string, Phrase> = {
  top: phrase('fn.optionRule.top'),
  cut: phrase('fn.optionRule.cut'),
  tenure: phrase('fn.optionRule.tenure'),
  profit: phrase('fn.optionRule.profit'),
};
const bool = (value: boolean): string => (value ? 'TRUE' : 'FALSE');

/** How a bad cell is described inside a message: "is blank", "is the text "x"", "holds the error #N/A (…)". */
export const details = {
  blank: phrase('fn.detail.blank'),
  text: (text: string) => phrase('fn.detail.text', { text }),
  boolean: (value: boolean) => phrase('fn.detail.boolean', { value: bool(value) }),
  notFinite: phrase('fn.detail.notFinite'),
  error: (kind: ErrorKind, message: Phrase | string) =>
    message === '' ? phrase('fn.detail.error', { code: ERROR_CODES[kind] }) : phrase('fn.detail.errorWith', { code: ERROR_CODES[kind], message: typeof message === 'string' ? literal(message) : message }),
  value: (value: number) => phrase('fn.detail.value', { value: exact(value) }),
  textNotNumber: (text: string) => phrase('fn.detail.textNotNumber', { text }),
  invalidDate: phrase('fn.detail.invalidDate'),
} as const;

/** A message already said (an input cell's own error) kept as it is, or a phrase. */
const said = (message: Phrase | string): PhraseParam => (typeof message === 'string' ? literal(message) : message);

export const messages = {
  notARange: (arg: string) => phrase('fn.error.notARange', { arg }),
  missingArgument: (arg: string) => phrase('fn.error.missingArgument', { arg }),
  textInNumber: (arg: string, row: number, column: number, text: string) =>
    phrase('fn.error.textInNumber', { arg, row: at(row), column: at(column), text: quote(text) }),
  booleanInNumber: (arg: string, row: number, column: number, value: boolean) =>
    phrase('fn.error.booleanInNumber', { arg, row: at(row), column: at(column), value: bool(value) }),
  invalidDate: (arg: string, row: number, column: number) => phrase('fn.error.invalidDate', { arg, row: at(row), column: at(column) }),
  resultTooLarge: (row: number) => phrase('fn.error.resultTooLarge', { row: at(row) }),
  notFinite: (arg: string, row: number, column: number) => phrase('fn.error.notFinite', { arg, row: at(row), column: at(column) }),
  blankScore: (arg: string, row: number, column: number) => phrase('fn.error.blankScore', { arg, row: at(row), column: at(column) }),
  rowsDiffer: (a: string, aRows: number, b: string, bRows: number) => phrase('fn.error.rowsDiffer', { a, aRows, b, bRows }),
  columnsDiffer: (a: string, aCols: number, b: string, bCols: number, what: 'weights' | 'names') =>
    phrase('fn.error.columnsDiffer', { a, aCols, b, bCols, what }),
  notAVector: (arg: string, rows: number, cols: number) => phrase('fn.error.notAVector', { arg, rows, cols }),
  weightNegative: (arg: string, index: number, value: number) => phrase('fn.error.weightNegative', { arg, index: at(index), value: exact(value) }),
  weightInvalid: (arg: string, index: number, detail: Phrase) => phrase('fn.error.weightInvalid', { arg, index: at(index), detail }),
  weightsAllZero: (arg: string) => phrase('fn.error.weightsAllZero', { arg }),
  scalesShape: (arg: string, rows: number, cols: number, factors: number) => phrase('fn.error.scalesShape', { arg, rows, cols, factors }),
  scaleCurveInvalid: (arg: string, column: number, value: unknown) =>
    phrase('fn.error.scaleCurveInvalid', { arg, column: at(column), value: typeof value === 'string' ? `"${value}"` : typeof value === 'number' ? exact(value) : String(value) }),
  scaleLogNotPositive: (arg: string, column: number, worst: number, best: number) =>
    phrase('fn.error.scaleLogNotPositive', { arg, column: at(column), worst: exact(worst), best: exact(best) }),
  scaleInvalid: (arg: string, row: number, column: number, detail: Phrase) => phrase('fn.error.scaleInvalid', { arg, row: at(row), column: at(column), detail }),
  scaleFlat: (arg: string, column: number, value: number) => phrase('fn.error.scaleFlat', { arg, column: at(column), value: exact(value) }),
  notASingleValue: (arg: string, rows: number, cols: number) => phrase('fn.error.notASingleValue', { arg, rows, cols }),

  // Shared by the catalogue functions.
  notAColumn: (arg: string, rows: number, cols: number) => phrase('fn.error.notAColumn', { arg, rows, cols }),
  valueNotNumber: (arg: string, detail: Phrase) => phrase('fn.error.valueNotNumber', { arg, detail }),
  valueIsError: (arg: string, detail: Phrase) => phrase('fn.error.valueIsError', { arg, detail }),
  rowsDifferOrOne: (a: string, aRows: number, b: string, bRows: number, unit: 'row' | 'value') =>
    phrase('fn.error.rowsDifferOrOne', { a, aRows, b, bRows, unit }),
  blankInRow: (arg: string, row: number, column: number, others: string) =>
    phrase('fn.error.blankInRow', { arg, row: at(row), column: at(column), others }),
  errorInCell: (arg: string, row: number, column: number, kind: ErrorKind) =>
    phrase('fn.error.errorInCell', { arg, row: at(row), column: at(column), code: ERROR_CODES[kind] }),
  // Cells Excel hands over as data types (allowCustomDataForDataTypeAny): an error other than the seven
  // kinds above (#SPILL!, #CALC!, #BUSY!, …), or a value that is neither a number nor text.
  hostErrorInCell: (arg: string, row: number, column: number, code: string) =>
    phrase('fn.error.hostErrorInCell', { arg, row: at(row), column: at(column), code }),
  dataTypeInCell: (arg: string, row: number, column: number, what: 'picture' | 'array' | 'function' | 'entity' | 'other', type = '') =>
    phrase('fn.error.dataTypeInCell', { arg, row: at(row), column: at(column), what, type }),

  // KAM_STRENGTH
  ratingsColumnsDiffer: (a: string, aCols: number, b: string, bCols: number) => phrase('fn.error.ratingsColumnsDiffer', { a, aCols, b, bCols }),
  blankRating: (arg: string, row: number, column: number) => phrase('fn.error.blankRating', { arg, row: at(row), column: at(column) }),
  ratingNegative: (arg: string, row: number, column: number, value: number) =>
    phrase('fn.error.ratingNegative', { arg, row: at(row), column: at(column), value: exact(value) }),
  sharedRivalInvalid: (column: number, detail: Phrase) => phrase('fn.error.sharedRivalInvalid', { column: at(column), detail }),
  rivalRatedZero: (row: number | undefined) => phrase('fn.error.rivalRatedZero', { row: row === undefined ? 'none' : at(row) }),

  // KAM_POSITION
  cutInvalid: (arg: string, word: string) => phrase('fn.error.cutInvalid', { arg, word: quote(word) }),

  // KAM_SELECT
  capacityMissing: () => phrase('fn.error.capacityMissing'),
  capacityNotPositive: (value: number) => phrase('fn.error.capacityNotPositive', { value: exact(value) }),
  outputInvalid: (text: string) => phrase('fn.error.outputInvalid', { text: quote(text) }),
  accountNameMissing: (row: number) => phrase('fn.error.accountNameMissing', { row: at(row) }),
  accountNameInvalid: (row: number, value: boolean) => phrase('fn.error.accountNameInvalid', { row: at(row), value: bool(value) }),
  duplicateAccount: (name: string, firstRow: number, row: number) =>
    phrase('fn.error.duplicateAccount', { name: quote(name), first: at(firstRow), row: at(row) }),
  costBlank: (row: number) => phrase('fn.error.costBlank', { row: at(row) }),
  costNotPositive: (row: number, value: number) => phrase('fn.error.costNotPositive', { row: at(row), value: exact(value) }),
  rowProblemInList: (rowMessage: Phrase | string) => phrase('fn.error.rowProblemInList', { message: said(rowMessage) }),
  selectTooHard: () => phrase('fn.error.selectTooHard'),
  nothingEligible: () => phrase('fn.error.nothingEligible'),
  nothingFits: (capacity: number, smallestCost: number) => phrase('fn.error.nothingFits', { capacity: exact(capacity), cost: exact(smallestCost) }),

  // KAM_REWARD
  planShape: (rows: number, cols: number) => phrase('fn.error.planShape', { rows, cols, layout: PLAN_LAYOUT }),
  planHeader: (column: number, found: string, expected: Phrase | string) =>
    phrase('fn.error.planHeader', { column: at(column), found: quote(found), expected: said(expected), layout: PLAN_LAYOUT }),
  planPosition: (row: number, text: string) => phrase('fn.error.planPosition', { row: at(row), text: quote(text), positions: POSITION_WORDS }),
  planMetricMissing: (row: number) => phrase('fn.error.planMetricMissing', { row: at(row) }),
  planDuplicate: (row: number, position: Phrase, metric: string, firstRow: number) =>
    phrase('fn.error.planDuplicate', { row: at(row), position, metric: quote(metric), first: at(firstRow) }),
  planDirection: (row: number, text: string) => phrase('fn.error.planDirection', { row: at(row), text: quote(text) }),
  planNumber: (row: number, column: string, columnName: Phrase, detail: Phrase) =>
    phrase('fn.error.planNumber', { row: at(row), column: columnName, detail, rule: PLAN_RULES[column] ?? '' }),
  planEmpty: () => phrase('fn.error.planEmpty', { layout: PLAN_LAYOUT }),
  planWeightsTotal: (position: Phrase, total: number) => phrase('fn.error.planWeightsTotal', { position, total: exact(total) }),
  metricColumns: (arg: string, cols: number, metrics: string[]) =>
    phrase('fn.error.metricColumns', { arg, cols, count: metrics.length, metrics: metrics.join(', ') }),
  blankPosition: (row: number) => phrase('fn.error.blankPosition', { row: at(row), positions: POSITION_WORDS }),
  positionUnknown: (row: number, text: string, arg = 'positions') =>
    phrase('fn.error.positionUnknown', { arg, row: at(row), text: quote(text), positions: POSITION_WORDS }),
  positionNotInPlan: (row: number, position: Phrase) => phrase('fn.error.positionNotInPlan', { row: at(row), position }),
  blankMetric: (arg: string, row: number, column: number, metric: string) =>
    phrase('fn.error.blankMetric', { arg, row: at(row), column: at(column), metric }),
  targetNotPositive: (row: number, column: number, value: number) =>
    phrase('fn.error.targetNotPositive', { row: at(row), column: at(column), value: exact(value) }),
  lowerActualNegative: (row: number, column: number, value: number, metric: string) =>
    phrase('fn.error.lowerActualNegative', { row: at(row), column: at(column), value: exact(value), metric }),

  // KAM_CLV
  retentionMissing: () => phrase('fn.error.retentionMissing'),
  retentionOutOfRange: (row: number | undefined, value: number) =>
    phrase('fn.error.retentionOutOfRange', { row: row === undefined ? 'none' : at(row), value: exact(value) }),
  discountMissing: () => phrase('fn.error.discountMissing'),
  discountNegative: (value: number) => phrase('fn.error.discountNegative', { value: exact(value) }),
  yearsInvalid: (value: number) => phrase('fn.error.yearsInvalid', { value: exact(value) }),

  // KAM_FLAGS
  optionsShape: (rows: number, cols: number) =>
    phrase('fn.error.optionsShape', { single: rows === 1 && cols === 1 ? 'yes' : 'no', rows, cols, example: FLAG_OPTIONS_EXAMPLE }),
  optionSyntax: (part: string) => phrase('fn.error.optionSyntax', { part: quote(part), example: FLAG_OPTIONS_EXAMPLE }),
  optionUnknown: (name: string) => phrase('fn.error.optionUnknown', { name: quote(name), example: FLAG_OPTIONS_EXAMPLE }),
  optionTwice: (name: string) => phrase('fn.error.optionTwice', { name }),
  optionNameMissing: (row: number) => phrase('fn.error.optionNameMissing', { row: at(row) }),
  optionValue: (name: string, detail: Phrase) => phrase('fn.error.optionValue', { name, detail, rule: OPTION_RULES[name] ?? '' }),

  // KAM_STABILITY
  stabilityCutMedian: () => phrase('fn.error.stabilityCutMedian'),
  stabilityCutInvalid: (word: string) => phrase('fn.error.stabilityCutInvalid', { word: quote(word) }),
  factorNameInvalid: (index: number, detail: Phrase) => phrase('fn.error.factorNameInvalid', { index: at(index), detail }),

  // KAM_CAPACITY
  capacityNegative: (row: number, value: number) => phrase('fn.error.capacityNegative', { row: at(row), value: exact(value) }),
  rowProblemInCapacity: (rowMessage: Phrase | string) => phrase('fn.error.rowProblemInCapacity', { message: said(rowMessage) }),
  capacityWorkTooLarge: (accounts: number, capacities: number, limit: number) =>
    phrase('fn.error.capacityWorkTooLarge', { accounts, capacities, limit }),

  // KAM_DRIFT
  rowProblemInDrift: (rowMessage: Phrase | string) => phrase('fn.error.rowProblemInDrift', { message: said(rowMessage) }),

  // Host limits
  inputTooLarge: (cells: number, host: string, limit: number, hint: Phrase) => phrase('fn.error.inputTooLarge', { cells, host, limit, hint }),
} as const;

/** A list of account names in a reason: "Borg", "Borg and Cyan", "Borg, Cyan, Dyno and 4 more". */
export const nameList = (names: string[]): Phrase => list(names, { max: 3 });
