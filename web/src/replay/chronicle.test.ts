import { describe, expect, it } from 'vitest';
import type { Replay, SiegeEvent } from '../types';
import { filterChoices, matchesFilter, NO_FILTER, placeKey, replayLink } from './chronicle';
import { initialEvent, initialHour } from './replayPage';

function ev(index: number, hour: number, kind: string, zone: number, zoneName: string | undefined, text: string, major = false): SiegeEvent {
  return { index, hour, date: `${hour}h`, kind, zone, zoneName, values: {}, odds: -1, roll: -1, text, major };
}

const events = [
  ev(0, 0, 'contingent-arrived', 7, "The khagan's camp", 'Gepids arrive.'),
  ev(1, 82, 'aqueduct-cut', 15, 'Sea lane', 'The besiegers cut the aqueduct.', true),
  ev(2, 773, 'assault-began', 2, 'Mesoteichion', 'Assault on Mesoteichion.', true),
  ev(3, 774, 'engagement', 2, 'Mesoteichion', 'Fighting at Mesoteichion.'),
  ev(4, 942, 'boats-sunk', 11, 'Upper Golden Horn', 'Roman ships fall on the monoxyla.', true),
  ev(5, 950, 'procession-held', -1, undefined, 'A procession.'),
];

describe('chronicle filter', () => {
  it('keeps everything without a filter', () => {
    expect(events.every((e) => matchesFilter(e, NO_FILTER))).toBe(true);
  });

  it('filters by kind, side, place, great events and words', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => events.filter((e) => matchesFilter(e, { ...NO_FILTER, ...f })).map((e) => e.index);
    expect(ids({ kind: 'engagement' })).toEqual([3]);
    expect(ids({ side: 'naval' })).toEqual([4]);
    expect(ids({ side: 'avar' })).toEqual([1, 2]);
    expect(ids({ place: '2' })).toEqual([2, 3]);
    expect(ids({ place: 'feature:aqueduct' })).toEqual([1]);
    expect(ids({ place: '15' })).toEqual([]); // the aqueduct is not filed under the sea lane
    expect(ids({ majorOnly: true })).toEqual([1, 2, 4]);
    expect(ids({ text: 'MONOXYLA' })).toEqual([4]);
    expect(ids({ text: 'mesoteichion fighting' })).toEqual([3]);
    expect(ids({ text: 'golden horn', side: 'naval' })).toEqual([4]);
    expect(ids({ text: 'nothing like this' })).toEqual([]);
  });

  it('offers the kinds and places of the run with their counts', () => {
    const c = filterChoices(events);
    expect(c.kinds[0]).toEqual(['aqueduct-cut', 1]); // ties in name order
    expect(c.kinds).toHaveLength(6);
    expect(c.places).toContainEqual(['2', 'Mesoteichion', 2]);
    expect(c.places).toContainEqual(['feature:aqueduct', 'The aqueduct, cut outside the land walls', 1]);
    expect(c.places.map((p) => p[0])).not.toContain('15');
    expect(placeKey(events[5])).toBe('');
  });
});

describe('links to a moment', () => {
  const replay: Pick<Replay, 'calendar' | 'hours' | 'events' | 'frames' | 'layout'> = {
    calendar: { startYear: 626, startMonth: 6, startDay: 29, horizonDays: 120 },
    hours: 983,
    events: [...events, ev(6, 720, 'contingent-arrived', 7, "The khagan's camp", 'The main host arrives.')].sort((a, b) => a.hour - b.hour).map((e, i) => ({ ...e, index: i })),
    frames: [[0, 0]],
    layout: { contingents: 1, sectors: 0, flotillas: 0, engines: 0 },
  };

  it('writes the hour and the selected event into the hash', () => {
    expect(replayLink(942)).toBe('#/replay?at=942');
    expect(replayLink(942, 4)).toBe('#/replay?at=942&event=4');
    expect(replayLink(0, -1)).toBe('#/replay?at=0');
    expect(replayLink(942, undefined, 'seed:627')).toBe('#/replay?at=942&compare=seed:627');
  });

  it('opens on the hour and event of a link, else on the main army\'s arrival, not on an empty hour 0', () => {
    expect(initialHour(replay, new URLSearchParams('at=942&event=5'))).toBe(942);
    expect(initialEvent(replay, new URLSearchParams('at=942&event=5'))?.hour).toBe(942);
    expect(initialHour(replay, new URLSearchParams('event=3'))).toBe(773);
    expect(initialEvent(replay, new URLSearchParams('event=99'))).toBeUndefined();
    expect(initialHour(replay, new URLSearchParams('date=08-07'))).toBe(948);
    expect(initialHour(replay, new URLSearchParams(''))).toBe(720);
    expect(initialHour(replay, new URLSearchParams('at=0'))).toBe(0);
  });
});
