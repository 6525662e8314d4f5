// The wizard's screens: seven steps over WizardSession, keyboard-usable, every data text as text, every
// number shown for people (display.ts) and checked where it is typed (checks.ts).
import { ROLE_LABELS } from '../../src/core/ingest';
import { matrixSvg } from '../../src/core/workbook/matrix-chart';
import { STAGES } from '../../src/core/model/model';
import type { FactorSource, StrengthSource } from '../../src/core/model/model';
import { BEHAVIOUR_SIGNALS } from '../../src/core/model/behaviour';
import { userNotes } from '../../src/core/portfolio/notes';
import { describeRewrite, type Ownership, type RegionScope } from '../../src/core/workbook/plan';
import { formatCount, formatNumber, parseTypedNumber } from '../../src/core/format/display';
import type { Unit } from '../../src/core/format/units';
import { el, field, groupError, numberBox, paint, select, svgNode, uid } from './dom';
import { moreBelowMessage, rolesFor, WizardSession } from './session';
import { languageFromTag } from '../../src/core/i18n';
import { objectiveUnit, speech, type Speech } from '../../src/core/portfolio/decision-texts';
import { capacityPanel, fragilePanel, movesPanel, profitPanel, segmentsPanel, splitHistory } from './decision-panels';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';

const STEP_TITLES = [
  '1. Customer data',
  '2. Columns',
  '3. Attractiveness',
  '4. Relative strength',
  '5. Capacity',
  '6. Review',
  '7. Build',
];

/** Unit words shown beside a number field's label, so "0.05" is never a guess. */
// (A percentage shows its own "%" in the box.)
const UNIT_WORDS: Partial<Record<Unit, string>> = { days: 'days', years: 'years', score: '0-10', ratio: '1 = parity' };

/** How many key accounts the review lists before saying how many more there are. */
const LIST_LIMIT = 20;

/** Words for an error a sales-ops user can act on: whose problem it is, and what to do. */
export function friendly(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  // Already in the user's words: the workbook's, the model sheet's, the model's, or the spreadsheet's own.
  if (['WorkbookError', 'ModelSheetError', 'ModelError', 'ModelProblem', 'HostError'].includes(name)) return message;
  return `The wizard hit a problem it did not expect: ${message.replace(/\.$/, '')}. Your sheets were not changed by it; go back a step and try again, and report this message if it stays.`;
}

export interface WizardOptions {
  /** The user's locale for numbers (e.g. "es-ES"); the browser's by default. */
  locale?: string;
}

export class WizardUi {
  step = 0;
  readonly locale: string | undefined;
  private readonly root: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly body: HTMLElement;
  private readonly alert: HTMLElement;
  private readonly back: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly nextHint: HTMLElement;
  private busy = false;
  /** Set while the current step cannot be left forward (nothing read yet, the review failed…). */
  private stepBlocked = '';
  private resizeWatch: ResizeObserver | null = null;
  /** Pictures beyond the matrix that redraw for the pane's width (capacity curve, whale curve). */
  private panelWatches: ResizeObserver[] = [];
  /** The decision panels' words and numbers, in the user's language. */
  readonly speech: Speech;

  constructor(container: HTMLElement, readonly session: WizardSession, options: WizardOptions = {}) {
    this.locale = options.locale;
    this.speech = speech(languageFromTag(options.locale ?? (typeof navigator !== 'undefined' ? navigator.language : undefined)), options.locale);
    this.heading = el('h2', { id: 'step-title', tabindex: '-1' });
    this.body = el('div', { id: 'step-body' });
    this.alert = el('div', { id: 'wizard-alert', role: 'alert', class: 'alert' });
    this.status = el('p', { id: 'wizard-status', role: 'status', class: 'status' });
    this.nextHint = el('p', { id: 'next-hint', class: 'hint', 'aria-live': 'polite' });
    this.back = el('button', { type: 'button', id: 'back-button', text: 'Back' });
    this.next = el('button', { type: 'button', id: 'next-button', class: 'primary', text: 'Next', 'aria-describedby': this.nextHint.id });
    this.back.addEventListener('click', () => this.go(this.step - 1));
    this.next.addEventListener('click', () => this.go(this.step + 1));
    const progress = el('p', { id: 'step-count', class: 'hint' });
    this.root = el(
      'section', { id: 'wizard', 'aria-labelledby': 'step-title' },
      progress, this.heading, this.alert, this.status, this.body,
      el('div', { class: 'nav-area' }, this.nextHint, el('nav', { class: 'nav', 'aria-label': 'Wizard steps' }, this.back, this.next)),
    );
    container.append(this.root);
  }

  /** A number as the user reads it, in their locale. */
  show = (value: number | null | undefined, unit: Unit): string => formatNumber(value, unit, this.locale);

  async start(): Promise<void> {
    try {
      const opened = await this.session.open();
      if (opened.problem) this.showError(opened.problem);
      this.render(opened.reopened ? 'Settings read back from the KAM Model sheet: check each step, then build to update.' : '');
      if (opened.problem) this.showError(opened.problem);
    } catch (error) {
      this.render();
      this.showError(friendly(error));
    }
  }

  showError(text: string): void {
    this.alert.textContent = text;
    this.alert.hidden = !text;
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private go(step: number): void {
    if (this.busy || step < 0 || step >= STEP_TITLES.length) return;
    if (step > this.step && this.refreshChecks()) return;
    this.step = step;
    this.render();
  }

  /** Why the user cannot move on from this step yet, in their words ("" when they can). */
  private blocker(): string {
    const s = this.session.state;
    if (this.step <= 1) {
      if (!s.ingest) return 'Read your customer data first: select a cell inside your customer table and choose "Read the data".';
      if (s.ingest.errors.length) return s.ingest.errors.map((e) => e.message).join(' ');
    }
    return this.stepBlocked;
  }

  /**
   * Re-checks the step's values: each field shows its own problem, and Next is disabled (with the reason
   * beside it) while there is one. Returns the reason, "" when the step is complete.
   */
  private refreshChecks(): string {
    const problems = this.session.state.ingest && !this.session.state.ingest.errors.length ? this.session.problems(this.step, this.show) : [];
    const byField = new Map<string, string[]>();
    for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
    for (const slot of Array.from(this.body.querySelectorAll<HTMLElement>('[data-error-for]'))) {
      const messages = byField.get(slot.dataset.errorFor!) ?? [];
      if (slot.textContent !== messages.join(' ')) slot.textContent = messages.join(' ');
    }
    for (const control of Array.from(this.body.querySelectorAll<HTMLElement>('[data-field]'))) {
      if (byField.has(control.dataset.field!)) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    const blocked = this.blocker();
    const reason = blocked || (problems.length ? `Fix ${problems.length === 1 ? 'the value' : `the ${problems.length} values`} marked above to go on: ${problems[0].message}` : '');
    this.next.disabled = this.busy || !!reason;
    this.nextHint.textContent = this.step < STEP_TITLES.length - 1 ? reason : '';
    return reason;
  }

  render(notice = ''): void {
    this.showError('');
    this.stepBlocked = '';
    this.resizeWatch?.disconnect();
    this.resizeWatch = null;
    this.watchPanels([]);
    const count = this.root.querySelector('#step-count');
    if (count) count.textContent = `Step ${this.step + 1} of ${STEP_TITLES.length}`;
    this.heading.textContent = STEP_TITLES[this.step];
    this.body.replaceChildren();
    this.setStatus(notice);
    this.back.disabled = this.step === 0;
    this.next.hidden = this.step === STEP_TITLES.length - 1;
    try {
      [this.pickStep, this.mapStep, this.factorStep, this.strengthStep, this.capacityStep, this.reviewStep, this.buildStep][this.step].call(this);
    } catch (error) {
      this.stepBlocked = friendly(error);
      this.showError(this.stepBlocked);
    }
    this.refreshChecks();
    this.heading.focus();
  }

  /** A button with its status line right beside it, and a progress bar under it for long work. */
  private actionRow(button: HTMLButtonElement, withProgress = false): { row: HTMLElement; say: (text: string) => void; progress: HTMLProgressElement | null } {
    const status = el('span', { class: 'action-status', role: 'status', id: uid('s') });
    const progress = withProgress ? el('progress', { class: 'action-progress', 'aria-label': `${button.textContent} progress`, hidden: true }) : null;
    const row = el('div', { class: 'action' }, el('div', { class: 'action-line' }, button, status), progress);
    return { row, say: (text) => { status.textContent = text; }, progress };
  }

  /**
   * Runs one action: its button and every other control of the step are disabled until it ends (no double
   * submit), its status shows beside the button, a failure shows in the alert in plain words.
   */
  private async act(row: ReturnType<WizardUi['actionRow']>, label: string, work: () => Promise<string>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.showError('');
    row.row.setAttribute('aria-busy', 'true');
    row.say(label);
    if (row.progress) {
      row.progress.hidden = false;
      row.progress.removeAttribute('value');
    }
    const controls = new Set([...Array.from(this.root.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('button, input, select')), ...Array.from(row.row.querySelectorAll('button'))]);
    const disabled = [...controls].filter((c) => !c.disabled);
    for (const c of disabled) c.disabled = true;
    let ok = false;
    try {
      await paint();
      row.say(await work());
      ok = true;
    } catch (error) {
      row.say('Stopped: see the message above.');
      this.showError(friendly(error));
    } finally {
      for (const c of disabled) if (c.isConnected) c.disabled = false;
      this.busy = false;
      row.row.removeAttribute('aria-busy');
      if (row.progress) row.progress.hidden = true;
      this.back.disabled = this.step === 0;
      this.refreshChecks();
    }
    return ok;
  }

  /**
   * A number field in the data's unit: shows the value as people read it ("17,573", "2.0%"), keeps the
   * full value until the user types, reads what they type in their locale, and re-checks the step.
   * `blank` is what an empty field means (e.g. "the median"); without it an empty field is a problem.
   */
  private numberField(label: string, value: number | null, unit: Unit, key: string, onValue: (v: number) => void, opts: { blank?: () => void; hint?: string; id?: string; attrs?: Record<string, string>; bare?: boolean } = {}): HTMLElement {
    const shown = (v: number | null): string => (v === null || !Number.isFinite(v) ? '' : this.show(v, unit));
    const input = numberBox(shown(value), { id: opts.id, ...opts.attrs });
    input.addEventListener('input', () => {
      const typed = parseTypedNumber(input.value, unit, this.locale);
      if (typed === null && opts.blank) opts.blank();
      else onValue(typed === null ? NaN : typed);
      this.refreshChecks();
    });
    input.addEventListener('change', () => {
      // Once the user leaves the field, show what was understood, in the same form as every other number.
      const typed = parseTypedNumber(input.value, unit, this.locale);
      if (typed !== null && Number.isFinite(typed)) input.value = shown(typed);
    });
    // In a group whose legend names the unit (bare), the label is the item alone.
    const words = opts.bare ? undefined : UNIT_WORDS[unit];
    return field(words && !label.includes(words) ? `${label} (${words})` : label, input, opts.hint, key);
  }

  private summary(): HTMLElement {
    const s = this.session.state;
    const box = el('div', { id: 'data-summary', class: 'card' });
    if (!s.source || !s.ingest) return box;
    const ingest = s.ingest;
    const accounts = this.session.accounts().length;
    const kind = ingest.kind === 'transactions'
      ? `a transaction export: ${formatCount(ingest.rowsRead, 'row', this.locale)} read and rolled up into ${formatCount(accounts, 'account', this.locale)}`
      : `a customer list: ${formatCount(accounts, 'account', this.locale)}`;
    box.append(el('p', { text: `Sheet "${s.source.sheet}", ${s.source.range}: header row ${ingest.headerRow || 'not found'}, ${kind}.` }));
    // Most important first: cells not read, rows left out, segment and growth problems (core/portfolio/notes.ts).
    const notes = userNotes(ingest);
    if (notes.length) {
      box.append(el('ul', { class: 'notes' }, ...notes.slice(0, 6).map((n) => el('li', { text: n.message }))));
      if (notes.length > 6) box.append(el('p', { class: 'hint', text: `and ${formatCount(notes.length - 6, 'more note', this.locale)}.` }));
    }
    return box;
  }

  private pickStep(): void {
    const group = el('fieldset', {}, el('legend', { text: 'Read from' }));
    const scopes: [RegionScope, string][] = [['table', 'The table around the selected cell'], ['region', 'The block of cells around the selection'], ['used', 'Everything used on the sheet']];
    for (const [value, label] of scopes) {
      const id = uid('scope');
      group.append(el('div', { class: 'choice' }, el('input', { type: 'radio', name: 'scope', id, value, checked: value === 'table' }), el('label', { for: id, text: label })));
    }
    const read = el('button', { type: 'button', id: 'read-button', class: 'primary', text: 'Read the data' });
    const action = this.actionRow(read, true);
    const summary = this.summary();
    const more = this.moreBelow();
    read.addEventListener('click', () => void this.act(action, `Reading the data from ${this.session.hostName}…`, async () => {
      const scope = (group.querySelector('input[name=scope]:checked') as HTMLInputElement).value as RegionScope;
      await this.session.pick(scope, async ({ rows, sheet }) => {
        action.say(`Read ${formatCount(rows, 'row', this.locale)} from sheet "${sheet}"; finding the accounts…`);
        await paint();
      });
      return this.afterRead();
    }));
    this.body.append(el('p', { text: 'Select a cell inside your customer table (or transaction export), then read it. Nothing in your sheets changes until the last step.' }), group, action.row, more, summary);
  }

  /** What step 1 shows once the data is read (again). */
  private afterRead(): string {
    this.body.querySelector('#data-summary')?.replaceWith(this.summary());
    this.body.querySelector('#more-below')?.replaceWith(this.moreBelow());
    const ingest = this.session.state.ingest!;
    if (ingest.errors.length) {
      this.showError(ingest.errors.map((e) => e.message).join(' '));
      return 'The data could not be used: see the message above.';
    }
    this.setStatus(this.session.state.notices.join(' '));
    return `Read ${formatCount(this.session.accounts().length, 'account', this.locale)}.`;
  }

  /** Step 1's offer when the data goes on below a blank row: the wizard never stops there silently. */
  private moreBelow(): HTMLElement {
    const box = el('div', { id: 'more-below' });
    const more = this.session.state.moreBelow;
    if (!more) return box;
    const include = el('button', { type: 'button', id: 'include-rest', text: `Include rows ${more.nextRow} to ${more.endRow}` });
    const action = this.actionRow(include);
    include.addEventListener('click', () => void this.act(action, 'Reading the rows below…', async () => {
      await this.session.includeRest();
      return this.afterRead();
    }));
    box.className = 'card warnings';
    box.append(el('p', { text: moreBelowMessage(more) }), action.row);
    return box;
  }

  private mapStep(): void {
    const ingest = this.session.state.ingest!;
    const columns = ingest.columns.map((c) => ({ value: c.header || c.letter, label: c.header ? `${c.letter}: ${c.header}` : `Column ${c.letter}` }));
    const current = this.session.state.mapping?.columns ?? {};
    const list = el('div', { class: 'roles' });
    const roles = rolesFor(ingest.kind);
    for (const role of roles) {
      const control = select([{ value: '', label: '(not used)' }, ...columns], current[role] ?? '');
      control.dataset.role = role;
      control.addEventListener('change', () => {
        // Only the roles the user set are theirs; the others keep following the detection.
        const choice = { ...this.session.state.columnChoice, [role]: control.value };
        try {
          const result = this.session.remap(choice);
          this.body.querySelector('#data-summary')?.replaceWith(this.summary());
          this.showError(result.errors.map((e) => e.message).join(' '));
          this.setStatus(this.session.state.notices.join(' '));
        } catch (error) {
          this.showError(friendly(error));
        }
        this.refreshChecks();
      });
      const label = ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role;
      list.append(field(label.charAt(0).toUpperCase() + label.slice(1), control));
    }
    this.body.append(el('p', { text: 'Check which column holds what. The guesses come from the headers; change any that are wrong. Your settings in the next steps are kept: only what uses a column you change follows it.' }), list, this.summary());
  }

  private factorStep(): void {
    const model = this.session.model();
    const sources = this.session.factorSources();
    const total = el('p', { id: 'points-total', class: 'total', 'aria-live': 'polite' });
    const updateTotal = (): void => {
      const sum = model.factors.reduce((s, f) => s + (Number.isFinite(f.weight) && f.weight > 0 ? f.weight : 0), 0);
      total.textContent = `Total: ${this.show(sum, 'points')} of 100 points${Math.abs(sum - 100) > 1e-9 ? ' (weights are shared out in proportion, so any total works)' : ''}.`;
    };
    const list = el('div', { id: 'factors' });
    const factorBox = (i: number): HTMLElement => {
      const f = model.factors[i];
      const unit = this.session.unitOf(f.source);
      const legend = el('legend', { text: f.name || `Factor ${i + 1}` });
      const box = el('fieldset', { class: 'card factor' }, legend);
      const name = el('input', { type: 'text', value: f.name });
      name.addEventListener('input', () => {
        f.name = name.value;
        legend.textContent = f.name || `Factor ${i + 1}`;
        this.refreshChecks();
      });
      const source = select(sources.map((s) => ({ value: s.source, label: s.label })), f.source);
      source.addEventListener('change', () => {
        this.session.changeFactorSource(i, source.value as FactorSource);
        const fresh = factorBox(i);
        box.replaceWith(fresh);
        fresh.querySelector<HTMLSelectElement>('select')?.focus();
        this.refreshChecks();
      });
      const lowerBetter = f.worst > f.best;
      const direction = select([{ value: 'higher', label: 'Higher' }, { value: 'lower', label: 'Lower' }], lowerBetter ? 'lower' : 'higher');
      const worst = this.numberField('Worst (scores 0)', f.worst, unit, `factor-${i}-worst`, (v) => { f.worst = v; });
      const best = this.numberField('Best (scores 10)', f.best, unit, `factor-${i}-best`, (v) => { f.best = v; });
      direction.addEventListener('change', () => {
        if ((direction.value === 'lower') !== (f.worst > f.best)) {
          [f.worst, f.best] = [f.best, f.worst];
          const [w, b] = [worst.querySelector('input')!, best.querySelector('input')!];
          [w.value, b.value] = [b.value, w.value];
          this.refreshChecks();
        }
      });
      const weight = this.numberField('Weight (points)', f.weight, 'points', `factor-${i}-weight`, (v) => { f.weight = v; updateTotal(); }, { attrs: { 'data-weight': String(i) } });
      // Money spread over orders of magnitude reads best on a log scale (docs/method.md).
      const scale = select([{ value: 'linear', label: 'Linear' }, { value: 'log', label: 'Log (equal ratios count the same)' }], f.scale ?? 'linear');
      scale.dataset.field = `factor-${i}-scale`;
      scale.addEventListener('change', () => {
        if (scale.value === 'log') f.scale = 'log';
        else delete f.scale;
        this.refreshChecks();
      });
      const remove = el('button', { type: 'button', class: 'link', text: `Remove ${f.name || 'this factor'}` });
      remove.addEventListener('click', () => {
        model.factors.splice(i, 1);
        draw();
        updateTotal();
        this.refreshChecks();
        add.focus();
      });
      box.append(field('Name', name, undefined, `factor-${i}-name`), field('Data column', source), el('div', { class: 'pair' }, weight, field('Better when', direction)), el('div', { class: 'pair' }, worst, best), field('Scale', scale, undefined, `factor-${i}-scale`), remove);
      return box;
    };
    const draw = (): void => list.replaceChildren(...model.factors.map((_, i) => factorBox(i)));
    const add = el('button', { type: 'button', id: 'add-factor', text: 'Add a factor' });
    add.addEventListener('click', () => {
      const unused = sources.find((s) => !model.factors.some((f) => f.source === s.source)) ?? sources[0];
      if (!unused) return this.showError('There is no numeric column to use as a factor.');
      model.factors.push(this.session.newFactor(unused.source, unused.label));
      draw();
      updateTotal();
      this.refreshChecks();
      list.lastElementChild?.querySelector('input')?.focus();
    });
    draw();
    updateTotal();
    this.body.append(
      el('p', { text: 'Choose 5-8 factors that say how much an account is worth to you over about three years. Do not over-weight current revenue: that is how "big names" get in.' }),
      list, groupError('factors'), el('div', { class: 'action' }, add), total,
    );
  }

  private strengthStep(): void {
    const model = this.session.model();
    const sources = this.session.factorSources();
    const kinds = [{ value: 'stage', label: 'The relationship stage (a proxy)' }];
    if (sources.length) {
      kinds.push({ value: 'column', label: 'A column that holds relative strength' });
      kinds.push({ value: 'ratings', label: "Your ratings against your best rival's" });
    }
    if (this.session.hasBehaviour() || model.strength.kind === 'behaviour') kinds.push({ value: 'behaviour', label: 'What the orders show (a behavioural proxy)' });
    const kind = select(kinds, model.strength.kind);
    kind.id = 'strength-kind';
    const detail = el('div', { id: 'strength-detail' });
    const rangeHint = el('p', { id: 'strength-range', class: 'hint', 'aria-live': 'polite' });
    const sourceSelect = (value: string, onChange: (v: FactorSource) => void, key?: string): HTMLSelectElement => {
      const input = select(sources.map((x) => ({ value: x.source, label: x.label })), value);
      if (key) input.dataset.field = key;
      input.addEventListener('change', () => {
        onChange(input.value as FactorSource);
        updateRange();
        this.refreshChecks();
      });
      return input;
    };
    const updateRange = (): void => {
      const range = this.session.strengthRange();
      rangeHint.textContent = range ? `The accounts' strengths run from ${this.show(range.min, 'ratio')} to ${this.show(range.max, 'ratio')}; 1 is parity with the best rival.` : '';
    };
    const draw = (): void => {
      detail.replaceChildren();
      const s = model.strength;
      if (s.kind === 'column') {
        detail.append(field('Strength column (1 = parity with the best rival)', sourceSelect(s.source, (v) => { s.source = v; })));
      } else if (s.kind === 'ratings') {
        s.criteria.forEach((c, index) => {
          const legend = el('legend', { text: c.name || `Criterion ${index + 1}` });
          const name = el('input', { type: 'text', value: c.name });
          name.addEventListener('input', () => {
            c.name = name.value;
            legend.textContent = c.name || `Criterion ${index + 1}`;
            this.refreshChecks();
          });
          const remove = el('button', { type: 'button', class: 'link', text: `Remove ${c.name || 'this criterion'}` });
          remove.addEventListener('click', () => {
            s.criteria.splice(index, 1);
            draw();
            this.refreshChecks();
          });
          const rival = sourceSelect(c.rival, (v) => { c.rival = v; });
          detail.append(el('fieldset', { class: 'card' }, legend,
            field('Buying criterion', name, undefined, `criterion-${index}-name`),
            field('Your rating (column)', sourceSelect(c.yours, (v) => { c.yours = v; })),
            field("Best rival's rating (column)", rival, undefined, `criterion-${index}-rival`),
            this.numberField('Weight the customer gives it', c.weight, 'points', `criterion-${index}-weight`, (v) => { c.weight = v; }),
            remove));
        });
        const add = el('button', { type: 'button', id: 'add-criterion', text: 'Add a criterion' });
        add.addEventListener('click', () => {
          s.criteria.push({ name: `Criterion ${s.criteria.length + 1}`, yours: sources[0].source, rival: (sources[1] ?? sources[0]).source, weight: 1 });
          draw();
          this.refreshChecks();
        });
        detail.append(groupError('criteria'), el('p', { class: 'hint', text: 'One pair of rating columns per buying criterion, as the customer rates you and your best rival (KAM_STRENGTH).' }), el('div', { class: 'action' }, add));
      } else if (s.kind === 'behaviour') {
        const signals = el('fieldset', { id: 'behaviour-signals', class: 'compact' }, el('legend', { text: 'Weight of each signal (points; 0 leaves it out)' }));
        for (const info of BEHAVIOUR_SIGNALS) {
          signals.append(this.numberField(info.label, s.signals[info.signal], 'points', `signal-${info.signal}`, (v) => { s.signals[info.signal] = v; updateRange(); }, { bare: true, attrs: { 'data-signal': info.signal } }));
        }
        detail.append(
          el('p', { class: 'hint', text: 'A proxy, not the customer\'s view: each account\'s place among your accounts on each signal, weighted, from 0.5 to 1.5 (1 is the middle relationship).' }),
          signals, groupError('signals'),
        );
      } else {
        const stages = el('fieldset', { id: 'stage-strengths', class: 'compact' }, el('legend', { text: 'Strength per relationship stage (1 = parity with the best rival)' }));
        for (const stage of [...new Set([...STAGES, ...Object.keys(s.byStage)])]) {
          stages.append(this.numberField(`${stage}`, s.byStage[stage] ?? s.unknown, 'ratio', `stage-${stage}`, (v) => { s.byStage[stage] = v; updateRange(); }, { bare: true }));
        }
        stages.append(this.numberField('Blank or other stage', s.unknown, 'ratio', 'unknown-strength', (v) => { s.unknown = v; updateRange(); }, { bare: true }));
        detail.append(stages);
      }
      detail.append(this.stageMapping(updateRange));
      updateRange();
    };
    const cutText = (): number | null => (typeof model.cuts.strength === 'number' ? model.cuts.strength : null);
    const cutField = this.numberField('Strength cut', cutText(), 'ratio', 'strength-cut', (v) => { model.cuts.strength = v; }, {
      blank: () => { model.cuts.strength = 'median'; }, hint: 'Blank = the median account.', id: 'strength-cut',
    });
    kind.addEventListener('change', () => {
      try {
        const said = this.session.setStrengthKind(kind.value as StrengthSource['kind']);
        (cutField.querySelector('input') as HTMLInputElement).value = typeof model.cuts.strength === 'number' ? this.show(model.cuts.strength, 'ratio') : '';
        this.setStatus(said);
        draw();
      } catch (error) {
        this.showError(friendly(error));
      }
      this.refreshChecks();
    });
    draw();
    const acut = typeof model.cuts.attractiveness === 'number' ? model.cuts.attractiveness : null;
    this.body.append(
      el('p', { text: 'Relative strength is how the customer sees you against your best rival; 1 is parity. With the customer\'s ratings of you and your best rival, use them; without, the relationship stage is a fair proxy.' }),
      field('Strength from', kind), detail, rangeHint, cutField,
      this.numberField('Attractiveness cut', acut, 'score', 'attractiveness-cut', (v) => { model.cuts.attractiveness = v; }, {
        blank: () => { model.cuts.attractiveness = 'median'; }, hint: 'Blank = the median account.', id: 'attractiveness-cut',
      }),
    );
  }

  /**
   * Every distinct stage value found in the data, with its count and the stage it is read as, and a choice
   * per value: nothing the product cannot read is scored as average without the user seeing it.
   */
  private stageMapping(changed: () => void): HTMLElement {
    const choices = this.session.stageChoices();
    if (!choices.length) return el('div', { id: 'stage-mapping' });
    const box = el('fieldset', { id: 'stage-mapping', class: 'card' }, el('legend', { text: 'Stage values in your data' }));
    const options = [...this.session.stageOptions().map((stage) => ({ value: stage, label: stage })), { value: '', label: '(not a stage)' }];
    const unread = choices.filter((c) => c.stage === null);
    box.append(el('p', { class: 'hint', text: unread.length
      ? `${unread.length === 1 ? '1 value is' : `${unread.length} values are`} not read as a stage (${unread.map((c) => `"${c.value}"`).join(', ')}): choose the stage each one means.`
      : 'Each value found, and the stage it is read as. Change any that is wrong.' }));
    for (const choice of choices) {
      const control = select(options, choice.stage ?? '');
      control.dataset.stageValue = choice.value;
      control.addEventListener('change', () => {
        this.session.mapStage(choice.value, control.value || null);
        changed();
        this.refreshChecks();
      });
      box.append(field(`"${choice.value}" (${formatCount(choice.accounts, 'account', this.locale)})`, control));
    }
    return box;
  }

  private capacityStep(): void {
    const model = this.session.model();
    const result = el('div', { id: 'capacity-result', class: 'card', 'aria-live': 'polite' });
    const update = (): void => {
      result.replaceChildren();
      if (this.session.problems(this.step, this.show).length) {
        result.append(el('p', { text: 'Fix the values marked above to see how many key accounts that allows.' }));
        return;
      }
      try {
        const p = this.session.portfolio();
        const count = p.selection.chosen.length;
        result.append(el('p', { id: 'key-count', text: `That allows ${formatCount(count, 'key account', this.locale)} (${this.show(p.selection.totalCost, 'days')} of ${this.show(model.capacity.days, 'days')} team days).` }));
        const warnings = p.warnings.filter((w) => w.code === 'too-many-key-accounts' || w.code === 'too-many-per-manager' || w.code === 'no-selection');
        if (warnings.length) result.append(el('ul', { class: 'warnings' }, ...warnings.map((w) => el('li', { text: w.message }))));
        const curve = capacityPanel(p, model, this.speech, this.valueUnit(), this.body.clientWidth || 272);
        result.append(curve.element);
        this.watchPanels(curve.watch ? [curve.watch] : []);
      } catch (error) {
        result.append(el('p', { text: friendly(error) }));
      }
    };
    const days = this.numberField('Team days a year for key accounts', model.capacity.days, 'days', 'capacity-days', (v) => { model.capacity.days = v; update(); }, { id: 'team-days' });
    const objectives = [{ value: 'attractiveness', label: 'Attractiveness' }, { value: 'profit', label: 'Profit after cost to serve' }, { value: 'lifetimeValue', label: 'Lifetime value' }];
    if (model.capacity.value.startsWith('column:')) objectives.push({ value: model.capacity.value, label: model.capacity.value.slice('column:'.length) });
    const by = select(objectives, model.capacity.value);
    by.addEventListener('change', () => { model.capacity.value = by.value as typeof model.capacity.value; update(); });
    // Days by stage are a guess, so by default every key account costs the same; an effort column is real.
    const costFrom = select([
      { value: 'equal', label: 'The same for every account' },
      { value: 'stage', label: 'By relationship stage' },
      ...(this.session.factorSources().some((x) => x.source === 'effort') ? [{ value: 'effort', label: 'From the data\'s effort column' }] : []),
    ], model.capacity.costFrom);
    costFrom.id = 'cost-from';
    costFrom.addEventListener('change', () => { model.capacity.costFrom = costFrom.value as typeof model.capacity.costFrom; update(); });
    const costs = el('fieldset', { class: 'compact' }, el('legend', { text: 'Team days a year per key account, by stage (used when days are by stage)' }));
    for (const stage of Object.keys(model.capacity.costByStage)) {
      costs.append(this.numberField(stage, model.capacity.costByStage[stage], 'days', `cost-${stage}`, (v) => { model.capacity.costByStage[stage] = v; update(); }, { bare: true }));
    }
    const other = this.numberField('Days a year per key account (each account when the same for all; else one with no stage or effort)', model.capacity.otherwise, 'days', 'cost-other', (v) => { model.capacity.otherwise = v; update(); });
    this.body.append(
      el('p', { text: 'Every key account takes team time. The wizard picks the most attractive accounts the days allow; it trades days off only when they really differ (your effort column, or days by stage you set).' }),
      days, field('Choose key accounts by', by), field('Days per key account', costFrom), other, costs, result,
    );
    update();
  }

  private reviewStep(): void {
    const p = this.session.portfolio();
    const points = p.rows.map((r) => ({ account: r.account, attractiveness: r.attractiveness ?? NaN, strength: r.strength ?? NaN, revenue: r.revenue ?? 0, key: r.key }));
    const figure = el('figure', { class: 'matrix', id: 'matrix' });
    // Drawn for the width it is shown at (text stays readable), and again if the pane is resized.
    let drawnAt = 0;
    const draw = (): void => {
      const width = Math.floor(figure.clientWidth || this.body.clientWidth || 272);
      if (Math.abs(width - drawnAt) < 8) return;
      drawnAt = width;
      figure.replaceChildren(svgNode(matrixSvg(points, { attractivenessCut: p.cuts.attractiveness, strengthCut: p.cuts.strength, width, title: 'Portfolio matrix', locale: this.locale })));
    };
    const chosen = p.selection.chosen.map((i) => p.rows[i]);
    const shown = chosen.slice(0, LIST_LIMIT);
    // Each key account with its flags beside it: a loss-making Star the model lets in is shown as such.
    const list = el('ol', { id: 'key-accounts', class: 'compact-list' }, ...shown.map((r) => el('li', { text: `${r.account} — ${r.position ?? 'no position'}, ${this.show(r.attractiveness, 'score')}${r.flags ? ` [${r.flags}]` : ''}` })));
    const more = chosen.length > shown.length ? el('p', { class: 'hint', text: `and ${formatCount(chosen.length - shown.length, 'more key account', this.locale)}: all are on the Key accounts sheet after building.` }) : null;
    // The method's warning signs among the key accounts first; the others only counted.
    const keyFlagged = chosen.filter((r) => r.flags);
    const otherFlagged = p.rows.filter((r) => r.flags && !r.key).length;
    const flags = keyFlagged.length
      ? el('ul', { id: 'flags' }, ...keyFlagged.map((r) => el('li', { text: `${r.account}: ${r.flags}` })))
      : el('p', { id: 'flags', text: 'No key account is flagged as a big name, old friend or difficult customer.' });
    const others = el('p', { id: 'other-flags', class: 'hint', text: otherFlagged ? `${formatCount(otherFlagged, 'other account', this.locale)} ${otherFlagged === 1 ? 'carries' : 'carry'} a flag; after building, each is marked in the Portfolio warnings column of KAM Portfolio.` : 'No other account carries a flag.' });
    const warnings = el('ul', { id: 'warnings', class: 'warnings' }, ...userNotes({ errors: [], warnings: [], skippedRows: [] }, p.warnings).map((w) => el('li', { text: w.message })));
    this.body.append(
      figure,
      el('h3', { text: `Key accounts (${this.show(chosen.length, 'count')})` }), el('p', { class: 'hint', text: 'Best first: position, attractiveness (0-10).' }), list, ...(more ? [more] : []),
      ...this.whyNotKey(p),
      el('h3', { text: 'Key accounts that need a look' }), flags, others,
      ...(p.warnings.length ? [el('h3', { text: 'Check before building' }), warnings] : []),
    );
    this.decisionPanels(p);
    draw();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeWatch = new ResizeObserver(() => draw());
      this.resizeWatch.observe(figure);
    }
  }

  /**
   * Why each account more attractive than the weakest key account was left out (loses money, below the cut,
   * the capacity trade-off), most attractive first; the built portfolio has the reason for every account.
   */
  private whyNotKey(p: ReturnType<WizardSession['portfolio']>): HTMLElement[] {
    const keyScores = p.selection.chosen.map((i) => p.rows[i]!.attractiveness ?? Infinity);
    const weakest = keyScores.length ? Math.min(...keyScores) : -Infinity;
    const left = p.rows
      .filter((r) => !r.key && r.attractiveness !== null && r.attractiveness > weakest)
      .sort((a, b) => (b.attractiveness ?? 0) - (a.attractiveness ?? 0));
    if (!left.length) return [];
    const shown = left.slice(0, LIST_LIMIT);
    const items = shown.map((r) => el('li', { text: `${r.account} (${this.show(r.attractiveness, 'score')}${r.flags ? `, ${r.flags}` : ''}): ${r.whyNotKey}` }));
    const more = left.length > shown.length ? [el('p', { class: 'hint', text: `and ${formatCount(left.length - shown.length, 'more account', this.locale)}: see "Why not key" on the KAM Portfolio sheet after building.` })] : [];
    return [
      el('h3', { text: `Why not key (${this.show(left.length, 'count')} more attractive than the weakest key account)` }),
      el('ul', { id: 'why-not-key', class: 'compact-list' }, ...items), ...more,
    ];
  }

  /** The unit of what the selection maximises (scores, money, or its column's unit). */
  private valueUnit(): Unit {
    const value = this.session.model().capacity.value;
    return objectiveUnit(this.session.model(), value.startsWith('column:') ? this.session.unitOf(value as FactorSource) : 'number');
  }

  /** Replaces the decision panels' resize watchers (each picture redraws for the pane's width). */
  private watchPanels(watches: ResizeObserver[]): void {
    for (const w of this.panelWatches) w.disconnect();
    this.panelWatches = watches;
  }

  /** The review's panels beyond the matrix: fragile placements, moves since the last build, who makes the money, segments. */
  private decisionPanels(p: ReturnType<WizardSession['portfolio']>): void {
    const model = this.session.model();
    const width = this.body.clientWidth || 272;
    const moves = movesPanel(this.speech);
    const profit = profitPanel(p, this.speech, width);
    this.body.append(fragilePanel(p, model, this.speech), moves.element, profit.element, segmentsPanel(p, model, this.speech));
    this.watchPanels(profit.watch ? [profit.watch] : []);
    const step = this.step;
    this.session.history().then(
      (history) => { if (this.step === step) moves.fill(history, p); },
      (error: unknown) => moves.fail(friendly(error)),
    );
  }

  private buildStep(): void {
    const host = this.session.host.host;
    const preview = el('div', { id: 'build-preview', class: 'card', 'aria-live': 'polite' }, el('p', { text: 'Checking the workbook…' }));
    const result = el('div', { id: 'build-result', class: 'card' });
    const build = el('button', { type: 'button', id: 'build-button', class: 'primary', text: 'Build the portfolio' });
    const action = this.actionRow(build, true);
    const confirm = el('div', { id: 'build-confirm', class: 'card confirm', hidden: true });
    const undo = el('div', { id: 'undo-tools' });

    const describe = (all: Ownership): void => {
      // KAM History is only added to: said on its own line, never among the sheets a build replaces.
      const { rest: o, history } = splitHistory(all);
      const lines: HTMLElement[] = [];
      if (o.create.length) lines.push(el('p', { text: `Building creates ${o.create.join(', ')}.` }));
      if (o.update.length) lines.push(el('p', { text: `Building again replaces ${o.update.join(', ')}: everything on them is written afresh (targets and actuals typed on KAM Rewards are kept, by account).` }));
      if (o.retire.length) lines.push(el('p', { text: `It also deletes ${o.retire.join(', ')}, written by the command line: the live charts and the review take their place.` }));
      if (history) lines.push(el('p', { id: 'history-line', text: this.speech.t('history.buildAppend', { sheet: HISTORY_SHEET, existing: history === 'existing' ? 'yes' : 'no' }) }));
      if (o.conflicts.length) lines.push(el('p', { class: 'error-text', text: `${o.conflicts.map((n) => `"${n}"`).join(', ')} ${o.conflicts.length === 1 ? 'is a sheet' : 'are sheets'} the wizard did not create: rename ${o.conflicts.length === 1 ? 'it' : 'them'} before building.` }));
      preview.replaceChildren(...lines);
      build.textContent = o.update.length ? `Rebuild: replace ${o.update.length} sheet${o.update.length === 1 ? '' : 's'}…` : 'Build the portfolio';
      undo.replaceChildren(...(o.update.length ? [this.removeTool(async (said) => {
        result.replaceChildren(el('p', { id: 'remove-result', text: said }));
        await refresh();
      })] : []));
    };
    const check = async (): Promise<Ownership> => {
      const o = await this.session.buildPreview();
      describe(o);
      return o;
    };
    const refresh = async (): Promise<void> => {
      try {
        await check();
      } catch (error) {
        preview.replaceChildren(el('p', { text: friendly(error) }));
      }
    };

    const doBuild = async (): Promise<string> => {
      confirm.hidden = true;
      const done = await this.session.build((p) => {
        if (action.progress) {
          action.progress.max = p.steps;
          action.progress.value = p.step;
        }
        action.say(`${p.label}…`);
      });
      result.replaceChildren(
        el('p', { text: `Done: ${done.created.length} sheet${done.created.length === 1 ? '' : 's'} created, ${done.updated.length} updated, ${done.names} named ranges${done.chart ? ', matrix chart drawn' : ''}.` }),
        el('p', { text: `Formulas use the ${host === 'excel' ? 'Excel names (KAM.SCORE, …)' : 'Google Sheets names (KAM_SCORE, …)'}. Your own sheets were not changed.` }),
        el('p', { id: 'undo-note', text: done.oneUndoStep ? 'Undo (Ctrl+Z) in Excel takes this whole build out in one step.' : 'To take this build out again, use "Remove what the wizard built" below.' }),
        ...done.notes.map((n) => el('p', { class: 'hint', text: n })),
      );
      await refresh();
      return 'The portfolio is built.';
    };

    // Building looks at the workbook again first (someone may have added or built sheets since); replacing
    // sheets waits for the user's yes.
    build.addEventListener('click', () => void this.act(action, 'Checking the workbook…', async () => {
      const o = splitHistory(await check()).rest;
      if (!o.update.length) return doBuild();
      const yes = el('button', { type: 'button', id: 'confirm-build', class: 'primary', text: `Replace ${o.update.length} sheet${o.update.length === 1 ? '' : 's'} and build` });
      const no = el('button', { type: 'button', id: 'cancel-build', text: 'Cancel' });
      confirm.replaceChildren(
        el('p', { text: `This replaces ${o.update.join(', ')}${o.retire.length ? ` and deletes ${o.retire.join(', ')}` : ''}. Anything you typed on those sheets is lost, except the targets and actuals on KAM Rewards, which are kept by account.` }),
        el('div', { class: 'action-line' }, yes, no),
      );
      confirm.hidden = false;
      yes.addEventListener('click', () => void this.act(action, 'Building…', doBuild));
      no.addEventListener('click', () => {
        confirm.hidden = true;
        action.say('');
        build.focus();
      });
      return 'Nothing is replaced until you confirm below.';
    }).then(() => {
      if (!confirm.hidden) confirm.querySelector<HTMLButtonElement>('#confirm-build')?.focus();
    }));

    this.body.append(
      el('p', { text: 'Building writes five sheets: KAM Model (every setting, with named ranges), KAM Portfolio (live formulas over your data), Key accounts, KAM Rewards and KAM Profit (who makes the money), with a bubble chart and a profit curve, and adds a snapshot to KAM History. Your own sheets are never changed.' }),
      preview, action.row, confirm, result, undo, rewriteTool(this, host),
    );
    void refresh();
  }

  /** "Remove what the wizard built": its marked sheets and named ranges, after saying which and asking. */
  private removeTool(after: (said: string) => Promise<void>): HTMLElement {
    const remove = el('button', { type: 'button', id: 'remove-button', text: 'Remove what the wizard built…' });
    const action = this.actionRow(remove);
    const confirm = el('div', { id: 'remove-confirm', class: 'confirm', hidden: true });
    remove.addEventListener('click', () => void (async () => {
      let sheets: string[];
      try {
        sheets = (await this.session.buildPreview()).update;
      } catch (error) {
        this.showError(friendly(error));
        return;
      }
      const yes = el('button', { type: 'button', id: 'confirm-remove', class: 'danger', text: `Delete ${sheets.length} sheet${sheets.length === 1 ? '' : 's'}` });
      const no = el('button', { type: 'button', id: 'cancel-remove', text: 'Cancel' });
      confirm.replaceChildren(
        el('p', { text: `This deletes ${sheets.join(', ')} and the KAM_… named ranges. It cannot be undone${this.session.host.host === 'excel' ? ' (Excel cannot undo deleting a sheet)' : ''}; your own sheets stay as they are.` }),
        el('div', { class: 'action-line' }, yes, no),
      );
      confirm.hidden = false;
      yes.addEventListener('click', () => void this.act(action, 'Removing…', async () => {
        confirm.hidden = true;
        const done = await this.session.removeBuilt();
        const said = `Removed ${done.sheets.join(', ') || 'nothing'} and ${formatCount(done.names, 'named range', this.locale)}.`;
        // The tool itself goes with the sheets, so the outcome is told in the build's result.
        await after(said);
        return said;
      }));
      no.addEventListener('click', () => {
        confirm.hidden = true;
        remove.focus();
      });
      yes.focus();
    })());
    return el('div', { class: 'card tools' }, el('h3', { text: 'Take the build out' }), action.row, confirm);
  }

  /** Exposed for the rewrite tool. */
  async rewrite(): Promise<string> {
    return describeRewrite(await this.session.host.rewriteFormulas());
  }

  /** Runs a tool's action with its button disabled and its status beside it. */
  runAction(row: ReturnType<WizardUi['actionRow']>, label: string, work: () => Promise<string>): Promise<boolean> {
    return this.act(row, label, work);
  }

  toolRow(button: HTMLButtonElement): ReturnType<WizardUi['actionRow']> {
    return this.actionRow(button);
  }
}

/** Moving between hosts: rewrite every KAM formula in the workbook for the one it is open in. */
export function rewriteTool(ui: WizardUi, host: 'excel' | 'sheets'): HTMLElement {
  const button = el('button', { type: 'button', id: 'rewrite-button', text: host === 'excel' ? 'Rewrite KAM formulas for Excel' : 'Rewrite KAM formulas for Google Sheets' });
  const row = ui.toolRow(button);
  const out = row.row.querySelector('.action-status') as HTMLElement;
  out.id = 'rewrite-result';
  button.addEventListener('click', () => void ui.runAction(row, 'Rewriting formulas…', () => ui.rewrite()));
  return el('div', { class: 'card tools' }, el('h3', { text: 'Workbook moved from the other spreadsheet?' }), el('p', { class: 'hint', text: 'Excel spells the functions KAM.SCORE, Google Sheets KAM_SCORE. This rewrites every formula in the workbook for this one.' }), row.row);
}
