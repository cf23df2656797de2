import { api, withToken } from '../api';
import { h, problemList } from '../dom';
import { formatHour } from '../replay/calendar';
import { app, ensureReplay, loadScenarios } from '../state';
import type { ExperimentResult, ExperimentStarted, Progress, Replay, ScenarioDetail } from '../types';
import { branchPresets, parseBranchQuery, variantName, type BranchQuery } from './branch';
import { durationSpec, outcomeSpec, renderChart } from './charts';

interface Preset { name: string; overrides: Record<string, number | string>; note: string }

/**
 * Ready-made variants found from the scenario's figures: no Roman fleet (every Roman flotilla at zero hulls) and half
 * the Roman garrison. Values outside a figure's cited range are counterfactuals: the loader accepts them with a
 * warning, and the note says so.
 */
export function presets(detail: ScenarioDetail): Preset[] {
  const out: Preset[] = [{ name: 'as written', overrides: {}, note: 'The scenario as cited.' }];
  const outside = (n: { low?: number; high?: number }, v: number) => (n.low !== undefined && v < n.low) || (n.high !== undefined && v > n.high);
  const describe = (pairs: [{ path: string; low?: number; high?: number }, number][]) =>
    pairs.map(([n, v]) => `${n.path} = ${v}`).join(', ') + (pairs.some(([n, v]) => outside(n, v)) ? ' (outside the cited range: a counterfactual)' : '');
  const romanHulls = detail.groups.filter((g) => g.side === 'roman' && g.id.startsWith('flotillas.'))
    .flatMap((g) => g.numbers.filter((n) => n.key === 'hulls'));
  if (romanHulls.length) {
    const pairs = romanHulls.map((n) => [n, 0] as [typeof n, number]);
    out.push({ name: 'no Roman fleet', overrides: Object.fromEntries(pairs.map(([n, v]) => [n.path, v])), note: describe(pairs) });
  }
  const garrison = detail.groups.filter((g) => g.side === 'roman' && g.id.startsWith('contingents.'))
    .flatMap((g) => g.numbers.filter((n) => n.key === 'strength'));
  if (garrison.length) {
    const pairs = garrison.map((n) => [n, Math.round(n.value / 2)] as [typeof n, number]);
    out.push({ name: 'half garrison', overrides: Object.fromEntries(pairs.map(([n, v]) => [n.path, v])), note: describe(pairs) });
  }
  return out;
}

/** Paths of the custom overrides whose value lies outside the figure's cited range (a counterfactual). */
export function outsideCitedRange(detail: ScenarioDetail, overrides: Record<string, number | string>): string[] {
  const numbers = new Map(detail.groups.flatMap((g) => g.numbers).map((n) => [n.path, n] as const));
  return Object.entries(overrides).filter(([path, v]) => {
    const n = numbers.get(path);
    return typeof v === 'number' && n !== undefined && ((n.low !== undefined && v < n.low) || (n.high !== undefined && v > n.high));
  }).map(([path]) => path);
}

/** The most runs per variant the site takes for this many variants (its cap, from /api/limits, counts every run of every variant). */
export function maxRunsPerVariant(variants: number, totalCap: number): number {
  return Math.max(1, Math.floor(totalCap / Math.max(1, variants)));
}

/** "path=value" lines into overrides; numbers stay numbers. */
export function parseOverrides(text: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const line of text.split('\n')) {
    const m = line.trim().match(/^([^=\s]+)\s*=\s*(.+)$/);
    if (!m) continue;
    const n = Number(m[2]);
    out[m[1]] = Number.isFinite(n) && m[2].trim() !== '' ? n : m[2].trim();
  }
  return out;
}

export async function experimentsPage(root: HTMLElement, query: URLSearchParams = new URLSearchParams()): Promise<() => void> {
  root.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  let detail: ScenarioDetail;
  let totalRuns = 20000;
  let maxVariants = 8;
  const branch = parseBranchQuery(query);
  let run: Replay | undefined;
  try {
    await loadScenarios();
    detail = await api.scenario(app.scenario);
    const limits = await api.limits();
    totalRuns = limits.maxRunsPerExperiment;
    maxVariants = limits.maxVariants;
    if (branch) {
      app.seed = branch.seed;
      run = await ensureReplay();
    }
  } catch (e) {
    root.replaceChildren(problemList(e));
    return () => undefined;
  }
  let source: EventSource | undefined;

  const choices = presets(detail);
  if (Object.keys(app.overrides).length) choices.push({ name: 'my edits', overrides: { ...app.overrides }, note: Object.entries(app.overrides).map(([k, v]) => `${k} = ${v}`).join(', ') });
  const boxes = choices.map((p, i) => {
    const box = h('input', { type: 'checkbox', checked: i < 3, 'data-variant': p.name });
    return { p, box, el: h('label', { class: 'variant' }, box, h('span', {}, h('strong', {}, p.name), h('small', {}, p.note))) };
  });
  const custom = h('textarea', { rows: 3, placeholder: 'Your own variant: one path=value per line, e.g.\ncombat.defender-lethality=0.05', 'aria-label': 'Custom variant' });
  const customNote = h('small', { class: 'custom-note', 'aria-live': 'polite' });
  custom.addEventListener('input', () => {
    const outside = outsideCitedRange(detail, parseOverrides(custom.value));
    customNote.textContent = outside.length ? `Outside the cited range (a counterfactual): ${outside.join(', ')}` : '';
  });
  const runs = h('input', { type: 'number', min: 1, max: totalRuns, step: 1, value: 500, 'aria-label': 'Runs per variant', id: 'runs' });
  const seed = h('input', { type: 'number', min: 0, step: 1, value: String(app.seed), 'aria-label': 'Master seed' });
  const launch = h('button', { type: 'button', class: 'primary', id: 'launch' }, 'Launch ▸');
  const bar = h('progress', { max: 100, value: 0, 'aria-label': 'Progress' });
  const status = h('span', { class: 'status', 'aria-live': 'polite' }, 'Ready.');
  const results = h('div', { class: 'results' });

  /** Follows an experiment's progress stream, then shows its results. */
  function follow(started: ExperimentStarted, button: HTMLButtonElement) {
    source = new EventSource(withToken(started.progress));
    source.addEventListener('progress', (ev) => {
      const p = JSON.parse((ev as MessageEvent<string>).data) as Progress;
      bar.value = p.percent;
      status.textContent = `${p.completed.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} runs (${p.percent} %)`;
      if (p.state !== 'running') {
        source?.close();
        button.disabled = false;
        if (p.state === 'done') void showResults(started.id, started.csv);
        else status.textContent = p.error ?? 'The experiment failed.';
      }
    });
    source.onerror = () => {
      if (source?.readyState === EventSource.CLOSED) button.disabled = false;
    };
  }

  launch.addEventListener('click', async () => {
    source?.close();
    const variants = boxes.filter((b) => b.box.checked).map((b) => ({ name: b.p.name, overrides: b.p.overrides }));
    const own = parseOverrides(custom.value);
    if (Object.keys(own).length) variants.push({ name: 'custom', overrides: own });
    if (!variants.length) {
      status.textContent = 'Pick at least one variant.';
      return;
    }
    const most = maxRunsPerVariant(variants.length, totalRuns);
    if (Number(runs.value) > most) {
      status.textContent = `At most ${most.toLocaleString('en-GB')} runs per variant with ${variants.length} variants (${totalRuns.toLocaleString('en-GB')} runs in all).`;
      return;
    }
    launch.disabled = true;
    results.replaceChildren();
    status.textContent = 'Starting…';
    try {
      follow(await api.startExperiment({ scenario: app.scenario, runs: Number(runs.value), seed: Number(seed.value), variants }), launch);
    } catch (e) {
      launch.disabled = false;
      status.textContent = '';
      results.replaceChildren(problemList(e));
    }
  });

  async function showResults(id: string, csv: string) {
    const r: ExperimentResult = await api.experiment(id);
    status.textContent = `Done: ${r.total.toLocaleString('en-GB')} runs.`;
    const outcomeChart = h('div', { class: 'chart', id: 'outcome-chart' });
    const durationChart = h('div', { class: 'chart', id: 'duration-chart' });
    const table = h('table', { class: 'results-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Variant'), h('th', {}, 'Runs'), ...['lifted', 'fallen', 'negotiated', 'undecided'].map((o) => h('th', {}, o)), h('th', {}, 'Close siege, days (median, 5–95 %)'))),
      h('tbody', {}, ...r.variants.map((v) => h('tr', {},
        h('th', { scope: 'row' }, v.name, v.counterfactual ? h('small', { class: 'counterfactual' }, ' counterfactual') : ''), h('td', {}, v.runs.toLocaleString('en-GB')),
        ...v.outcomes.map((o) => h('td', {}, `${(o.share * 100).toFixed(1)} %`, h('small', {}, ` ${(o.low * 100).toFixed(1)}–${(o.high * 100).toFixed(1)}`))),
        h('td', {}, `${v.closeSiegeDays.median} (${v.closeSiegeDays.p5}–${v.closeSiegeDays.p95})`)))));
    const ends = r.branch
      ? [h('h2', {}, `When the siege ended, branched at ${r.branch.atText}`),
        h('table', { class: 'results-table branch-ends', id: 'branch-ends' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Variant'), h('th', {}, '10 %'), h('th', {}, 'Median'), h('th', {}, '90 %'))),
          h('tbody', {}, ...r.branch.endDates.map((e) => h('tr', {}, h('th', { scope: 'row' }, e.variant), h('td', {}, e.p10), h('td', {}, e.median), h('td', {}, e.p90)))))]
      : [];
    results.replaceChildren(
      h('h2', {}, 'Outcomes'), h('p', { class: 'small' }, r.branch
        ? `Bars: share of runs; black lines: Wilson 95 % intervals. Every arm goes on from ${r.branch.atText} with the same dice, run for run.`
        : 'Bars: share of runs; black lines: Wilson 95 % intervals. Variants share seeds run by run.'),
      outcomeChart, table,
      ...ends,
      h('h2', {}, 'How long the close siege lasted'), durationChart,
      h('p', { class: 'toolbar' },
        h('a', { href: withToken(csv), download: `experiment-${id}.csv`, class: 'button secondary' }, 'Download every run (CSV)'),
        h('a', { href: withToken(csv.replace(/\.csv$/, '.parquet')), download: `experiment-${id}.parquet`, class: 'button secondary' }, 'Parquet')));
    await renderChart(outcomeChart, outcomeSpec(r.variants));
    await renderChart(durationChart, durationSpec(r.variants));
  }

  if (branch && run) {
    const setup = branchSetup(run, branch, totalRuns, maxVariants, bar, status, results, (started, button) => follow(started, button), () => source?.close());
    root.replaceChildren(
      h('section', { class: 'page-head' }, h('div', {},
        h('h1', {}, 'Branch a run'),
        h('p', { class: 'lede' }, `Go on from one hour of the run (seed ${run.seed}) many times, as it was and under your variants, with the same dice for every variant.`))),
      h('div', { class: 'experiment' }, setup, h('section', { class: 'card output' }, results)));
    return () => source?.close();
  }

  root.replaceChildren(
    h('section', { class: 'page-head' }, h('div', {},
      h('h1', {}, 'Experiments'),
      h('p', { class: 'lede' }, `Run ${detail.name} many times under each variant and compare the outcomes, with honest intervals.`))),
    h('div', { class: 'experiment' },
      h('section', { class: 'card setup' },
        h('h2', {}, 'Variants'), ...boxes.map((b) => b.el), custom, customNote,
        h('div', { class: 'toolbar' }, h('label', {}, 'Runs per variant ', runs), h('label', {}, 'Seed ', seed), launch),
        h('div', { class: 'progress-row' }, bar, status)),
      h('section', { class: 'card output' }, results)));
  return () => source?.close();
}

/** The branch form: where the run is branched, an editable list of variants (name and path=value lines), runs, launch. */
function branchSetup(run: Replay, branch: BranchQuery, totalRuns: number, maxVariants: number, bar: HTMLProgressElement, status: HTMLElement, results: HTMLElement,
  follow: (started: ExperimentStarted, button: HTMLButtonElement) => void, stop: () => void): HTMLElement {
  const list = h('div', { class: 'branch-variants', id: 'branch-variants' });
  const rows: { name: HTMLInputElement; text: HTMLTextAreaElement; el: HTMLElement }[] = [];
  const add = (name = '', text = '', note = '') => {
    const nameBox = h('input', { type: 'text', value: name, placeholder: 'variant name', 'aria-label': 'Variant name', class: 'branch-name', maxlength: 64 });
    const textBox = h('textarea', { rows: 2, placeholder: 'one path=value per line, e.g.\nnaval.intercept-by-day=0.4\norders.patrol.golden-horn-upper=0', 'aria-label': 'Variant values and orders', class: 'branch-set' });
    textBox.value = text;
    const remove = h('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove this variant' }, '×');
    const el = h('div', { class: 'branch-variant' }, h('div', { class: 'branch-row' }, nameBox, remove), textBox, note ? h('small', {}, note) : '');
    const row = { name: nameBox, text: textBox, el };
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      el.remove();
    });
    rows.push(row);
    list.append(el);
  };
  for (const p of branchPresets(run.zones)) add(p.name, p.text, p.note);
  const addButton = h('button', { type: 'button', class: 'secondary', id: 'branch-add' }, '+ Add a variant');
  addButton.addEventListener('click', () => add());
  const runs = h('input', { type: 'number', min: 1, max: totalRuns, step: 1, value: 500, 'aria-label': 'Runs per variant', id: 'branch-runs' });
  const launch = h('button', { type: 'button', class: 'primary', id: 'branch-launch' }, 'Run the branch ▸');
  launch.addEventListener('click', async () => {
    stop();
    const variants = rows.map((r) => ({ name: variantName(r.name.value), overrides: parseOverrides(r.text.value) })).filter((v) => v.name || Object.keys(v.overrides).length);
    const unnamed = variants.find((v) => !v.name || !Object.keys(v.overrides).length);
    if (unnamed) {
      status.textContent = 'Give every variant a name and at least one path=value line.';
      return;
    }
    if (variants.length + 1 > maxVariants) {
      status.textContent = `At most ${maxVariants - 1} variants beside the run as it was.`;
      return;
    }
    const most = maxRunsPerVariant(variants.length + 1, totalRuns);
    if (Number(runs.value) > most) {
      status.textContent = `At most ${most.toLocaleString('en-GB')} runs per variant with ${variants.length} variant${variants.length === 1 ? '' : 's'} and the run as it was (${totalRuns.toLocaleString('en-GB')} runs in all).`;
      return;
    }
    launch.disabled = true;
    results.replaceChildren();
    status.textContent = 'Starting…';
    try {
      follow(await api.startBranch({ scenario: app.scenario, seed: branch.seed, overrides: app.overrides, hour: branch.hour, runs: Number(runs.value), variants }), launch);
    } catch (e) {
      launch.disabled = false;
      status.textContent = '';
      results.replaceChildren(problemList(e));
    }
  });
  return h('section', { class: 'card setup branch-setup', id: 'branch-setup' },
    h('h2', {}, `Branch from ${formatHour(run.calendar, branch.hour)}`),
    h('p', { class: 'small' }, `Everything up to ${formatHour(run.calendar, branch.hour - 1)} is the run as the map showed it; from ${formatHour(run.calendar, branch.hour)} on, the run as it was (baseline) and each variant go on with the same dice, run for run. `,
      'A variant changes figures the run still uses (rates, odds, doctrine) or gives orders at that hour (orders.KIND.ZONE=VALUE); men and ships already on the field stay as they are.'),
    list, addButton,
    h('div', { class: 'toolbar' }, h('label', {}, 'Runs per variant ', runs), launch),
    h('div', { class: 'progress-row' }, bar, status),
    h('p', { class: 'small' }, h('a', { href: '#/experiments' }, 'Compare whole sieges instead')));
}
