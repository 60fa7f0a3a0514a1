'use client';

import { useMemo, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading } from '@/components/ui/states';
import { useAudience, type PlaceBy, type Range, type Ranked } from '@/lib/queries/analytics';
import { DataTable } from './data-table';
import { countryName, formatCount, formatDay, lastDays } from './format';
import { PeriodSelect } from './period-select';
import { PlaceChart } from './place-chart';
import { usePeriod } from './period-store';

function share(part: number, total: number): string {
  return total === 0 ? '–' : `${((part / total) * 100).toFixed(1)}%`;
}

/** A table whose rows can be chosen to see that store or country over time, in a chart above the table. */
interface Choosing {
  by: PlaceBy;
  chosen: string | undefined;
  onChoose: (key: string) => void;
  range: Range;
}

function AudienceTable({
  title,
  column,
  caption,
  rows,
  label,
  choosing,
}: {
  title: string;
  column: string;
  caption: string;
  rows: readonly Ranked[];
  label: (key: string) => string;
  choosing?: Choosing;
}) {
  const total = rows.reduce((sum, r) => sum + (r.streams ?? 0), 0);
  const headingId = `audience-${title.toLowerCase()}`;
  const places = useMemo(() => rows.map((r) => ({ key: r.key ?? '', label: label(r.key ?? '') })), [rows, label]);
  const shown = choosing?.chosen ?? places[0]?.key;
  const name = (key: string) =>
    choosing ? (
      <button
        type="button"
        aria-pressed={key === shown}
        aria-label={`${label(key)} over time`}
        onClick={() => choosing.onChoose(key)}
        className="text-left underline-offset-2 hover:underline aria-pressed:font-semibold"
      >
        {label(key)}
      </button>
    ) : (
      label(key)
    );
  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">Nothing reported in this period.</p>
      ) : (
        <div className="flex flex-col gap-4">
          {choosing ? (
            <PlaceChart by={choosing.by} places={places} chosen={shown} onChoose={choosing.onChoose} range={choosing.range} />
          ) : null}
          <DataTable
            caption={caption}
            columns={[{ label: column }, { label: 'Streams', numeric: true }, { label: 'Share', numeric: true }]}
            rows={rows.map((r) => ({
              key: r.key ?? '',
              cells: [name(r.key ?? ''), formatCount(r.streams), share(r.streams ?? 0, total)],
            }))}
          />
        </div>
      )}
    </Card>
  );
}

const plainName = (key: string) => key;

export function AudienceView() {
  const days = usePeriod((s) => s.days);
  const range = useMemo(() => lastDays(days), [days]);
  const audience = useAudience(range);
  const [country, setCountry] = useState<string>();
  const [store, setStore] = useState<string>();
  const data = audience.data;
  const empty = data && (data.countries ?? []).length === 0 && (data.stores ?? []).length === 0;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PeriodSelect />
        {data ? <p className="text-sm text-zinc-600 dark:text-zinc-300">{formatDay(data.from)} to {formatDay(data.to)}</p> : null}
      </div>
      {audience.isPending ? <Loading label="Loading your audience…" /> : null}
      <ProblemAlert error={audience.error} />
      {empty ? (
        <EmptyState title="No audience in this period">Where your listeners are shows once a store report covering the period is imported.</EmptyState>
      ) : null}
      {data && !empty ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <AudienceTable
            title="Countries"
            column="Country"
            caption="Streams by country"
            rows={data.countries ?? []}
            label={countryName}
            choosing={{ by: 'country', chosen: country, onChoose: setCountry, range }}
          />
          <AudienceTable
            title="Stores"
            column="Store"
            caption="Streams by store"
            rows={data.stores ?? []}
            label={plainName}
            choosing={{ by: 'store', chosen: store, onChoose: setStore, range }}
          />
          <AudienceTable title="Cities" column="City" caption="Streams by city, where the reports name cities" rows={data.cities ?? []} label={plainName} />
        </div>
      ) : null}
    </div>
  );
}
