// Words the wizard shows that the core draws or keys in English: the method's stage names, and the matrix
// picture's texts (matrix-chart.ts draws them in English for the written workbook), said in the reader's language.
import { STAGES } from '../../src/core/model/model';
import { POSITIONS } from '../../src/core/functions/position-names';
import type { MessageId, Translate } from '../../src/core/i18n';

/** A stage name in the reader's words when it is one of the method's; a stage the user's table adds stays as typed. */
export function stageWord(stage: string, t: Translate): string {
  return (STAGES as readonly string[]).includes(stage) ? t(`stage.${stage}` as MessageId) : stage;
}

/** The matrix picture's fixed texts, as matrixSvg writes them, and what each is in the catalog. */
const MATRIX_WORDS: Record<string, MessageId> = {
  'Key account': 'wizard.matrix.key',
  'Other account': 'wizard.matrix.other',
  'Bubble size: revenue': 'wizard.matrix.bubble',
  'Relative strength (1 = parity with the best rival)': 'wizard.matrix.xLong',
  'Relative strength (1 = parity)': 'wizard.matrix.xMedium',
  'Relative strength': 'wizard.matrix.xShort',
  'Account attractiveness (0-10)': 'wizard.matrix.yLong',
  'Attractiveness (0-10)': 'wizard.matrix.yMedium',
  'Attractiveness': 'wizard.matrix.yShort',
};

/** "12 largest of 300 shown": the legend's note when not every account is drawn (its numbers already in the reader's form). */
const LARGEST = /^(\S+) largest of (\S+) shown$/;

/**
 * The drawn matrix in the reader's language: its fixed words and quadrant names through the catalog, a bubble's
 * tooltip "(key account)" too. Account names (data) are never touched: only whole texts the picture itself writes.
 */
export function localiseMatrix(svg: Node, t: Translate): Node {
  if (!(svg instanceof Element)) return svg;
  for (const text of Array.from(svg.querySelectorAll('text'))) {
    if (text.getAttribute('data-label') === 'account') continue;
    const words = text.textContent ?? '';
    const id = MATRIX_WORDS[words];
    const position = (POSITIONS as readonly string[]).includes(words) && text.getAttribute('font-weight') === 'bold' ? words : null;
    const largest = LARGEST.exec(words);
    if (id) text.textContent = t(id);
    else if (position) {
      text.textContent = t(`position.${position}` as MessageId);
      text.setAttribute('data-quadrant', position);
    } else if (largest) text.textContent = t('wizard.matrix.largest', { shown: largest[1], total: largest[2] });
  }
  for (const title of Array.from(svg.querySelectorAll('circle > title'))) {
    const name = title.textContent ?? '';
    if (name.endsWith(' (key account)')) title.textContent = t('wizard.matrix.keyTooltip', { account: name.slice(0, -' (key account)'.length) });
  }
  const label = svg.getAttribute('aria-label');
  if (label === 'Key account portfolio matrix') svg.setAttribute('aria-label', t('wizard.matrix.title'));
  return svg;
}

/**
 * Once the picture is in the page: an account name that a translated quadrant name (longer than the English one
 * the picture made room for) now covers is left out, as the picture leaves out any name that does not fit.
 */
export function dropCoveredNames(svg: Element | null): void {
  if (!svg) return;
  const quadrants = Array.from(svg.querySelectorAll<SVGGraphicsElement>('text[data-quadrant]')).map((q) => q.getBoundingClientRect());
  for (const name of Array.from(svg.querySelectorAll<SVGGraphicsElement>('text[data-label=account]'))) {
    const b = name.getBoundingClientRect();
    if (quadrants.some((q) => b.left < q.right && q.left < b.right && b.top < q.bottom && q.top < b.bottom)) name.remove();
  }
}
