// Words and choices of the Play page, kept apart from the DOM so they can be tested.
import type { Game, OptionOdds, PlayOption, SiegeEvent } from '../types';

export const SIDE_NAMES: Record<string, string> = { roman: 'the defenders', avar: "the khagan's host" };
export const SIDE_TITLES: Record<string, string> = { roman: 'Defenders (Bonus and Sergius)', avar: 'The khagan' };

/** The other side. */
export function enemyOf(side: string): string {
  return side === 'roman' ? 'avar' : 'roman';
}

/** A share as a whole percentage ("12%"); below 1% and above 0 as "<1%". */
export function percent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** Men rounded as a reader takes them in: to 100 from 1,000, to 10 from 100, else whole. */
export function roundMen(n: number): number {
  const a = Math.abs(n);
  const step = a >= 1000 ? 100 : a >= 100 ? 10 : 1;
  return Math.round(n / step) * step;
}

export function men(n: number): string {
  return roundMen(n).toLocaleString('en-GB');
}

/**
 * The odds of an option in one sentence: "city taken 12% ± 2% in the next 3 days, your losses 1,800 ± 400".
 * The ± of the chance is half the width of its 95% interval; the ± of the losses their standard deviation.
 */
export function oddsSentence(o: OptionOdds, horizonDays: number): string {
  const days = horizonDays === 1 ? 'the next day' : `the next ${horizonDays} days`;
  const lifted = o.lifted > 0 ? `, siege lifted ${percent(o.lifted)}` : '';
  return `city taken ${chance(o.taken, o.takenLow, o.takenHigh)} in ${days}${lifted}, your losses ${men(o.ownLossMean)} ± ${men(o.ownLossSd)}, theirs ${men(o.enemyLossMean)}`;
}

/**
 * A sampled chance with its 95% interval: "12% ± 2%" (half the interval's width), or, when it never or always
 * happened in the samples (the interval leans to one side), the bound: "0% (at most 19%)", "100% (at least 81%)".
 */
export function chance(share: number, low: number, high: number): string {
  if (share <= 0) return `0% (at most ${percent(high)})`;
  if (share >= 1) return `100% (at least ${percent(low)})`;
  return `${percent(share)} ± ${percent((high - low) / 2)}`;
}

/** Options that act on a zone (a clicked sector or water zone), in the order the server lists them. */
export function optionsAt<T extends PlayOption>(options: readonly T[], zoneId: string): T[] {
  return options.filter((o) => o.target === zoneId);
}

/** Options grouped for the panel, groups in the order they first appear. */
export function grouped<T extends PlayOption>(options: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const o of options) {
    const list = groups.get(o.group) ?? [];
    list.push(o);
    groups.set(o.group, list);
  }
  return [...groups];
}

const REASONS: Record<string, string> = {
  start: 'the siege begins', resumed: 'resumed from a save', dawn: 'dawn', dusk: 'dusk', end: 'the siege is over',
  'assault-began': 'an assault began', 'wall-seized': 'a wall was seized', 'signal-learned': 'the signal is known',
  'envoys-intercepted': 'envoys were caught', 'boats-sunk': 'boats were sunk', 'embassy-received': 'an embassy came',
};

/** Why play stopped here, in words: "dawn; an assault began". */
export function reasonsText(reasons: readonly string[]): string {
  return reasons.map((r) => REASONS[r] ?? r.replaceAll('-', ' ')).join('; ');
}

/** Who commands what, in a heading: "You command the defenders against the khagan's host (AI level 2)". */
export function headline(game: Pick<Game, 'commanders' | 'aiLevel'>): string {
  const yours = Object.keys(SIDE_NAMES).filter((s) => game.commanders[s] === 'player');
  const ai = Object.keys(SIDE_NAMES).filter((s) => game.commanders[s] === 'ai');
  const level = ai.length ? ` (AI level ${Math.max(1, game.aiLevel)})` : '';
  if (yours.length === 2) return 'You command both sides';
  if (yours.length === 1) {
    const other = enemyOf(yours[0]);
    const them = game.commanders[other] === 'ai' ? `the AI's ${SIDE_NAMES[other].replace('the ', '')}` : `${SIDE_NAMES[other]} by their doctrine`;
    return `You command ${SIDE_NAMES[yours[0]]} against ${them}${level}`;
  }
  return `You watch: both sides by ${ai.length ? `the AI${level}` : 'their doctrine'}`;
}

/** The chronicle worth reading: the hourly fighting, battering, repairs and wind left out (as the game's view does). */
export function chronicleEvents(events: readonly SiegeEvent[]): SiegeEvent[] {
  const routine = new Set(['engagement', 'wall-battered', 'wall-repaired', 'wind-changed']);
  return events.filter((e) => !routine.has(e.kind));
}

/** The sides a player commands now, defenders first. */
export function playerSides(game: Pick<Game, 'commanders'>): string[] {
  return ['roman', 'avar'].filter((s) => game.commanders[s] === 'player');
}
