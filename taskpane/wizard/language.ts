// The wizard's language: the user's own choice (kept per user in this browser's storage, never in the shared
// workbook, where a colleague may read the other language), else the host's; and the switch that changes it.
import { LANGUAGES, languageFromTag, type Language } from '../../src/core/i18n';
import { el } from './dom';

/** Where the user's choice is kept (localStorage of the add-in's own origin). */
export const LANGUAGE_KEY = 'kam-portfolio.language';

/** Each language's name in itself, as a switch shows it (a reader finds their own language by its own name). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** The storage the choice is kept in, or null where there is none or it is refused (private mode, sandboxed frames). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading window.localStorage itself throws a SecurityError where storage is blocked.
    return null;
  }
}

/** The language the user chose before, if any (and still one the product speaks). */
export function rememberedLanguage(): Language | null {
  try {
    const saved = storage()?.getItem(LANGUAGE_KEY);
    return saved && (LANGUAGES as readonly string[]).includes(saved) ? (saved as Language) : null;
  } catch {
    return null;
  }
}

/** Keeps the user's choice for next time; where storage is refused the choice lasts until the pane closes. */
export function rememberLanguage(language: Language): void {
  try {
    storage()?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Quota or a blocked storage: nothing to keep it in, and nothing the user needs to be told.
  }
}

/** The user's choice, else the language of the host's locale tag (English for any the product does not speak). */
export function chooseLanguage(remembered: Language | null, hostTag: string | null | undefined): Language {
  return remembered ?? languageFromTag(hostTag);
}

/**
 * The switch: one button per language, each named in its own language (lang set, so a screen reader says it
 * right), the current one pressed. `current` is read when the switch is drawn again (update).
 */
export function languageSwitch(current: () => Language, choose: (language: Language) => void, label: () => string): { element: HTMLElement; update: () => void } {
  const buttons = LANGUAGES.map((language) => {
    const button = el('button', { type: 'button', class: 'lang-option', lang: language, 'data-language': language, text: LANGUAGE_NAMES[language] });
    button.addEventListener('click', () => {
      if (current() === language) return;
      choose(language);
      update();
    });
    return button;
  });
  const element = el('div', { class: 'lang-switch', role: 'group', id: 'language-switch' }, ...buttons);
  const update = (): void => {
    element.setAttribute('aria-label', label());
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.language === current()));
  };
  update();
  return { element, update };
}
