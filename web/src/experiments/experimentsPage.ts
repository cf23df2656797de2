import { api, withToken } from '../api';
import { h, problemList } from '../dom';
import { app, loadScenarios } from '../state';
import type { ExperimentResult, Progress, ScenarioDetail } from '../types';
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

export async function experimentsPage(root: HTMLElement): Promise<() => void> {
  root.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  let detail: ScenarioDetail;
  let totalRuns = 20000;
  try {
    await loadScenarios();
    detail = await api.scenario(app.scenario);
    totalRuns = (await api.limits()).maxRunsPerExperiment;
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
      const started = await api.startExperiment({ scenario: app.scenario, runs: Number(runs.value), seed: Number(seed.value), variants });
      source = new EventSource(withToken(started.progress));
      source.addEventListener('progress', (ev) => {
        const p = JSON.parse((ev as MessageEvent<string>).data) as Progress;
        bar.value = p.percent;
        status.textContent = `${p.completed.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} runs (${p.percent} %)`;
        if (p.state !== 'running') {
          source?.close();
          launch.disabled = false;
          if (p.state === 'done') void showResults(started.id, started.csv);
          else status.textContent = p.error ?? 'The experiment failed.';
        }
      });
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) launch.disabled = false;
      };
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
    results.replaceChildren(
      h('h2', {}, 'Outcomes'), h('p', { class: 'small' }, 'Bars: share of runs; black lines: Wilson 95 % intervals. Variants share seeds run by run.'),
      outcomeChart, table,
      h('h2', {}, 'How long the close siege lasted'), durationChart,
      h('p', { class: 'toolbar' },
        h('a', { href: withToken(csv), download: `experiment-${id}.csv`, class: 'button secondary' }, 'Download every run (CSV)'),
        h('a', { href: withToken(csv.replace(/\.csv$/, '.parquet')), download: `experiment-${id}.parquet`, class: 'button secondary' }, 'Parquet')));
    await renderChart(outcomeChart, outcomeSpec(r.variants));
    await renderChart(durationChart, durationSpec(r.variants));
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
