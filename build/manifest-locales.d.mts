// Types of build/manifest-locales.mjs, for the tests that check it.
export function localizeManifest(manifest: string, en: Record<string, string>, es: Record<string, string>, locales: string[]): string;
