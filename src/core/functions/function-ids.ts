// The catalogue's function ids and how each host spells them in a formula: KAM.SCORE in Excel, KAM_SCORE in Sheets.

/** Stored in saved workbooks: never rename one. The catalogue is keyed by these, so the compiler keeps them equal. */
export const FUNCTION_IDS = ['SCORE', 'STRENGTH', 'POSITION', 'SELECT', 'REWARD', 'CLV', 'FLAGS', 'STABILITY', 'CAPACITY', 'DRIFT'] as const;
export type FunctionId = (typeof FUNCTION_IDS)[number];

const IDS = new Set<string>(FUNCTION_IDS);
export const isFunctionId = (name: string): name is FunctionId => IDS.has(name);

export type FormulaHost = 'excel' | 'sheets';

/** Excel always shows the add-in's namespace (KAM.SCORE); Sheets names cannot hold a dot (KAM_SCORE). */
export function hostSpelling(id: FunctionId, host: FormulaHost): string {
  return host === 'excel' ? `KAM.${id}` : `KAM_${id}`;
}

export const excelName = (id: FunctionId): string => hostSpelling(id, 'excel');
export const sheetsName = (id: FunctionId): string => hostSpelling(id, 'sheets');
