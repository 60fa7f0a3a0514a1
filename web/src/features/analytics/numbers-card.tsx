'use client';

import { useMemo } from 'react';
import { AppLink } from '@/components/ui/app-link';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card } from '@/components/ui/states';
import { useOverview } from '@/lib/queries/analytics';
import { formatChange, formatCount, formatMoney, lastDays } from './format';

const LINK = 'font-medium text-brand-700 hover:underline dark:text-brand-100';

/**
 * The dashboard's few numbers: the last 28 days' streams, plays and revenue per currency. No chart here,
 * so the dashboard's first load stays small; the charts are on the analytics pages.
 */
export function NumbersCard() {
  const range = useMemo(() => lastDays(28), []);
  const overview = useOverview(range);
  const data = overview.data;
  return (
    <Card aria-labelledby="numbers-heading">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="numbers-heading" className="text-lg font-semibold">
          Last 28 days
        </h2>
        <AppLink href="/analytics" className={LINK}>
          All your numbers
        </AppLink>
      </div>
      <ProblemAlert error={overview.error} />
      {data ? (
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-zinc-600 dark:text-zinc-300">Streams</dt>
            <dd className="text-2xl font-bold tabular-nums">{formatCount(data.current?.streams)}</dd>
            <dd className="text-zinc-600 dark:text-zinc-300">{formatChange(data.change?.streams)}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-300">Plays on your page</dt>
            <dd className="text-2xl font-bold tabular-nums">{formatCount(data.current?.plays)}</dd>
            <dd className="text-zinc-600 dark:text-zinc-300">{formatChange(data.change?.plays)}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-300">Revenue</dt>
            {(data.current?.revenue ?? []).length === 0 ? (
              <dd className="text-2xl font-bold">–</dd>
            ) : (
              (data.current?.revenue ?? []).map((money) => (
                <dd key={money.currency} className="text-2xl font-bold tabular-nums">
                  {formatMoney(money)}
                </dd>
              ))
            )}
          </div>
        </dl>
      ) : null}
    </Card>
  );
}
