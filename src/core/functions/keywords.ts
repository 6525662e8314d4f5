// The few words the functions read as settings ("median", "linear", "log"): English in every workbook the
// product writes, and also read in the other languages' catalogs ("mediana", "lineal") for people who type them.
import { wordFrom, type MessageId } from '../i18n';

const IDS = { median: 'keyword.median', linear: 'keyword.linear', log: 'keyword.log' } as const satisfies Record<string, MessageId>;
export type Keyword = keyof typeof IDS;

/** Whether a word (any case or accents) is the keyword in any language the product speaks. */
export function isKeyword(word: string, keyword: Keyword): boolean {
  return word === keyword || wordFrom(word, [IDS[keyword]]) !== undefined;
}
