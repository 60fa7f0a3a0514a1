'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading, PageHeader } from '@/components/ui/states';
import { api, unwrap } from '@/lib/api/client';
import { TrackInsights } from '@/features/ai/track-insights';
import { toProblem } from '@/lib/api/problem';
import { formatBytes, formatDate } from '@/lib/format';
import { keys } from '@/lib/queries/keys';
import { useTrack } from '@/lib/queries/tracks';
import { AnalysisPanel } from './analysis-panel';
import { MetadataForm } from './metadata-form';
import { Player } from './player';
import { ShowcaseToggle } from './showcase-toggle';
import { TrackStatusBadge } from './track-status';

export function TrackDetail({ id }: { id: string }) {
  const router = useRouter();
  const client = useQueryClient();
  const track = useTrack(id);
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/tracks/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: keys.track(id) });
      void client.invalidateQueries({ queryKey: keys.tracks });
      void client.invalidateQueries({ queryKey: keys.albums });
      void client.invalidateQueries({ queryKey: keys.showcase });
      router.replace('/tracks');
    },
  });

  if (track.isPending) return <Loading label="Loading the track…" />;
  if (track.error) {
    const problem = toProblem(track.error);
    return (
      <div className="flex flex-col gap-4">
        <ProblemAlert error={problem} />
        {problem.isNotFound ? (
          <Link href="/tracks" className="font-medium text-brand-700 hover:underline dark:text-brand-100">
            Back to your tracks
          </Link>
        ) : null}
      </div>
    );
  }
  const t = track.data;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/tracks" className="text-brand-700 hover:underline dark:text-brand-100">
          Tracks
        </Link>
      </nav>
      <PageHeader
        title={t.title || 'Untitled'}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TrackStatusBadge status={t.status} />
            <span>
              {t.format?.toUpperCase()} · {formatBytes(t.sizeBytes)} · uploaded {formatDate(t.createdAt)}
            </span>
          </span>
        }
        actions={
          <ConfirmDialog
            trigger="Delete track"
            title="Delete this track?"
            description="The recording, its analysis and its place on any album are removed for good."
            confirm="Yes, delete the track"
            busy={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate()}
          />
        }
      />
      <div className="flex flex-col gap-6">
        {t.status === 'FAILED' ? (
          <Alert tone="error" title="Processing failed">
            {t.failureReason ?? 'The file could not be processed.'} Upload the file again, or another export of it.
          </Alert>
        ) : null}
        {t.status === 'READY' ? <Player track={t} /> : null}
        {t.status === 'READY' ? <ShowcaseToggle trackId={id} /> : null}
        <AnalysisPanel track={t} />
        <TrackInsights trackId={id} ready={t.status === 'READY'} />
        <MetadataForm key={t.id} track={t} />
      </div>
    </>
  );
}
