import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import type { PlatformReadiness } from '@/lib/queries/releases';
import { fixLinkFor } from './labels';

/**
 * The readiness report as one checklist per store: every failing rule in the platform's own sentence with
 * a link to the page where it is fixed, then the rules that pass, folded away.
 */
export function ReadinessChecklist({ stores, albumId }: { stores: readonly PlatformReadiness[]; albumId?: string }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {stores.map((store) => {
        const rules = store.rules ?? [];
        const failing = rules.filter((r) => !r.passed);
        const passing = rules.filter((r) => r.passed);
        const name = store.displayName ?? store.platform ?? 'Store';
        const headingId = `readiness-${store.platform}`;
        return (
          <section
            key={store.platform}
            aria-labelledby={headingId}
            className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
          >
            <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-semibold">
              {name}
              <span
                className={cn(
                  'rounded-full px-2 py-0.5 text-xs font-semibold',
                  store.ready
                    ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100'
                    : 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
                )}
              >
                {store.ready ? 'Ready' : `${failing.length} to fix`}
              </span>
            </h3>
            {failing.length > 0 ? (
              <ul aria-label={`To fix for ${name}`} className="mt-3 flex flex-col gap-2">
                {failing.map((rule, index) => {
                  const fix = fixLinkFor(rule, albumId);
                  return (
                    <li key={`${rule.rule}-${rule.trackId ?? ''}-${index}`} className="flex gap-2 text-sm">
                      <span aria-hidden="true" className="font-bold text-red-700 dark:text-red-400">✗</span>
                      <span>
                        <span className="sr-only">Fails: </span>
                        {rule.message}
                        {fix ? (
                          <>
                            {' '}
                            <Link href={fix.href} className="font-medium text-brand-700 underline dark:text-brand-100">
                              {fix.label}
                            </Link>
                          </>
                        ) : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="mt-3 text-sm">Every rule of {name} passes.</p>
            )}
            {passing.length > 0 ? (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
                  {passing.length} rule{passing.length === 1 ? '' : 's'} pass
                </summary>
                <ul aria-label={`Passing for ${name}`} className="mt-2 flex flex-col gap-1">
                  {passing.map((rule, index) => (
                    <li key={`${rule.rule}-${rule.trackId ?? ''}-${index}`} className="flex gap-2">
                      <span aria-hidden="true" className="font-bold text-emerald-700 dark:text-emerald-400">✓</span>
                      <span>
                        <span className="sr-only">Passes: </span>
                        {rule.message}
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
