import { describe, expect, it } from 'vitest';
import { branchLink, branchPresets, branchStart, parseBranchQuery, variantName } from './branch';

describe('branching the replay', () => {
  it('starts the arms at the hour after the one the map shows, while the run goes on', () => {
    expect(branchStart(942, 965)).toBe(943);
    expect(branchStart(963, 965)).toBe(964);
    expect(branchStart(964, 965)).toBeUndefined();
    expect(branchStart(0, 965)).toBe(1);
  });

  it('links to the experiments page with the hour and the seed', () => {
    expect(branchLink(942, 965, 626)).toBe('#/experiments?branch=943&seed=626');
    expect(branchLink(965, 965, 626)).toBe('#/experiments');
    expect(parseBranchQuery(new URLSearchParams('branch=943&seed=626'))).toEqual({ hour: 943, seed: 626 });
    expect(parseBranchQuery(new URLSearchParams('branch=943'))).toEqual({ hour: 943, seed: 626 });
    expect(parseBranchQuery(new URLSearchParams('branch=-1'))).toBeUndefined();
    expect(parseBranchQuery(new URLSearchParams('branch=9a'))).toBeUndefined();
    expect(parseBranchQuery(new URLSearchParams(''))).toBeUndefined();
  });

  it('turns any label into a variant name the engine accepts', () => {
    expect(variantName('No light craft!')).toBe('no-light-craft');
    expect(variantName('  --Slow   interception--')).toBe('slow-interception');
    expect(variantName('!!!')).toBe('');
    expect(variantName('x'.repeat(70)).length).toBe(64);
  });

  it('offers the light craft preset only where the Upper Golden Horn exists', () => {
    expect(branchPresets([{ id: 'golden-horn-upper' }]).map((p) => p.text)).toEqual(['orders.patrol.golden-horn-upper=0']);
    expect(branchPresets([{ id: 'city' }])).toEqual([]);
  });
});
