import type { Replay } from '../types';

/** A second run shown beside the first: what to run and how to name it. */
export interface Comparison {
  key: string; // as in the address: seed:627, no-fleet, written
  seed: number;
  overrides: Record<string, number>;
  label: string;
}

/**
 * The run named by a `compare=` value, beside a replay run with `overrides`: another seed (same figures), the same
 * seed without the Roman fleet (every Roman flotilla at zero hulls, a counterfactual outside the cited ranges), or
 * the same seed with the figures as written (when the page's figures were changed). Undefined for anything else.
 */
export function comparison(key: string | null, replay: Pick<Replay, 'seed' | 'flotillas'>, overrides: Record<string, number>): Comparison | undefined {
  if (!key) return undefined;
  const seed = key.match(/^seed:(\d{1,9})$/);
  if (seed) return { key, seed: Number(seed[1]), overrides: { ...overrides }, label: `Seed ${Number(seed[1])}` };
  if (key === 'no-fleet') {
    const roman = replay.flotillas.filter((f) => f.side === 'roman');
    if (roman.length === 0) return undefined;
    return { key, seed: replay.seed, overrides: { ...overrides, ...Object.fromEntries(roman.map((f) => [`flotillas.${f.id}.hulls`, 0])) }, label: 'No Roman fleet' };
  }
  if (key === 'written' && Object.keys(overrides).length > 0) return { key, seed: replay.seed, overrides: {}, label: 'Figures as written' };
  return undefined;
}
