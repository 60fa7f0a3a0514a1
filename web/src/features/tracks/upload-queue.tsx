'use client';

import Link from 'next/link';
import { Progress } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { formatBytes } from '@/lib/format';
import type { UploadItem, UploadState } from '@/lib/upload/upload-store';

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  done: 'Uploaded, now being processed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

function percentOf(item: UploadItem): number {
  if (item.status === 'done') return 100;
  return item.total > 0 ? Math.min(100, Math.round((item.loaded / item.total) * 100)) : 0;
}

/** The uploads of this visit: a real progress bar each, and a way to cancel or try again. */
export function UploadQueue({
  items,
  actions,
}: {
  items: UploadItem[];
  actions: Pick<UploadState, 'cancel' | 'retry' | 'dismiss' | 'clearFinished'>;
}) {
  if (items.length === 0) return null;
  const finished = items.some((i) => i.status !== 'queued' && i.status !== 'uploading');
  return (
    <section aria-labelledby="uploads-heading" className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 id="uploads-heading" className="text-lg font-semibold">
          Uploads
        </h2>
        {finished ? (
          <Button variant="ghost" size="sm" onClick={actions.clearFinished}>
            Clear finished uploads
          </Button>
        ) : null}
      </div>
      <ul className="flex flex-col gap-2">
        {items.map((item) => {
          const percent = percentOf(item);
          const name = item.file.name;
          return (
            <li
              key={item.id}
              aria-label={name}
              className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="min-w-0">
                  <p className="truncate font-medium">{name}</p>
                  <p className="text-sm text-zinc-600 dark:text-zinc-300">
                    <span>{STATUS_TEXT[item.status]}</span>
                    {item.status === 'uploading' ? (
                      <span>
                        {' '}
                        · {formatBytes(item.loaded)} of {formatBytes(item.total)} ({percent}%)
                        {percent === 100 ? ' · the platform is storing it' : null}
                      </span>
                    ) : null}
                    {item.status !== 'uploading' ? <span> · {formatBytes(item.total)}</span> : null}
                  </p>
                </div>
                <div className="flex gap-2">
                  {/* Once every byte is sent the platform may already be storing the track: a cancel then could
                      not promise that nothing was kept, so it is no longer offered. */}
                  {item.status === 'queued' || (item.status === 'uploading' && percent < 100) ? (
                    <Button variant="secondary" size="sm" aria-label={`Cancel upload of ${name}`} onClick={() => actions.cancel(item.id)}>
                      Cancel
                    </Button>
                  ) : null}
                  {item.status === 'failed' || item.status === 'cancelled' ? (
                    <Button variant="secondary" size="sm" aria-label={`Retry upload of ${name}`} onClick={() => actions.retry(item.id)}>
                      Retry
                    </Button>
                  ) : null}
                  {item.status === 'done' && item.track?.id ? (
                    <Link
                      href={`/tracks/${item.track.id}`}
                      className="rounded-md px-2.5 py-1.5 text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
                    >
                      Open track
                    </Link>
                  ) : null}
                  {item.status !== 'queued' && item.status !== 'uploading' ? (
                    <Button variant="ghost" size="sm" aria-label={`Dismiss ${name}`} onClick={() => actions.dismiss(item.id)}>
                      Dismiss
                    </Button>
                  ) : null}
                </div>
              </div>
              {item.status === 'uploading' || item.status === 'queued' || item.status === 'done' ? (
                <Progress.Root
                  value={percent}
                  max={100}
                  aria-label={`Upload of ${name}`}
                  aria-valuetext={`${percent}%`}
                  className="mt-2 h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
                >
                  <Progress.Indicator
                    className="h-full bg-brand-600 transition-[width] duration-200"
                    style={{ width: `${percent}%` }}
                  />
                </Progress.Root>
              ) : null}
              {item.status === 'failed' && item.error ? (
                <p role="alert" className="mt-2 text-sm font-medium text-red-700 dark:text-red-400">
                  {item.error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
