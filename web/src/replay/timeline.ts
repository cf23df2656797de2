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

/**
 * The siege as it stands at the end of `hour`, after that hour's events: the chronicle lists the events of an hour
 * as soon as the slider reaches it, and the frame stored for hour h is the state at its start (before its events),
 * so the map shows the frame of the next hour.
 */
export function shownState(replay: Pick<Replay, 'frames' | 'layout'> & Partial<Pick<Replay, 'positions'>>, hour: number): SiegeState {
  return { ...stateAt(replay, hour + 1), hour };
}

/**
 * Where the story begins: the main army's arrival (the first arrival after the opening hour), or failing that the
 * first hour with anyone on the map, or 0.
 */
export function storyStart(replay: Pick<Replay, 'events' | 'frames' | 'layout' | 'hours'>): number {
  const arrival = replay.events.find((e) => e.kind === 'contingent-arrived' && e.hour > 0);
  if (arrival) return arrival.hour;
  const c = replay.layout.contingents;
  const peopled = replay.frames.find((f) => f.slice(1, 1 + c).some((n) => n > 0));
  return peopled ? clampHour(peopled[0] - 1, replay.hours) : 0;
}

/** The hours the siege zoom of the timeline spans: from the day of the main army's arrival to the end of the run. */
export function siegeWindow(replay: Pick<Replay, 'events' | 'frames' | 'layout' | 'hours'>): [number, number] {
  const start = storyStart(replay);
  return [Math.floor(start / 24) * 24, replay.hours];
}

/** The next (direction 1) or previous (-1) great event strictly after or before `hour`, as the markers show them. */
export function nextMajor(events: readonly SiegeEvent[], hour: number, direction: 1 | -1): SiegeEvent | undefined {
  const great = markers(events);
  if (direction > 0) return great.find((e) => e.hour > hour);
  for (let i = great.length - 1; i >= 0; i--) if (great[i].hour < hour) return great[i];
  return undefined;
}
