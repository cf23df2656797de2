import { describe, expect, it } from 'vitest';
import type { Replay, SiegeEvent } from '../types';
import { clampHour, eventCountAt, frameIndexAt, markers, nextMajor, positionsAt, recentEvents, shownState, siegeWindow, stateAt, storyStart } from './timeline';
import { formatHour, fromJulianDayNumber, hourOfDate, julianDayNumber, shortDate } from './calendar';

// Layout: 2 contingents, 1 sector, 1 flotilla, 1 engine park -> width 1 + 4 + 2 + 1 + 1 = 9.
const replay: Pick<Replay, 'frames' | 'layout'> = {
  layout: { contingents: 2, sectors: 1, flotillas: 1, engines: 1 },
  frames: [
    [0, 100, 0, 700, 0, 1000, 1000, 30, 0],
    [5, 100, 500, 690, 800, 1000, 1000, 30, 0],
    [40, 90, 480, 650, 780, 800, 1000, 12, 4],
  ],
};

function event(hour: number, kind: string, major = false, values: Record<string, number> = {}, index = 0): SiegeEvent {
  return { index, hour, date: '', kind, zone: 0, values, odds: -1, roll: -1, text: kind, major };
}

describe('seeking', () => {
  it('finds the frame in force at any hour', () => {
    expect([0, 1, 4, 5, 6, 39, 40, 1000].map((h) => frameIndexAt(replay.frames, h))).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
    expect(frameIndexAt([], 3)).toBe(-1);
  });

  it('decodes the frame into named parts', () => {
    const s = stateAt(replay, 41);
    expect(s).toEqual({ hour: 41, present: [90, 480], morale: [650, 780], outer: [800], inner: [1000], hulls: [12], engines: [4] });
  });

  it('agrees with a linear scan for every hour', () => {
    for (let h = 0; h < 60; h++) {
      let linear = 0;
      replay.frames.forEach((f, i) => {
        if (f[0] <= h) linear = i;
      });
      expect(frameIndexAt(replay.frames, h)).toBe(linear);
    }
  });

  it('counts events up to an hour, inclusive', () => {
    const events = [event(1, 'a'), event(3, 'b'), event(3, 'c'), event(9, 'd')];
    expect([0, 1, 2, 3, 8, 9, 99].map((h) => eventCountAt(events, h))).toEqual([0, 1, 1, 3, 3, 4, 4]);
  });

  it('keeps recent events of the asked kinds only', () => {
    const events = [event(1, 'boats-sunk'), event(10, 'assault-began'), event(20, 'boats-sunk'), event(30, 'boats-sunk')];
    expect(recentEvents(events, 25, 12, new Set(['boats-sunk'])).map((e) => e.hour)).toEqual([20]);
    expect(recentEvents(events, 25, 30).map((e) => e.hour)).toEqual([1, 10, 20]);
  });

  it('clamps and rounds hours', () => {
    expect(clampHour(-3, 100)).toBe(0);
    expect(clampHour(2.6, 100)).toBe(3);
    expect(clampHour(150, 100)).toBe(100);
  });
});

describe('markers', () => {
  it('keep the biggest major event of each kind per day, in time order', () => {
    const events = [
      event(26, 'boats-sunk', true, { boatsLost: 22 }, 0),
      event(30, 'boats-sunk', true, { boatsLost: 64 }, 1),
      event(31, 'boats-sunk', true, { boatsLost: 15 }, 2),
      event(28, 'engagement', false, {}, 3),
      event(29, 'signal-lit', true, {}, 4),
      event(50, 'boats-sunk', true, { boatsLost: 3 }, 5),
    ];
    expect(markers(events).map((e) => e.index)).toEqual([4, 1, 5]);
  });
});

describe('Julian calendar', () => {
  const cal = { startYear: 626, startMonth: 6, startDay: 29 };

  it('round-trips day numbers', () => {
    for (let jdn = julianDayNumber(626, 1, 1); jdn < julianDayNumber(627, 3, 1); jdn += 17) {
      const d = fromJulianDayNumber(jdn);
      expect(julianDayNumber(d.year, d.month, d.day)).toBe(jdn);
    }
  });

  it('dates hours of the 626 siege', () => {
    expect(formatHour(cal, 0)).toBe('29 June 626, 00:00');
    expect(formatHour(cal, 942)).toBe('7 August 626, 06:00');
    expect(shortDate(cal, 24 * 3)).toBe('2 Jul');
    expect(hourOfDate(cal, 8, 7)).toBe(936);
  });

  it('counts 29 February in Julian leap years (every fourth, 700 included)', () => {
    expect(formatHour({ startYear: 700, startMonth: 2, startDay: 28 }, 24, false)).toBe('29 February 700');
    expect(formatHour({ startYear: 626, startMonth: 2, startDay: 28 }, 24, false)).toBe('1 March 626');
  });
});

describe('position frames', () => {
  // Layout: 3 zones, 2 engine parks -> width 1 + 3 + 4 + 2 = 10.
  const positioned: Pick<Replay, 'frames' | 'layout' | 'positions'> = {
    layout: { contingents: 0, sectors: 0, flotillas: 0, engines: 2, zones: 3 },
    frames: [[0]],
    positions: [
      [0, 0, 12, 6, 0, 0, -1, -1, 0, 0],
      [30, 0, 12, 0, 0, 0, -1, -1, 1, 0],
      [50, 0, 0, 0, 2400, 900, 1, 4, 1, 1],
    ],
  };

  it('decodes warships per zone, men ashore and engines ready at any hour', () => {
    expect(stateAt(positioned, 10).where).toEqual({ warships: [0, 12, 6], persiansAshore: 0, crewsAshore: 0, crewsZone: -1, crewsContingent: -1, ready: [false, false] });
    expect(stateAt(positioned, 30).where?.ready).toEqual([true, false]);
    expect(stateAt(positioned, 49).where?.warships).toEqual([0, 12, 0]);
    expect(stateAt(positioned, 99).where).toEqual({ warships: [0, 0, 0], persiansAshore: 2400, crewsAshore: 900, crewsZone: 1, crewsContingent: 4, ready: [true, true] });
  });

  it('agrees with positionsAt and is absent from replays without position frames', () => {
    for (const h of [0, 29, 30, 31, 50, 70]) expect(stateAt(positioned, h).where).toEqual(positionsAt(positioned, h));
    expect(stateAt(replay, 41).where).toBeUndefined();
    expect(positionsAt({ layout: { contingents: 0, sectors: 0, flotillas: 0, engines: 0, zones: 2 }, positions: [] }, 5)).toBeUndefined();
  });

  it('reads a short frame as nobody ashore and no engine ready', () => {
    const short = { layout: { contingents: 0, sectors: 0, flotillas: 0, engines: 1, zones: 2 }, positions: [[0, 3, 4]] };
    expect(positionsAt(short, 0)).toEqual({ warships: [3, 4], persiansAshore: 0, crewsAshore: 0, crewsZone: -1, crewsContingent: -1, ready: [] });
  });
});

describe('where the replay opens', () => {
  // Hour 0's arrivals are in the frame of hour 1 (frames hold the state at the start of their hour); the main army
  // arrives at hour 48 and shows from hour 49.
  const run: Pick<Replay, 'frames' | 'layout' | 'hours' | 'events'> = {
    hours: 100,
    layout: { contingents: 2, sectors: 0, flotillas: 0, engines: 0 },
    frames: [[0, 0, 0, 0, 0], [1, 500, 0, 1000, 0], [49, 500, 900, 1000, 1000], [80, 400, 900, 900, 1000]],
    events: [event(0, 'contingent-arrived', false, { men: 500 }, 0), event(48, 'contingent-arrived', false, { men: 900 }, 1), event(60, 'assault-began', true, {}, 2), event(70, 'boats-sunk', true, {}, 3)],
  };

  it('shows an hour after its events, as the chronicle lists them', () => {
    expect(stateAt(run, 0).present).toEqual([0, 0]); // the frame of hour 0: nobody yet
    expect(shownState(run, 0).present).toEqual([500, 0]); // the chronicle lists the arrival of hour 0: so does the map
    expect(shownState(run, 0).hour).toBe(0);
    expect(shownState(run, 48).present).toEqual([500, 900]);
    expect(shownState(run, 47).present).toEqual([500, 0]);
    expect(shownState(run, 100).present).toEqual([400, 900]);
  });

  it('opens on the main army\'s arrival and zooms the timeline on the close siege', () => {
    expect(storyStart(run)).toBe(48);
    expect(siegeWindow(run)).toEqual([48, 100]);
    const early = { ...run, events: [event(0, 'contingent-arrived', false, {}, 0)] };
    expect(storyStart(early)).toBe(0); // nothing arrives later; hour 0 has men on the map once shown after its events
    expect(storyStart({ ...run, events: [], frames: [[0, 0, 0], [5, 0, 0], [30, 10, 0]] })).toBe(29);
    expect(storyStart({ ...run, events: [], frames: [[0, 0, 0]] })).toBe(0);
  });

  it('steps to the next and previous great event', () => {
    expect(nextMajor(run.events, 48, 1)?.index).toBe(2);
    expect(nextMajor(run.events, 60, 1)?.index).toBe(3);
    expect(nextMajor(run.events, 70, 1)).toBeUndefined();
    expect(nextMajor(run.events, 70, -1)?.index).toBe(2);
    expect(nextMajor(run.events, 60, -1)).toBeUndefined();
  });
});
