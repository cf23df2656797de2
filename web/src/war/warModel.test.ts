import { describe, expect, it } from 'vitest';
import { isoDate, armyPoint, armyRadius, caughtNear, dayOfDate, fitProjection, holderAt, legitimacyPath, linesUpTo, siegesOn, spread, warDate } from './warModel';

describe('war model', () => {
  it('dates campaign days in the Julian calendar', () => {
    expect(warDate('0626-03-01', 0)).toBe('1 March 626');
    expect(warDate('0626-03-01', 61)).toBe('1 May 626');
    expect(warDate('0626-03-01', 365)).toBe('1 March 627');
    expect(isoDate('0628-02-18')).toBe('18 February 628');
    expect(dayOfDate({ startDate: '0626-03-01', days: 700 }, '0627-03-01')).toBe(365);
    expect(dayOfDate({ startDate: '0626-03-01', days: 100 }, '0627-03-01')).toBe(99);
  });

  it('gives the holder of a region after its changes', () => {
    const r = { id: 'x', name: 'X', lat: 0, lon: 0, capital: false, roman602: true, holder: 'persia', changes: [{ day: 10, date: '', holder: 'rome' }] };
    expect(holderAt(r, 9)).toBe('persia');
    expect(holderAt(r, 10)).toBe('rome');
  });

  it('projects west to east and north to south, not stretched', () => {
    const p = fitProjection([{ lat: 30, lon: 30 }, { lat: 40, lon: 45 }], 1000, 0);
    expect(p.x(30)).toBeCloseTo(0);
    expect(p.x(45)).toBeCloseTo(1000);
    expect(p.y(40)).toBeCloseTo(0);
    expect(p.y(30)).toBeGreaterThan(p.y(35));
    expect(p.height).toBeGreaterThan(700); // 10 degrees of latitude against 15 of longitude at cos(35°)
  });

  it('puts a marching army along its leg by its progress', () => {
    const points: [number, number][] = [[0, 0], [100, 50]];
    expect(armyPoint([0, -1, 0, 1000, 800, 0], points)).toEqual([0, 0]);
    expect(armyPoint([0, 1, 500, 1000, 800, 0], points)).toEqual([50, 25]);
    expect(armyPoint(null, points)).toBeNull();
    expect(armyRadius(30000)).toBeCloseTo(14);
    expect(armyRadius(120000)).toBeCloseTo(28);
  });

  it('spreads armies standing on one point', () => {
    const out = spread([[10, 10], [10, 10], [50, 50], null]);
    expect(out[0]).not.toEqual(out[1]);
    expect(out[2]).toEqual([50, 50]);
    expect(out[3]).toBeNull();
  });

  it('selects lines, sieges and caught couriers by day', () => {
    expect(linesUpTo([{ day: 1 }, { day: 5 }, { day: 9 }], 5).map((l) => l.day)).toEqual([5, 1]);
    expect(siegesOn([{ startDay: 3, endDay: 6 }, { startDay: 4, endDay: -1 }], 7)).toEqual([{ startDay: 4, endDay: -1 }]);
    expect(caughtNear([{ fate: 'caught', fateDay: 5 }, { fate: 'delivered', fateDay: 5 }], 6)).toHaveLength(1);
  });

  it('draws the legitimacy from full at the top', () => {
    expect(legitimacyPath([{ legitimacyPermille: 1000 }, { legitimacyPermille: 500 }], 100, 80)).toBe('M0.0,0.0L100.0,40.0');
  });
});
