'use client';

import { useMemo, useState } from 'react';
import { SelectField } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import { usePlaceSeries, type Granularity, type PlaceBy, type PlaceMetric, type Range } from '@/lib/queries/analytics';
import { TimeChart } from './time-chart';
import { chartSeriesOf, GRANULARITIES } from './track-chart';

/** Plays are counted on the artist's own page, which is neither a store nor a country: not offered here. */
const METRICS: { value: PlaceMetric; label: string }[] = [
  { value: 'streams', label: 'Streams' },
  { value: 'revenue', label: 'Revenue' },
];

const NOUN: Record<PlaceBy, string> = { store: 'Store', country: 'Country' };

/** Module-level, so that the chart is not drawn again on every render: amounts to the cent. */
const formatAmount = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

export interface Place {
  key: string;
  label: string;
}

/**
 * One store's or one country's streams or revenue over time, drawn as the track chart draws a track's: revenue
 * is one line per currency, never added across currencies. The place is chosen here or from the table beside it.
 */
export function PlaceChart({
  by,
  places,
  chosen,
  onChoose,
  range,
  initialMetric = 'streams',
}: {
  by: PlaceBy;
  places: readonly Place[];
  chosen: string | undefined;
  onChoose: (key: string) => void;
  range: Range;
  initialMetric?: PlaceMetric;
}) {
  const [metric, setMetric] = useState<PlaceMetric>(initialMetric);
  const [granularity, setGranularity] = useState<Granularity>('day');
  const key = chosen ?? places[0]?.key;
  const series = usePlaceSeries(by, key, metric, granularity, range);
  const { periods, lines } = useMemo(() => chartSeriesOf(series.data, metric), [series.data, metric]);
  const label = places.find((p) => p.key === key)?.label ?? key ?? '';
  const metricLabel = METRICS.find((m) => m.value === metric)?.label ?? metric;
  const nothing = lines.length === 0 || lines.every((line) => line.values.every((v) => v === 0));
  // Options always hold the chosen place, even one the current period's top list no longer shows.
  const options = places.some((p) => p.key === key) || key === undefined ? places : [{ key, label: key }, ...places];

  if (key === undefined) {
    return null;
  }
  return (
    <section aria-label={`${NOUN[by]} over time`} className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-3">
        <SelectField
          label={NOUN[by]}
          value={key}
          options={options.map((p) => ({ value: p.key, label: p.label }))}
          onChange={(e) => onChoose(e.target.value)}
          className="min-w-40"
        />
        <SelectField
          label="Metric"
          value={metric}
          options={METRICS}
          onChange={(e) => setMetric(e.target.value as PlaceMetric)}
        />
        <SelectField
          label="Per"
          value={granularity}
          options={GRANULARITIES}
          onChange={(e) => setGranularity(e.target.value as Granularity)}
        />
      </div>
      {series.isPending ? <Loading label={`Loading ${label} over time…`} /> : null}
      <ProblemAlert error={series.error} />
      {series.data && nothing ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          No {metric === 'revenue' ? 'revenue' : 'streams'} from {label} in this period.
        </p>
      ) : null}
      {series.data && !nothing ? (
        <TimeChart
          title={`${metricLabel} from ${label} per ${granularity}`}
          periods={periods}
          series={lines}
          format={metric === 'revenue' ? formatAmount : undefined}
        />
      ) : null}
    </section>
  );
}
