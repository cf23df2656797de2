import { fromJulianDayNumber, julianDayNumber } from '../replay/calendar';
import type { WarDay, WarRegion, WarReplay } from './warTypes';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const WAR_SIDE_COLOURS: Record<string, string> = {
  rome: '#5b2a86',
  persia: '#c08a1e',
  turks: '#1f7a6d',
  avars: '#b5472b',
};

const sideNames: Record<string, string> = { rome: 'Rome', persia: 'Persia', turks: 'the Turks', avars: 'the Avars' };
export const sideName = (side: string) => sideNames[side] ?? side;

/** The Julian day number of an ISO-like "YYYY-MM-DD" date of the replay. */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return julianDayNumber(y, m, d);
}

/** "1 May 626 (Julian)" style date of a campaign day (without the calendar's name). */
export function warDate(startDate: string, day: number): string {
  const { year, month, day: d } = fromJulianDayNumber(dayNumber(startDate) + day);
  return `${d} ${MONTHS[month - 1]} ${year}`;
}

/** "18 February 628" for a replay's "0628-02-18". */
export function isoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The campaign day of a date "YYYY-MM-DD" (clamped to the run). */
export function dayOfDate(replay: Pick<WarReplay, 'startDate' | 'days'>, iso: string): number {
  return clampDay(dayNumber(iso) - dayNumber(replay.startDate), replay.days);
}

export function clampDay(day: number, days: number): number {
  return Math.max(0, Math.min(days - 1, Math.round(day)));
}

/** Who holds a region at the end of a day. */
export function holderAt(region: WarRegion, day: number): string {
  let holder = region.holder;
  for (const c of region.changes) if (c.day <= day) holder = c.holder;
  return holder;
}

export interface Projection { x: (lon: number) => number; y: (lat: number) => number; width: number; height: number }

/**
 * An equirectangular projection fitted to the regions with a margin: longitudes shrink by the cosine of the middle
 * latitude, so the map is not stretched east to west.
 */
export function fitProjection(regions: Pick<WarRegion, 'lat' | 'lon'>[], width = 1000, margin = 1.6): Projection {
  const lats = regions.map((r) => r.lat);
  const lons = regions.map((r) => r.lon);
  const south = Math.min(...lats) - margin, north = Math.max(...lats) + margin;
  const west = Math.min(...lons) - margin, east = Math.max(...lons) + margin;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = width / ((east - west) * k);
  return {
    x: (lon) => (lon - west) * k * scale,
    y: (lat) => (north - lat) * scale,
    width,
    height: Math.round((north - south) * scale),
  };
}

/** Where an army is drawn: at its region, or along its leg by its progress. Null when it does not exist. */
export function armyPoint(frame: WarDay['armies'][number], points: [number, number][]): [number, number] | null {
  if (!frame) return null;
  const [region, next, progress] = frame;
  const a = points[region];
  if (next < 0 || !points[next]) return a;
  const b = points[next];
  const t = Math.max(0, Math.min(1, progress / 1000));
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Marker radius for a number of men: the area grows with the men (30,000 men: 14 px). */
export function armyRadius(men: number): number {
  return Math.max(4, 14 * Math.sqrt(Math.max(0, men) / 30000));
}

/** Spreads markers that would sit on the same point around it (in the order given), so each stays visible. */
export function spread(points: ([number, number] | null)[], gap = 13): ([number, number] | null)[] {
  const groups = new Map<string, number[]>();
  points.forEach((p, i) => {
    if (!p) return;
    const key = `${Math.round(p[0])},${Math.round(p[1])}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = points.slice();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.forEach((i, k) => {
      const angle = (2 * Math.PI * k) / members.length - Math.PI / 2;
      const p = points[i]!;
      out[i] = [p[0] + gap * Math.cos(angle), p[1] + gap * Math.sin(angle)];
    });
  }
  return out;
}

/** The chronicle lines up to and including a day, newest first. */
export function linesUpTo<T extends { day: number }>(lines: T[], day: number): T[] {
  return lines.filter((l) => l.day <= day).reverse();
}

/** Battles, sacks and the like of the last <paramref name="window"/> days up to a day. */
export function recent<T extends { day: number }>(items: T[], day: number, window = 10): T[] {
  return items.filter((x) => x.day <= day && x.day > day - window);
}

/** Sieges under way at the end of a day (a siege that never ended lasts to the end of the run). */
export function siegesOn<T extends { startDay: number; endDay: number }>(sieges: T[], day: number): T[] {
  return sieges.filter((s) => s.startDay <= day && (s.endDay < 0 || day <= s.endDay));
}

/** Where couriers were caught, shown from that day on for <paramref name="window"/> days. */
export function caughtNear<T extends { fate: string; fateDay: number }>(messages: T[], day: number, window = 30): T[] {
  return messages.filter((m) => m.fate === 'caught' && m.fateDay <= day && m.fateDay > day - window);
}

/** The days the capital's siege ran, if this run had one. */
export function siegeDays(replay: Pick<WarReplay, 'capitalSiege' | 'days'>): [number, number] | null {
  const s = replay.capitalSiege;
  if (!s) return null;
  return [s.startDay, s.endDay < 0 ? replay.days - 1 : s.endDay];
}

/** The points of the legitimacy chart (x: day, y: 0 at the top for 1000 ‰). */
export function legitimacyPath(frames: Pick<WarDay, 'legitimacyPermille'>[], width: number, height: number): string {
  if (!frames.length) return '';
  const dx = frames.length > 1 ? width / (frames.length - 1) : 0;
  return frames.map((f, i) => `${i ? 'L' : 'M'}${(i * dx).toFixed(1)},${(height - (f.legitimacyPermille / 1000) * height).toFixed(1)}`).join('');
}
