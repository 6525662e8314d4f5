// Types of build/inline-safe.mjs, for the tests that check it.
export function forbiddenAt(text: string, extra?: string[]): number;
export function inlineSafeScript(code: string): string;
export function inlineSafeStyle(css: string): string;
