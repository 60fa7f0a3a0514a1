import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { describeAlert } from './alerts-list';
import { countryName, formatChange, formatMoney, lastDays } from './format';
import { ImportsView } from './imports';
import { ReconciliationView } from './reconciliation';
import { byCurrency } from './revenue';
import { chartSeriesOf } from './track-chart';

describe('numbers as the artist reads them', () => {
  it('writes each amount in its own currency, never added to another', () => {
    expect(formatMoney({ amountMinor: 1234, currency: 'USD' })).toBe('$12.34');
    expect(formatMoney({ amountMinor: 1234, currency: 'JPY' })).toBe('¥1,234');
    const groups = byCurrency([
      { key: 'Spotify', amount: { amountMinor: 500, currency: 'USD' }, units: 10 },
      { key: 'Spotify', amount: { amountMinor: 300, currency: 'EUR' }, units: 5 },
      { key: 'Deezer', amount: { amountMinor: 200, currency: 'USD' }, units: 4 },
    ]);
    expect([...groups.keys()]).toEqual(['USD', 'EUR']);
    expect(groups.get('USD')?.map((r) => r.key)).toEqual(['Spotify', 'Deezer']);
  });

  it('draws revenue as one line per currency', () => {
    const { periods, lines } = chartSeriesOf(
      {
        points: [
          { period: '2026-10-01', revenue: [{ amountMinor: 150, currency: 'USD' }] },
          { period: '2026-11-01', revenue: [{ amountMinor: 200, currency: 'EUR' }, { amountMinor: 100, currency: 'USD' }] },
        ],
      },
      'revenue',
    );
    expect(periods).toEqual(['2026-10-01', '2026-11-01']);
    expect(lines).toEqual([
      { label: 'Revenue (EUR)', values: [0, 2] },
      { label: 'Revenue (USD)', values: [1.5, 1] },
    ]);
  });

  it('says a change against the period before in words', () => {
    expect(formatChange(12.345)).toBe('+12% on the period before');
    expect(formatChange(-3.21)).toBe('−3.2% on the period before');
    expect(formatChange(0)).toBe('unchanged');
    expect(formatChange(null)).toBe('no earlier numbers to compare');
  });

  it('names countries and counts whole days', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('ZZ')).toBe('Unknown country');
    expect(lastDays(28, new Date('2026-12-07T23:00:00Z'))).toEqual({ from: '2026-11-10', to: '2026-12-07' });
  });

  it('tells a suspicious spike with where it came from and what to do', () => {
    const { heading, text } = describeAlert({
      kind: 'SUSPICIOUS',
      title: 'Night Drive',
      metric: 'streams',
      granularity: 'DAY',
      periodStart: '2026-11-20',
      value: 9000,
      baseline: 310,
      detail: '{"dimension": "country", "concentratedIn": "BR", "share": 0.92, "usualShare": 0.05}',
    });
    expect(heading).toBe('Suspicious activity');
    expect(text).toContain('Night Drive had 9,000 streams on Nov 20, 2026, against a usual 310, 92% of them from Brazil (usually 5%)');
  });
});

describe('the reconciliation table', () => {
  it('shows every store and month with its flags in words', async () => {
    stubFetch(() =>
      json(200, {
        from: '2026-01',
        to: '2026-12',
        rows: [
          {
            store: 'Spotify',
            month: '2026-11',
            streams: 12000,
            revenue: [],
            rates: [],
            flags: ['STREAMS_WITHOUT_REVENUE'],
          },
          {
            store: 'Deezer',
            month: '2026-11',
            streams: 1000,
            revenue: [{ amountMinor: 400, currency: 'EUR' }],
            rates: [{ currency: 'EUR', perThousand: 4, storeMedianPerThousand: 3.5, outlier: false }],
            flags: [],
          },
        ],
      }),
    );
    renderWithClient(<ReconciliationView />);
    const table = await screen.findByRole('table', { name: 'Streams reported against revenue paid, per store and month' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('Spotify');
    expect(rows[1]).toHaveTextContent('Streams reported, nothing paid');
    expect(rows[2]).toHaveTextContent('€4.00');
    expect(rows[2]).toHaveTextContent('4 EUR (store median 3.5)');
    expect(screen.getByText('1 flagged')).toBeInTheDocument();
  });

  it('puts a refused period at the period field', async () => {
    stubFetch(() =>
      problem(400, {
        status: 400,
        code: 'request.invalid',
        detail: 'The request has invalid values.',
        errors: [{ field: 'period', message: 'must be a year (YYYY) or a month (YYYY-MM)' }],
      }),
    );
    renderWithClient(<ReconciliationView />);
    expect(await screen.findByText('Months must be a year (YYYY) or a month (YYYY-MM).')).toBeInTheDocument();
    expect(screen.getByLabelText('Months')).toHaveAttribute('aria-invalid', 'true');
  });
});

/** XMLHttpRequest as the import sends it: progress events, then the platform's answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  method = '';
  url = '';
  sent: FormData | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {}
  send(body: FormData) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('a report import', () => {
  it('shows the upload moving, then the counts; a refused file says which line', async () => {
    stubFetch(() => json(200, { items: [], page: 0, size: 20, totalItems: 0 }));
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    renderWithClient(<ImportsView />);
    const file = new File(['Sale Month\tStore\n'], 'bank.tsv', { type: 'text/tab-separated-values' });
    await userEvent.upload(screen.getByLabelText('Choose a report'), file);
    await userEvent.click(screen.getByRole('button', { name: 'Import bank.tsv' }));

    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/analytics/imports');
    expect((xhr.sent?.get('file') as File).name).toBe('bank.tsv');
    xhr.upload.onprogress?.({ loaded: 9, total: 18, lengthComputable: true });
    const bar = await screen.findByRole('progressbar', { name: 'Import of bank.tsv' });
    await vi.waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));

    xhr.answer(201, { id: 'i1', status: 'COMPLETED', usageLines: 120, matchedLines: 118, unmatchedLines: 2 });
    expect(await screen.findByText(/120 usage lines: 118 matched to your tracks, 2 unmatched/)).toBeInTheDocument();

    await userEvent.upload(screen.getByLabelText('Choose a report'), new File(['x'], 'broken.tsv'));
    await userEvent.click(screen.getByRole('button', { name: 'Import broken.tsv' }));
    FakeXhr.last!.answer(422, {
      status: 422,
      code: 'import.malformed',
      detail: "Line 7 of the report: the quantity 'many' is not a whole number",
      line: 7,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent("Line 7 of the report: the quantity 'many' is not a whole number.");
  });
});
