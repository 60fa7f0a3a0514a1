'use client';

import { AppLink } from './app-link';
import { usePathname } from 'next/navigation';
import { cn } from './cn';

export interface SectionTab {
  href: string;
  label: string;
}

/**
 * A section's own pages as tabs under its heading (analytics, money, the assistant). The first tab is the
 * section's home and is current on that page only; another is current on its page and the pages below it.
 */
export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  const pathname = usePathname();
  const home = tabs[0]?.href;
  return (
    <nav aria-label={label} className="mb-6 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => {
          const current =
            tab.href === home ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <AppLink
                href={tab.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium',
                  current
                    ? 'border-brand-600 text-brand-700 dark:border-brand-500 dark:text-brand-100'
                    : 'border-transparent text-zinc-700 hover:border-zinc-300 dark:text-zinc-300',
                )}
              >
                {tab.label}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
