'use client';

import { usePathname } from 'next/navigation';
import { AppLink } from '@/components/ui/app-link';
import { cn } from '@/components/ui/cn';

const TABS = [
  { href: '/money', label: 'Earnings and payouts' },
  { href: '/money/splits', label: 'Splits' },
];

/** The money section's two pages: what came in and went out, and who shares in each track. */
export function MoneyTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Money" className="mb-6 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((tab) => {
        const current = tab.href === '/money' ? pathname === '/money' : pathname.startsWith(tab.href);
        return (
          <AppLink
            key={tab.href}
            href={tab.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              current
                ? 'border-brand-600 text-brand-700 dark:text-white'
                : 'border-transparent text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white',
            )}
          >
            {tab.label}
          </AppLink>
        );
      })}
    </nav>
  );
}
