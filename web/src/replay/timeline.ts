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
export function stateAt(replay: Pick<Replay, 'frames' | 'layout'>, hour: number): SiegeState {
  const frame = replay.frames[Math.max(0, frameIndexAt(replay.frames, hour))] ?? [];
  const { contingents: c, sectors: w, flotillas: f, engines: e } = replay.layout;
  let o = 1;
  const take = (n: number) => {
    const part = frame.slice(o, o + n);
    o += n;
    return part;
  };
  return { hour, present: take(c), morale: take(c), outer: take(w), inner: take(w), hulls: take(f), engines: take(e) };
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
