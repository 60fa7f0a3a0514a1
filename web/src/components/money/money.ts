import type { Money } from '@/lib/queries/payments';

/** The digits after the decimal point a currency uses (2 for USD, 0 for JPY), as Intl knows them. */
export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in minor units as people read it, in its own currency: never added across currencies. */
export function formatMoney(money: Money | null | undefined): string {
  if (!money || typeof money.amountMinor !== 'number') return '–';
  const digits = fractionDigits(money.currency);
  const value = money.amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${money.currency}`;
  }
}

/**
 * A decimal amount typed by a person ("12.5", "12,50") in minor units, or null when it is not an amount of
 * that currency (more decimals than it has, not a number). Computed on the digits, never in floating point.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const match = text.trim().replace(',', '.').match(/^(\d+)(?:\.(\d*))?$/);
  if (!match) return null;
  const decimals = match[2] ?? '';
  if (decimals.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(decimals.padEnd(digits, '0') || '0');
}

/** A share in basis points as a percentage with at most two decimals: 3333 → "33.33". */
export function percentOf(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** A typed percentage in basis points (100 % = 10,000), or null if it has more than two decimals. */
export function basisPointsOf(percent: string): number | null {
  const match = percent.trim().replace(',', '.').match(/^(\d{1,3})(?:\.(\d{0,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The month before the given day's, as YYYY-MM: store reports arrive for the month that ended. */
export function previousMonth(today: Date = new Date()): string {
  const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}
