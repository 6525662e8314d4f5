// Types of build/function-help.mjs, for the tests that check it.
export interface HelpLocale { locale: string; file: string; listSeparator: string; decimalSeparator: string }
export interface Metadata { functions: { id: string; name: string; description: string; parameters: { name: string; description: string }[] }[]; [setting: string]: unknown }
export const SPANISH_LOCALES: HelpLocale[];
export const EXAMPLE_KEY: string;
export function descriptionKey(id: string): string;
export function paramKey(id: string, name: string): string;
export function formulaIn(formula: string, conventions: { listSeparator: string; decimalSeparator: string }): string;
export function checkEnglish(metadata: Metadata, en: Record<string, string>): Map<string, string>;
export function localizedMetadata(metadata: Metadata, catalog: Record<string, string>, language: string, examples: Map<string, string>, conventions: { listSeparator: string; decimalSeparator: string }): Metadata;
export function writeLocalizedFunctionHelp(root: string, excelDir: string): string[];
