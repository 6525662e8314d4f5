// The wizard's screens: seven steps over WizardSession, keyboard-usable, every data text as text, every
// number shown for people (display.ts) and checked where it is typed (checks.ts), every word from the
// catalogs (wizard.*) in the language the user reads — switchable at any step without losing an edit.
import { roleLabel } from '../../src/core/ingest/messages';
import { matrixSvg } from '../../src/core/workbook/matrix-chart';
import { STAGES } from '../../src/core/model/model';
import type { FactorSource, StrengthSource } from '../../src/core/model/model';
import { BEHAVIOUR_SIGNALS, signalLabel } from '../../src/core/model/behaviour';
import { userNotes } from '../../src/core/portfolio/notes';
import { describeRewrite, type Ownership, type RegionScope } from '../../src/core/workbook/plan';
import { formatNumber, parseTypedNumber } from '../../src/core/format/display';
import type { Unit } from '../../src/core/format/units';
import { el, field, groupError, numberBox, paint, select, svgNode, uid } from './dom';
import { moreBelowMessage, rolesFor, WizardSession } from './session';
import { english, translator, type Language, type MessageId, type Translate } from '../../src/core/i18n';
import { objectiveUnit, positionName, speech, type Speech } from '../../src/core/portfolio/decision-texts';
import { flagNames } from '../../src/core/functions/flags';
import { capacityPanel, fragilePanel, movesPanel, profitPanel, segmentsPanel, splitHistory } from './decision-panels';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';
import { stageName } from '../../src/core/model/stages';

/** The steps' titles, in order. */
const STEP_TITLES: MessageId[] = [
  'wizard.step.data', 'wizard.step.columns', 'wizard.step.attractiveness', 'wizard.step.strength', 'wizard.step.capacity', 'wizard.step.review', 'wizard.step.build',
];

/** Unit words shown beside a number field's label, so "0.05" is never a guess. */
// (A percentage shows its own "%" in the box.)
const UNIT_WORDS: Partial<Record<Unit, MessageId>> = { days: 'wizard.unit.days', years: 'wizard.unit.years', score: 'wizard.unit.score', ratio: 'wizard.unit.ratio' };

/** How many key accounts the review lists before saying how many more there are. */
const LIST_LIMIT = 20;

/** Words for an error a sales-ops user can act on: whose problem it is, and what to do. */
export function friendly(error: unknown, t: Translate = english): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  // Already in the user's words: the workbook's, the model sheet's, the model's, or the spreadsheet's own.
  if (['WorkbookError', 'ModelSheetError', 'ModelError', 'ModelProblem', 'HostError'].includes(name)) return message;
  return t('wizard.error.unexpected', { message: message.replace(/\.$/, '') });
}

export interface WizardOptions {
  /** The host's locale tag (e.g. "es-MX"): its number conventions when the wizard speaks its language. */
  locale?: string;
}

export class WizardUi {
  step = 0;
  /** The locale numbers are shown and read in (the language's, or the host's own when it is that language). */
  locale: string;
  /** The wizard's words, in the user's language. */
  t: Translate;
  /** The decision panels' words and numbers, in the user's language. */
  speech: Speech;
  private readonly hostLocale: string | undefined;
  private readonly root: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly body: HTMLElement;
  private readonly alert: HTMLElement;
  private readonly back: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly nextHint: HTMLElement;
  private readonly nav: HTMLElement;
  private busy = false;
  /** The language changed while an action ran: the step is drawn again in it when the action ends. */
  private renderAfterAction = false;
  /** Set while the current step cannot be left forward (nothing read yet, the review failed…). */
  private stepBlocked = '';
  /** Step 1's choice of what to read, kept when the step is drawn again (another language, Back). */
  private scope: RegionScope = 'table';
  private resizeWatch: ResizeObserver | null = null;
  /** Pictures beyond the matrix that redraw for the pane's width (capacity curve, whale curve). */
  private panelWatches: ResizeObserver[] = [];

  constructor(container: HTMLElement, readonly session: WizardSession, options: WizardOptions = {}) {
    this.hostLocale = options.locale;
    this.t = translator(session.language, options.locale);
    this.locale = this.t.locale;
    this.speech = speech(session.language, this.locale);
    this.heading = el('h2', { id: 'step-title', tabindex: '-1' });
    this.body = el('div', { id: 'step-body' });
    this.alert = el('div', { id: 'wizard-alert', role: 'alert', class: 'alert' });
    this.status = el('p', { id: 'wizard-status', role: 'status', class: 'status' });
    this.nextHint = el('p', { id: 'next-hint', class: 'hint', 'aria-live': 'polite' });
    this.back = el('button', { type: 'button', id: 'back-button' });
    this.next = el('button', { type: 'button', id: 'next-button', class: 'primary', 'aria-describedby': this.nextHint.id });
    this.back.addEventListener('click', () => this.go(this.step - 1));
    this.next.addEventListener('click', () => this.go(this.step + 1));
    const progress = el('p', { id: 'step-count', class: 'hint' });
    this.nav = el('nav', { class: 'nav' }, this.back, this.next);
    this.root = el(
      'section', { id: 'wizard', 'aria-labelledby': 'step-title' },
      progress, this.heading, this.alert, this.status, this.body,
      el('div', { class: 'nav-area' }, this.nextHint, this.nav),
    );
    this.sayFrame();
    container.append(this.root);
  }

  /** The words around the steps: Back, Next, the navigation's name. */
  private sayFrame(): void {
    this.back.textContent = this.t('wizard.nav.back');
    this.next.textContent = this.t('wizard.nav.next');
    this.nav.setAttribute('aria-label', this.t('wizard.nav.label'));
  }

  /**
   * Speaks another language from now on: the current step is drawn again in it, with every setting the user
   * made (they live in the session, not in the page); what the build writes follows it too.
   */
  setLanguage(language: Language): void {
    if (language === this.t.language) return;
    this.session.setLanguage(language);
    this.t = translator(language, this.hostLocale);
    this.locale = this.t.locale;
    this.speech = speech(language, this.locale);
    this.sayFrame();
    // Mid-action the step is drawn again once the action ends (its outcome is said first).
    if (this.busy) this.renderAfterAction = true;
    else if (this.root.isConnected) this.render();
  }

  /** A number as the user reads it, in their locale. */
  show = (value: number | null | undefined, unit: Unit): string => formatNumber(value, unit, this.locale);

  async start(): Promise<void> {
    try {
      const opened = await this.session.open();
      if (opened.problem) this.showError(opened.problem);
      this.render(opened.reopened ? this.t('wizard.reopened') : '');
      if (opened.problem) this.showError(opened.problem);
    } catch (error) {
      this.render();
      this.showError(friendly(error, this.t));
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

  /** The data's errors, in the reader's words. */
  private ingestErrors(): string {
    return (this.session.state.ingest?.errors ?? []).map((e) => e.text(this.t)).join(' ');
  }

  /** Why the user cannot move on from this step yet, in their words ("" when they can). */
  private blocker(): string {
    const s = this.session.state;
    if (this.step <= 1) {
      if (!s.ingest) return this.t('wizard.data.readFirst');
      if (s.ingest.errors.length) return this.ingestErrors();
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
    const reason = blocked || (problems.length ? this.t('wizard.fixToGoOn', { count: problems.length, first: problems[0].message }) : '');
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
    if (count) count.textContent = this.t('wizard.stepCount', { step: this.step + 1, steps: STEP_TITLES.length });
    this.heading.textContent = this.t(STEP_TITLES[this.step]);
    this.body.replaceChildren();
    this.setStatus(notice);
    this.back.disabled = this.step === 0;
    this.next.hidden = this.step === STEP_TITLES.length - 1;
    try {
      [this.pickStep, this.mapStep, this.factorStep, this.strengthStep, this.capacityStep, this.reviewStep, this.buildStep][this.step].call(this);
    } catch (error) {
      this.stepBlocked = friendly(error, this.t);
      this.showError(this.stepBlocked);
    }
    this.refreshChecks();
    this.heading.focus();
  }

  /** A button with its status line right beside it, and a progress bar under it for long work. */
  private actionRow(button: HTMLButtonElement, withProgress = false): { row: HTMLElement; say: (text: string) => void; progress: HTMLProgressElement | null } {
    const status = el('span', { class: 'action-status', role: 'status', id: uid('s') });
    const progress = withProgress ? el('progress', { class: 'action-progress', 'aria-label': this.t('wizard.progressOf', { action: button.textContent ?? '' }), hidden: true }) : null;
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
      row.say(this.t('wizard.stopped'));
      this.showError(friendly(error, this.t));
    } finally {
      for (const c of disabled) if (c.isConnected) c.disabled = false;
      this.busy = false;
      row.row.removeAttribute('aria-busy');
      if (row.progress) row.progress.hidden = true;
      this.back.disabled = this.step === 0;
      this.refreshChecks();
    }
    if (this.renderAfterAction) {
      this.renderAfterAction = false;
      this.render();
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
    const id = opts.bare ? undefined : UNIT_WORDS[unit];
    const words = id ? this.t(id) : undefined;
    const named = words !== undefined && label.toLocaleLowerCase(this.locale).includes(words.toLocaleLowerCase(this.locale));
    return field(words && !named ? this.t('wizard.withUnit', { label, unit: words }) : label, input, opts.hint, key);
  }

  private summary(): HTMLElement {
    const s = this.session.state;
    const t = this.t;
    const box = el('div', { id: 'data-summary', class: 'card' });
    if (!s.source || !s.ingest) return box;
    const ingest = s.ingest;
    const accounts = this.session.accounts().length;
    box.append(el('p', {
      text: t('wizard.data.summary', {
        sheet: s.source.sheet, range: s.source.range, headerRow: ingest.headerRow ? String(ingest.headerRow) : t('wizard.data.noHeader'), kind: ingest.kind, rows: ingest.rowsRead, accounts,
      }),
    }));
    // Most important first: cells not read, rows left out, segment and growth problems (core/portfolio/notes.ts).
    const notes = userNotes(ingest, [], t);
    if (notes.length) {
      box.append(el('ul', { class: 'notes' }, ...notes.slice(0, 6).map((n) => el('li', { text: n.message }))));
      if (notes.length > 6) box.append(el('p', { class: 'hint', text: t('wizard.data.moreNotes', { count: notes.length - 6 }) }));
    }
    return box;
  }

  private pickStep(): void {
    const t = this.t;
    const group = el('fieldset', {}, el('legend', { text: t('wizard.data.readFrom') }));
    const scopes: [RegionScope, MessageId][] = [['table', 'wizard.data.scope.table'], ['region', 'wizard.data.scope.region'], ['used', 'wizard.data.scope.used']];
    for (const [value, label] of scopes) {
      const id = uid('scope');
      const radio = el('input', { type: 'radio', name: 'scope', id, value, checked: value === this.scope });
      radio.addEventListener('change', () => { if (radio.checked) this.scope = value; });
      group.append(el('div', { class: 'choice' }, radio, el('label', { for: id, text: t(label) })));
    }
    const read = el('button', { type: 'button', id: 'read-button', class: 'primary', text: t('wizard.data.read') });
    const action = this.actionRow(read, true);
    const summary = this.summary();
    const more = this.moreBelow();
    read.addEventListener('click', () => void this.act(action, this.t('wizard.data.reading', { host: this.session.hostName }), async () => {
      const scope = (group.querySelector('input[name=scope]:checked') as HTMLInputElement).value as RegionScope;
      await this.session.pick(scope, async ({ rows, sheet }) => {
        action.say(this.t('wizard.data.readRows', { rows, sheet }));
        await paint();
      });
      return this.afterRead();
    }));
    this.body.append(el('p', { text: t('wizard.data.intro') }), group, action.row, more, summary);
  }

  /** What step 1 shows once the data is read (again). */
  private afterRead(): string {
    this.body.querySelector('#data-summary')?.replaceWith(this.summary());
    this.body.querySelector('#more-below')?.replaceWith(this.moreBelow());
    const ingest = this.session.state.ingest!;
    if (ingest.errors.length) {
      this.showError(this.ingestErrors());
      return this.t('wizard.data.unusable');
    }
    this.setStatus(this.session.state.notices.join(' '));
    return this.t('wizard.data.readAccounts', { count: this.session.accounts().length });
  }

  /** Step 1's offer when the data goes on below a blank row: the wizard never stops there silently. */
  private moreBelow(): HTMLElement {
    const box = el('div', { id: 'more-below' });
    const more = this.session.state.moreBelow;
    if (!more) return box;
    const include = el('button', { type: 'button', id: 'include-rest', text: this.t('wizard.data.includeRows', { from: String(more.nextRow), to: String(more.endRow) }) });
    const action = this.actionRow(include);
    include.addEventListener('click', () => void this.act(action, this.t('wizard.data.readingBelow'), async () => {
      await this.session.includeRest();
      return this.afterRead();
    }));
    box.className = 'card warnings';
    box.append(el('p', { text: moreBelowMessage(more, this.t) }), action.row);
    return box;
  }

  private mapStep(): void {
    const t = this.t;
    const ingest = this.session.state.ingest!;
    const columns = ingest.columns.map((c) => ({ value: c.header || c.letter, label: c.header ? t('wizard.columns.option', { letter: c.letter, header: c.header }) : t('wizard.columns.letter', { letter: c.letter }) }));
    const current = this.session.state.mapping?.columns ?? {};
    const list = el('div', { class: 'roles' });
    const roles = rolesFor(ingest.kind);
    for (const role of roles) {
      const control = select([{ value: '', label: t('wizard.columns.notUsed') }, ...columns], current[role] ?? '');
      control.dataset.role = role;
      control.addEventListener('change', () => {
        // Only the roles the user set are theirs; the others keep following the detection.
        const choice = { ...this.session.state.columnChoice, [role]: control.value };
        try {
          this.session.remap(choice);
          this.body.querySelector('#data-summary')?.replaceWith(this.summary());
          this.showError(this.ingestErrors());
          this.setStatus(this.session.state.notices.join(' '));
        } catch (error) {
          this.showError(friendly(error, this.t));
        }
        this.refreshChecks();
      });
      const label = roleLabel(role as Parameters<typeof roleLabel>[0], t) ?? role;
      list.append(field(label.charAt(0).toLocaleUpperCase(this.locale) + label.slice(1), control));
    }
    this.body.append(el('p', { text: t('wizard.columns.intro') }), list, this.summary());
  }

  private factorStep(): void {
    const t = this.t;
    const model = this.session.model();
    const sources = this.session.factorSources();
    const total = el('p', { id: 'points-total', class: 'total', 'aria-live': 'polite' });
    const updateTotal = (): void => {
      const sum = model.factors.reduce((s, f) => s + (Number.isFinite(f.weight) && f.weight > 0 ? f.weight : 0), 0);
      total.textContent = t('wizard.factors.total', { points: this.show(sum, 'points'), exact: Math.abs(sum - 100) > 1e-9 ? 'no' : 'yes' });
    };
    const list = el('div', { id: 'factors' });
    const factorBox = (i: number): HTMLElement => {
      const f = model.factors[i];
      const unit = this.session.unitOf(f.source);
      const legend = el('legend', { text: f.name || t('wizard.factors.numbered', { number: i + 1 }) });
      const box = el('fieldset', { class: 'card factor' }, legend);
      const name = el('input', { type: 'text', value: f.name });
      name.addEventListener('input', () => {
        f.name = name.value;
        legend.textContent = f.name || t('wizard.factors.numbered', { number: i + 1 });
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
      const direction = select([{ value: 'higher', label: t('wizard.factors.higher') }, { value: 'lower', label: t('wizard.factors.lower') }], lowerBetter ? 'lower' : 'higher');
      const worst = this.numberField(t('wizard.factors.worst'), f.worst, unit, `factor-${i}-worst`, (v) => { f.worst = v; });
      const best = this.numberField(t('wizard.factors.best'), f.best, unit, `factor-${i}-best`, (v) => { f.best = v; });
      direction.addEventListener('change', () => {
        if ((direction.value === 'lower') !== (f.worst > f.best)) {
          [f.worst, f.best] = [f.best, f.worst];
          const [w, b] = [worst.querySelector('input')!, best.querySelector('input')!];
          [w.value, b.value] = [b.value, w.value];
          this.refreshChecks();
        }
      });
      const weight = this.numberField(t('wizard.factors.weight'), f.weight, 'points', `factor-${i}-weight`, (v) => { f.weight = v; updateTotal(); }, { attrs: { 'data-weight': String(i) } });
      // Money spread over orders of magnitude reads best on a log scale (docs/method.md).
      const scale = select([{ value: 'linear', label: t('wizard.factors.linear') }, { value: 'log', label: t('wizard.factors.log') }], f.scale ?? 'linear');
      scale.dataset.field = `factor-${i}-scale`;
      scale.addEventListener('change', () => {
        if (scale.value === 'log') f.scale = 'log';
        else delete f.scale;
        this.refreshChecks();
      });
      const remove = el('button', { type: 'button', class: 'link', text: f.name ? t('wizard.factors.remove', { name: f.name }) : t('wizard.factors.removeThis') });
      remove.addEventListener('click', () => {
        model.factors.splice(i, 1);
        draw();
        updateTotal();
        this.refreshChecks();
        add.focus();
      });
      box.append(
        field(t('wizard.factors.name'), name, undefined, `factor-${i}-name`), field(t('wizard.factors.column'), source),
        el('div', { class: 'pair' }, weight, field(t('wizard.factors.betterWhen'), direction)), el('div', { class: 'pair' }, worst, best),
        field(t('wizard.factors.scale'), scale, undefined, `factor-${i}-scale`), remove,
      );
      return box;
    };
    const draw = (): void => list.replaceChildren(...model.factors.map((_, i) => factorBox(i)));
    const add = el('button', { type: 'button', id: 'add-factor', text: t('wizard.factors.add') });
    add.addEventListener('click', () => {
      const unused = sources.find((s) => !model.factors.some((f) => f.source === s.source)) ?? sources[0];
      if (!unused) return this.showError(this.t('wizard.factors.noColumn'));
      model.factors.push(this.session.newFactor(unused.source, unused.label));
      draw();
      updateTotal();
      this.refreshChecks();
      list.lastElementChild?.querySelector('input')?.focus();
    });
    draw();
    updateTotal();
    this.body.append(el('p', { text: t('wizard.factors.intro') }), list, groupError('factors'), el('div', { class: 'action' }, add), total);
  }

  private strengthStep(): void {
    const t = this.t;
    const model = this.session.model();
    const sources = this.session.factorSources();
    const kinds = [{ value: 'stage', label: t('wizard.strength.kind.stage') }];
    if (sources.length) {
      kinds.push({ value: 'column', label: t('wizard.strength.kind.column') });
      kinds.push({ value: 'ratings', label: t('wizard.strength.kind.ratings') });
    }
    if (this.session.hasBehaviour() || model.strength.kind === 'behaviour') kinds.push({ value: 'behaviour', label: t('wizard.strength.kind.behaviour') });
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
      rangeHint.textContent = range ? t('wizard.strength.range', { min: this.show(range.min, 'ratio'), max: this.show(range.max, 'ratio') }) : '';
    };
    const draw = (): void => {
      detail.replaceChildren();
      const s = model.strength;
      if (s.kind === 'column') {
        detail.append(field(t('wizard.strength.column'), sourceSelect(s.source, (v) => { s.source = v; })));
      } else if (s.kind === 'ratings') {
        s.criteria.forEach((c, index) => {
          const legend = el('legend', { text: c.name || t('wizard.criteria.numbered', { number: index + 1 }) });
          const name = el('input', { type: 'text', value: c.name });
          name.addEventListener('input', () => {
            c.name = name.value;
            legend.textContent = c.name || t('wizard.criteria.numbered', { number: index + 1 });
            this.refreshChecks();
          });
          const remove = el('button', { type: 'button', class: 'link', text: c.name ? t('wizard.factors.remove', { name: c.name }) : t('wizard.criteria.removeThis') });
          remove.addEventListener('click', () => {
            s.criteria.splice(index, 1);
            draw();
            this.refreshChecks();
          });
          const rival = sourceSelect(c.rival, (v) => { c.rival = v; });
          detail.append(el('fieldset', { class: 'card' }, legend,
            field(t('wizard.criteria.name'), name, undefined, `criterion-${index}-name`),
            field(t('wizard.criteria.yours'), sourceSelect(c.yours, (v) => { c.yours = v; })),
            field(t('wizard.criteria.rival'), rival, undefined, `criterion-${index}-rival`),
            this.numberField(t('wizard.criteria.weight'), c.weight, 'points', `criterion-${index}-weight`, (v) => { c.weight = v; }),
            remove));
        });
        const add = el('button', { type: 'button', id: 'add-criterion', text: t('wizard.criteria.add') });
        add.addEventListener('click', () => {
          s.criteria.push({ name: this.t('wizard.criteria.numbered', { number: s.criteria.length + 1 }), yours: sources[0].source, rival: (sources[1] ?? sources[0]).source, weight: 1 });
          draw();
          this.refreshChecks();
        });
        detail.append(groupError('criteria'), el('p', { class: 'hint', text: t('wizard.criteria.hint') }), el('div', { class: 'action' }, add));
      } else if (s.kind === 'behaviour') {
        const signals = el('fieldset', { id: 'behaviour-signals', class: 'compact' }, el('legend', { text: t('wizard.strength.signals') }));
        for (const info of BEHAVIOUR_SIGNALS) {
          signals.append(this.numberField(signalLabel(info.signal, t), s.signals[info.signal], 'points', `signal-${info.signal}`, (v) => { s.signals[info.signal] = v; updateRange(); }, { bare: true, attrs: { 'data-signal': info.signal } }));
        }
        detail.append(el('p', { class: 'hint', text: t('wizard.strength.behaviourHint') }), signals, groupError('signals'));
      } else {
        const stages = el('fieldset', { id: 'stage-strengths', class: 'compact' }, el('legend', { text: t('wizard.strength.byStage') }));
        for (const stage of [...new Set([...STAGES, ...Object.keys(s.byStage)])]) {
          stages.append(this.numberField(stageName(stage, t), s.byStage[stage] ?? s.unknown, 'ratio', `stage-${stage}`, (v) => { s.byStage[stage] = v; updateRange(); }, { bare: true }));
        }
        stages.append(this.numberField(t('wizard.strength.otherStage'), s.unknown, 'ratio', 'unknown-strength', (v) => { s.unknown = v; updateRange(); }, { bare: true }));
        detail.append(stages);
      }
      detail.append(this.stageMapping(updateRange));
      updateRange();
    };
    const cutText = (): number | null => (typeof model.cuts.strength === 'number' ? model.cuts.strength : null);
    const cutField = this.numberField(t('wizard.strength.cut'), cutText(), 'ratio', 'strength-cut', (v) => { model.cuts.strength = v; }, {
      blank: () => { model.cuts.strength = 'median'; }, hint: t('wizard.cut.blankMedian'), id: 'strength-cut',
    });
    kind.addEventListener('change', () => {
      try {
        const said = this.session.setStrengthKind(kind.value as StrengthSource['kind']);
        (cutField.querySelector('input') as HTMLInputElement).value = typeof model.cuts.strength === 'number' ? this.show(model.cuts.strength, 'ratio') : '';
        this.setStatus(said);
        draw();
      } catch (error) {
        this.showError(friendly(error, this.t));
      }
      this.refreshChecks();
    });
    draw();
    const acut = typeof model.cuts.attractiveness === 'number' ? model.cuts.attractiveness : null;
    this.body.append(
      el('p', { text: t('wizard.strength.intro') }),
      field(t('wizard.strength.from'), kind), detail, rangeHint, cutField,
      this.numberField(t('wizard.attractiveness.cut'), acut, 'score', 'attractiveness-cut', (v) => { model.cuts.attractiveness = v; }, {
        blank: () => { model.cuts.attractiveness = 'median'; }, hint: t('wizard.cut.blankMedian'), id: 'attractiveness-cut',
      }),
    );
  }

  /**
   * Every distinct stage value found in the data, with its count and the stage it is read as, and a choice
   * per value: nothing the product cannot read is scored as average without the user seeing it.
   */
  private stageMapping(changed: () => void): HTMLElement {
    const t = this.t;
    const choices = this.session.stageChoices();
    if (!choices.length) return el('div', { id: 'stage-mapping' });
    const box = el('fieldset', { id: 'stage-mapping', class: 'card' }, el('legend', { text: t('wizard.stages.legend') }));
    const options = [...this.session.stageOptions().map((stage) => ({ value: stage, label: stageName(stage, t) })), { value: '', label: t('wizard.stages.notStage') }];
    const unread = choices.filter((c) => c.stage === null);
    box.append(el('p', { class: 'hint', text: unread.length
      ? t('wizard.stages.unread', { count: unread.length, values: unread.map((c) => `"${c.value}"`).join(t('common.list.separator')) })
      : t('wizard.stages.allRead') }));
    for (const choice of choices) {
      const control = select(options, choice.stage ?? '');
      control.dataset.stageValue = choice.value;
      control.addEventListener('change', () => {
        this.session.mapStage(choice.value, control.value || null);
        changed();
        this.refreshChecks();
      });
      box.append(field(t('wizard.stages.value', { value: choice.value, count: choice.accounts }), control));
    }
    return box;
  }

  private capacityStep(): void {
    const t = this.t;
    const model = this.session.model();
    const result = el('div', { id: 'capacity-result', class: 'card', 'aria-live': 'polite' });
    const update = (): void => {
      result.replaceChildren();
      if (this.session.problems(this.step, this.show).length) {
        result.append(el('p', { text: t('wizard.capacity.fixFirst') }));
        return;
      }
      try {
        const p = this.session.portfolio();
        const count = p.selection.chosen.length;
        result.append(el('p', { id: 'key-count', text: t('wizard.capacity.allows', { count, used: this.show(p.selection.totalCost, 'days'), days: this.show(model.capacity.days, 'days') }) }));
        const warnings = p.warnings.filter((w) => w.code === 'too-many-key-accounts' || w.code === 'too-many-per-manager' || w.code === 'no-selection');
        if (warnings.length) result.append(el('ul', { class: 'warnings' }, ...warnings.map((w) => el('li', { text: w.message }))));
        const curve = capacityPanel(p, model, this.speech, this.valueUnit(), this.body.clientWidth || 272);
        result.append(curve.element);
        this.watchPanels(curve.watch ? [curve.watch] : []);
      } catch (error) {
        result.append(el('p', { text: friendly(error, this.t) }));
      }
    };
    const days = this.numberField(t('wizard.capacity.days'), model.capacity.days, 'days', 'capacity-days', (v) => { model.capacity.days = v; update(); }, { id: 'team-days' });
    const objectives = [
      { value: 'attractiveness', label: t('wizard.capacity.by.attractiveness') }, { value: 'profit', label: t('wizard.capacity.by.profit') }, { value: 'lifetimeValue', label: t('wizard.capacity.by.lifetimeValue') },
    ];
    if (model.capacity.value.startsWith('column:')) objectives.push({ value: model.capacity.value, label: model.capacity.value.slice('column:'.length) });
    const by = select(objectives, model.capacity.value);
    by.addEventListener('change', () => { model.capacity.value = by.value as typeof model.capacity.value; update(); });
    // Days by stage are a guess, so by default every key account costs the same; an effort column is real.
    const costFrom = select([
      { value: 'equal', label: t('wizard.capacity.cost.equal') },
      { value: 'stage', label: t('wizard.capacity.cost.stage') },
      ...(this.session.factorSources().some((x) => x.source === 'effort') ? [{ value: 'effort', label: t('wizard.capacity.cost.effort') }] : []),
    ], model.capacity.costFrom);
    costFrom.id = 'cost-from';
    costFrom.addEventListener('change', () => { model.capacity.costFrom = costFrom.value as typeof model.capacity.costFrom; update(); });
    const costs = el('fieldset', { class: 'compact' }, el('legend', { text: t('wizard.capacity.byStage') }));
    for (const stage of Object.keys(model.capacity.costByStage)) {
      costs.append(this.numberField(stageName(stage, t), model.capacity.costByStage[stage], 'days', `cost-${stage}`, (v) => { model.capacity.costByStage[stage] = v; update(); }, { bare: true }));
    }
    const other = this.numberField(t('wizard.capacity.other'), model.capacity.otherwise, 'days', 'cost-other', (v) => { model.capacity.otherwise = v; update(); });
    this.body.append(
      el('p', { text: t('wizard.capacity.intro') }),
      days, field(t('wizard.capacity.by'), by), field(t('wizard.capacity.cost'), costFrom), other, costs, result,
    );
    update();
  }

  private reviewStep(): void {
    const t = this.t;
    const p = this.session.portfolio();
    const points = p.rows.map((r) => ({ account: r.account, attractiveness: r.attractiveness ?? NaN, strength: r.strength ?? NaN, revenue: r.revenue ?? 0, key: r.key }));
    const figure = el('figure', { class: 'matrix', id: 'matrix' });
    // Drawn for the width it is shown at (text stays readable), and again if the pane is resized.
    let drawnAt = 0;
    const draw = (): void => {
      const width = Math.floor(figure.clientWidth || this.body.clientWidth || 272);
      if (Math.abs(width - drawnAt) < 8) return;
      drawnAt = width;
      // The core draws the picture in the reader's words, fitting quadrant names and axis titles to their room.
      figure.replaceChildren(svgNode(matrixSvg(points, { attractivenessCut: p.cuts.attractiveness, strengthCut: p.cuts.strength, width, title: t('wizard.matrix.title'), locale: this.locale, t, strengthProxy: this.session.model().strength.kind === 'behaviour' })));
    };
    const flagged = (flags: string): string => flagNames(flags, t);
    const position = (r: (typeof p.rows)[number]): string => (r.position ? positionName(this.speech, r.position) : t('wizard.review.noPosition'));
    const chosen = p.selection.chosen.map((i) => p.rows[i]);
    const shown = chosen.slice(0, LIST_LIMIT);
    // Each key account with its flags beside it: a loss-making Star the model lets in is shown as such.
    const list = el('ol', { id: 'key-accounts', class: 'compact-list' }, ...shown.map((r) => el('li', {
      text: t('wizard.review.keyLine', { account: r.account, position: position(r), score: this.show(r.attractiveness, 'score'), hasFlags: r.flags ? 'yes' : 'no', flags: r.flags ? flagged(r.flags) : '' }),
    })));
    const more = chosen.length > shown.length ? el('p', { class: 'hint', text: t('wizard.review.moreKey', { count: chosen.length - shown.length }) }) : null;
    // The method's warning signs among the key accounts first; the others only counted.
    const keyFlagged = chosen.filter((r) => r.flags);
    const otherFlagged = p.rows.filter((r) => r.flags && !r.key).length;
    const flags = keyFlagged.length
      ? el('ul', { id: 'flags' }, ...keyFlagged.map((r) => el('li', { text: t('wizard.review.flagLine', { account: r.account, flags: flagged(r.flags) }) })))
      : el('p', { id: 'flags', text: t('wizard.review.noFlags') });
    const others = el('p', { id: 'other-flags', class: 'hint', text: t('wizard.review.otherFlags', { count: otherFlagged }) });
    const warnings = el('ul', { id: 'warnings', class: 'warnings' }, ...userNotes({ errors: [], warnings: [], skippedRows: [] }, p.warnings, t).map((w) => el('li', { text: w.message })));
    this.body.append(
      figure,
      el('h3', { text: t('wizard.review.keyHeading', { count: this.show(chosen.length, 'count') }) }), el('p', { class: 'hint', text: t('wizard.review.keyOrder') }), list, ...(more ? [more] : []),
      ...this.whyNotKey(p),
      el('h3', { text: t('wizard.review.needLook') }), flags, others,
      ...(p.warnings.length ? [el('h3', { text: t('wizard.review.checkFirst') }), warnings] : []),
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
    const t = this.t;
    const keyScores = p.selection.chosen.map((i) => p.rows[i]!.attractiveness ?? Infinity);
    const weakest = keyScores.length ? Math.min(...keyScores) : -Infinity;
    const left = p.rows
      .filter((r) => !r.key && r.attractiveness !== null && r.attractiveness > weakest)
      .sort((a, b) => (b.attractiveness ?? 0) - (a.attractiveness ?? 0));
    if (!left.length) return [];
    const shown = left.slice(0, LIST_LIMIT);
    const items = shown.map((r) => el('li', {
      text: t('wizard.review.whyLine', { account: r.account, score: this.show(r.attractiveness, 'score'), hasFlags: r.flags ? 'yes' : 'no', flags: r.flags ? flagNames(r.flags, t) : '', why: r.whyNotKey }),
    }));
    const more = left.length > shown.length ? [el('p', { class: 'hint', text: t('wizard.review.moreWhy', { count: left.length - shown.length }) })] : [];
    return [
      el('h3', { text: t('wizard.review.whyHeading', { count: this.show(left.length, 'count') }) }),
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
    const t = this.t;
    this.session.history().then(
      (history) => { if (this.step === step && this.t === t) moves.fill(history, p); },
      (error: unknown) => moves.fail(friendly(error, t)),
    );
  }

  private buildStep(): void {
    const t = this.t;
    const host = this.session.host.host;
    const preview = el('div', { id: 'build-preview', class: 'card', 'aria-live': 'polite' }, el('p', { text: t('wizard.build.checking') }));
    const result = el('div', { id: 'build-result', class: 'card' });
    const build = el('button', { type: 'button', id: 'build-button', class: 'primary', text: t('wizard.build.button') });
    const action = this.actionRow(build, true);
    const confirm = el('div', { id: 'build-confirm', class: 'card confirm', hidden: true });
    const undo = el('div', { id: 'undo-tools' });
    const names = (sheets: readonly string[]): string => sheets.join(t('common.list.separator'));

    const describe = (all: Ownership): void => {
      // KAM History is only added to: said on its own line, never among the sheets a build replaces.
      const { rest: o, history } = splitHistory(all);
      const lines: HTMLElement[] = [];
      if (o.create.length) lines.push(el('p', { text: t('wizard.build.creates', { sheets: names(o.create) }) }));
      if (o.update.length) lines.push(el('p', { text: t('wizard.build.replaces', { sheets: names(o.update) }) }));
      if (o.retire.length) lines.push(el('p', { text: t('wizard.build.retires', { sheets: names(o.retire) }) }));
      if (history) lines.push(el('p', { id: 'history-line', text: t('history.buildAppend', { sheet: HISTORY_SHEET, existing: history === 'existing' ? 'yes' : 'no' }) }));
      if (o.conflicts.length) lines.push(el('p', { class: 'error-text', text: t('wizard.build.conflicts', { count: o.conflicts.length, sheets: o.conflicts.map((n) => `"${n}"`).join(t('common.list.separator')) }) }));
      preview.replaceChildren(...lines);
      build.textContent = o.update.length ? t('wizard.build.rebuild', { count: o.update.length }) : t('wizard.build.button');
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
        preview.replaceChildren(el('p', { text: friendly(error, t) }));
      }
    };

    const doBuild = async (): Promise<string> => {
      confirm.hidden = true;
      const done = await this.session.build((p) => {
        if (action.progress) {
          action.progress.max = p.steps;
          action.progress.value = p.step;
        }
        action.say(t('wizard.build.progress', { label: p.label }));
      });
      result.replaceChildren(
        el('p', { text: t('wizard.build.done', { created: done.created.length, updated: done.updated.length, names: done.names, chart: done.chart ? 'yes' : 'no' }) }),
        el('p', { text: t('wizard.build.formulas', { host }) }),
        el('p', { id: 'undo-note', text: done.oneUndoStep ? t('wizard.build.undoExcel') : t('wizard.build.undoRemove') }),
        ...done.notes.map((n) => el('p', { class: 'hint', text: n })),
      );
      await refresh();
      return t('wizard.build.built');
    };

    // Building looks at the workbook again first (someone may have added or built sheets since); replacing
    // sheets waits for the user's yes.
    build.addEventListener('click', () => void this.act(action, t('wizard.build.checking'), async () => {
      const o = splitHistory(await check()).rest;
      if (!o.update.length) return doBuild();
      const yes = el('button', { type: 'button', id: 'confirm-build', class: 'primary', text: t('wizard.build.confirm', { count: o.update.length }) });
      const no = el('button', { type: 'button', id: 'cancel-build', text: t('wizard.cancel') });
      confirm.replaceChildren(
        el('p', { text: t('wizard.build.confirmText', { sheets: names(o.update), hasRetire: o.retire.length ? 'yes' : 'no', retire: names(o.retire) }) }),
        el('div', { class: 'action-line' }, yes, no),
      );
      confirm.hidden = false;
      yes.addEventListener('click', () => void this.act(action, t('wizard.build.building'), doBuild));
      no.addEventListener('click', () => {
        confirm.hidden = true;
        action.say('');
        build.focus();
      });
      return t('wizard.build.waiting');
    }).then(() => {
      if (!confirm.hidden) confirm.querySelector<HTMLButtonElement>('#confirm-build')?.focus();
    }));

    this.body.append(el('p', { text: t('wizard.build.intro') }), preview, action.row, confirm, result, undo, rewriteTool(this, host));
    void refresh();
  }

  /** "Remove what the wizard built": its marked sheets and named ranges, after saying which and asking. */
  private removeTool(after: (said: string) => Promise<void>): HTMLElement {
    const t = this.t;
    const remove = el('button', { type: 'button', id: 'remove-button', text: t('wizard.remove.button') });
    const action = this.actionRow(remove);
    const confirm = el('div', { id: 'remove-confirm', class: 'confirm', hidden: true });
    remove.addEventListener('click', () => void (async () => {
      let sheets: string[];
      try {
        sheets = (await this.session.buildPreview()).update;
      } catch (error) {
        this.showError(friendly(error, t));
        return;
      }
      const yes = el('button', { type: 'button', id: 'confirm-remove', class: 'danger', text: t('wizard.remove.confirm', { count: sheets.length }) });
      const no = el('button', { type: 'button', id: 'cancel-remove', text: t('wizard.cancel') });
      confirm.replaceChildren(
        el('p', { text: t('wizard.remove.confirmText', { sheets: sheets.join(t('common.list.separator')), host: this.session.host.host }) }),
        el('div', { class: 'action-line' }, yes, no),
      );
      confirm.hidden = false;
      yes.addEventListener('click', () => void this.act(action, t('wizard.remove.removing'), async () => {
        confirm.hidden = true;
        const done = await this.session.removeBuilt();
        const said = done.sheets.length
          ? t('wizard.remove.done', { sheets: done.sheets.join(t('common.list.separator')), names: done.names })
          : t('wizard.remove.nothing', { names: done.names });
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
    return el('div', { class: 'card tools' }, el('h3', { text: t('wizard.remove.heading') }), action.row, confirm);
  }

  /** Exposed for the rewrite tool. */
  async rewrite(): Promise<string> {
    return describeRewrite(await this.session.host.rewriteFormulas(), this.t);
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
  const t = ui.t;
  const button = el('button', { type: 'button', id: 'rewrite-button', text: t('wizard.rewrite.button', { host }) });
  const row = ui.toolRow(button);
  const out = row.row.querySelector('.action-status') as HTMLElement;
  out.id = 'rewrite-result';
  button.addEventListener('click', () => void ui.runAction(row, ui.t('wizard.rewrite.running'), () => ui.rewrite()));
  return el('div', { class: 'card tools' }, el('h3', { text: t('wizard.rewrite.heading') }), el('p', { class: 'hint', text: t('wizard.rewrite.hint') }), row.row);
}
