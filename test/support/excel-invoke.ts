// Test support: how Excel hands cells to a custom function, by its functions.json metadata, as Microsoft
// documents it ("Handle and return errors from your custom function", "Manually create JSON metadata",
// "Custom functions and data types" in OfficeDev/office-js-docs-pr). Excel cannot run here.
//  - An error cell in an argument of a parameter of type any never reaches the function unless the
//    metadata sets allowErrorForDataTypeAny: Excel does not call it, and the whole result is that error.
//  - With it (and allowCustomDataForDataTypeAny) the error arrives as a data-type object
//    {type: "Error", basicValue: "#N/A", errorType: "NotAvailable"}; so do other data types.

/** An error cell of the sheet, by its code ("#N/A", "#SPILL!", …). */
export class SheetError {
  constructor(readonly code: string) {}
}

const ERROR_TYPE: Record<string, string> = {
  '#N/A': 'NotAvailable', '#VALUE!': 'Value', '#DIV/0!': 'Div0', '#REF!': 'Ref', '#NAME?': 'Name', '#NUM!': 'Num',
  '#NULL!': 'Null', '#SPILL!': 'Spill', '#CALC!': 'Calc', '#BUSY!': 'Busy', '#CONNECT!': 'Connect', '#FIELD!': 'Field',
};

export interface FunctionsJson {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: { id: string; parameters: { name: string; type?: string; dimensionality?: string }[] }[];
}

/** The outcome shown in the sheet: the function's result, or an error Excel put there without calling it. */
export type ExcelOutcome = { result: unknown } | { withheld: string };

const cellsOf = (arg: unknown): unknown[] => (Array.isArray(arg) ? (arg as unknown[][]).flat() : [arg]);

/** Calls `fn` (from functions.js) for formula `id` with sheet values, as Excel would under `metadata`. */
export function invokeAsExcel(metadata: FunctionsJson, id: string, fn: (...args: unknown[]) => unknown, args: unknown[]): ExcelOutcome {
  const entry = metadata.functions.find((f) => f.id === id);
  if (!entry) throw new Error(`functions.json has no function ${id}: Excel shows #NAME?`);
  const errorsPassed = metadata.allowErrorForDataTypeAny === true;
  for (const [i, arg] of args.entries()) {
    const param = entry.parameters[i];
    const error = cellsOf(arg).find((c) => c instanceof SheetError) as SheetError | undefined;
    if (error && !(errorsPassed && (param.type ?? 'any') === 'any')) return { withheld: error.code };
  }
  const toWire = (cell: unknown): unknown =>
    cell instanceof SheetError ? { type: 'Error', basicValue: cell.code, errorType: ERROR_TYPE[cell.code] ?? 'Unknown' } : cell;
  const wire = args.map((arg) => (Array.isArray(arg) ? (arg as unknown[][]).map((row) => row.map(toWire)) : toWire(arg)));
  return { result: fn(...wire) };
}
