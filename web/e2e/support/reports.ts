/**
 * A DistroKid bank export, as an artist downloads it from DistroKid: tab-separated, one row per sale month,
 * store, country and track, with the earnings in USD. Generated so that the journey needs no fixture file
 * and the numbers it reads back are known.
 */
export const DISTROKID_HEADER = [
  'Reporting Date',
  'Sale Month',
  'Store',
  'Artist',
  'Title',
  'ISRC',
  'UPC',
  'Quantity',
  'Team Percentage',
  'Song/Album',
  'Country of Sale',
  'Songwriter Royalties Withheld',
  'Earnings (USD)',
];

export const REPORT_STORES = ['Spotify', 'Apple Music', 'Amazon Music', 'YouTube Music', 'Deezer', 'Tidal', 'Pandora', 'iTunes'];
export const REPORT_COUNTRIES = [
  'US', 'DE', 'GB', 'FR', 'SE', 'BR', 'JP', 'MX', 'CA', 'AU', 'NL', 'ES', 'IT', 'PL', 'NO', 'DK', 'FI', 'IE', 'AT', 'CH',
  'BE', 'PT', 'CZ', 'HU', 'RO', 'GR', 'TR', 'IN', 'ID', 'PH', 'TH', 'VN', 'MY', 'SG', 'KR', 'TW', 'HK', 'NZ', 'ZA', 'NG',
  'KE', 'EG', 'MA', 'AR', 'CL', 'CO', 'PE', 'UY', 'EC', 'CR', 'IS', 'EE', 'LV', 'LT', 'SK', 'SI', 'HR', 'RS', 'BG', 'UA',
];

export interface DistroKidReport {
  text: string;
  /** Streams of the track in the whole report. */
  streams: number;
  /** Streams per sale month (YYYY-MM). */
  streamsByMonth: Map<string, number>;
  /** Earnings in USD cents, the sum of the rows' amounts. */
  earningsCents: number;
  /** The sale months, newest first. */
  saleMonths: string[];
  rows: number;
  /** The country with the most streams, and its streams. */
  topCountry: { code: string; streams: number };
}

/** The `count` months before the current one (UTC), newest first, as DistroKid writes a sale month. */
export function previousMonths(count: number, now: Date = new Date()): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 1)).toISOString().slice(0, 7),
  );
}

/**
 * Every store in every country for one track, over the last three months: a few streams each, more in the
 * US, paid 0.3 to 0.4 cent a stream (whole cents per row, as DistroKid rounds). About 1,400 rows, 140 kB:
 * large enough that the browser reports the upload's progress in steps.
 */
export function distroKidReport({
  artist,
  title,
  isrc,
  upc,
  saleMonths = previousMonths(3),
}: {
  artist: string;
  title: string;
  isrc: string;
  upc: string;
  saleMonths?: string[];
}): DistroKidReport {
  const lines = [DISTROKID_HEADER.join('\t')];
  let streams = 0;
  let earningsCents = 0;
  const byCountry = new Map<string, number>();
  const streamsByMonth = new Map<string, number>();
  saleMonths.forEach((saleMonth, m) => {
    const reportingDate = `${saleMonth}-28`;
    REPORT_STORES.forEach((store, s) => {
      REPORT_COUNTRIES.forEach((country, c) => {
        const quantity = 1 + ((s * 7 + c * 3 + m * 5) % 11) + (country === 'US' ? 40 : 0);
        const cents = Math.round(quantity * (0.3 + s * 0.0125));
        streams += quantity;
        earningsCents += cents;
        byCountry.set(country, (byCountry.get(country) ?? 0) + quantity);
        streamsByMonth.set(saleMonth, (streamsByMonth.get(saleMonth) ?? 0) + quantity);
        lines.push(
          [reportingDate, saleMonth, store, artist, title, isrc, upc, String(quantity), '1', 'Song', country, '0', (cents / 100).toFixed(2)].join('\t'),
        );
      });
    });
  });
  const [code, top] = [...byCountry].sort((a, b) => b[1] - a[1])[0]!;
  return {
    text: `${lines.join('\n')}\n`,
    streams,
    streamsByMonth,
    earningsCents,
    saleMonths,
    rows: lines.length - 1,
    topCountry: { code, streams: top },
  };
}
