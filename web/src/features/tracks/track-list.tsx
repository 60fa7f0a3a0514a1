'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { EmptyState, Loading } from '@/components/ui/states';
import { formatBytes, formatDate } from '@/lib/format';
import { useTrackList } from '@/lib/queries/tracks';
import { TrackStatusBadge } from './track-status';

const PAGE_SIZE = 50;

export function TrackList() {
  const [page, setPage] = useState(0);
  const tracks = useTrackList(page, PAGE_SIZE);

  if (tracks.isPending) return <Loading label="Loading your tracks…" />;
  if (tracks.error) return <ProblemAlert error={tracks.error} />;
  const items = tracks.data.items ?? [];
  const total = tracks.data.totalItems ?? items.length;
  if (total === 0) {
    return (
      <EmptyState title="No tracks yet">
        Upload your first track above: it is analysed for loudness, tempo and key, and checked against what the
        stores ask for.
      </EmptyState>
    );
  }
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section aria-labelledby="tracks-heading" className="flex flex-col gap-3">
      <h2 id="tracks-heading" className="text-lg font-semibold">
        Your tracks <span className="font-normal text-zinc-600 dark:text-zinc-400">({total})</span>
      </h2>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your tracks and their processing status</caption>
          <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Title</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Format</th>
              <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Size</th>
              <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Uploaded</th>
            </tr>
          </thead>
          <tbody>
            {items.map((track) => (
              <tr key={track.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="px-4 py-2">
                  <Link href={`/tracks/${track.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
                    {track.title || 'Untitled'}
                  </Link>
                  {track.versionTitle ? <span className="text-zinc-600 dark:text-zinc-400"> ({track.versionTitle})</span> : null}
                </td>
                <td className="px-4 py-2">
                  <TrackStatusBadge status={track.status} />
                </td>
                <td className="hidden px-4 py-2 uppercase sm:table-cell">{track.format ?? '–'}</td>
                <td className="hidden px-4 py-2 sm:table-cell">{formatBytes(track.sizeBytes)}</td>
                <td className="hidden px-4 py-2 md:table-cell">{formatDate(track.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Track pages" className="flex items-center gap-3">
          <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous page
          </Button>
          <span className="text-sm">
            Page {page + 1} of {pages}
          </span>
          <Button variant="secondary" size="sm" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
            Next page
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
