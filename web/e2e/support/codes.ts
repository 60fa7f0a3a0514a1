/**
 * Codes the stores check, made fresh for each run: the reference stores keep what they ingested, and a
 * real store refuses a UPC or ISRC that another release already holds.
 */

function digits(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(Math.random() * 10);
  return text;
}

/** The GS1 check digit of the first 11 digits of a UPC-A: odd positions count three times. */
export function upcCheckDigit(first11: string): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(first11[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** A valid UPC-A, and the same barcode with a wrong check digit. */
export function freshUpc(): { valid: string; wrongCheckDigit: string } {
  const body = `0${digits(10)}`;
  const check = upcCheckDigit(body);
  return { valid: `${body}${check}`, wrongCheckDigit: `${body}${(check + 1) % 10}` };
}

/** An ISRC as an artist types it (CC-XXX-YY-NNNNN) and as reports carry it (12 characters, no hyphens). */
export function freshIsrc(): { typed: string; compact: string } {
  const year = String(new Date().getUTCFullYear() % 100).padStart(2, '0');
  const designation = digits(5);
  return { typed: `GB-NAL-${year}-${designation}`, compact: `GBNAL${year}${designation}` };
}

/** An ISO date `days` from today (UTC), as `<input type="date">` takes it. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
