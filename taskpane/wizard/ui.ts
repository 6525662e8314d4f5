// The wizard's screens: seven steps over WizardSession, keyboard-usable, every data text as text.
import { ROLE_LABELS } from '../../src/core/ingest';
import type { ColumnRole } from '../../src/core/ingest';
import { matrixSvg } from '../../src/core/workbook/matrix-chart';
import { DEFAULT_STAGE_STRENGTH, STAGES } from '../../src/core/model/model';
import { describeRewrite, type RegionScope } from '../../src/core/workbook/plan';
import { el, field, numberInput, select, svgNode, uid } from './dom';
import { MAPPED_ROLES, WizardSession } from './session';

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
    const notes = [...ingest.errors, ...ingest.warnings].slice(0, 6);
    if (notes.length) box.append(el('ul', { class: 'notes' }, ...notes.map((n) => el('li', { text: n.message }))));
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
    read.addEventListener('click', () => this.task('Reading the customer data…', async () => {
      const scope = (group.querySelector('input[name=scope]:checked') as HTMLInputElement).value as RegionScope;
      await this.session.pick(scope);
      summary.replaceWith(this.summary());
      const ingest = this.session.state.ingest!;
      if (ingest.errors.length) this.showError(ingest.errors.map((e) => e.message).join(' '));
      this.setStatus(ingest.errors.length ? '' : `Read ${this.session.accounts().length} accounts.`);
    }));
    this.body.append(el('p', { text: 'Select a cell inside your customer table (or transaction export), then read it. Nothing in your sheets changes until the last step.' }), group, read, summary);
  }

  private mapStep(): void {
    const ingest = this.session.state.ingest!;
    const columns = ingest.columns.map((c) => ({ value: c.header || c.letter, label: c.header ? `${c.letter}: ${c.header}` : `Column ${c.letter}` }));
    const current = this.session.state.mapping?.columns ?? {};
    const choice: Partial<Record<ColumnRole, string>> = {};
    const list = el('div', { class: 'roles' });
    const roles = MAPPED_ROLES.filter((r) => ingest.kind === 'transactions' || (r !== 'orderId' && r !== 'date'));
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
        box.append(field('Name', name), field('Data column', source), field('Weight (points of 100)', weight), field('Direction', direction), field('Worst value (scores 0)', worst), field('Best value (scores 10)', best), remove);
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
    };
    kind.addEventListener('change', () => {
      model.strength = kind.value === 'column'
        ? { kind: 'column', source: (sources[0]?.source ?? 'revenue') as never }
        : kind.value === 'ratings'
          ? { kind: 'ratings', criteria: [{ name: 'Criterion 1', yours: sources[0].source as never, rival: (sources[1] ?? sources[0]).source as never, weight: 1 }] }
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
    const by = select([{ value: 'attractiveness', label: 'Attractiveness' }, { value: 'lifetimeValue', label: 'Lifetime value' }], model.capacity.value);
    by.addEventListener('change', () => { model.capacity.value = by.value as 'attractiveness' | 'lifetimeValue'; update(); });
    const costs = el('fieldset', {}, el('legend', { text: 'Team days a year per key account, by stage' }));
    for (const stage of Object.keys(model.capacity.costByStage)) {
      const input = numberInput(model.capacity.costByStage[stage], { min: 0 });
      input.addEventListener('input', () => { model.capacity.costByStage[stage] = Number(input.value); update(); });
      costs.append(field(stage, input));
    }
    const other = numberInput(model.capacity.otherwise, { min: 0 });
    other.addEventListener('input', () => { model.capacity.otherwise = Number(other.value); update(); });
    costs.append(field('Blank or other stage', other));
    this.body.append(
      el('p', { text: 'Every key account takes team time, and deeper relationships take more. The wizard picks the set that brings the most value within the days you have.' }),
      field('Team days a year for key accounts', days), field('Choose key accounts by', by), costs, result,
    );
    update();
  }

  private reviewStep(): void {
    const p = this.session.portfolio();
    const points = p.rows.map((r) => ({ account: r.account, attractiveness: r.attractiveness ?? NaN, strength: r.strength ?? NaN, revenue: r.revenue ?? 0, key: r.key }));
    const figure = el('figure', { class: 'matrix' }, svgNode(matrixSvg(points, { attractivenessCut: p.cuts.attractiveness, strengthCut: p.cuts.strength, width: 560, height: 420, title: 'Portfolio matrix' })));
    const chosen = p.selection.chosen.map((i) => p.rows[i]);
    const list = el('ol', { id: 'key-accounts' }, ...chosen.map((r) => el('li', { text: `${r.account} — ${r.position ?? 'no position'}, attractiveness ${fmt(r.attractiveness)}` })));
    const flagged = p.rows.filter((r) => r.flags);
    const flags = el('ul', { id: 'flags' }, ...flagged.map((r) => el('li', { text: `${r.account}: ${r.flags}` })));
    const warnings = el('ul', { id: 'warnings', class: 'warnings' }, ...p.warnings.map((w) => el('li', { text: w.message })));
    this.body.append(
      figure,
      el('h3', { text: `Key accounts (${chosen.length})` }), list,
      el('h3', { text: 'Portfolio warnings' }), flagged.length ? flags : el('p', { text: 'No account is flagged as a big name, old friend or difficult customer.' }),
      ...(p.warnings.length ? [el('h3', { text: 'Check before building' }), warnings] : []),
    );
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
