import { describe, expect, it } from 'vitest';
import type { OptionOdds, SiegeEvent } from '../types';
import { chance, chronicleEvents, grouped, headline, oddsSentence, optionsAt, percent, playerSides, reasonsText, roundMen } from './playText';

const odds = (o: Partial<OptionOdds>): OptionOdds => ({
  id: 'assault:blachernae', group: 'assault', label: 'Storm Blachernae today', target: 'blachernae',
  taken: 0.12, takenLow: 0.1, takenHigh: 0.14, lifted: 0, liftedLow: 0, liftedHigh: 0,
  ownLossMean: 1812, ownLossSd: 396, enemyLossMean: 240, enemyLossSd: 50, gain: 0, gainError: 0, aiChoice: false, ...o,
});

describe('odds in words', () => {
  it('says the chance with half its interval and the losses with their spread', () => {
    expect(oddsSentence(odds({}), 3)).toBe('city taken 12% ± 2% in the next 3 days, your losses 1,800 ± 400, theirs 240');
  });
  it('names one day and a lifted siege', () => {
    expect(oddsSentence(odds({ taken: 0, takenLow: 0, takenHigh: 0.2, lifted: 0.5, ownLossMean: 3, ownLossSd: 0 }), 1))
      .toBe('city taken 0% (at most 20%) in the next day, siege lifted 50%, your losses 3 ± 0, theirs 240');
  });
  it('gives the bound of a chance that never or always came up', () => {
    expect(chance(1, 0.81, 1)).toBe('100% (at least 81%)');
    expect(chance(0.5, 0.3, 0.7)).toBe('50% ± 20%');
  });
  it('rounds shares and men as a reader takes them in', () => {
    expect(percent(0.004)).toBe('<1%');
    expect(percent(0)).toBe('0%');
    expect(percent(0.996)).toBe('100%');
    expect(roundMen(1849)).toBe(1800);
    expect(roundMen(155)).toBe(160);
    expect(roundMen(37.4)).toBe(37);
  });
});

describe('choosing on the map', () => {
  const options = [
    { id: 'carry-on', group: 'carry on', label: 'Carry on' },
    { id: 'reinforce:blachernae', group: 'reinforce', label: 'Man Blachernae', target: 'blachernae' },
    { id: 'sortie:blachernae:250', group: 'sortie', label: 'Sortie 250', target: 'blachernae' },
    { id: 'reinforce:pempton', group: 'reinforce', label: 'Man the Pempton', target: 'pempton' },
  ];
  it('finds the options that act on a clicked zone', () => {
    expect(optionsAt(options, 'blachernae').map((o) => o.id)).toEqual(['reinforce:blachernae', 'sortie:blachernae:250']);
    expect(optionsAt(options, 'golden-horn')).toEqual([]);
  });
  it('groups options in the order their groups first appear', () => {
    expect(grouped(options).map(([g, list]) => [g, list.length])).toEqual([['carry on', 1], ['reinforce', 2], ['sortie', 1]]);
  });
});

describe('headings', () => {
  it('tells who commands', () => {
    expect(headline({ commanders: { roman: 'player', avar: 'ai' }, aiLevel: 2 })).toBe("You command the defenders against the AI's khagan's host (AI level 2)");
    expect(headline({ commanders: { roman: 'doctrine', avar: 'player' }, aiLevel: 0 })).toBe("You command the khagan's host against the defenders by their doctrine");
    expect(headline({ commanders: { roman: 'ai', avar: 'ai' }, aiLevel: 0 })).toBe('You watch: both sides by the AI (AI level 1)');
    expect(playerSides({ commanders: { roman: 'player', avar: 'player' } })).toEqual(['roman', 'avar']);
  });
  it('says why play stopped', () => {
    expect(reasonsText(['dawn', 'assault-began', 'something-new'])).toBe('dawn; an assault began; something new');
  });
  it('leaves the hourly fighting out of the chronicle', () => {
    const e = (kind: string) => ({ kind }) as SiegeEvent;
    expect(chronicleEvents([e('engagement'), e('assault-began'), e('wind-changed'), e('order-given')]).map((x) => x.kind)).toEqual(['assault-began', 'order-given']);
  });
});
