'use client';

import Link from 'next/link';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { EmptyState, Loading, PageHeader } from '@/components/ui/states';
import { formatDate } from '@/lib/format';
import { usePlatforms, useReleaseList } from '@/lib/queries/releases';
import { formatDay } from './dates';
import { releaseStatusLabel } from './labels';
import { DeliveryBadge } from './status-badge';

const LINK = 'font-medium text-brand-700 hover:underline dark:text-brand-100';

export function ReleaseList() {
  const releases = useReleaseList(0, 100);
  const platforms = usePlatforms();
  const names = new Map((platforms.data?.items ?? []).map((p) => [p.name ?? '', p.displayName ?? p.name ?? '']));
  const items = releases.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Releases"
        description="Your albums on their way to the stores, and each store's answer."
        actions={
          <Link href="/releases/new" className="inline-flex rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            New release
          </Link>
        }
      />
      {releases.isPending ? <Loading label="Loading your releases…" /> : null}
      <ProblemAlert error={releases.error} />
      {releases.data && items.length === 0 ? (
        <EmptyState title="No releases yet" action={<Link href="/releases/new" className={LINK}>Create your first release</Link>}>
          A release sends one of your albums to the stores you choose, as a DDEX message, after checking it against
          each store&apos;s rules.
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your releases and each store&apos;s status</caption>
            <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Release</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="px-4 py-2 font-medium">Stores</th>
                <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Release date</th>
                <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Created</th>
              </tr>
            </thead>
            <tbody>
              {items.map((release) => (
                <tr key={release.id} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                  <td className="px-4 py-2">
                    <Link href={`/releases/${release.id}`} className={LINK}>
                      {release.title || 'Untitled'}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{releaseStatusLabel(release.status)}</td>
                  <td className="px-4 py-2">
                    <ul className="flex flex-col gap-1">
                      {(release.platforms ?? []).map((platform) => (
                        <li key={platform} className="flex flex-wrap items-center gap-2">
                          <span>{names.get(platform) ?? platform}</span>
                          {release.status !== 'DRAFT' ? <DeliveryBadge status={release.deliveries?.[platform]} /> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="hidden px-4 py-2 sm:table-cell">{formatDay(release.releaseDate)}</td>
                  <td className="hidden px-4 py-2 md:table-cell">{formatDate(release.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
