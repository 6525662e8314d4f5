// Every message a spreadsheet user can see from the function catalogue: what is wrong, where, what to do.
// Rows and columns are counted from 1 within the range the user passed, as the user sees it.
import { ERROR_CODES, ErrorKind } from './cells';

const quote = (text: string): string => (text.length > 40 ? `"${text.slice(0, 37)}…"` : `"${text}"`);
const POSITION_WORDS = 'Strategic, Star, Status or Streamline';
const PLAN_LAYOUT = 'position, metric, weight, direction, threshold, threshold payout, cap, cap payout';
const PLAN_RULES: Record<string, string> = {
  weight: 'A weight must be 0 or more (a position\'s weights total 1).',
  threshold: 'The threshold is the attainment below which nothing is paid: 0 or more and below 1 (e.g. 0.8 for 80 %).',
  'threshold payout': 'The threshold payout is what is paid at the threshold: from 0 to 1 (e.g. 0.5).',
  cap: 'The cap is the attainment from which the payout stops rising: more than 1 (e.g. 1.5).',
  'cap payout': 'The cap payout is what is paid at and above the cap: 1 or more (e.g. 2).',
};
const OPTION_RULES: Record<string, string> = {
  top: 'top is the share of accounts that count as top revenue: more than 0 and at most 1 (e.g. 10% or 0.1).',
  cut: 'cut is the attractiveness below which an account counts as unattractive (e.g. 5).',
  tenure: 'tenure is the number of years from which an account is an old friend (e.g. 10).',
  profit: 'profit is the profit at or below which an account is difficult (e.g. 0).',
};
const FLAG_OPTIONS_EXAMPLE = '"top=10%; cut=5; tenure=10; profit=0"';

export const messages = {
  notARange: (arg: string) =>
    `${arg} is empty. Select the cells that hold the ${arg}.`,
  missingArgument: (arg: string) =>
    `${arg} is missing. Give a range or a value for ${arg}.`,
  textInNumber: (arg: string, row: number, column: number, text: string) =>
    `${arg}: row ${row}, column ${column} holds the text ${quote(text)}, not a number. Type a number there (or clear the cell).`,
  booleanInNumber: (arg: string, row: number, column: number, value: boolean) =>
    `${arg}: row ${row}, column ${column} holds ${value ? 'TRUE' : 'FALSE'}, not a number. Type a number there (or clear the cell).`,
  invalidDate: (arg: string, row: number, column: number) =>
    `${arg}: row ${row}, column ${column} holds a date that is not valid. Type a number or a real date there (or clear the cell).`,
  resultTooLarge: (row: number) =>
    `row ${row}: the result is beyond the largest number a spreadsheet holds (about 1.8E+308). Use smaller units (thousands or millions).`,
  notFinite: (arg: string, row: number, column: number) =>
    `${arg}: row ${row}, column ${column} is not a finite number. Replace it with an ordinary number.`,
  blankScore: (arg: string, row: number, column: number) =>
    `${arg}: row ${row}, column ${column} is blank. Score every factor that has a weight, or set that factor's weight to 0.`,
  rowsDiffer: (a: string, aRows: number, b: string, bRows: number) =>
    `${a} has ${aRows} rows but ${b} has ${bRows}. Select the same rows (one per account) for both.`,
  columnsDiffer: (a: string, aCols: number, b: string, bCols: number, what: string) =>
    `${a} has ${aCols} columns but ${b} has ${bCols} ${what}. Give one ${what.replace(/s$/, '')} per column of ${a}.`,
  notAVector: (arg: string, rows: number, cols: number) =>
    `${arg} is ${rows} rows by ${cols} columns. Give it as a single row or a single column.`,
  weightNegative: (arg: string, index: number, value: number) =>
    `${arg}: weight ${index} is ${value}. Weights cannot be negative; use 0 to leave a factor out.`,
  weightInvalid: (arg: string, index: number, detail: string) =>
    `${arg}: weight ${index} ${detail}. Every weight must be a number of 0 or more.`,
  weightsAllZero: (arg: string) =>
    `${arg}: every weight is 0 or blank. Give at least one factor a positive weight.`,
  scalesShape: (arg: string, rows: number, cols: number, factors: number) =>
    `${arg} is ${rows} rows by ${cols} columns. It needs 2 rows (the value that scores 0, then the value that scores 10), or 3 with "linear" or "log" per factor in the third, and ${factors} columns, one per factor.`,
  scaleCurveInvalid: (arg: string, column: number, value: unknown) =>
    `${arg}: row 3, column ${column} is ${typeof value === 'string' ? `"${value}"` : String(value)}. The third row says how each factor is scaled: "linear", "log" or blank (linear).`,
  scaleLogNotPositive: (arg: string, column: number, worst: number, best: number) =>
    `${arg}: column ${column} is on a log scale but scores 0 at ${worst} and 10 at ${best}. A log scale needs both values above 0; use "linear" for values that can be 0 or negative at the anchors.`,
  scaleInvalid: (arg: string, row: number, column: number, detail: string) =>
    `${arg}: row ${row}, column ${column} ${detail}. Both rows of ${arg} must hold numbers.`,
  scaleFlat: (arg: string, column: number, value: number) =>
    `${arg}: column ${column} has the same value (${value}) for 0 and for 10. Give two different values; put the larger first if lower is better.`,
  notASingleValue: (arg: string, rows: number, cols: number) =>
    `${arg} is a range of ${rows} by ${cols} cells. Give a single value.`,
  scalarNotNumber: (arg: string, shown: string) =>
    `${arg} is ${shown}, not a number. Give a number.`,

  // Shared by the catalogue functions.
  notAColumn: (arg: string, rows: number, cols: number) =>
    `${arg} is ${rows} rows by ${cols} columns. Give a single column, one cell per account.`,
  valueNotNumber: (arg: string, detail: string) =>
    `${arg} ${detail}. Give a number.`,
  valueIsError: (arg: string, detail: string) =>
    `${arg} ${detail}. Fix that cell, or give the value directly.`,
  rowsDifferOrOne: (a: string, aRows: number, b: string, bRows: number, unit: 'row' | 'value') =>
    `${a} has ${aRows} rows but ${b} has ${bRows}. Give ${b} one row per account (${aRows} rows), or a single ${unit} that applies to every account.`,
  blankInRow: (arg: string, row: number, column: number, others: string) =>
    `${arg}: row ${row}, column ${column} is blank, but ${others} has data for that account. Fill it in, or clear the account's row in every argument.`,
  errorInCell: (arg: string, row: number, column: number, kind: ErrorKind) =>
    `${arg}: row ${row}, column ${column} holds the error ${ERROR_CODES[kind]}.`,
  // Cells Excel hands over as data types (allowCustomDataForDataTypeAny): an error other than the seven
  // kinds above (#SPILL!, #CALC!, #BUSY!, …), or a value that is neither a number nor text.
  hostErrorInCell: (arg: string, row: number, column: number, code: string) =>
    `${arg}: row ${row}, column ${column} holds the error ${code}. Correct that cell, or the formula it comes from.`,
  dataTypeInCell: (arg: string, row: number, column: number, what: string) =>
    `${arg}: row ${row}, column ${column} holds ${what}, not a number or text. Put a plain value there (or clear the cell).`,

  // KAM_STRENGTH
  ratingsColumnsDiffer: (a: string, aCols: number, b: string, bCols: number) =>
    `${b} has ${bCols} columns but ${a} has ${aCols}. Rate the same buying criteria, in the same column order, in both.`,
  blankRating: (arg: string, row: number, column: number) =>
    `${arg}: row ${row}, column ${column} is blank. Rate every criterion that has a weight, or set that criterion's weight to 0.`,
  ratingNegative: (arg: string, row: number, column: number, value: number) =>
    `${arg}: row ${row}, column ${column} is ${value}. Ratings cannot be negative; rate on a scale such as 0 to 10.`,
  sharedRivalInvalid: (column: number, detail: string) =>
    `best_rival: column ${column} ${detail}. A single rival row applies to every account, so it needs a rating of 0 or more for every criterion that has a weight.`,
  rivalRatedZero: (row: number | undefined) =>
    `best_rival${row === undefined ? '' : `: row ${row}`} rates the rival 0 on every criterion that has a weight, so strength (yours ÷ rival) cannot be computed. Check the rival's ratings.`,

  // KAM_POSITION
  cutInvalid: (arg: string, word: string) =>
    `${arg} is ${quote(word)}. Give a number, or the word "median" for the median of the given accounts.`,

  // KAM_SELECT
  capacityMissing: () =>
    'capacity is blank. Give a positive number: how many key accounts (without costs), or the resources the team has, in the unit of costs (e.g. team days a year).',
  capacityNotPositive: (value: number) =>
    `capacity is ${value}. Give a positive number: how many key accounts (without costs), or the resources the team has, in the unit of costs.`,
  outputInvalid: (text: string) =>
    `output is ${quote(text)}. Use "list" (the chosen names), "table" (name, value, cost, cumulative cost), "flags" (TRUE/FALSE per row) or "reasons" (why each account is not chosen).`,
  accountNameMissing: (row: number) =>
    `accounts: row ${row} is blank, but the row has a value or a cost. Name the account, or clear the row.`,
  accountNameInvalid: (row: number, value: boolean) =>
    `accounts: row ${row} holds ${value ? 'TRUE' : 'FALSE'}, not a name. Type the account's name there.`,
  duplicateAccount: (name: string, firstRow: number, row: number) =>
    `accounts: ${quote(name)} is in rows ${firstRow} and ${row} (names are compared ignoring case and surrounding spaces). Give each account one row: merge or rename the duplicates.`,
  costBlank: (row: number) =>
    `costs: row ${row} is blank, but the account has a positive value. Give its cost (e.g. team days a year), or clear its value to keep it out.`,
  costNotPositive: (row: number, value: number) =>
    `costs: row ${row} is ${value}. Every account that can be chosen needs a positive cost; clear its value to keep it out.`,
  rowProblemInList: (rowMessage: string) =>
    `${rowMessage} (Output "list" and "table" need every row usable: fix or clear that row, or use output "flags" to see each row's problem in its own cell.)`,
  selectTooHard: () =>
    'costs: many accounts have the same value per unit of cost and costs with many decimals, so the best choice cannot be proven in reasonable time. Round the costs to whole or half days.',
  nothingEligible: () =>
    'No account has a positive value, so none can be chosen. Check the values argument.',
  nothingFits: (capacity: number, smallestCost: number) =>
    `No account fits within capacity ${capacity}: the smallest cost of an account with a positive value is ${smallestCost}. Raise capacity or lower the costs.`,

  // KAM_REWARD
  planShape: (rows: number, cols: number) =>
    `plan is ${rows} rows by ${cols} columns. It needs a header row, at least one plan row, and 8 columns: ${PLAN_LAYOUT} (the default plan in the documentation shows the layout).`,
  planHeader: (column: number, found: string, expected: string) =>
    `plan: column ${column} of the header row is ${quote(found)}, not "${expected}". The plan's columns are, in order: ${PLAN_LAYOUT}.`,
  planPosition: (row: number, text: string) =>
    `plan: row ${row} has the position ${quote(text)}. Use ${POSITION_WORDS}.`,
  planMetricMissing: (row: number) =>
    `plan: row ${row} has no metric name. Name the metric (e.g. revenue growth), or clear the row.`,
  planDuplicate: (row: number, position: string, metric: string, firstRow: number) =>
    `plan: rows ${firstRow} and ${row} both give ${position} / ${quote(metric)}. Keep one row per position and metric.`,
  planDirection: (row: number, text: string) =>
    `plan: row ${row}, direction is ${quote(text)}. Use "higher" (higher is better) or "lower" (lower is better, such as cost to serve).`,
  planNumber: (row: number, column: string, detail: string) =>
    `plan: row ${row}, ${column} ${detail}. ${PLAN_RULES[column] ?? ''}`.trimEnd(),
  planEmpty: () =>
    `plan has a header row but no plan rows. Add one row per position and metric: ${PLAN_LAYOUT}.`,
  planWeightsTotal: (position: string, total: number) =>
    `plan: the weights for ${position} total ${total}. A position's weights must total 1 (100 %); adjust them.`,
  metricColumns: (arg: string, cols: number, metrics: string[]) =>
    `${arg} has ${cols} columns but the plan has ${metrics.length} metrics (${metrics.join(', ')}). Give one column per metric, in that order.`,
  blankPosition: (row: number) =>
    `positions: row ${row} is blank, but actuals or targets have data for that account. Give its position (${POSITION_WORDS}), or clear the row.`,
  positionUnknown: (row: number, text: string, arg = 'positions') =>
    `${arg}: row ${row} holds ${quote(text)}. Use ${POSITION_WORDS}, as KAM_POSITION returns them.`,
  positionNotInPlan: (row: number, position: string) =>
    `positions: row ${row} is ${position}, but the plan has no rows for ${position}. Add its metrics to the plan.`,
  blankMetric: (arg: string, row: number, column: number, metric: string) =>
    `${arg}: row ${row}, column ${column} (${metric}) is blank, but that metric counts for the account's position. Fill it in.`,
  targetNotPositive: (row: number, column: number, value: number) =>
    `targets: row ${row}, column ${column} is ${value}. A target must be a positive number.`,
  lowerActualNegative: (row: number, column: number, value: number, metric: string) =>
    `actuals: row ${row}, column ${column} is ${value}. ${metric} is lower-is-better, and its actual cannot be negative.`,

  // KAM_CLV
  retentionMissing: () =>
    'retention is blank. Give the share of accounts that stay each year, from 0 up to (not including) 1, e.g. 0.85 for 85 %.',
  retentionOutOfRange: (row: number | undefined, value: number) =>
    `retention${row === undefined ? '' : `: row ${row}`} is ${value}. Retention is a probability from 0 up to (not including) 1, e.g. 0.85 for 85 %.`,
  discountMissing: () =>
    'discount_rate is blank. Give the yearly discount rate, e.g. 0.1 for 10 % (0 for none).',
  discountNegative: (value: number) =>
    `discount_rate is ${value}. Give a rate of 0 or more, e.g. 0.1 for 10 %.`,
  yearsInvalid: (value: number) =>
    `years is ${value}. Give a whole number of years, 1 or more, or leave it out for an unlimited horizon.`,

  // KAM_FLAGS
  optionsShape: (rows: number, cols: number) =>
    `options is ${rows === 1 && cols === 1 ? 'a single cell without option text' : `${rows} rows by ${cols} columns`}. Give a text such as ${FLAG_OPTIONS_EXAMPLE}, or a range of 2 columns: option name, then value.`,
  optionSyntax: (part: string) =>
    `options: ${quote(part)} is not of the form name=value. Write for example ${FLAG_OPTIONS_EXAMPLE}.`,
  optionUnknown: (name: string) =>
    `options: ${quote(name)} is not an option. The options are top, cut, tenure and profit, e.g. ${FLAG_OPTIONS_EXAMPLE}.`,
  optionTwice: (name: string) =>
    `options: ${name} is given twice. Give each option once.`,
  optionNameMissing: (row: number) =>
    `options: row ${row} has a value but no option name. Put top, cut, tenure or profit in the first column.`,
  optionValue: (name: string, detail: string) =>
    `options: ${name} ${detail}. ${OPTION_RULES[name] ?? ''}`.trimEnd(),

  // KAM_STABILITY
  stabilityCutMedian: () =>
    'cut is "median". KAM_STABILITY needs a fixed cut, since the median of the portfolio moves when the weights move. Give a number (default 5), for example the median itself from =MEDIAN(…).',
  stabilityCutInvalid: (word: string) =>
    `cut is ${quote(word)}. Give a number: the attractiveness from which an account counts as high (default 5).`,
  factorNameInvalid: (index: number, detail: string) =>
    `factor_names: name ${index} ${detail}. Type the factor's name there, or clear the cell to show its column number instead.`,

  // KAM_CAPACITY
  capacityNegative: (row: number, value: number) =>
    `capacities: row ${row} is ${value}. A capacity is 0 or more: what the team can take on, in the unit of costs (e.g. team days a year).`,
  rowProblemInCapacity: (rowMessage: string) =>
    `${rowMessage} (KAM_CAPACITY gives one row per capacity, so an account's problem has no row of its own to show in: fix or clear that account's row.)`,
  capacityWorkTooLarge: (accounts: number, capacities: number, limit: number) =>
    `KAM_CAPACITY was given ${accounts.toLocaleString('en-US')} accounts and ${capacities.toLocaleString('en-US')} capacities; one call can solve at most ${limit.toLocaleString('en-US')} account-capacity pairs in time. Give fewer capacities (a curve needs tens of points), or split the capacities over several formulas.`,

  // KAM_DRIFT
  rowProblemInDrift: (rowMessage: string) =>
    `${rowMessage} (KAM_DRIFT counts every row into one table: fix that row, or clear it. Wrap a lookup that finds no previous position in IFERROR(…, "") to leave a new account blank.)`,
} as const;
