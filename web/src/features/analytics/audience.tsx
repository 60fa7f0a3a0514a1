'use client';

import { useMemo } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading } from '@/components/ui/states';
import { useAudience, type Ranked } from '@/lib/queries/analytics';
import { DataTable } from './data-table';
import { countryName, formatCount, formatDay, lastDays } from './format';
import { PeriodSelect } from './period-select';
import { usePeriod } from './period-store';

function share(part: number, total: number): string {
  return total === 0 ? '–' : `${((part / total) * 100).toFixed(1)}%`;
}

function AudienceTable({ title, column, caption, rows, label }: { title: string; column: string; caption: string; rows: readonly Ranked[]; label: (key: string) => string }) {
  const total = rows.reduce((sum, r) => sum + (r.streams ?? 0), 0);
  const headingId = `audience-${title.toLowerCase()}`;
  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">Nothing reported in this period.</p>
      ) : (
        <DataTable
          caption={caption}
          columns={[{ label: column }, { label: 'Streams', numeric: true }, { label: 'Share', numeric: true }]}
          rows={rows.map((r) => ({
            key: r.key ?? '',
            cells: [label(r.key ?? ''), formatCount(r.streams), share(r.streams ?? 0, total)],
          }))}
        />
      )}
    </Card>
  );
}

export function AudienceView() {
  const days = usePeriod((s) => s.days);
  const range = useMemo(() => lastDays(days), [days]);
  const audience = useAudience(range);
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
          <AudienceTable title="Countries" column="Country" caption="Streams by country" rows={data.countries ?? []} label={countryName} />
          <AudienceTable title="Stores" column="Store" caption="Streams by store" rows={data.stores ?? []} label={(k) => k} />
          <AudienceTable title="Cities" column="City" caption="Streams by city, where the reports name cities" rows={data.cities ?? []} label={(k) => k} />
        </div>
      ) : null}
    </div>
  );
}
