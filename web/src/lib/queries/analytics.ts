'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from '@/lib/api/client';
import type { analyticsComponents } from '@/lib/api/generated';

type Schemas = analyticsComponents['schemas'];

/**
 * Money as it travels: `{"amountMinor": 1234, "currency": "USD"}`. springdoc describes java.util.Currency as
 * an object; on the wire it is the ISO 4217 code.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

type WithMoney<T, K extends keyof T> = Omit<T, K> & { [P in K]?: Money[] };

export type Totals = WithMoney<Schemas['Totals'], 'revenue'>;
export type Ranked = Schemas['Ranked'];
export type Overview = Omit<Schemas['Overview'], 'current' | 'previous'> & { current?: Totals; previous?: Totals };
export type SeriesPoint = WithMoney<Schemas['Point'], 'revenue'>;
export type Series = Omit<Schemas['Series'], 'points'> & { points?: SeriesPoint[] };
export type Audience = Schemas['Audience'];
export type ReportImport = WithMoney<Schemas['ImportResponse'], 'revenue'>;
export type AnalyticsAlert = Schemas['Alert'];

export type RevenueBy = 'store' | 'country' | 'track' | 'period';
export interface RevenueRow {
  key: string;
  title?: string | null;
  amount: Money;
  units: number;
}
export interface RevenueReport {
  from: string;
  to: string;
  by: RevenueBy;
  rows: RevenueRow[];
}

export type ReconciliationFlag = 'STREAMS_WITHOUT_REVENUE' | 'REVENUE_WITHOUT_STREAMS' | 'RATE_OUTLIER';
export interface ReconciliationRate {
  currency: string;
  perThousand: number;
  storeMedianPerThousand: number | null;
  outlier: boolean;
}
export interface ReconciliationRow {
  store: string;
  month: string;
  streams: number;
  revenue: Money[];
  rates: ReconciliationRate[];
  flags: ReconciliationFlag[];
}
export interface ReconciliationReport {
  from: string;
  to: string;
  rows: ReconciliationRow[];
}

export type Metric = 'streams' | 'plays' | 'revenue';
export type Granularity = 'day' | 'week' | 'month';

/** Where numbers are broken down by place. Plays on the artist's page have no store or country. */
export type PlaceBy = 'store' | 'country';
export type PlaceMetric = Exclude<Metric, 'plays'>;
/**
 * A store's or a country's series (`GET /api/v1/analytics/stores/series?store=…`,
 * `/countries/series?country=…`). Written by hand until the generated types are regenerated from the
 * service's OpenAPI document.
 */
/** The generated schema's by, metric and granularity are plain strings; the service answers these values. */
export type PlaceSeries = Omit<Schemas['PlaceSeries'], 'points' | 'by' | 'metric' | 'granularity'> & {
  by?: PlaceBy;
  metric?: PlaceMetric;
  granularity?: Granularity;
  points?: SeriesPoint[];
};

export interface Range {
  from: string;
  to: string;
}

export const analyticsKeys = {
  all: ['analytics'] as const,
  overview: (range: Range) => ['analytics', 'overview', range.from, range.to] as const,
  series: (track: string, metric: Metric, granularity: Granularity, range: Range) =>
    ['analytics', 'series', track, metric, granularity, range.from, range.to] as const,
  placeSeries: (by: PlaceBy, key: string, metric: PlaceMetric, granularity: Granularity, range: Range) =>
    ['analytics', 'place-series', by, key, metric, granularity, range.from, range.to] as const,
  audience: (range: Range) => ['analytics', 'audience', range.from, range.to] as const,
  revenue: (by: RevenueBy, range: Range) => ['analytics', 'revenue', by, range.from, range.to] as const,
  reconciliation: (period: string) => ['analytics', 'reconciliation', period] as const,
  imports: (page: number, size: number) => ['analytics', 'imports', page, size] as const,
  alerts: (page: number, size: number) => ['analytics', 'alerts', page, size] as const,
};

export function useOverview(range: Range) {
  return useQuery({
    queryKey: analyticsKeys.overview(range),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/analytics/overview', { params: { query: range } }))) as Overview,
    placeholderData: keepPreviousData,
  });
}

export function useSeries(track: string | undefined, metric: Metric, granularity: Granularity, range: Range) {
  return useQuery({
    queryKey: analyticsKeys.series(track ?? '', metric, granularity, range),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/analytics/tracks/{id}/series', {
          params: { path: { id: track ?? '' }, query: { metric, granularity, ...range } },
        }),
      )) as Series,
    enabled: Boolean(track),
    placeholderData: keepPreviousData,
  });
}

export function usePlaceSeries(
  by: PlaceBy,
  key: string | undefined,
  metric: PlaceMetric,
  granularity: Granularity,
  range: Range,
) {
  return useQuery({
    queryKey: analyticsKeys.placeSeries(by, key ?? '', metric, granularity, range),
    queryFn: async () => {
      // A store is named by the reports and may hold any character: it travels as an encoded query value.
      const query = new URLSearchParams({ [by]: key ?? '', metric, granularity, from: range.from, to: range.to });
      const path = by === 'store' ? 'stores' : 'countries';
      const response = await rawFetch(`/api/v1/analytics/${path}/series?${query}`, { headers: { Accept: 'application/json' } });
      return (await response.json()) as PlaceSeries;
    },
    enabled: Boolean(key),
    placeholderData: keepPreviousData,
  });
}

export function useAudience(range: Range) {
  return useQuery({
    queryKey: analyticsKeys.audience(range),
    queryFn: () => unwrap(api.GET('/api/v1/analytics/audience', { params: { query: range } })),
    placeholderData: keepPreviousData,
  });
}

export function useRevenue(by: RevenueBy, range: Range) {
  return useQuery({
    queryKey: analyticsKeys.revenue(by, range),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/analytics/revenue', { params: { query: { by, ...range } } }))) as unknown as RevenueReport,
    placeholderData: keepPreviousData,
  });
}

export function useReconciliation(period: string) {
  return useQuery({
    queryKey: analyticsKeys.reconciliation(period),
    queryFn: async () => {
      const query = period ? `?period=${encodeURIComponent(period)}` : '';
      const response = await rawFetch(`/api/v1/analytics/reconciliation${query}`, { headers: { Accept: 'application/json' } });
      return (await response.json()) as ReconciliationReport;
    },
    placeholderData: keepPreviousData,
  });
}

export function useImports(page: number, size: number) {
  return useQuery({
    queryKey: analyticsKeys.imports(page, size),
    queryFn: async () => {
      const result = await unwrap(api.GET('/api/v1/analytics/imports', { params: { query: { page, size } } }));
      return result as Omit<typeof result, 'items'> & { items?: ReportImport[] };
    },
  });
}

export function useAlerts(page: number, size: number) {
  return useQuery({
    queryKey: analyticsKeys.alerts(page, size),
    queryFn: () => unwrap(api.GET('/api/v1/analytics/alerts', { params: { query: { page, size } } })),
    // Alerts are raised after an import's numbers are rolled up: a page left open sees them arrive.
    refetchInterval: 30_000,
  });
}
