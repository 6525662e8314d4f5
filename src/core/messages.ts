// Every message a spreadsheet user can see from the function catalogue: what is wrong, where, what to do.
// Rows and columns are counted from 1 within the range the user passed, as the user sees it.

const quote = (text: string): string => (text.length > 40 ? `"${text.slice(0, 37)}…"` : `"${text}"`);

export const messages = {
  notARange: (arg: string) =>
    `${arg} is empty. Select the cells that hold the ${arg}.`,
  missingArgument: (arg: string) =>
    `${arg} is missing. Give a range or a value for ${arg}.`,
  textInNumber: (arg: string, row: number, column: number, text: string) =>
    `${arg}: row ${row}, column ${column} holds the text ${quote(text)}, not a number. Type a number there (or clear the cell).`,
  booleanInNumber: (arg: string, row: number, column: number, value: boolean) =>
    `${arg}: row ${row}, column ${column} holds ${value ? 'TRUE' : 'FALSE'}, not a number. Type a number there (or clear the cell).`,
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
    `${arg} is ${rows} rows by ${cols} columns. It needs 2 rows (the value that scores 0, then the value that scores 10) and ${factors} columns, one per factor.`,
  scaleInvalid: (arg: string, row: number, column: number, detail: string) =>
    `${arg}: row ${row}, column ${column} ${detail}. Both rows of ${arg} must hold numbers.`,
  scaleFlat: (arg: string, column: number, value: number) =>
    `${arg}: column ${column} has the same value (${value}) for 0 and for 10. Give two different values; put the larger first if lower is better.`,
  notASingleValue: (arg: string, rows: number, cols: number) =>
    `${arg} is a range of ${rows} by ${cols} cells. Give a single value.`,
  scalarNotNumber: (arg: string, shown: string) =>
    `${arg} is ${shown}, not a number. Give a number.`,
} as const;
