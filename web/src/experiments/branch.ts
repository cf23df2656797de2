// Branching a run of the replay page into an experiment: the link from the replay, its reading on the experiments
// page, and the variant editor's text. Pure functions (tested in branch.test.ts).

/** What the experiments page needs to branch the page's run: the hour the arms start from and the run's seed. */
export interface BranchQuery { hour: number; seed: number }

/**
 * The hour the arms start from when the map shows hour `shown`: the map shows each hour after its events, so the
 * branch keeps them and the arms play from the next hour. Undefined when the run is over by then.
 */
export function branchStart(shown: number, hours: number): number | undefined {
  const start = Math.floor(shown) + 1;
  return start >= 0 && start < hours ? start : undefined;
}

/** "#/experiments?branch=943&seed=626", or the plain experiments page when the run cannot be branched there. */
export function branchLink(shown: number, hours: number, seed: number): string {
  const start = branchStart(shown, hours);
  return start === undefined ? '#/experiments' : `#/experiments?branch=${start}&seed=${seed}`;
}

/** Reads ?branch=HOUR&seed=SEED; undefined when there is no branch or it is not two whole numbers. */
export function parseBranchQuery(query: URLSearchParams): BranchQuery | undefined {
  const hour = query.get('branch');
  const seed = query.get('seed');
  if (hour === null || !/^\d{1,6}$/.test(hour) || (seed !== null && !/^\d{1,20}$/.test(seed))) return undefined;
  return { hour: Number(hour), seed: seed === null ? 626 : Number(seed) };
}

/** A variant name the engine accepts (lower-case letters, digits and '-', at most 64): "No light craft!" → "no-light-craft". */
export function variantName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
}

/** The ready-made branch variant of the 626 siege: the light craft taken off the Upper Golden Horn from the branch hour. */
export function branchPresets(zones: { id: string }[]): { name: string; text: string; note: string }[] {
  const out: { name: string; text: string; note: string }[] = [];
  if (zones.some((z) => z.id === 'golden-horn-upper')) {
    out.push({ name: 'no-light-craft', text: 'orders.patrol.golden-horn-upper=0', note: 'An order at the branch hour: no warships on station in the Upper Golden Horn.' });
  }
  return out;
}
