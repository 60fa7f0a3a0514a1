'use client';

import { useState } from 'react';
import { SelectField } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading } from '@/components/ui/states';
import { fieldErrorsOf } from '@/components/ui/problem-alert';
import { useReconciliation, type ReconciliationFlag, type ReconciliationRate } from '@/lib/queries/analytics';
import { DataTable } from './data-table';
import { formatCount, formatDay, formatMoney } from './format';

export const FLAG_TEXT: Record<ReconciliationFlag, string> = {
  STREAMS_WITHOUT_REVENUE: 'Streams reported, nothing paid',
  REVENUE_WITHOUT_STREAMS: 'Paid for no reported streams',
  RATE_OUTLIER: "Rate far from the store's usual",
};

function rateText(rate: ReconciliationRate): string {
  const own = `${rate.perThousand.toLocaleString('en', { maximumFractionDigits: 3 })} ${rate.currency}`;
  const median =
    rate.storeMedianPerThousand === null || rate.storeMedianPerThousand === undefined
      ? 'no median yet'
      : `store median ${rate.storeMedianPerThousand.toLocaleString('en', { maximumFractionDigits: 3 })}`;
  return `${own} (${median})`;
}

function periodOptions(now: Date = new Date()) {
  const year = now.getUTCFullYear();
  return [
    { value: '', label: 'Last 12 months' },
    { value: String(year), label: String(year) },
    { value: String(year - 1), label: String(year - 1) },
    { value: String(year - 2), label: String(year - 2) },
  ];
}

export function ReconciliationView() {
  const [period, setPeriod] = useState('');
  const report = useReconciliation(period);
  const rows = report.data?.rows ?? [];
  const flagged = rows.filter((r) => r.flags.length > 0).length;
  return (
    <div className="flex flex-col gap-6">
      <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-300">
        For each store and month: the streams it reported against the money it paid, and what that makes per
        thousand streams next to the same store&apos;s median across the platform. A flag is worth a question to
        the store.
      </p>
      <SelectField
        label="Months"
        value={period}
        options={periodOptions()}
        onChange={(e) => setPeriod(e.target.value)}
        error={fieldErrorsOf(report.error)('period')}
        className="w-48"
      />
      {report.isPending ? <Loading label="Loading the reconciliation…" /> : null}
      <ProblemAlert error={report.error} fields={['period']} />
      {report.data && rows.length === 0 ? (
        <EmptyState title="Nothing to reconcile in these months">Import store reports to compare what each store reported with what it paid.</EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <Card aria-labelledby="reconciliation-heading">
          <h2 id="reconciliation-heading" className="mb-3 text-lg font-semibold">
            {formatDay(report.data?.from)} to {formatDay(report.data?.to)}
            <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-300">
              {flagged === 0 ? 'nothing flagged' : `${flagged} flagged`}
            </span>
          </h2>
          <DataTable
            caption="Streams reported against revenue paid, per store and month"
            columns={[
              { label: 'Store' },
              { label: 'Month' },
              { label: 'Streams', numeric: true },
              { label: 'Revenue', numeric: true },
              { label: 'Per 1,000 streams' },
              { label: 'Flags' },
            ]}
            rows={rows.map((row) => ({
              key: `${row.store}-${row.month}`,
              cells: [
                row.store,
                formatDay(row.month),
                formatCount(row.streams),
                row.revenue.length === 0 ? '–' : row.revenue.map((m) => <div key={m.currency}>{formatMoney(m)}</div>),
                row.rates.length === 0 ? '–' : row.rates.map((r) => <div key={r.currency}>{rateText(r)}</div>),
                row.flags.length === 0 ? (
                  <span className="text-zinc-600 dark:text-zinc-400">None</span>
                ) : (
                  <ul className="flex flex-col gap-1">
                    {row.flags.map((flag) => (
                      <li key={flag} className="inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                        {FLAG_TEXT[flag] ?? flag}
                      </li>
                    ))}
                  </ul>
                ),
              ],
            }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
