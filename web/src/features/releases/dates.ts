/** Days as the platform counts them: ISO dates in UTC, the release date included. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first release date that every chosen store's lead time allows. */
export function earliestReleaseDate(leadTimes: readonly number[], today: string = todayUtc()): string {
  return addDays(today, leadTimes.length === 0 ? 0 : Math.max(...leadTimes));
}

/** A release date as the artist reads it: "28 December 2026" in English order, the day as the platform counts it. */
export function formatDay(iso: string | undefined): string {
  if (!iso) return '–';
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' });
}
