import type { Replay, SiegeEvent } from '../types';

/** The state of the siege at one hour, decoded from the snapshot frame in force then. */
export interface SiegeState {
  hour: number;
  present: number[];
  morale: number[]; // per mille
  outer: number[]; // per mille
  inner: number[];
  hulls: number[];
  engines: number[];
  /** Where ships and landed men are (absent from replays without position frames). */
  where?: Positions;
}

/** Decoded position frame: warships on station per zone, men ashore, engine parks ready. */
export interface Positions {
  warships: number[]; // per zone
  persiansAshore: number;
  crewsAshore: number;
  crewsZone: number; // -1 when no crews are ashore
  crewsContingent: number; // -1 when unknown or none ashore
  ready: boolean[]; // per engine park
}

/** Index of the last frame at or before `hour` (frames are sorted by hour; frame 0 is hour 0). Binary search. */
export function frameIndexAt(frames: readonly (readonly number[])[], hour: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  if (hi < 0) return -1;
  if (hour < frames[0][0]) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frames[mid][0] <= hour) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The siege at `hour`: instant whatever the hour, since only changes are stored. */
export function stateAt(replay: Pick<Replay, 'frames' | 'layout'> & Partial<Pick<Replay, 'positions'>>, hour: number): SiegeState {
  const frame = replay.frames[Math.max(0, frameIndexAt(replay.frames, hour))] ?? [];
  const { contingents: c, sectors: w, flotillas: f, engines: e } = replay.layout;
  let o = 1;
  const take = (n: number) => {
    const part = frame.slice(o, o + n);
    o += n;
    return part;
  };
  const state: SiegeState = { hour, present: take(c), morale: take(c), outer: take(w), inner: take(w), hulls: take(f), engines: take(e) };
  const where = positionsAt(replay, hour);
  if (where) state.where = where;
  return state;
}

/** The position frame in force at `hour`, decoded; undefined when the replay has none. */
export function positionsAt(replay: Pick<Replay, 'layout'> & Partial<Pick<Replay, 'positions'>>, hour: number): Positions | undefined {
  const frames = replay.positions;
  const z = replay.layout.zones;
  if (!frames || frames.length === 0 || z === undefined) return undefined;
  const frame = frames[Math.max(0, frameIndexAt(frames, hour))];
  const at = (i: number, otherwise: number) => frame[i] ?? otherwise;
  const tail = 1 + z;
  return {
    warships: frame.slice(1, tail),
    persiansAshore: at(tail, 0),
    crewsAshore: at(tail + 1, 0),
    crewsZone: at(tail + 2, -1),
    crewsContingent: at(tail + 3, -1),
    ready: frame.slice(tail + 4, tail + 4 + replay.layout.engines).map((x) => x !== 0),
  };
}

/** Number of events that happened at or before `hour` (events are in time order). */
export function eventCountAt(events: readonly SiegeEvent[], hour: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].hour <= hour) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Events of the given kinds within `window` hours before (and including) `hour`. */
export function recentEvents(events: readonly SiegeEvent[], hour: number, window: number, kinds?: ReadonlySet<string>): SiegeEvent[] {
  const end = eventCountAt(events, hour);
  const out: SiegeEvent[] = [];
  for (let i = end - 1; i >= 0 && events[i].hour > hour - window; i--) {
    if (!kinds || kinds.has(events[i].kind)) out.push(events[i]);
  }
  return out.reverse();
}

/** The big moments shown as markers on the timeline: per kind and day, the biggest (by its first value). */
export function markers(events: readonly SiegeEvent[]): SiegeEvent[] {
  const best = new Map<string, SiegeEvent>();
  const first = (e: SiegeEvent) => Object.values(e.values)[0] ?? 0;
  for (const e of events) {
    if (!e.major) continue;
    const key = `${e.kind}@${Math.floor(e.hour / 24)}`;
    const current = best.get(key);
    if (!current || first(e) > first(current)) best.set(key, e);
  }
  return [...best.values()].sort((a, b) => a.hour - b.hour || a.index - b.index);
}

/** Clamps an hour into the run. */
export function clampHour(hour: number, hours: number): number {
  return Math.min(Math.max(0, Math.round(hour)), hours);
}
