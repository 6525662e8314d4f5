// The wizard's screens: seven steps over WizardSession, keyboard-usable, every data text as text.
import { ROLE_LABELS } from '../../src/core/ingest';
import type { ColumnRole } from '../../src/core/ingest';
import { matrixSvg } from '../../src/core/workbook/matrix-chart';
import { DEFAULT_STAGE_STRENGTH, STAGES } from '../../src/core/model/model';
import { BEHAVIOUR_SIGNALS, DEFAULT_BEHAVIOUR_WEIGHTS } from '../../src/core/model/behaviour';
import { firstNotes, userNotes } from '../../src/core/portfolio/notes';
import { describeRewrite, type RegionScope } from '../../src/core/workbook/plan';
import { el, field, numberInput, select, svgNode, uid } from './dom';
import { moreBelowMessage, rolesFor, WizardSession } from './session';

const STEP_TITLES = [
  '1. Customer data',
  '2. Columns',
  '3. Attractiveness',
  '4. Relative strength',
  '5. Capacity',
  '6. Review',
  '7. Build',
];

const fmt = (x: number | null | undefined, digits = 1): string => (typeof x === 'number' && Number.isFinite(x) ? String(Math.round(x * 10 ** digits) / 10 ** digits) : '–');

/** Words for an error a sales-ops user can act on. */
export function friendly(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && (error.name === 'WorkbookError' || error.name === 'ModelSheetError' || error.name === 'ModelError')) return message;
  return `Something went wrong while talking to the spreadsheet: ${message}. Nothing was changed unless the build step said so; try again.`;
}

export class WizardUi {
  step = 0;
  private readonly root: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly body: HTMLElement;
  private readonly alert: HTMLElement;
  private readonly back: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly status: HTMLElement;
  private busy = false;

  constructor(container: HTMLElement, readonly session: WizardSession) {
    this.heading = el('h2', { id: 'step-title', tabindex: '-1' });
    this.body = el('div', { id: 'step-body' });
    this.alert = el('div', { id: 'wizard-alert', role: 'alert', class: 'alert' });
    this.status = el('p', { id: 'wizard-status', role: 'status', class: 'status' });
    this.back = el('button', { type: 'button', id: 'back-button', text: 'Back' });
    this.next = el('button', { type: 'button', id: 'next-button', class: 'primary', text: 'Next' });
    this.back.addEventListener('click', () => this.go(this.step - 1));
    this.next.addEventListener('click', () => this.go(this.step + 1));
    const progress = el('p', { id: 'step-count', class: 'hint' });
    this.root = el('section', { id: 'wizard', 'aria-labelledby': 'step-title' }, progress, this.heading, this.alert, this.body, this.status, el('nav', { class: 'nav', 'aria-label': 'Wizard steps' }, this.back, this.next));
    container.append(this.root);
  }

  async start(): Promise<void> {
    try {
      const opened = await this.session.open();
      if (opened.problem) this.showError(opened.problem);
      this.render(opened.reopened ? 'Settings read back from the KAM Model sheet: check each step, then build to update.' : '');
    } catch (error) {
      this.showError(friendly(error));
      this.render();
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
    if (step > this.step) {
      const problem = this.blocker();
      if (problem) {
        this.showError(problem);
        return;
      }
    }
    this.step = step;
    this.render();
  }

  /** Why the user cannot move on from this step yet, in their words. */
  private blocker(): string {
    const s = this.session;
    if (this.step <= 1) {
      if (!s.state.ingest) return 'Read your customer data first: select a cell inside your customer table and choose "Read the data".';
      if (s.state.ingest.errors.length) return s.state.ingest.errors.map((e) => e.message).join(' ');
    }
    if (this.step === 2) {
      const m = s.model();
      if (!m.factors.length) return 'Add at least one attractiveness factor.';
      if (!m.factors.some((f) => f.weight > 0)) return 'Give at least one factor some points.';
      const bad = m.factors.find((f) => !(Number.isFinite(f.worst) && Number.isFinite(f.best)) || f.worst === f.best);
      if (bad) return `Factor "${bad.name}": give a worst and a best value that differ.`;
      const log = m.factors.find((f) => f.scale === 'log' && !(f.worst > 0 && f.best > 0));
      if (log) return `Factor "${log.name}" is on a log scale: give a worst and a best value above 0, or choose a linear scale.`;
    }
    if (this.step === 4 && !(s.model().capacity.days > 0)) return 'Enter the team days a year available for key accounts (more than 0).';
    return '';
  }

  render(notice = ''): void {
    this.showError('');
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
      this.showError(friendly(error));
    }
    this.heading.focus();
  }

  private async task(label: string, work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.setStatus(label);
    this.next.disabled = this.back.disabled = true;
    try {
      await work();
    } catch (error) {
      this.showError(friendly(error));
    } finally {
      this.busy = false;
      this.next.disabled = false;
      this.back.disabled = this.step === 0;
    }
  }

  private summary(): HTMLElement {
    const s = this.session.state;
    const box = el('div', { id: 'data-summary', class: 'card' });
    if (!s.source || !s.ingest) return box;
    const ingest = s.ingest;
    const kind = ingest.kind === 'transactions' ? 'a transaction export (rolled up per account)' : 'a customer list (one row per account)';
    box.append(el('p', { text: `Sheet "${s.source.sheet}", ${s.source.range}: header row ${ingest.headerRow || 'not found'}, ${kind}, ${this.session.accounts().length} accounts.` }));
    const notes = firstNotes(userNotes(ingest), 6);
    if (notes.length) box.append(el('ul', { class: 'notes' }, ...notes.map((n) => el('li', { text: n }))));
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
    const summary = this.summary();
    const more = this.moreBelow();
    const afterRead = (): void => {
      this.body.querySelector('#data-summary')?.replaceWith(this.summary());
      this.body.querySelector('#more-below')?.replaceWith(this.moreBelow());
      const ingest = this.session.state.ingest!;
      if (ingest.errors.length) this.showError(ingest.errors.map((e) => e.message).join(' '));
      this.setStatus(ingest.errors.length ? '' : `Read ${this.session.accounts().length} accounts.`);
    };
    read.addEventListener('click', () => this.task('Reading the customer data…', async () => {
      const scope = (group.querySelector('input[name=scope]:checked') as HTMLInputElement).value as RegionScope;
      await this.session.pick(scope);
      afterRead();
    }));
    this.includeRest = () => this.task('Reading the rows below…', async () => {
      await this.session.includeRest();
      afterRead();
    });
    this.body.append(el('p', { text: 'Select a cell inside your customer table (or transaction export), then read it. Nothing in your sheets changes until the last step.' }), group, read, more, summary);
  }

  private includeRest: () => Promise<void> = async () => {};

  /** Step 1's offer when the data goes on below a blank row: never stop there silently. */
  private moreBelow(): HTMLElement {
    const box = el('div', { id: 'more-below' });
    const more = this.session.state.moreBelow;
    if (!more) return box;
    const include = el('button', { type: 'button', id: 'include-rest', text: `Include rows ${more.nextRow} to ${more.endRow}` });
    include.addEventListener('click', () => void this.includeRest());
    box.className = 'card warnings';
    box.setAttribute('role', 'status');
    box.append(el('p', { text: moreBelowMessage(more) }), include);
    return box;
  }

  private mapStep(): void {
    const ingest = this.session.state.ingest!;
    const columns = ingest.columns.map((c) => ({ value: c.header || c.letter, label: c.header ? `${c.letter}: ${c.header}` : `Column ${c.letter}` }));
    const current = this.session.state.mapping?.columns ?? {};
    const choice: Partial<Record<ColumnRole, string>> = {};
    const list = el('div', { class: 'roles' });
    const roles = rolesFor(ingest.kind);
    for (const role of roles) {
      const control = select([{ value: '', label: '(not used)' }, ...columns], current[role] ?? '');
      control.dataset.role = role;
      choice[role] = control.value;
      control.addEventListener('change', () => {
        choice[role] = control.value;
        try {
          const result = this.session.remap(choice);
          this.body.querySelector('#data-summary')?.replaceWith(this.summary());
          if (result.errors.length) this.showError(result.errors.map((e) => e.message).join(' '));
          else this.showError('');
        } catch (error) {
          this.showError(friendly(error));
        }
      });
      const label = ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role;
      list.append(field(label.charAt(0).toUpperCase() + label.slice(1), control));
    }
    this.body.append(el('p', { text: 'Check which column holds what. The guesses come from the headers; change any that are wrong.' }), list, this.summary());
  }

  private factorStep(): void {
    const model = this.session.model();
    const sources = this.session.factorSources();
    const total = el('p', { id: 'points-total', class: 'total', 'aria-live': 'polite' });
    const updateTotal = (): void => {
      const sum = model.factors.reduce((s, f) => s + (Number.isFinite(f.weight) ? f.weight : 0), 0);
      total.textContent = `Total: ${fmt(sum)} of 100 points${Math.abs(sum - 100) > 1e-9 ? ' (weights are shared out in proportion, so any total works)' : ''}.`;
    };
    const list = el('div', { id: 'factors' });
    const draw = (): void => {
      list.replaceChildren();
      model.factors.forEach((f, i) => {
        const box = el('fieldset', { class: 'card factor' }, el('legend', { text: f.name || `Factor ${i + 1}` }));
        const name = el('input', { type: 'text', value: f.name });
        name.addEventListener('input', () => { f.name = name.value; });
        const source = select(sources.map((s) => ({ value: s.source, label: s.label })), f.source);
        source.addEventListener('change', () => { f.source = source.value as typeof f.source; });
        const weight = numberInput(f.weight, { min: 0, 'data-weight': String(i) });
        weight.addEventListener('input', () => { f.weight = Number(weight.value); updateTotal(); });
        const lowerBetter = f.worst > f.best;
        const direction = select([{ value: 'higher', label: 'Higher is better' }, { value: 'lower', label: 'Lower is better' }], lowerBetter ? 'lower' : 'higher');
        const worst = numberInput(f.worst);
        const best = numberInput(f.best);
        worst.addEventListener('input', () => { f.worst = Number(worst.value); });
        best.addEventListener('input', () => { f.best = Number(best.value); });
        direction.addEventListener('change', () => {
          if ((direction.value === 'lower') !== (f.worst > f.best)) {
            [f.worst, f.best] = [f.best, f.worst];
            worst.value = String(f.worst);
            best.value = String(f.best);
          }
        });
        const remove = el('button', { type: 'button', text: `Remove ${f.name || 'factor'}` });
        remove.addEventListener('click', () => { model.factors.splice(i, 1); draw(); updateTotal(); });
        // Money spread over orders of magnitude reads best on a log scale (see docs/method.md).
        const scale = select([{ value: 'linear', label: 'Linear' }, { value: 'log', label: 'Log (equal ratios count the same; for money)' }], f.scale ?? 'linear');
        scale.addEventListener('change', () => {
          if (scale.value === 'log') f.scale = 'log';
          else delete f.scale;
        });
        box.append(field('Name', name), field('Data column', source), field('Weight (points of 100)', weight), field('Direction', direction), field('Worst value (scores 0)', worst), field('Best value (scores 10)', best), field('Scale', scale), remove);
        list.append(box);
      });
    };
    draw();
    updateTotal();
    const add = el('button', { type: 'button', id: 'add-factor', text: 'Add a factor' });
    add.addEventListener('click', () => {
      const first = sources[0];
      if (!first) return this.showError('There is no numeric column left to use as a factor.');
      model.factors.push({ name: first.label, source: first.source as never, weight: 10, worst: 0, best: 10 });
      draw();
      updateTotal();
    });
    this.body.append(el('p', { text: 'Choose 5-8 factors that say how much an account is worth to you over about three years. Do not over-weight current revenue: that is how "big names" get in.' }), list, add, total);
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
    const sourceSelect = (value: string, onChange: (v: string) => void): HTMLSelectElement => {
      const input = select(sources.map((x) => ({ value: x.source, label: x.label })), value);
      input.addEventListener('change', () => onChange(input.value));
      return input;
    };
    const draw = (): void => {
      detail.replaceChildren();
      const s = model.strength;
      if (s.kind === 'column') {
        detail.append(field('Strength column (1 = parity with the best rival)', sourceSelect(s.source, (v) => { s.source = v as typeof s.source; })));
      } else if (s.kind === 'ratings') {
        s.criteria.forEach((c, index) => {
          const name = el('input', { type: 'text', value: c.name }) as HTMLInputElement;
          name.addEventListener('input', () => { c.name = name.value; });
          const weight = numberInput(c.weight, { min: 0 });
          weight.addEventListener('input', () => { c.weight = Number(weight.value); });
          const remove = el('button', { type: 'button', text: `Remove ${c.name || 'criterion'}` });
          remove.addEventListener('click', () => { s.criteria.splice(index, 1); draw(); });
          detail.append(el('fieldset', { class: 'card' }, el('legend', { text: c.name || `Criterion ${index + 1}` }),
            field('Buying criterion', name),
            field('Your rating (column)', sourceSelect(c.yours, (v) => { c.yours = v as typeof c.yours; })),
            field("Best rival's rating (column)", sourceSelect(c.rival, (v) => { c.rival = v as typeof c.rival; })),
            field('Weight the customer gives it', weight),
            remove));
        });
        const add = el('button', { type: 'button', id: 'add-criterion', text: 'Add a criterion' });
        add.addEventListener('click', () => {
          s.criteria.push({ name: `Criterion ${s.criteria.length + 1}`, yours: sources[0].source as never, rival: (sources[1] ?? sources[0]).source as never, weight: 1 });
          draw();
        });
        detail.append(el('p', { class: 'hint', text: 'One pair of rating columns per buying criterion, as the customer rates you and your best rival (KAM_STRENGTH).' }), add);
      } else if (s.kind === 'behaviour') {
        detail.append(el('p', { class: 'hint', text: 'A proxy, not the customer\'s view: each account\'s place among your accounts on each signal, weighted, from 0.5 to 1.5 (1 is the middle relationship). Give a signal 0 points to leave it out.' }));
        for (const info of BEHAVIOUR_SIGNALS) {
          const input = numberInput(s.signals[info.signal], { min: 0, 'data-signal': info.signal });
          input.addEventListener('input', () => { s.signals[info.signal] = Number(input.value); });
          detail.append(field(info.label, input));
        }
      } else {
        for (const stage of [...new Set([...STAGES, ...Object.keys(s.byStage)])]) {
          const input = numberInput(s.byStage[stage] ?? s.unknown, { min: 0 });
          input.addEventListener('input', () => { s.byStage[stage] = Number(input.value); });
          detail.append(field(`${stage}`, input));
        }
        const unknown = numberInput(s.unknown, { min: 0 });
        unknown.addEventListener('input', () => { s.unknown = Number(unknown.value); });
        detail.append(field('Blank or other stage', unknown));
      }
      detail.append(this.stageMapping());
    };
    kind.addEventListener('change', () => {
      model.strength = kind.value === 'column'
        ? { kind: 'column', source: (sources[0]?.source ?? 'revenue') as never }
        : kind.value === 'ratings'
          ? { kind: 'ratings', criteria: [{ name: 'Criterion 1', yours: sources[0].source as never, rival: (sources[1] ?? sources[0]).source as never, weight: 1 }] }
          : kind.value === 'behaviour'
            ? { kind: 'behaviour', signals: { ...DEFAULT_BEHAVIOUR_WEIGHTS } }
            : { kind: 'stage', byStage: { ...DEFAULT_STAGE_STRENGTH }, unknown: 1 };
      draw();
    });
    draw();
    const cut = numberInput(typeof model.cuts.strength === 'number' ? model.cuts.strength : null, { min: 0 });
    cut.addEventListener('input', () => { model.cuts.strength = cut.value === '' ? 'median' : Number(cut.value); });
    const acut = numberInput(typeof model.cuts.attractiveness === 'number' ? model.cuts.attractiveness : null, { min: 0, max: 10 });
    acut.addEventListener('input', () => { model.cuts.attractiveness = acut.value === '' ? 'median' : Number(acut.value); });
    this.body.append(
      el('p', { text: 'Relative strength is how the customer sees you against your best rival; 1 is parity. With the customer\'s ratings of you and your best rival, use them; without, the relationship stage is a fair proxy.' }),
      field('Strength from', kind), detail,
      field('Strength cut (blank = the median)', cut), field('Attractiveness cut, 0-10 (blank = the median)', acut),
    );
  }

  /**
   * Every distinct stage value found in the data, with its count and a choice of the method's stage: nothing
   * the product cannot read is silently scored as average.
   */
  private stageMapping(): HTMLElement {
    const choices = this.session.stageChoices();
    const box = el('fieldset', { id: 'stage-mapping', class: 'card' }, el('legend', { text: 'Stage values in your data' }));
    if (!choices.length) return el('div', { id: 'stage-mapping' });
    const options = [...this.session.stageOptions().map((stage) => ({ value: stage, label: stage })), { value: '', label: '(not a stage)' }];
    const unread = choices.filter((c) => c.stage === null);
    box.append(el('p', { class: 'hint', text: unread.length
      ? `${unread.length} value${unread.length === 1 ? ' is' : 's are'} not read as a stage (${unread.map((c) => `"${c.value}"`).join(', ')}): choose the stage each one means.`
      : 'Each value found, and the stage it is read as. Change any that is wrong.' }));
    for (const choice of choices) {
      const control = select(options, choice.stage ?? '');
      control.dataset.stageValue = choice.value;
      control.addEventListener('change', () => this.session.mapStage(choice.value, control.value || null));
      box.append(field(`"${choice.value}" (${choice.accounts} account${choice.accounts === 1 ? '' : 's'})`, control));
    }
    return box;
  }

  private capacityStep(): void {
    const model = this.session.model();
    const result = el('div', { id: 'capacity-result', class: 'card', 'aria-live': 'polite' });
    const update = (): void => {
      result.replaceChildren();
      try {
        const p = this.session.portfolio();
        const count = p.selection.chosen.length;
        result.append(el('p', { id: 'key-count', text: `That allows ${count} key account${count === 1 ? '' : 's'} (${fmt(p.selection.totalCost)} of ${fmt(model.capacity.days)} team days).` }));
        const warnings = p.warnings.filter((w) => w.code === 'too-many-key-accounts' || w.code === 'too-many-per-manager' || w.code === 'no-selection');
        if (warnings.length) result.append(el('ul', { class: 'warnings' }, ...warnings.map((w) => el('li', { text: w.message }))));
      } catch (error) {
        result.append(el('p', { text: friendly(error) }));
      }
    };
    const days = numberInput(model.capacity.days, { min: 0, id: 'team-days' });
    days.addEventListener('input', () => { model.capacity.days = Number(days.value); update(); });
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
    const costs = el('fieldset', {}, el('legend', { text: 'Team days a year per key account, by stage (when costs are by stage)' }));
    for (const stage of Object.keys(model.capacity.costByStage)) {
      const input = numberInput(model.capacity.costByStage[stage], { min: 0 });
      input.addEventListener('input', () => { model.capacity.costByStage[stage] = Number(input.value); update(); });
      costs.append(field(stage, input));
    }
    const other = numberInput(model.capacity.otherwise, { min: 0 });
    other.addEventListener('input', () => { model.capacity.otherwise = Number(other.value); update(); });
    const otherField = field('Days a year per key account (each account when the same for all; else one with no stage or effort)', other);
    this.body.append(
      el('p', { text: 'Every key account takes team time. The wizard picks the most attractive accounts the days allow; it trades days off only when they really differ (your effort column, or days by stage you set).' }),
      field('Team days a year for key accounts', days), field('Choose key accounts by', by), field('Days per key account', costFrom), otherField, costs, result,
    );
    update();
  }

  private reviewStep(): void {
    const p = this.session.portfolio();
    const points = p.rows.map((r) => ({ account: r.account, attractiveness: r.attractiveness ?? NaN, strength: r.strength ?? NaN, revenue: r.revenue ?? 0, key: r.key }));
    const figure = el('figure', { class: 'matrix' }, svgNode(matrixSvg(points, { attractivenessCut: p.cuts.attractiveness, strengthCut: p.cuts.strength, width: 560, height: 420, title: 'Portfolio matrix' })));
    const chosen = p.selection.chosen.map((i) => p.rows[i]);
    // Each key account with its flags beside it: a loss-making Star the model lets in is shown as such.
    const list = el('ol', { id: 'key-accounts' }, ...chosen.map((r) => el('li', { text: `${r.account} — ${r.position ?? 'no position'}, attractiveness ${fmt(r.attractiveness)}${r.flags ? ` [${r.flags}]` : ''}` })));
    const flagged = p.rows.filter((r) => r.flags);
    const flags = el('ul', { id: 'flags' }, ...flagged.map((r) => el('li', { text: `${r.account}: ${r.flags}` })));
    const notes = firstNotes(userNotes({ errors: [], warnings: [], skippedRows: [] }, p.warnings), 12);
    const warnings = el('ul', { id: 'warnings', class: 'warnings' }, ...notes.map((w) => el('li', { text: w })));
    this.body.append(
      figure,
      el('h3', { text: `Key accounts (${chosen.length})` }), list,
      ...this.whyNotKey(p),
      el('h3', { text: 'Portfolio warnings' }), flagged.length ? flags : el('p', { text: 'No account is flagged as a big name, old friend or difficult customer.' }),
      ...(p.warnings.length ? [el('h3', { text: 'Check before building' }), warnings] : []),
    );
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
    const shown = left.slice(0, 15);
    const items = shown.map((r) => el('li', { text: `${r.account} (attractiveness ${fmt(r.attractiveness)}${r.flags ? `, ${r.flags}` : ''}): ${r.whyNotKey}` }));
    if (left.length > shown.length) items.push(el('li', { text: `… and ${left.length - shown.length} more: see "Why not key" on the KAM Portfolio sheet.` }));
    return [el('h3', { text: `Why not key (${left.length} more attractive than the weakest key account)` }), el('ul', { id: 'why-not-key' }, ...items)];
  }

  private buildStep(): void {
    const host = this.session.host.host;
    const progress = el('progress', { id: 'build-progress', max: 1, value: 0, 'aria-label': 'Build progress' });
    const result = el('div', { id: 'build-result', class: 'card' });
    const build = el('button', { type: 'button', id: 'build-button', class: 'primary', text: 'Build the portfolio' });
    build.addEventListener('click', () => this.task('Building…', async () => {
      const done = await this.session.build((p) => {
        progress.max = p.steps;
        progress.value = p.step;
        this.setStatus(`${p.label}…`);
      });
      result.replaceChildren(
        el('p', { text: `Done: ${done.created.length} sheet${done.created.length === 1 ? '' : 's'} created, ${done.updated.length} updated, ${done.names} named ranges${done.chart ? ', matrix chart drawn' : ''}.` }),
        el('p', { text: `Formulas use the ${host === 'excel' ? 'Excel names (KAM.SCORE, …)' : 'Google Sheets names (KAM_SCORE, …)'}. Your own sheets were not changed.` }),
        ...done.notes.map((n) => el('p', { class: 'hint', text: n })),
      );
      this.setStatus('The portfolio is built.');
    }));
    this.body.append(
      el('p', { text: 'Building writes four sheets: KAM Model (every setting, with named ranges), KAM Portfolio (live formulas over your data), Key accounts and KAM Rewards, plus a bubble chart. Running it again updates them in place; your own sheets are never changed.' }),
      build, progress, result, rewriteTool(this, host),
    );
  }

  /** Exposed for the rewrite tool. */
  async rewrite(): Promise<string> {
    return describeRewrite(await this.session.host.rewriteFormulas());
  }

  runTask(label: string, work: () => Promise<void>): Promise<void> {
    return this.task(label, work);
  }
}

/** Moving between hosts: rewrite every KAM formula in the workbook for the one it is open in. */
export function rewriteTool(ui: WizardUi, host: 'excel' | 'sheets'): HTMLElement {
  const out = el('p', { id: 'rewrite-result', role: 'status' });
  const button = el('button', { type: 'button', id: 'rewrite-button', text: host === 'excel' ? 'Rewrite KAM formulas for Excel' : 'Rewrite KAM formulas for Google Sheets' });
  button.addEventListener('click', () => ui.runTask('Rewriting formulas…', async () => { out.textContent = await ui.rewrite(); }));
  return el('div', { class: 'card tools' }, el('h3', { text: 'Workbook moved from the other spreadsheet?' }), el('p', { class: 'hint', text: 'Excel spells the functions KAM.SCORE, Google Sheets KAM_SCORE. This rewrites every formula in the workbook for this one.' }), button, out);
}
