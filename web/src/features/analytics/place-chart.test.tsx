import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { json, problem, renderWithClient } from '@/test/render';
import { AudienceView } from './audience';
import { PlaceChart } from './place-chart';
import { placesOf, RevenueView } from './revenue';

// uPlot draws on a canvas jsdom does not have; what it was given to draw is what these tests read.
const drawn = vi.hoisted(() => [] as unknown[][]);
vi.mock('uplot', () => ({
  default: class {
    constructor(_options: unknown, data: unknown[]) {
      drawn.push(data);
    }
    setSize() {}
    destroy() {}
  },
}));

const SHOP = 'Facebook / Instagram; Reels';

const RANGE = { from: '2026-11-01', to: '2026-11-03' };

function points(values: number[]) {
  return values.map((value, i) => ({ period: `2026-11-0${i + 1}`, value }));
}

/** Answers like the platform and keeps each call's whole URL: the query is what these tests check. */
function stubPlatform(answer: (url: URL) => Response) {
  const urls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      urls.push(url);
      return answer(url);
    }),
  );
  return urls;
}

function seriesOf(url: URL): Response {
  const by = url.pathname.includes('/stores/') ? 'store' : 'country';
  const key = url.searchParams.get(by) ?? '';
  const metric = url.searchParams.get('metric');
  const base = { by, key, metric, granularity: url.searchParams.get('granularity'), ...RANGE };
  if (metric === 'revenue') {
    return json(200, {
      ...base,
      points: [
        { period: '2026-11-01', revenue: [{ amountMinor: 250, currency: 'EUR' }, { amountMinor: 100, currency: 'USD' }] },
        { period: '2026-11-02', revenue: [] },
        { period: '2026-11-03', revenue: [{ amountMinor: 75, currency: 'USD' }] },
      ],
    });
  }
  return json(200, { ...base, points: points(key === 'Spotify' ? [0, 0, 0] : [10, 0, key === 'DE' ? 7 : 3]) });
}

beforeEach(() => {
  drawn.length = 0;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});

describe('a store or a country over time', () => {
  it('charts the top country and store of the audience, and the store a row names when chosen', async () => {
    const urls = stubPlatform((url) => {
      if (url.pathname === '/api/v1/analytics/audience') {
        return json(200, {
          ...RANGE,
          countries: [
            { key: 'DE', streams: 17 },
            { key: 'US', streams: 13 },
          ],
          cities: [],
          stores: [
            { key: SHOP, streams: 13 },
            { key: 'Spotify', streams: 0 },
          ],
        });
      }
      return seriesOf(url);
    });
    renderWithClient(<AudienceView />);

    const germany = await screen.findByRole('figure', { name: 'Streams from Germany per day' });
    const shop = await screen.findByRole('figure', { name: `Streams from ${SHOP} per day` });
    const countryCall = urls.find((u) => u.pathname === '/api/v1/analytics/countries/series');
    const storeCall = urls.find((u) => u.pathname === '/api/v1/analytics/stores/series');
    expect(countryCall?.searchParams.get('country')).toBe('DE');
    expect(countryCall?.searchParams.get('metric')).toBe('streams');
    // The store's slash and semicolon travel encoded in the query, never as path segments.
    expect(storeCall?.searchParams.get('store')).toBe(SHOP);
    expect(storeCall?.search).not.toContain('/');
    const germanyRows = within(within(germany).getByRole('table', { hidden: true })).getAllByRole('row', { hidden: true });
    expect(germanyRows.map((r) => r.textContent)).toEqual(['PeriodStreams', 'Nov 1, 202610', 'Nov 2, 20260', 'Nov 3, 20267']);
    expect(within(shop).getByRole('table', { hidden: true })).toHaveTextContent('Nov 3, 20263');
    expect(screen.getByRole('button', { name: 'Germany over time' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Spotify over time' }));

    expect(await screen.findByText('No streams from Spotify in this period.')).toBeInTheDocument();
    expect(urls.at(-1)?.searchParams.get('store')).toBe('Spotify');
    expect(screen.getByRole('button', { name: 'Spotify over time' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: `${SHOP} over time` })).toHaveAttribute('aria-pressed', 'false');
  });

  it('draws revenue as one line per currency and never offers plays', async () => {
    const urls = stubPlatform(seriesOf);
    renderWithClient(<PlaceChart by="store" places={[{ key: 'Deezer', label: 'Deezer' }]} chosen={undefined} onChoose={() => {}} range={RANGE} />);
    const section = await screen.findByRole('region', { name: 'Store over time' });
    const metric = within(section).getByLabelText('Metric');
    expect(within(metric).getAllByRole('option').map((o) => o.textContent)).toEqual(['Streams', 'Revenue']);

    await userEvent.selectOptions(metric, 'revenue');

    const figure = await screen.findByRole('figure', { name: 'Revenue from Deezer per day' });
    expect(urls.at(-1)?.searchParams.get('metric')).toBe('revenue');
    const rows = within(within(figure).getByRole('table', { hidden: true })).getAllByRole('row', { hidden: true });
    expect(rows.map((r) => r.textContent)).toEqual([
      'PeriodRevenue (EUR)Revenue (USD)',
      'Nov 1, 20262.51',
      'Nov 2, 202600',
      'Nov 3, 202600.75',
    ]);
    await vi.waitFor(() => expect(drawn.at(-1)).toEqual([expect.any(Array), [2.5, 0, 0], [1, 0, 0.75]]));
  });

  it('asks for the chosen granularity and shows the platform refusing it', async () => {
    const urls = stubPlatform((url) =>
      url.searchParams.get('granularity') === 'week'
        ? problem(400, {
            status: 400,
            code: 'request.invalid',
            detail: 'The list\u2019s parameters have invalid values.',
            errors: [{ field: 'granularity', message: 'must be one of day, month, week' }],
          })
        : seriesOf(url),
    );
    renderWithClient(<PlaceChart by="country" places={[{ key: 'US', label: 'United States' }]} chosen="US" onChoose={() => {}} range={RANGE} />);
    await screen.findByRole('figure', { name: 'Streams from United States per day' });

    await userEvent.selectOptions(screen.getByLabelText('Per'), 'week');

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(urls.at(-1)?.pathname).toBe('/api/v1/analytics/countries/series');
    expect(urls.at(-1)?.searchParams.get('granularity')).toBe('week');
  });

  it('charts one store of the revenue page in revenue first, each store once', async () => {
    const rows = [
      { key: 'Spotify', amount: { amountMinor: 500, currency: 'USD' }, units: 10 },
      { key: 'Deezer', amount: { amountMinor: 300, currency: 'EUR' }, units: 5 },
      { key: 'Spotify', amount: { amountMinor: 200, currency: 'EUR' }, units: 4 },
    ];
    expect(placesOf('country', [{ key: 'DE', amount: { amountMinor: 1, currency: 'EUR' }, units: 1 }])).toEqual([{ key: 'DE', label: 'Germany' }]);
    const urls = stubPlatform((url) =>
      url.pathname === '/api/v1/analytics/revenue' ? json(200, { ...RANGE, by: 'store', rows }) : seriesOf(url),
    );
    renderWithClient(<RevenueView />);

    const card = await screen.findByRole('region', { name: 'One store over time' });
    const store = within(card).getByLabelText('Store');
    expect(within(store).getAllByRole('option').map((o) => o.textContent)).toEqual(['Spotify', 'Deezer']);
    await within(card).findByRole('figure', { name: 'Revenue from Spotify per day' });

    await userEvent.selectOptions(store, 'Deezer');

    await within(card).findByRole('figure', { name: 'Revenue from Deezer per day' });
    expect(urls.at(-1)?.searchParams.get('store')).toBe('Deezer');
    expect(urls.at(-1)?.searchParams.get('metric')).toBe('revenue');
  });
});
