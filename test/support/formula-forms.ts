// Test support: is a formula in the invariant (en-US) form that Excel's range.formulas takes in every
// display language — "," between arguments and "." in decimals — rather than a locale's typing form
// ("=SUMME(A1; 1,5)", what formulasLocal takes)? Office.js: Excel.Range.formulas / formulasLocal
// (@types/office-js, ExcelApi 1.1: "the English =SUM(A1, 1.5) formula would become =SUMME(A1; 1,5) in German").
import { HyperFormula } from 'hyperformula';

/** The numbers written in a formula (outside quotes, not part of a reference or a name), as written. */
export function numbersIn(formula: string): string[] {
  return syntaxOf(formula).replace(/[A-Za-z_$][A-Za-z0-9_.$]*/g, 'x').match(/\d+(?:[.,]\d+)*(?:E[+-]?\d+)?/gi) ?? [];
}

/** The formula with each string literal's text and each quoted sheet name emptied: what is left is syntax. */
export function syntaxOf(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "''!");
}

let parser: HyperFormula | null = null;

/**
 * What is not en-US about a formula: a ";" outside an array constant {…}, or text HyperFormula (whose
 * default configuration is the en-US grammar: functionArgSeparator ",", decimalSeparator ".") cannot parse.
 * Empty when the formula is in the invariant form.
 */
export function localeFormProblems(formula: string): string[] {
  const problems: string[] = [];
  if (!formula.startsWith('=')) problems.push('does not start with =');
  const syntax = syntaxOf(formula).replace(/\{[^}]*\}/g, '{}');
  if (syntax.includes(';')) problems.push('separates arguments with ";" (a locale form)');
  // The plan writes ", " between arguments; a comma between two digits is a decimal comma.
  if (/(?<![A-Za-z$_.])\d+,\d/.test(syntax.replace(/[A-Za-z_$][A-Za-z0-9_.$]*/g, 'x'))) problems.push('has a number written with a decimal comma');
  parser ??= HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  if (!parser.validateFormula(formula)) problems.push('does not parse with "," between arguments and "." in decimals');
  return problems;
}
