import { basisPointsOf, formatMoney, parseAmount, percentOf, previousMonth } from './money';

describe('amounts and shares', () => {
  it('shows minor units in the currency’s own digits', () => {
    expect(formatMoney({ amountMinor: 446, currency: 'USD' })).toBe('$4.46');
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' })).toBe('¥500');
    expect(formatMoney({ amountMinor: -5, currency: 'EUR' })).toBe('-€0.05');
    expect(formatMoney(undefined)).toBe('–');
  });

  it('reads a typed amount exactly, refusing more decimals than the currency has', () => {
    expect(parseAmount('12.5', 'USD')).toBe(1250);
    expect(parseAmount('12,05', 'EUR')).toBe(1205);
    expect(parseAmount('0.1', 'USD')).toBe(10);
    expect(parseAmount('12.345', 'USD')).toBeNull();
    expect(parseAmount('500', 'JPY')).toBe(500);
    expect(parseAmount('5.5', 'JPY')).toBeNull();
    expect(parseAmount('ten', 'USD')).toBeNull();
  });

  it('turns percentages into basis points and back without floating point', () => {
    expect(basisPointsOf('33.33')).toBe(3333);
    expect(basisPointsOf('33.34')).toBe(3334);
    expect(basisPointsOf('0.29')).toBe(29);
    expect(basisPointsOf('100')).toBe(10_000);
    expect(basisPointsOf('12.5')).toBe(1250);
    expect(basisPointsOf('12.345')).toBeNull();
    expect(basisPointsOf('')).toBeNull();
    expect(percentOf(3333)).toBe('33.33');
    expect(percentOf(1250)).toBe('12.5');
    expect(percentOf(10_000)).toBe('100');
    expect(percentOf(5)).toBe('0.05');
  });

  it('names the month before, across a year', () => {
    expect(previousMonth(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
    expect(previousMonth(new Date('2026-12-07T00:00:00Z'))).toBe('2026-11');
  });
});
