'use client';

import { useMemo, useState } from 'react';
import { SelectField } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading } from '@/components/ui/states';
import { useRevenue, type PlaceBy, type RevenueBy, type RevenueRow } from '@/lib/queries/analytics';
import { DataTable } from './data-table';
import { countryName, formatCount, formatDay, formatMoney, lastDays, majorUnits } from './format';
import { PeriodSelect } from './period-select';
import { PlaceChart } from './place-chart';
import { usePeriod } from './period-store';
import { TimeChart } from './time-chart';

const GROUPS: { value: RevenueBy; label: string; column: string }[] = [
  { value: 'store', label: 'Store', column: 'Store' },
  { value: 'country', label: 'Country', column: 'Country' },
  { value: 'track', label: 'Track', column: 'Track' },
  { value: 'period', label: 'Month', column: 'Month' },
];

/** Rows by currency, in the order the platform sent them: a currency's amounts are never added to another's. */
export function byCurrency(rows: readonly RevenueRow[]): Map<string, RevenueRow[]> {
  const groups = new Map<string, RevenueRow[]>();
  for (const row of rows) {
    const list = groups.get(row.amount.currency) ?? [];
    list.push(row);
    groups.set(row.amount.currency, list);
  }
  return groups;
}

function keyLabel(by: RevenueBy, row: RevenueRow): string {
  if (by === 'country') return countryName(row.key);
  if (by === 'track') return row.title ?? 'Untitled';
  if (by === 'period') return formatDay(row.key);
  return row.key;
}

function CurrencyChart({ currency, rows }: { currency: string; rows: readonly RevenueRow[] }) {
  const sorted = useMemo(() => [...rows].sort((a, b) => a.key.localeCompare(b.key)), [rows]);
  const periods = useMemo(() => sorted.map((r) => r.key), [sorted]);
  const series = useMemo(() => [{ label: `Revenue (${currency})`, values: sorted.map((r) => majorUnits(r.amount)) }], [sorted, currency]);
  const format = useMemo(() => (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 }), []);
  return <TimeChart title={`Revenue per month in ${currency}`} periods={periods} series={series} format={format} />;
}

/** The stores or countries in the rows, each once, in the order the platform sent them (largest first). */
export function placesOf(by: RevenueBy, rows: readonly RevenueRow[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) {
    if (!seen.has(row.key)) seen.set(row.key, keyLabel(by, row));
  }
  return [...seen].map(([key, label]) => ({ key, label }));
}

function isPlace(by: RevenueBy): by is PlaceBy {
  return by === 'store' || by === 'country';
}

export function RevenueView() {
  const days = usePeriod((s) => s.days);
  const range = useMemo(() => lastDays(days), [days]);
  const [by, setBy] = useState<RevenueBy>('store');
  const revenue = useRevenue(by, range);
  const groups = useMemo(() => byCurrency(revenue.data?.rows ?? []), [revenue.data]);
  const column = GROUPS.find((g) => g.value === by)?.column ?? 'Key';
  const places = useMemo(() => placesOf(by, revenue.data?.rows ?? []), [by, revenue.data]);
  const [chosen, setChosen] = useState<Partial<Record<PlaceBy, string>>>({});
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end gap-4">
        <PeriodSelect />
        <SelectField label="Group by" value={by} options={GROUPS} onChange={(e) => setBy(e.target.value as RevenueBy)} className="w-40" />
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        Each currency is shown on its own: stores pay in different currencies, and adding them up would need an
        exchange rate the reports do not give.
      </p>
      {revenue.isPending ? <Loading label="Loading your revenue…" /> : null}
      <ProblemAlert error={revenue.error} />
      {revenue.data && groups.size === 0 ? (
        <EmptyState title="No revenue in this period">Revenue shows once a store or distributor report that pays for the period is imported.</EmptyState>
      ) : null}
      {isPlace(by) && places.length > 0 ? (
        <Card aria-labelledby="revenue-over-time">
          <h2 id="revenue-over-time" className="mb-3 text-lg font-semibold">
            One {column.toLowerCase()} over time
          </h2>
          <PlaceChart
            key={by}
            by={by}
            places={places}
            chosen={chosen[by]}
            onChoose={(key) => setChosen((current) => ({ ...current, [by]: key }))}
            range={range}
            initialMetric="revenue"
          />
        </Card>
      ) : null}
      {[...groups].map(([currency, rows]) => (
        <Card key={currency} aria-labelledby={`revenue-${currency}`}>
          <h2 id={`revenue-${currency}`} className="mb-3 text-lg font-semibold">
            In {currency}
          </h2>
          <div className="flex flex-col gap-4">
            {by === 'period' && rows.length > 0 ? <CurrencyChart currency={currency} rows={rows} /> : null}
            <DataTable
              caption={`Revenue in ${currency} by ${column.toLowerCase()}`}
              columns={[{ label: column }, { label: 'Units', numeric: true }, { label: 'Revenue', numeric: true }]}
              rows={rows.map((row) => ({ key: row.key, cells: [keyLabel(by, row), formatCount(row.units), formatMoney(row.amount)] }))}
            />
          </div>
        </Card>
      ))}
    </div>
  );
}
