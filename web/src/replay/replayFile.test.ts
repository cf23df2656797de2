import { describe, expect, it } from 'vitest';
import { fileOverrides } from './replayFile';

describe('fileOverrides', () => {
  it('reads the numeric overrides of a replay file', () => {
    const text = JSON.stringify({ format: 1, scenario: 'constantinople-626', overrides: [{ path: 'contingents.garrison.strength', value: '14000' }, { path: 'combat.defender-lethality', value: '0.02' }] });
    expect(fileOverrides(text)).toEqual({ 'contingents.garrison.strength': 14000, 'combat.defender-lethality': 0.02 });
  });

  it('leaves out values that are no number and files that are no replay', () => {
    expect(fileOverrides(JSON.stringify({ overrides: [{ path: 'a', value: 'many' }, { path: 'b', value: '' }, { value: '3' }, null] }))).toEqual({});
    expect(fileOverrides('{{ not json')).toEqual({});
    expect(fileOverrides('null')).toEqual({});
    expect(fileOverrides(JSON.stringify({ overrides: 'none' }))).toEqual({});
  });
});
