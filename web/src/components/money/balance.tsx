'use client';

import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading } from '@/components/ui/states';
import { useBalance } from '@/lib/queries/payments';
import { formatMoney } from './money';

/** What the artist may pay out now, and what is set aside for payouts on their way, per currency. */
export function BalanceCard() {
  const balance = useBalance();
  return (
    <Card aria-labelledby="balance-heading">
      <h2 id="balance-heading" className="mb-4 text-lg font-semibold">
        Balance
      </h2>
      {balance.isPending ? (
        <Loading label="Loading your balance…" />
      ) : balance.error ? (
        <ProblemAlert error={balance.error} />
      ) : balance.data.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-300">
          No earnings yet. They appear here once a store report for your tracks has been imported.
        </p>
      ) : (
        <dl className="grid gap-4 sm:grid-cols-2">
          {balance.data.map((row) => (
            <div key={row.currency} className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
              <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{row.currency}</dt>
              <dd className="mt-1">
                <span className="block text-2xl font-semibold">
                  {formatMoney(row.available)}
                </span>
                <span className="text-sm text-zinc-600 dark:text-zinc-300">available</span>
                <span className="mt-2 block text-sm">
                  <span className="font-medium">{formatMoney(row.reserved)}</span>{' '}
                  <span className="text-zinc-600 dark:text-zinc-300">held in payouts on their way</span>
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
