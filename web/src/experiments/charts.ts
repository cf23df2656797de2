import type { VariantResult } from '../types';

// Vega-Lite specifications (plain data, no code): outcome shares with Wilson intervals, and the length of the close
// siege. Kept separate from the renderer so they can be tested without a browser.

const OUTCOME_COLOURS = { domain: ['lifted', 'fallen', 'negotiated', 'undecided'], range: ['#4f7a45', '#b3261e', '#c08a1e', '#8a8a8a'] };

export function outcomeSpec(variants: VariantResult[]): Record<string, unknown> {
  const values = variants.flatMap((v) => v.outcomes.map((o) => ({ variant: v.name, outcome: o.outcome, share: o.share, low: o.low, high: o.high, count: o.count, runs: v.runs })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Share of runs ending in each outcome, with Wilson 95 % intervals',
    data: { values },
    width: 'container',
    height: { step: 14 },
    encoding: {
      y: { field: 'outcome', type: 'nominal', title: null, sort: OUTCOME_COLOURS.domain },
      yOffset: { field: 'variant', type: 'nominal', sort: variants.map((v) => v.name) },
    },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'share', type: 'quantitative', title: 'share of runs', axis: { format: '.0%', tickCount: 5 }, scale: { domain: [0, 1] } },
          color: { field: 'variant', type: 'nominal', title: 'variant', sort: variants.map((v) => v.name) },
          tooltip: [
            { field: 'variant' }, { field: 'outcome' }, { field: 'count', title: 'runs' },
            { field: 'share', format: '.1%' }, { field: 'low', format: '.1%', title: '95 % low' }, { field: 'high', format: '.1%', title: '95 % high' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#222' },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
    ],
    config: { font: 'DejaVu Sans, sans-serif', view: { stroke: null } },
  };
}

export function durationSpec(variants: VariantResult[]): Record<string, unknown> {
  const values = variants.flatMap((v) => v.closeSiegeDays.histogram.map((b) => ({ variant: v.name, days: b.days, share: v.runs ? b.count / v.runs : 0, count: b.count })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Days of close siege, share of runs',
    data: { values },
    width: 'container',
    height: 180,
    mark: { type: 'bar', tooltip: true, opacity: 0.75 },
    encoding: {
      x: { field: 'days', type: 'ordinal', title: 'days of close siege' },
      xOffset: { field: 'variant', type: 'nominal', sort: variants.map((v) => v.name) },
      y: { field: 'share', type: 'quantitative', title: 'share of runs', axis: { format: '.0%' } },
      color: { field: 'variant', type: 'nominal', title: 'variant', sort: variants.map((v) => v.name) },
      tooltip: [{ field: 'variant' }, { field: 'days' }, { field: 'count', title: 'runs' }, { field: 'share', format: '.1%' }],
    },
    config: { font: 'DejaVu Sans, sans-serif', view: { stroke: null } },
  };
}

/** Renders a spec as SVG with the CSP-safe expression interpreter (no eval). Loaded lazily: Vega is large. */
export async function renderChart(el: HTMLElement, spec: Record<string, unknown>): Promise<void> {
  const [{ default: embed }, { expressionInterpreter }] = await Promise.all([import('vega-embed'), import('vega-interpreter')]);
  await embed(el, spec as never, { renderer: 'svg', actions: false, ast: true, expr: expressionInterpreter, defaultStyle: false });
}
