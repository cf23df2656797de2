// Julian calendar arithmetic for display: the sources date the siege in the Julian calendar.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface Calendar { startYear: number; startMonth: number; startDay: number }

export function julianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
}

export function fromJulianDayNumber(jdn: number): { year: number; month: number; day: number } {
  const c = jdn + 32082;
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: d - 4800 + Math.floor(m / 10),
  };
}

/** "7 August 626, 14:00" for an hour of the run. */
export function formatHour(calendar: Calendar, hour: number, withTime = true): string {
  const { year, month, day } = fromJulianDayNumber(julianDayNumber(calendar.startYear, calendar.startMonth, calendar.startDay) + Math.floor(hour / 24));
  const date = `${day} ${MONTHS[month - 1]} ${year}`;
  return withTime ? `${date}, ${String(hour % 24).padStart(2, '0')}:00` : date;
}

/** Short form for axis labels: "7 Aug". */
export function shortDate(calendar: Calendar, hour: number): string {
  const { month, day } = fromJulianDayNumber(julianDayNumber(calendar.startYear, calendar.startMonth, calendar.startDay) + Math.floor(hour / 24));
  return `${day} ${MONTHS[month - 1].slice(0, 3)}`;
}

/** The hour at which a date of the run's first year begins. */
export function hourOfDate(calendar: Calendar, month: number, day: number): number {
  return (julianDayNumber(calendar.startYear, month, day) - julianDayNumber(calendar.startYear, calendar.startMonth, calendar.startDay)) * 24;
}
