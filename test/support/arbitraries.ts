// fast-check generators for hostile spreadsheet input, per-function argument generators and the result checks.
import fc from 'fast-check';
import { expect } from 'vitest';
import { Arg } from '../../src/core/functions/catalogue';
import type { FunctionId } from '../../src/core/functions/function-ids';
import { Cell, CellError, ErrorKind, Grid, KamError, OutGrid, errorFromText } from '../../src/core/functions/cells';
import { defaultRewardPlan } from '../../src/core/functions/reward';

/** One seed for every property file, so a CI failure reproduces locally (override with FC_SEED). */
export const SEED = Number(process.env.FC_SEED ?? 42);

export const ERROR_KINDS: ErrorKind[] = ['VALUE', 'NA', 'NUM', 'DIV0', 'REF', 'NAME', 'NULL'];

// ---------------------------------------------------------------------------------------------- cells

/** Numbers that break careless arithmetic: non-finite, signed zero, the extremes and denormals. */
export const SPECIAL_NUMBERS: number[] = [
  NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324,
  2.225073858507201e-308 /* largest denormal */, 1e-310, 1e-300, 1e300, Number.EPSILON, 9007199254740993,
  0.1, 0.2, 0.30000000000000004, 1 - Number.EPSILON / 2, 1 + Number.EPSILON,
];

export const numberArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 15 }) },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
  { weight: 2, arbitrary: fc.double() }, // any double: NaN, ±Infinity, −0 and denormals included
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
);

/** Long texts are built once: generating 10k-character strings per case would dominate the run time. */
export const LONG_TEXT = 'x'.repeat(10_000);
const LONG_RTL = 'مرحبا '.repeat(1_700);

export const TRICKY_TEXT: string[] = [
  '', ' ', '   ', '\t', '\n', '\u00a0', '\u200b', '12', '1,5', '1.5', '-3', '1e3', '0x10', '$1,234', '12 %', 'TRUE', 'false',
  'مرحبا بالعالم', 'שלום עולם', '\u202eevil', '😀', '👨‍👩‍👧‍👦', '🇬🇧 Acme',
  '#N/A', '#VALUE!', '#VALUE! x', '#VALUE! scores: row 3', '#DIV/0!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!',
  '#SPILL!', '#', '#N/A ', '=1+1', '+cmd', '-cmd|calc', '@SUM(A1)', '=HYPERLINK("http://x")', '<script>alert(1)</script>',
  'Strategic', ' star ', 'STATUS', 'Streamline', 'median', ' MEDIAN ', 'list', 'table', 'Flags', 'higher', 'lower',
  '__proto__', 'constructor', 'toString', '\u0000', LONG_TEXT, LONG_RTL,
];

export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** A blank as each host sends it: Sheets "", Excel null (or 0 on some platforms), a missing value undefined. */
export const blankArb: fc.Arbitrary<Cell> = fc.constantFrom<Cell>('', null, undefined, 0);

export const cellErrorArb: fc.Arbitrary<CellError> = fc
  .tuple(fc.constantFrom(...ERROR_KINDS), fc.constantFrom('', 'from an upstream cell', '#N/A inside'))
  .map(([kind, message]) => new CellError(kind, message));

/** Dates, valid or not (Sheets passes Date objects; a broken import can hold an Invalid Date). */
export const dateArb: fc.Arbitrary<Date> = fc.oneof(
  { weight: 3, arbitrary: fc.date({ min: new Date(-2_208_988_800_000), max: new Date(4_102_444_800_000), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.constant(new Date(NaN)) },
);

/** Anything a spreadsheet can hand a function in one cell. */
export const anyCellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 5, arbitrary: numberArb },
  { weight: 3, arbitrary: textArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: blankArb },
  { weight: 1, arbitrary: cellErrorArb },
  { weight: 1, arbitrary: dateArb },
);

/** Mostly a plausible value, sometimes anything: deep code paths are reached and every row can still go wrong. */
export const mostly = <T>(plausible: fc.Arbitrary<T>, oddsOfHostile = 12): fc.Arbitrary<T | Cell> =>
  fc.oneof({ weight: oddsOfHostile, arbitrary: plausible as fc.Arbitrary<T | Cell> }, { weight: 1, arbitrary: anyCellArb });

export const ratingArb = mostly(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true })));
export const smallNumberArb = mostly(fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })));

// ---------------------------------------------------------------------------------------------- shapes

export const gridArb = (rows: number, columns: number, cell: fc.Arbitrary<Cell>): fc.Arbitrary<Grid> =>
  fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });

export const columnArb = (rows: number, cell: fc.Arbitrary<Cell>): fc.Arbitrary<Grid> => gridArb(rows, 1, cell);

/** A whole argument that is wrong: a random small range, a bare value, empty arrays, omitted. */
export const hostileArgArb: fc.Arbitrary<Arg | undefined> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).chain((r) => fc.integer({ min: 1, max: 3 }).chain((c) => gridArb(r, c, anyCellArb))),
  anyCellArb,
  fc.constant([] as Grid),
  fc.constant([[]] as Grid),
  fc.constant(undefined),
);

/** Usually the well-formed argument, sometimes a wrong one. */
const orHostile = (arg: fc.Arbitrary<Arg | undefined>, oddsOfHostile = 10): fc.Arbitrary<Arg | undefined> =>
  fc.oneof({ weight: oddsOfHostile, arbitrary: arg }, { weight: 1, arbitrary: hostileArgArb });

/** Row count of the main argument, and a row count that is usually the same but sometimes not (mismatched shapes). */
const rowsArb = fc.integer({ min: 1, max: 40 });
const alignedRows = (n: number): fc.Arbitrary<number> =>
  fc.oneof({ weight: 12, arbitrary: fc.constant(n) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 41 }) });

/** A value argument as Sheets passes a single cell (bare) or a 1×1 range. */
const valueArg = (value: fc.Arbitrary<Cell>): fc.Arbitrary<Arg> =>
  fc.oneof({ weight: 3, arbitrary: value as fc.Arbitrary<Arg> }, { weight: 1, arbitrary: value.map((v) => [[v]] as Grid) });

// ---------------------------------------------------------------------------------------------- per function

/** A function call to try: its catalogue id and arguments, with the shape the result must have. */
export interface Case {
  id: FunctionId;
  args: (Arg | undefined)[];
}

const weightCellArb = mostly(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constant('')), 30);
const weightsArb = (k: number): fc.Arbitrary<Arg | undefined> =>
  orHostile(
    fc.oneof(
      gridArb(1, k, weightCellArb),
      gridArb(k, 1, weightCellArb),
      fc.integer({ min: 1, max: 9 }).chain((kk) => gridArb(1, kk, weightCellArb)),
    ),
  );

export const scoreCaseArb: fc.Arbitrary<Case> = fc
  .tuple(rowsArb, fc.integer({ min: 1, max: 8 }))
  .chain(([n, k]) =>
    fc.tuple(
      orHostile(gridArb(n, k, ratingArb), 30),
      weightsArb(k),
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '') },
        { weight: 3, arbitrary: gridArb(2, k, mostly(fc.integer({ min: -50, max: 50 }), 40)) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
    ),
  )
  .map((args) => ({ id: 'SCORE', args }));

export const strengthCaseArb: fc.Arbitrary<Case> = fc
  .tuple(rowsArb, fc.integer({ min: 1, max: 8 }))
  .chain(([n, k]) =>
    fc.tuple(
      orHostile(gridArb(n, k, ratingArb), 30),
      orHostile(
        fc.oneof(
          { weight: 4, arbitrary: gridArb(n, k, ratingArb) },
          { weight: 2, arbitrary: gridArb(1, k, mostly(fc.integer({ min: 0, max: 10 }), 40)) },
          { weight: 1, arbitrary: alignedRows(n).chain((m) => gridArb(m, k, ratingArb)) },
          { weight: 1, arbitrary: gridArb(n, k + 1, ratingArb) },
        ),
        30,
      ),
      weightsArb(k),
    ),
  )
  .map((args) => ({ id: 'STRENGTH', args }));

const cutArb: fc.Arbitrary<Arg | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '', 'median', ' Median ', [['median']]) },
  { weight: 2, arbitrary: valueArg(numberArb) },
  { weight: 1, arbitrary: valueArg(anyCellArb) },
  { weight: 1, arbitrary: hostileArgArb },
);

export const positionCaseArb: fc.Arbitrary<Case> = rowsArb
  .chain((n) =>
    fc.tuple(
      orHostile(columnArb(n, mostly(fc.double({ min: 0, max: 10, noNaN: true })))),
      orHostile(alignedRows(n).chain((m) => columnArb(m, mostly(fc.double({ min: 0, max: 3, noNaN: true }))))),
      cutArb,
      cutArb,
    ),
  )
  .map((args) => ({ id: 'POSITION', args }));

const nameArb = (i: number): fc.Arbitrary<Cell> =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom<Cell>(`Acct ${i}`, `  acct ${i}\u00a0`, `مرحبا ${i}`, `😀 ${i}`, 1000 + i, `=A${i}`) },
    { weight: 1, arbitrary: anyCellArb },
  );

export const SELECT_OUTPUTS = ['list', 'table', 'flags', 'reasons'] as const;
const outputArb: fc.Arbitrary<Arg | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '', 'list', 'table', 'flags', ' TABLE ', 'Flags', [['table']], 'reasons', ' Reasons') },
  { weight: 1, arbitrary: valueArg(anyCellArb) },
  { weight: 1, arbitrary: hostileArgArb },
);

export const selectCaseArb: fc.Arbitrary<Case> = rowsArb
  .chain((n) =>
    fc.tuple(
      orHostile(fc.tuple(...Array.from({ length: n }, (_, i) => nameArb(i + 1))).map((names) => names.map((name) => [name]))),
      orHostile(alignedRows(n).chain((m) => columnArb(m, mostly(fc.oneof(fc.integer({ min: -3, max: 20 }), fc.double({ min: 0, max: 100, noNaN: true })), 20)))),
      fc.oneof(
        { weight: 6, arbitrary: valueArg(fc.oneof(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 60, noNaN: true }))) },
        { weight: 1, arbitrary: valueArg(anyCellArb) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
      fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null) },
        { weight: 4, arbitrary: alignedRows(n).chain((m) => columnArb(m, mostly(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.01, max: 10, noNaN: true })), 20))) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
      outputArb,
    ),
  )
  .map((args) => ({ id: 'SELECT', args }));

const POSITION_WORDS = ['Strategic', 'Star', 'Status', 'Streamline'];

/** A valid reward plan: a header, then for some positions weights over the metrics that total 1. */
export const validPlanArb: fc.Arbitrary<Grid> = fc.integer({ min: 1, max: 4 }).chain((m) =>
  fc
    .tuple(
      fc.subarray(POSITION_WORDS, { minLength: 1 }),
      fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: m, maxLength: m }), { minLength: 4, maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: m, maxLength: m }),
      fc.tuple(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1.01, max: 3, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true })),
    )
    .map(([positions, parts, lower, [threshold, thresholdPayout, cap, capPayout]]) => {
      const table: Grid = [['Position', 'metric', 'WEIGHT', ' direction ', 'threshold', 'threshold payout', 'cap', 'cap payout']];
      positions.forEach((position) => {
        const p = POSITION_WORDS.indexOf(position);
        const raw = parts[p].map((a, j) => (j === 0 ? a + 1 : a)); // at least one positive part
        const total = raw.reduce((s, a) => s + a, 0);
        raw.forEach((a, j) => table.push([position, `metric ${j + 1}`, a / total, lower[j] ? 'lower' : 'Higher is better', threshold, thresholdPayout, cap, capPayout]));
      });
      return table;
    }),
);

/** A plan with one cell replaced by anything (most such plans are rejected, some are still valid). */
const brokenPlanArb: fc.Arbitrary<Grid> = fc
  .tuple(fc.oneof(validPlanArb, fc.constant(defaultRewardPlan() as Grid)), fc.nat(), fc.nat(), anyCellArb)
  .map(([plan, r, c, cell]) => {
    const copy = plan.map((row) => row.slice());
    copy[r % copy.length][c % 8] = cell;
    return copy;
  });

const planMetricCount = (plan: Arg | undefined): number => {
  if (!Array.isArray(plan) || plan.length < 2) return 4;
  const metrics = new Set(plan.slice(1).map((row) => (typeof row[1] === 'string' ? row[1].trim().toLowerCase() : String(row[1]))));
  return metrics.size;
};

export const rewardCaseArb: fc.Arbitrary<Case> = fc
  .tuple(
    rowsArb,
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '') },
      { weight: 3, arbitrary: validPlanArb },
      { weight: 1, arbitrary: brokenPlanArb },
      { weight: 1, arbitrary: hostileArgArb },
    ),
  )
  .chain(([n, plan]) => {
    const m = planMetricCount(plan);
    const metricCols = fc.oneof({ weight: 12, arbitrary: fc.constant(m) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) });
    return fc.tuple(
      orHostile(columnArb(n, mostly(fc.constantFrom<Cell>(...POSITION_WORDS, 'star', ' STATUS ')))),
      orHostile(fc.tuple(alignedRows(n), metricCols).chain(([r, c]) => gridArb(r, c, mostly(fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 2, noNaN: true })), 30)))),
      orHostile(fc.tuple(alignedRows(n), metricCols).chain(([r, c]) => gridArb(r, c, mostly(fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 2, noNaN: true })), 30)))),
      fc.constant(plan),
    );
  })
  .map((args) => ({ id: 'REWARD', args }));

const retentionValueArb = fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(0, 0.5, 0.85, 0.9999999999999999));

export const clvCaseArb: fc.Arbitrary<Case> = rowsArb
  .chain((n) =>
    fc.tuple(
      orHostile(columnArb(n, mostly(fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ min: -1e6, max: 1e9, noNaN: true }))))),
      fc.oneof(
        { weight: 3, arbitrary: valueArg(retentionValueArb) },
        { weight: 3, arbitrary: alignedRows(n).chain((m) => columnArb(m, mostly(retentionValueArb))) },
        { weight: 1, arbitrary: valueArg(anyCellArb) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
      fc.oneof(
        { weight: 6, arbitrary: valueArg(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.1, 1e308, 5e-324))) },
        { weight: 1, arbitrary: valueArg(anyCellArb) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '') },
        { weight: 3, arbitrary: valueArg(fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, 1.5, -1, 1e308, 2 ** 53))) },
        { weight: 1, arbitrary: valueArg(anyCellArb) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
    ),
  )
  .map((args) => ({ id: 'CLV', args }));

const optionPartArb = fc.oneof(
  fc.constantFrom('top=10%', 'top = 0.2', 'TOP=100%', 'cut=5', 'cut=-1e3', 'tenure=8', 'profit=0', 'profit=-5.5', 'top=0', 'top=150%', 'top=1e400', 'cut=abc', 'cut', '=5', 'bogus=1', 'tenure=1,5', ''),
  fc.tuple(fc.constantFrom('top', 'cut', 'tenure', 'profit', 'Cut', '__proto__'), textArb).map(([name, value]) => `${name}=${value}`),
);
const optionsArb: fc.Arbitrary<Arg | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '') },
  { weight: 3, arbitrary: fc.tuple(fc.array(optionPartArb, { maxLength: 4 }), fc.constantFrom('; ', ';', '\n')).map(([parts, sep]) => parts.join(sep)) },
  { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom<Cell>('top', 'cut', 'tenure', 'profit', ' Tenure ', '', null), mostly(fc.oneof(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: -5, max: 20 })), 6)).map(([a, b]) => [a, b]), { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: valueArg(anyCellArb) },
  { weight: 1, arbitrary: hostileArgArb },
);

export const flagsCaseArb: fc.Arbitrary<Case> = rowsArb
  .chain((n) =>
    fc.tuple(
      orHostile(columnArb(n, mostly(fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.double({ min: 0, max: 1e7, noNaN: true }))))),
      orHostile(alignedRows(n).chain((m) => columnArb(m, mostly(fc.double({ min: 0, max: 10, noNaN: true }))))),
      orHostile(alignedRows(n).chain((m) => columnArb(m, smallNumberArb))),
      fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null) },
        { weight: 3, arbitrary: alignedRows(n).chain((m) => columnArb(m, mostly(fc.integer({ min: 0, max: 30 })))) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
      optionsArb,
    ),
  )
  .map((args) => ({ id: 'FLAGS', args }));

/** Factor names: a row or a column of names (some blank, numbers, hostile text), usually of the right count. */
const factorNamesArb = (k: number): fc.Arbitrary<Arg | undefined> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '') },
    { weight: 3, arbitrary: gridArb(1, k, mostly(fc.constantFrom<Cell>('Size', 'Growth', ' Margin ', 'Fit', '', 2025, 'مرحبا'), 20)) },
    { weight: 1, arbitrary: gridArb(k, 1, mostly(fc.constantFrom<Cell>('Size', 'Growth', 'Fit'), 20)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }).chain((kk) => gridArb(1, kk, textArb)) },
    { weight: 1, arbitrary: hostileArgArb },
  );

export const stabilityCaseArb: fc.Arbitrary<Case> = fc
  .tuple(rowsArb, fc.integer({ min: 1, max: 6 }))
  .chain(([n, k]) =>
    fc.tuple(
      orHostile(gridArb(n, k, ratingArb), 30),
      weightsArb(k),
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '') },
        { weight: 2, arbitrary: gridArb(2, k, mostly(fc.integer({ min: -50, max: 50 }), 40)) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom<Arg | undefined>(undefined, null, '', 5, [[5]], 'median') },
        { weight: 3, arbitrary: valueArg(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.integer({ min: 0, max: 10 }))) },
        { weight: 1, arbitrary: valueArg(anyCellArb) },
        { weight: 1, arbitrary: hostileArgArb },
      ),
      factorNamesArb(k),
    ),
  )
  .map((args) => ({ id: 'STABILITY', args }));

export const capacityCaseArb: fc.Arbitrary<Case> = rowsArb
  .chain((n) =>
    fc.tuple(
      orHostile(columnArb(n, mostly(fc.oneof(fc.integer({ min: -3, max: 20 }), fc.double({ min: 0, max: 100, noNaN: true })), 20))),
      orHostile(alignedRows(n).chain((m) => columnArb(m, mostly(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.01, max: 10, noNaN: true })), 20)))),
      orHostile(
        fc.integer({ min: 1, max: 12 }).chain((c) => columnArb(c, mostly(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(0.3)), 8))),
      ),
    ),
  )
  .map((args) => ({ id: 'CAPACITY', args }));

const positionWordArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Cell>(...POSITION_WORDS, ' star ', 'STATUS', '', null) },
  { weight: 1, arbitrary: anyCellArb },
);

export const driftCaseArb: fc.Arbitrary<Case> = rowsArb
  .chain((n) =>
    fc.tuple(
      orHostile(columnArb(n, fc.oneof({ weight: 20, arbitrary: positionWordArb }, { weight: 1, arbitrary: anyCellArb }))),
      orHostile(alignedRows(n).chain((m) => columnArb(m, fc.oneof({ weight: 20, arbitrary: positionWordArb }, { weight: 1, arbitrary: anyCellArb })))),
    ),
  )
  .map((args) => ({ id: 'DRIFT', args }));

export const CASES: Record<string, fc.Arbitrary<Case>> = {
  SCORE: scoreCaseArb,
  STRENGTH: strengthCaseArb,
  POSITION: positionCaseArb,
  SELECT: selectCaseArb,
  REWARD: rewardCaseArb,
  CLV: clvCaseArb,
  FLAGS: flagsCaseArb,
  STABILITY: stabilityCaseArb,
  CAPACITY: capacityCaseArb,
  DRIFT: driftCaseArb,
};

// ---------------------------------------------------------------------------------------------- checks

/** Each call must return well within this; a slower one is a performance bug even on 40 rows. */
export const CALL_BUDGET_MS = 2_000;

/** Every error in the arguments (error values and error text), to tell a passed-through error from one we made. */
export function inputErrors(args: (Arg | undefined)[]): CellError[] {
  const found: CellError[] = [];
  const visit = (cell: unknown): void => {
    if (cell instanceof CellError) found.push(cell);
    else if (typeof cell === 'string') {
      const error = errorFromText(cell);
      if (error) found.push(error);
    }
  };
  for (const arg of args) {
    if (!Array.isArray(arg)) {
      visit(arg);
      continue;
    }
    for (const row of arg) if (Array.isArray(row)) row.forEach(visit);
  }
  return found;
}

/** A deep copy that keeps Date and CellError objects, to check the call did not change its arguments. */
export const snapshot = (args: (Arg | undefined)[]): unknown => JSON.stringify(args, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? `num:${value}` : value === undefined ? '<undefined>' : value));

/** Checks one cell of a result: a finite number, a string, a boolean, or an error with a kind and (if ours) a message. */
export function expectValidCell(cell: unknown, errorsIn: CellError[]): void {
  if (typeof cell === 'number') {
    expect(Number.isFinite(cell), `result cell ${cell} is not finite`).toBe(true);
    return;
  }
  if (typeof cell === 'string' || typeof cell === 'boolean') return;
  expect(cell, `result cell is ${String(cell)}`).toBeInstanceOf(CellError);
  const error = cell as CellError;
  expect(ERROR_KINDS).toContain(error.kind);
  expect(typeof error.message).toBe('string');
  if (error.message === '') {
    // Only a passed-through error may lack a message: it must have come in with the arguments.
    expect(errorsIn.some((e) => e.kind === error.kind && e.message === ''), `an error ${error.kind} without a message that was not in the input`).toBe(true);
  }
}

export type Outcome = { ok: true; out: OutGrid } | { ok: false; error: KamError };

/** Runs a call the way the hosts do, failing on anything but an OutGrid or a KamError with a message, or a slow call. */
export function runChecked(run: (args: Arg[]) => OutGrid, args: (Arg | undefined)[]): Outcome {
  const before = snapshot(args);
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = { ok: true, out: run(args as Arg[]) };
  } catch (error) {
    if (!(error instanceof KamError)) throw new Error(`not a KamError: ${String(error)}`, { cause: error });
    expect(ERROR_KINDS).toContain(error.kind);
    expect(error.message.trim().length, 'a whole-call error has a message').toBeGreaterThan(0);
    outcome = { ok: false, error };
  }
  expect(performance.now() - started, 'one call stays within its time budget').toBeLessThan(CALL_BUDGET_MS);
  expect(snapshot(args), 'the call leaves its arguments unchanged').toBe(before);
  if (outcome.ok) {
    expect(Array.isArray(outcome.out)).toBe(true);
    const errorsIn = inputErrors(args);
    for (const row of outcome.out) {
      expect(Array.isArray(row)).toBe(true);
      for (const cell of row) expectValidCell(cell, errorsIn);
    }
  }
  return outcome;
}

/** Rows of the first argument as the function sees it (a bare value is one row). */
export const rowsOf = (arg: Arg | undefined): number => (Array.isArray(arg) ? arg.length : 1);

/** Checks every row of a result has exactly `columns` cells and there are `rows` of them. */
export function expectShape(out: OutGrid, rows: number, columns: number): void {
  expect(out.length).toBe(rows);
  for (const row of out) expect(row.length).toBe(columns);
}

/** The output word a SELECT call asked for, as the function reads it (undefined when it is not a known word). */
export function selectOutputOf(arg: Arg | undefined): 'list' | 'table' | 'flags' | 'reasons' | undefined {
  const cell = Array.isArray(arg) ? (arg.length === 1 && arg[0]?.length === 1 ? arg[0][0] : 'not a value') : arg;
  if (cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')) return 'list';
  if (typeof cell !== 'string') return undefined;
  const word = cell.trim().toLowerCase();
  return (SELECT_OUTPUTS as readonly string[]).includes(word) ? (word as 'list' | 'table' | 'flags' | 'reasons') : undefined;
}

/** A result cell compared across runs: numbers and text as they are, errors by kind (messages name row numbers). */
export const byKind = (cell: unknown): unknown => (cell instanceof CellError ? `#${cell.kind}` : cell);

// ------------------------------------------------------------------------------------- host-shaped inputs

/** Excel never sends an invalid date (it sends serial numbers), so cases compared across hosts use a valid one. */
const sanitizeCell = (cell: unknown): unknown => (cell instanceof Date && Number.isNaN(cell.getTime()) ? new Date(0) : cell);

/**
 * The case with invalid dates replaced. Bugs 1-6 found by these properties are fixed (each keeps its own
 * test with the minimal counterexample); what remains is a difference between hosts, not a bug.
 */
export function withoutKnownBugs(c: Case): Case {
  return {
    id: c.id,
    args: c.args.map((arg) =>
      Array.isArray(arg) ? arg.map((row) => (Array.isArray(row) ? row.map((cell) => sanitizeCell(cell)) : row)) : sanitizeCell(arg),
    ) as (Arg | undefined)[],
  };
}
