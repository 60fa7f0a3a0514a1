'use client';

import { Suspense } from 'react';
import { PageHeader } from '@/components/ui/states';
import { BalanceCard } from './balance';
import { MoneyTabs } from './money-tabs';
import { PayoutsCard } from './payouts';
import { StatementCard } from './statement';

export function MoneyOverview() {
  return (
    <>
      <PageHeader title="Money" description="What your music earned, who shares in it, and getting it paid out." />
      <MoneyTabs />
      <div className="flex flex-col gap-6">
        <BalanceCard />
        <StatementCard />
        <Suspense>
          <PayoutsCard />
        </Suspense>
      </div>
    </>
  );
}
