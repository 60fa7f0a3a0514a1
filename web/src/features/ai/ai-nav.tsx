'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

const SECTIONS = [
  { href: '/ai', label: 'Plan' },
  { href: '/ai/write', label: 'Write' },
  { href: '/ai/threads', label: 'Conversations' },
] as const;

export function AiNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Assistant" className="mb-6 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
      <ul className="flex min-w-max gap-1">
        {SECTIONS.map((section) => {
          const current = section.href === '/ai' ? pathname === '/ai' : pathname.startsWith(section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium',
                  current
                    ? 'border-brand-600 text-brand-700 dark:border-brand-500 dark:text-brand-100'
                    : 'border-transparent text-zinc-700 hover:border-zinc-300 dark:text-zinc-300',
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
