// Case- and accent-insensitive form of text, used to compare headers, labels and account names.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "  Razón  Social " → "razon social": lower case, accents removed, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ')
    .trim();
}

/**
 * Folded text cut into words for header matching: punctuation becomes a break, "%" and "#" stay
 * as words of their own because "Margin %" and "# orders" mean something different without them.
 */
export function foldWords(text: string): string[] {
  const folded = foldText(text)
    .replace(/[nN][º°]/g, 'no ')
    .replace(/%/g, ' % ')
    .replace(/#/g, ' no ')
    .replace(/[^a-z0-9% ]+/g, ' ');
  return folded.split(' ').filter((word) => word !== '');
}
