import { describe, expect, it } from 'vitest';
import { eventTone, explainEvent, fieldLabel, percentOf10000 } from './events';
import type { SiegeEvent } from './types';
import { parseOverrides, presets } from './experiments/experimentsPage';
import { outcomeSpec } from './experiments/charts';
import type { ScenarioDetail } from './types';

const sunk: SiegeEvent = {
  index: 7, hour: 942, date: '7 August 626, 06:00', kind: 'boats-sunk', zone: 12, zoneName: 'Upper Golden Horn',
  actor: 'Monoxyla in the Golden Horn', other: 'Slav canoe crews', values: { boatsLost: 64, menKilled: 576, menCaptured: 64 },
  odds: 9700, roll: 2418, text: 'Roman ships fall on the monoxyla.', major: true,
};

describe('event rendering', () => {
  it('explains a dice-decided event with inputs, odds and roll', () => {
    const x = explainEvent(sunk);
    expect(x.title).toBe(sunk.text);
    expect(x.when).toBe('7 August 626, 06:00');
    expect(x.rows).toContainEqual(['where', 'Upper Golden Horn']);
    expect(x.rows).toContainEqual(['who', 'Monoxyla in the Golden Horn']);
    expect(x.rows).toContainEqual(['against', 'Slav canoe crews']);
    expect(x.rows).toContainEqual(['boats lost', '64']);
    expect(x.rows).toContainEqual(['odds', '97 %']);
    expect(x.rows).toContainEqual(['roll', '24.2 %']);
    expect(x.verdict).toBe('The dice fell 24.2 % under odds of 97 %: it happened.');
  });

  it('says when the roll missed and when no dice were involved', () => {
    expect(explainEvent({ ...sunk, roll: 9800 }).verdict).toBe('The dice fell 98 %, not under odds of 97 %.');
    const ruled = explainEvent({ ...sunk, odds: -1, roll: -1, values: {}, zoneName: undefined, actor: undefined, other: undefined });
    expect(ruled.rows).toEqual([]);
    expect(ruled.verdict).toBe('Decided by the rules, not by the dice.');
  });

  it('labels fields for people', () => {
    expect(fieldLabel('assaultAttackerLosses')).toBe('assault attacker losses');
    expect(fieldLabel('moralePermille')).toBe('morale (‰)');
    expect(fieldLabel('effectiveRatioPercent')).toBe('effective ratio (%)');
    expect(percentOf10000(1234)).toBe('12.3 %');
    expect(percentOf10000(5000)).toBe('50 %');
  });

  it('colours naval, besieger and defender events apart', () => {
    expect(eventTone('boats-sunk')).toBe('naval');
    expect(eventTone('assault-began')).toBe('avar');
    expect(eventTone('assault-repulsed')).toBe('roman');
    expect(eventTone('persians-ferried')).toBe('persian');
    expect(eventTone('something-new')).toBe('neutral');
  });
});

describe('experiment variants', () => {
  const detail: ScenarioDetail = {
    id: 's', name: 'S', file: 's.yaml', scenarioHash: 'x',
    groups: [
      { id: 'flotillas.roman-galleys', title: 'Galleys', side: 'roman', numbers: [{ path: 'flotillas.roman-galleys.hulls', key: 'hulls', value: 40, reliability: 'K', low: 0, high: 100, line: 1 }] },
      { id: 'flotillas.light', title: 'Light craft', side: 'roman', numbers: [{ path: 'flotillas.light.hulls', key: 'hulls', value: 20, reliability: 'K', low: 10, high: 40, line: 2 }] },
      { id: 'contingents.field', title: 'Field troops', side: 'roman', numbers: [{ path: 'contingents.field.strength', key: 'strength', value: 12000, reliability: 'V', low: 5000, high: 15000, line: 3 }] },
      { id: 'contingents.horse', title: 'Horse', side: 'avar', numbers: [{ path: 'contingents.horse.strength', key: 'strength', value: 20000, reliability: 'C', line: 4 }] },
    ],
  };

  it('builds the no-fleet and half-garrison presets, saying when a value leaves its range', () => {
    const [asWritten, fleet, garrison] = presets(detail);
    expect(asWritten.overrides).toEqual({});
    expect(fleet.name).toBe('no Roman fleet');
    expect(fleet.overrides).toEqual({ 'flotillas.roman-galleys.hulls': 0, 'flotillas.light.hulls': 0 });
    expect(fleet.note).toContain('counterfactual');
    expect(garrison.name).toBe('half garrison');
    expect(garrison.overrides).toEqual({ 'contingents.field.strength': 6000 });
    expect(garrison.note).not.toContain('counterfactual');
  });

  it('reads path=value lines', () => {
    expect(parseOverrides('a.b=3\n  c.d = 0.25 \nnot a line\ne.f=weakest\n')).toEqual({ 'a.b': 3, 'c.d': 0.25, 'e.f': 'weakest' });
  });

  it('charts every variant and outcome with its interval', () => {
    const spec = outcomeSpec([{ name: 'v', overrides: {}, runs: 10, outcomes: [{ outcome: 'lifted', count: 9, share: 0.9, low: 0.6, high: 0.98 }], closeSiegeDays: { mean: 0, p5: 0, median: 0, p95: 0, min: 0, max: 0, histogram: [] }, endDay: { mean: 0, p5: 0, median: 0, p95: 0, min: 0, max: 0, histogram: [] } }]);
    const values = (spec.data as { values: unknown[] }).values;
    expect(values).toEqual([{ variant: 'v', outcome: 'lifted', share: 0.9, low: 0.6, high: 0.98, count: 9, runs: 10 }]);
    expect(JSON.stringify(spec)).not.toContain('"expr"');
  });
});
