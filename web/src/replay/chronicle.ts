import { eventTone } from '../events';
import type { SiegeEvent } from '../types';
import { eventPlace, eventSentence } from './eventText';

/** What the chronicle's filter bar asks for; empty strings match everything. */
export interface ChronicleFilter {
  text: string;
  kind: string;
  side: string; // a tone: roman, avar, persian, naval, neutral
  place: string; // a place key (see placeKey), or ''
  majorOnly: boolean;
}

export const NO_FILTER: ChronicleFilter = { text: '', kind: '', side: '', place: '', majorOnly: false };

/** The place an event is filed under: its zone index as text, a map feature ("feature:aqueduct"), or '' for none. */
export function placeKey(e: SiegeEvent): string {
  const place = eventPlace(e);
  if (!place) return '';
  return place.feature ? `feature:${place.feature}` : String(e.zone);
}

/** Whether an event passes the filter. The text matches the sentence, the date, the place and the parties, any case. */
export function matchesFilter(e: SiegeEvent, f: ChronicleFilter, sentence = e.text): boolean {
  if (f.kind && e.kind !== f.kind) return false;
  if (f.side && eventTone(e.kind) !== f.side) return false;
  if (f.place !== '' && placeKey(e) !== f.place) return false;
  if (f.majorOnly && !e.major) return false;
  const q = f.text.trim().toLowerCase();
  if (!q) return true;
  const hay = [sentence, e.date, e.zoneName ?? '', e.actor ?? '', e.other ?? '', e.kind.replaceAll('-', ' ')].join(' ').toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}

/** The choices of the filter bar, from the events of the run: kinds and places with their counts, most frequent first. */
export function filterChoices(events: readonly SiegeEvent[]): { kinds: [string, number][]; places: [string, string, number][] } {
  const kinds = new Map<string, number>();
  const places = new Map<string, [string, number]>();
  for (const e of events) {
    kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    const key = placeKey(e);
    if (key) places.set(key, [eventPlace(e)!.name, (places.get(key)?.[1] ?? 0) + 1]);
  }
  return {
    kinds: [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    places: [...places].map(([key, [name, n]]) => [key, name, n] as [string, string, number]).sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1])),
  };
}

/** Sentences of every event once (the filter searches them). */
export function sentences(replay: { engines: { id: string; side: string; kind: string; count: number; sector: number }[]; events: readonly SiegeEvent[] }): string[] {
  return replay.events.map((e) => eventSentence(replay, e));
}

/**
 * The route of the replay page for an hour and, when one is selected, an event and a run shown beside it:
 * "#/replay?at=942&event=120&compare=no-fleet".
 */
export function replayLink(hour: number, event?: number, compare?: string): string {
  return `#/replay?at=${hour}${event !== undefined && event >= 0 ? `&event=${event}` : ''}${compare ? `&compare=${compare}` : ''}`;
}
