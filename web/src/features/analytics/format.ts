import type { Money, Range } from '@/lib/queries/analytics';

const fractionDigits = new Map<string, number>();

function digitsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    fractionDigits.set(currency, digits);
  }
  return digits;
}

/** An amount in its own currency's minor units, as the currency writes it ("$12.34", "¥1,234"). */
export function formatMoney(money: Money): string {
  const digits = digitsOf(money.currency);
  const value = money.amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${money.currency}`;
  }
}

/** The amount as a plain number in the currency's major unit, for a chart's axis. */
export function majorUnits(money: Money): number {
  return money.amountMinor / 10 ** digitsOf(money.currency);
}

export function formatCount(value: number | undefined | null): string {
  return value === undefined || value === null ? '–' : value.toLocaleString('en');
}

/** A change against the previous period: "+12.5%", "−3%"; nothing to compare with says so. */
export function formatChange(percent: number | undefined | null): string {
  if (percent === undefined || percent === null || !Number.isFinite(percent)) return 'no earlier numbers to compare';
  const rounded = Math.abs(percent) >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10;
  if (rounded === 0) return 'unchanged';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toLocaleString('en')}% on the period before`;
}

let regions: Intl.DisplayNames | null | undefined;

/** "DE" → "Germany"; `ZZ` is the reports' unknown country. */
export function countryName(code: string | undefined): string {
  if (!code) return '–';
  if (code === 'ZZ') return 'Unknown country';
  if (regions === undefined) {
    try {
      regions = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regions = null;
    }
  }
  try {
    return regions?.of(code) ?? code;
  } catch {
    return code;
  }
}

export const PERIODS = [
  { days: 7, label: 'Last 7 days' },
  { days: 28, label: 'Last 28 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
] as const;

/** The last `days` days, today included, as the API counts them (whole UTC days, both ends included). */
export function lastDays(days: number, now: Date = new Date()): Range {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = new Date(to);
  from.setUTCDate(from.getUTCDate() - (days - 1));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

export function formatDay(iso: string | undefined): string {
  if (!iso) return '–';
  const date = new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return iso.length === 7
    ? date.toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : date.toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });
}
