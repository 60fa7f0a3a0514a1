'use client';

import { useMemo, useState } from 'react';
import { SelectField } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import { useSeries, type Granularity, type Metric, type Range, type SeriesPoint } from '@/lib/queries/analytics';
import { majorUnits } from './format';
import { TimeChart, type ChartSeries } from './time-chart';

const METRICS: { value: Metric; label: string }[] = [
  { value: 'streams', label: 'Streams' },
  { value: 'plays', label: 'Plays on your page' },
  { value: 'revenue', label: 'Revenue' },
];

export const GRANULARITIES: { value: Granularity; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
];

/**
 * One line per currency for revenue: amounts in different currencies are never added, so each currency is
 * its own line (and its own unit).
 */
export function chartSeriesOf(series: { points?: SeriesPoint[] } | undefined, metric: Metric): { periods: string[]; lines: ChartSeries[] } {
  const points = series?.points ?? [];
  const periods = points.map((p) => p.period ?? '');
  if (metric !== 'revenue') {
    return { periods, lines: [{ label: metric === 'plays' ? 'Plays' : 'Streams', values: points.map((p) => p.value ?? 0) }] };
  }
  const currencies = [...new Set(points.flatMap((p) => (p.revenue ?? []).map((m) => m.currency)))].sort();
  return {
    periods,
    lines: currencies.map((currency) => ({
      label: `Revenue (${currency})`,
      values: points.map((p) => {
        const money = (p.revenue ?? []).find((m) => m.currency === currency);
        return money ? majorUnits(money) : 0;
      }),
    })),
  };
}

export function TrackChart({ tracks, range }: { tracks: readonly { id: string; title: string }[]; range: Range }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [metric, setMetric] = useState<Metric>('streams');
  const [granularity, setGranularity] = useState<Granularity>('day');
  const track = chosen ?? tracks[0]?.id;
  const series = useSeries(track, metric, granularity, range);
  const { periods, lines } = useMemo(() => chartSeriesOf(series.data, metric), [series.data, metric]);
  const title = tracks.find((t) => t.id === track)?.title ?? 'Track';
  const metricLabel = METRICS.find((m) => m.value === metric)?.label ?? metric;

  if (tracks.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-300">Upload a track to see its numbers over time.</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-3">
        <SelectField
          label="Track"
          value={track}
          options={tracks.map((t) => ({ value: t.id, label: t.title }))}
          onChange={(e) => setChosen(e.target.value)}
          className="min-w-48"
        />
        <SelectField label="Metric" value={metric} options={METRICS} onChange={(e) => setMetric(e.target.value as Metric)} />
        <SelectField
          label="Per"
          value={granularity}
          options={GRANULARITIES}
          onChange={(e) => setGranularity(e.target.value as Granularity)}
        />
      </div>
      {series.isPending ? <Loading label="Loading the numbers…" /> : null}
      <ProblemAlert error={series.error} />
      {series.data && metric === 'revenue' && lines.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">No revenue for {title} in this period.</p>
      ) : null}
      {series.data && lines.length > 0 ? (
        <TimeChart title={`${metricLabel} of ${title} per ${granularity}`} periods={periods} series={lines} />
      ) : null}
    </div>
  );
}
