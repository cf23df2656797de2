import { describe, expect, it } from 'vitest';
import type { Flotilla } from '../types';
import { comparison } from './compare';

const flotillas: Flotilla[] = [
  { id: 'roman-galleys', name: 'Galleys', side: 'roman', craft: 'galley', hulls: 40, station: 1, arrivalDay: 0 },
  { id: 'horn-monoxyla', name: 'Monoxyla', side: 'avar', craft: 'monoxylon', hulls: 400, station: 2, arrivalDay: 30 },
];
const replay = { seed: 626, flotillas };

describe('a second run beside the first', () => {
  it('runs another seed with the same figures', () => {
    expect(comparison('seed:627', replay, { 'a.b': 3 })).toEqual({ key: 'seed:627', seed: 627, overrides: { 'a.b': 3 }, label: 'Seed 627' });
  });

  it('sinks only the Roman fleet, keeping the other edits', () => {
    expect(comparison('no-fleet', replay, { 'a.b': 3 })?.overrides).toEqual({ 'a.b': 3, 'flotillas.roman-galleys.hulls': 0 });
    expect(comparison('no-fleet', { seed: 1, flotillas: flotillas.slice(1) }, {})).toBeUndefined();
  });

  it('compares edited figures with the scenario as written, and ignores what it does not know', () => {
    expect(comparison('written', replay, { 'a.b': 3 })).toMatchObject({ seed: 626, overrides: {} });
    expect(comparison('written', replay, {})).toBeUndefined();
    expect(comparison('seed:x', replay, {})).toBeUndefined();
    expect(comparison(null, replay, {})).toBeUndefined();
  });
});
