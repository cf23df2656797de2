import { describe, expect, it } from 'vitest';
import { maxRunsPerVariant, outsideCitedRange } from './experimentsPage';
import type { ScenarioDetail } from '../types';

const detail = {
  groups: [{ id: 'contingents.field-troops', side: 'roman', numbers: [{ path: 'contingents.field-troops.strength', key: 'strength', value: 12000, low: 10000, high: 15000 }] }],
} as unknown as ScenarioDetail;

describe('experiment limits', () => {
  it('shares the 20,000-run cap between the variants', () => {
    expect(maxRunsPerVariant(1, 20000)).toBe(20000);
    expect(maxRunsPerVariant(3, 20000)).toBe(6666);
    expect(maxRunsPerVariant(0, 20000)).toBe(20000);
    expect(maxRunsPerVariant(4, 1000)).toBe(250);
  });

  it('flags a custom value outside its cited range, and only that', () => {
    expect(outsideCitedRange(detail, { 'contingents.field-troops.strength': 6000 })).toEqual(['contingents.field-troops.strength']);
    expect(outsideCitedRange(detail, { 'contingents.field-troops.strength': 12000 })).toEqual([]);
    expect(outsideCitedRange(detail, { 'combat.law': 'square' })).toEqual([]);
  });
});
