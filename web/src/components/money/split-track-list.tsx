'use client';

import { useState } from 'react';
import { AppLink } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { EmptyState, Loading, PageHeader } from '@/components/ui/states';
import { useTrackList } from '@/lib/queries/tracks';
import { MoneyTabs } from './money-tabs';

const PAGE_SIZE = 50;

/** Every track of the artist, each opening the editor of who shares in its earnings. */
export function SplitTrackList() {
  const [page, setPage] = useState(0);
  const tracks = useTrackList(page, PAGE_SIZE);
  const total = tracks.data?.totalItems ?? 0;
  return (
    <>
      <PageHeader title="Money" description="What your music earned, who shares in it, and getting it paid out." />
      <MoneyTabs />
      <p className="mb-4 max-w-3xl text-zinc-700 dark:text-zinc-300">
        A split says who shares in a track&apos;s earnings: you, and collaborators named by e-mail with their role. A
        collaborator&apos;s share is held for them until they accept the invitation they get by mail.
      </p>
      {tracks.isPending ? (
        <Loading label="Loading your tracks…" />
      ) : tracks.error ? (
        <ProblemAlert error={tracks.error} />
      ) : total === 0 ? (
        <EmptyState title="No tracks yet">Upload a track first: each track has its own split.</EmptyState>
      ) : (
        <>
          <ul aria-label="Tracks and their splits" className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {(tracks.data.items ?? []).map((track) => (
              <li key={track.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <span className="min-w-0 truncate font-medium">
                  {track.title || 'Untitled'}
                  {track.isrc ? <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">{track.isrc}</span> : null}
                </span>
                <AppLink
                  href={`/money/splits/${track.id}`}
                  className="shrink-0 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                >
                  Edit split<span className="sr-only"> of {track.title || 'Untitled'}</span>
                </AppLink>
              </li>
            ))}
          </ul>
          {total > PAGE_SIZE ? (
            <div className="mt-3 flex justify-between">
              <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button variant="secondary" size="sm" disabled={(page + 1) * PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
