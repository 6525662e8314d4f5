// The spreadsheet function catalogue, declared once: id, help text, parameters and implementation.
// Excel shows each as KAM.<ID>, Sheets as KAM_<ID>; both hosts' wrappers are checked against this list.
import { Cell, Grid, OutGrid } from '../core/cells';
import { score } from '../core/score';

/** How a parameter arrives: a range (2-D array) or a single value. */
export type ParamKind = 'range' | 'value';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  description: string;
}

export type Arg = Grid | Cell;

export interface FunctionSpec {
  /** Stored in saved Excel workbooks: never rename one. */
  id: string;
  description: string;
  params: ParamSpec[];
  /** What the result is, for the help text. */
  returns: string;
  /** A formula in Sheets spelling (KAM_…); the Excel spelling is derived. */
  example: string;
  /** Columns in the result when not 1 (for engines that size a spill before computing it). */
  resultColumns?: number;
  run: (args: Arg[]) => OutGrid;
}

export const catalogue: FunctionSpec[] = [
  {
    id: 'SCORE',
    description:
      'Account attractiveness on 0 to 10: the weighted mean of each account\'s factor scores, one result per row.',
    params: [
      { name: 'scores', kind: 'range', description: 'One row per account, one column per factor: scores 0-10, or raw values when scales are given.' },
      { name: 'weights', kind: 'range', description: 'One weight per factor, in a row or a column; any total, none negative, at least one positive.' },
      { name: 'scales', kind: 'range', optional: true, description: 'Optional 2 rows by one column per factor: the value that scores 0, then the value that scores 10 (first larger means lower is better).' },
    ],
    returns: 'A column with one attractiveness score per account row.',
    example: 'KAM_SCORE(B2:E301, B1:E1)',
    run: ([scores, weights, scales]) => score(scores as Grid, weights, scales),
  },
];

/** Sheets spelling of a function name. */
export const sheetsName = (id: string): string => `KAM_${id}`;
/** Excel spelling of a function name (Excel always shows the add-in's namespace). */
export const excelName = (id: string): string => `KAM.${id}`;

export function findFunction(id: string): FunctionSpec {
  const spec = catalogue.find((f) => f.id === id);
  if (!spec) throw new Error(`No catalogue function with id ${id}`);
  return spec;
}
