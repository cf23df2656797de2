import { api } from '../api';
import { h, problemList } from '../dom';
import { app, loadScenarios } from '../state';
import type { CitedNumber, NumberGroup, ScenarioDetail } from '../types';

const SIDES: [string, string][] = [
  ['roman', 'The Romans'],
  ['avar', 'The khagan and his allies'],
  ['persian', 'The Persians'],
  ['', 'Rules of the model'],
];

const RELIABILITY: Record<string, string> = {
  V: 'Read in the source',
  K: 'Standard scholarly figure',
  C: 'Contested',
  '': 'Not stated',
};

function step(n: CitedNumber): string {
  const decimals = Math.max(...[n.value, n.low ?? 0, n.high ?? 0].map((v) => (String(v).split('.')[1] ?? '').length));
  return decimals === 0 ? '1' : (10 ** -Math.min(decimals, 4)).toFixed(Math.min(decimals, 4));
}

function numberRow(n: CitedNumber): HTMLElement {
  const input = h('input', {
    type: 'number', value: String(app.overrides[n.path] ?? n.value), step: step(n), min: n.low, max: n.high,
    'aria-label': n.path, 'data-path': n.path, inputmode: 'decimal',
  });
  const refusal = h('small', { class: 'refused', role: 'status', id: `refused-${n.path}` });
  input.setAttribute('aria-describedby', refusal.id);
  const row = h('tr', { class: app.overrides[n.path] !== undefined ? 'changed' : '' },
    h('th', { scope: 'row' }, n.key.replaceAll('-', ' ')),
    h('td', {}, input, refusal),
    h('td', { class: 'range' }, n.low !== undefined && n.high !== undefined ? `${n.low.toLocaleString('en-GB')}–${n.high.toLocaleString('en-GB')}` : '—'),
    h('td', {}, h('span', { class: `badge rel-${n.reliability || 'none'}`, title: RELIABILITY[n.reliability] ?? '' }, n.reliability || '·')),
    h('td', { class: 'source' }, n.source ?? 'no source given', n.note ? h('small', { class: 'note' }, n.note) : null));
  input.addEventListener('change', () => {
    const typed = input.value.trim();
    const v = Number(typed);
    const outside = typed === '' || Number.isNaN(v) || (n.low !== undefined && v < n.low) || (n.high !== undefined && v > n.high);
    if (outside) {
      // Refused: the box goes back to the value in force, and says what was refused and why.
      const kept = app.overrides[n.path] ?? n.value;
      input.value = String(kept);
      const bounds = `${n.low?.toLocaleString('en-GB') ?? '…'}–${n.high?.toLocaleString('en-GB') ?? '…'}`;
      refusal.textContent = `${typed === '' || Number.isNaN(v) ? 'Not a number' : `${typed} is outside ${bounds}`}: kept ${kept.toLocaleString('en-GB')}.`;
      row.classList.add('refused-row');
      return;
    }
    refusal.textContent = '';
    row.classList.remove('refused-row');
    if (v === n.value) delete app.overrides[n.path];
    else app.overrides[n.path] = v;
    row.classList.toggle('changed', app.overrides[n.path] !== undefined);
    document.dispatchEvent(new CustomEvent('overrides-changed'));
  });
  return row;
}

function groupCard(g: NumberGroup): HTMLElement {
  return h('section', { class: `card group side-${g.side ?? 'none'}` },
    h('h3', {}, g.title),
    h('table', { class: 'numbers' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Figure'), h('th', {}, 'Value'), h('th', {}, 'Range'), h('th', {}, 'Rel.'), h('th', {}, 'Source'))),
      h('tbody', {}, ...g.numbers.map(numberRow))));
}

export async function scenarioPage(root: HTMLElement): Promise<void> {
  root.replaceChildren(h('p', { class: 'loading' }, 'Loading the scenario…'));
  let detail: ScenarioDetail;
  try {
    await loadScenarios();
    detail = await api.scenario(app.scenario);
  } catch (e) {
    root.replaceChildren(problemList(e));
    return;
  }

  const picker = h('select', { 'aria-label': 'Scenario' }, ...app.scenarios.map((s) => h('option', { value: s.id, selected: s.id === app.scenario }, s.name)));
  picker.addEventListener('change', () => {
    app.scenario = picker.value;
    app.overrides = {};
    void scenarioPage(root);
  });
  const seed = h('input', { type: 'number', min: 0, step: 1, value: String(app.seed), 'aria-label': 'Seed', class: 'seed' });
  seed.addEventListener('change', () => (app.seed = Math.max(0, Math.floor(Number(seed.value) || 0))));
  const changed = h('span', { class: 'changed-count' });
  const showChanged = () => {
    const n = Object.keys(app.overrides).length;
    changed.textContent = n ? `${n} figure${n === 1 ? '' : 's'} changed` : 'as written';
  };
  showChanged();
  document.addEventListener('overrides-changed', showChanged);
  const reset = h('button', { type: 'button', class: 'secondary' }, 'Reset');
  reset.addEventListener('click', () => {
    app.overrides = {};
    void scenarioPage(root);
  });
  const run = h('button', { type: 'button', class: 'primary', id: 'run-siege' }, 'Run this siege ▸');
  run.addEventListener('click', () => (location.hash = '#/replay'));

  const filter = h('input', { type: 'search', placeholder: 'Filter figures (e.g. strength, galleys)', 'aria-label': 'Filter figures' });
  const columns = h('div', { class: 'sides' });
  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    columns.replaceChildren(...SIDES.map(([side, title]) => {
      const groups = detail.groups
        .filter((g) => (g.side ?? '') === side)
        .map((g) => ({ ...g, numbers: g.numbers.filter((n) => !q || n.path.toLowerCase().includes(q) || g.title.toLowerCase().includes(q)) }))
        .filter((g) => g.numbers.length > 0);
      return groups.length ? h('div', { class: `side side-${side || 'none'}` }, h('h2', {}, title), ...groups.map(groupCard)) : '';
    }));
  };
  filter.addEventListener('input', draw);
  draw();

  const total = detail.groups.reduce((a, g) => a + g.numbers.length, 0);
  root.replaceChildren(
    h('section', { class: 'page-head' },
      h('div', {},
        h('h1', {}, detail.name),
        h('p', { class: 'lede' }, `${total} figures, each with its source, reliability (V read in the source, K standard, C contested) and the range a run may use. Change any within its range, then run.`)),
      h('div', { class: 'toolbar' }, picker, h('label', {}, 'Seed ', seed), changed, reset, run)),
    filter,
    columns);
}
