'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading } from '@/components/ui/states';
import { useOverview, type Money, type Overview as OverviewData } from '@/lib/queries/analytics';
import { useTrackList } from '@/lib/queries/tracks';
import { AlertsList } from './alerts-list';
import { countryName, formatChange, formatCount, formatDay, formatMoney, lastDays } from './format';
import { LivePlays } from './live-plays';
import { PeriodSelect } from './period-select';
import { usePeriod } from './period-store';
import { RankedList } from './ranked-list';
import { TrackChart } from './track-chart';

function Figure({ label, value, change }: { label: string; value: string; change: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-sm text-zinc-600 dark:text-zinc-300">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums">{value}</dd>
      <dd className="text-sm text-zinc-600 dark:text-zinc-300">{change}</dd>
    </div>
  );
}

function revenueFigures(data: OverviewData): { currency: string; money: Money; change: string }[] {
  const changes = new Map((data.change?.revenue ?? []).map((c) => [c.currency ?? '', c.percent]));
  return (data.current?.revenue ?? []).map((money) => ({
    currency: money.currency,
    money,
    change: formatChange(changes.get(money.currency)),
  }));
}

export function AnalyticsOverview() {
  const days = usePeriod((s) => s.days);
  const range = useMemo(() => lastDays(days), [days]);
  const overview = useOverview(range);
  const catalogue = useTrackList(0, 100);
  const titles = useMemo(
    () => new Map((catalogue.data?.items ?? []).map((t) => [t.id ?? '', t.title || 'Untitled'])),
    [catalogue.data],
  );
  const tracks = useMemo(() => {
    // Tracks with numbers first, then the rest of the catalogue.
    const top = (overview.data?.topTracks ?? []).map((t) => ({ id: t.key ?? '', title: t.title ?? titles.get(t.key ?? '') ?? 'Untitled' }));
    const seen = new Set(top.map((t) => t.id));
    return [...top, ...[...titles].filter(([id]) => !seen.has(id)).map(([id, title]) => ({ id, title }))];
  }, [overview.data, titles]);

  const data = overview.data;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PeriodSelect />
        {data ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            {formatDay(data.from)} to {formatDay(data.to)}, against the {days} days before.
          </p>
        ) : null}
      </div>
      {overview.isPending ? <Loading label="Loading your numbers…" /> : null}
      <ProblemAlert error={overview.error} />
      {data ? (
        <>
          <section aria-labelledby="totals-heading">
            <h2 id="totals-heading" className="sr-only">
              Totals
            </h2>
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <Figure label="Streams" value={formatCount(data.current?.streams)} change={formatChange(data.change?.streams)} />
              <Figure label="Plays on your page" value={formatCount(data.current?.plays)} change={formatChange(data.change?.plays)} />
              <Figure
                label="Listeners on your page (estimate)"
                value={formatCount(data.current?.listenersEstimate)}
                change={formatChange(data.change?.listenersEstimate)}
              />
              {revenueFigures(data).length === 0 ? (
                <Figure label="Revenue" value="–" change="No revenue reported in this period" />
              ) : (
                revenueFigures(data).map((r) => (
                  <Figure key={r.currency} label={`Revenue in ${r.currency}`} value={formatMoney(r.money)} change={r.change} />
                ))
              )}
            </dl>
            {data.current?.streams === 0 && (data.current?.revenue ?? []).length === 0 ? (
              <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-300">
                No store numbers in this period yet.{' '}
                <Link href="/analytics/imports" className="font-medium text-brand-700 underline dark:text-brand-100">
                  Import a store or distributor report
                </Link>{' '}
                to see them.
              </p>
            ) : null}
          </section>

          <Card aria-labelledby="chart-heading">
            <h2 id="chart-heading" className="mb-3 text-lg font-semibold">
              Over time
            </h2>
            <TrackChart tracks={tracks} range={range} />
          </Card>

          <Card aria-labelledby="top-heading">
            <h2 id="top-heading" className="mb-3 text-lg font-semibold">
              Top of the period
            </h2>
            <div className="grid gap-6 md:grid-cols-3">
              <RankedList
                title="Top tracks"
                items={(data.topTracks ?? []).map((t) => ({ key: t.key ?? '', label: t.title ?? titles.get(t.key ?? '') ?? 'Untitled', value: t.streams ?? 0 }))}
                empty="No streams in this period."
              />
              <RankedList
                title="Top stores"
                items={(data.topStores ?? []).map((t) => ({ key: t.key ?? '', label: t.key ?? '–', value: t.streams ?? 0 }))}
                empty="No store reported streams in this period."
              />
              <RankedList
                title="Top countries"
                items={(data.topCountries ?? []).map((t) => ({ key: t.key ?? '', label: countryName(t.key), value: t.streams ?? 0 }))}
                empty="No country reported in this period."
              />
            </div>
          </Card>
        </>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="alerts-heading" className="lg:col-span-2">
          <h2 id="alerts-heading" className="mb-3 text-lg font-semibold">
            Alerts
          </h2>
          <AlertsList />
        </Card>
        <Card aria-label="Live plays">
          <LivePlays titles={titles} />
        </Card>
      </div>
    </div>
  );
}
