'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading, PageHeader } from '@/components/ui/states';
import { api, unwrap } from '@/lib/api/client';
import type { Album } from '@/lib/api/types';
import { humanise } from '@/lib/format';
import { useAlbum } from '@/lib/queries/albums';
import { keys } from '@/lib/queries/keys';
import { useTrackList } from '@/lib/queries/tracks';
import { AlbumForm } from './album-form';
import { ArtworkUpload } from './artwork-upload';
import { RunningOrder } from './running-order';

function Readiness({ album }: { album: Album }) {
  const warnings = album.warnings ?? [];
  if (warnings.length === 0) {
    return <Alert tone="success" title="Ready for release">This album has everything the stores ask for.</Alert>;
  }
  return (
    <Alert tone="warning" title="Before release">
      <ul className="list-disc pl-5">
        {warnings.map((w) => (
          <li key={w.code}>{w.message}</li>
        ))}
      </ul>
    </Alert>
  );
}

export function AlbumDetail({ id }: { id: string }) {
  const router = useRouter();
  const client = useQueryClient();
  const album = useAlbum(id);
  const catalogue = useTrackList(0, 100);
  const saved = (next: Album) => {
    client.setQueryData(keys.album(id), next);
    void client.invalidateQueries({ queryKey: keys.albums, exact: false, predicate: (q) => q.queryKey[1] === 'list' });
  };
  const arrange = useMutation({
    mutationFn: (trackIds: string[]) =>
      unwrap(api.PUT('/api/v1/albums/{id}/tracks', { params: { path: { id } }, body: { trackIds } })),
    onMutate: async (trackIds) => {
      // The new order shows at once; a refusal puts the old one back.
      await client.cancelQueries({ queryKey: keys.album(id) });
      const before = client.getQueryData<Album>(keys.album(id));
      if (before) {
        const byId = new Map((before.tracks ?? []).map((t) => [t.id, t]));
        const known = new Map((catalogue.data?.items ?? []).map((t) => [t.id, t]));
        const tracks = trackIds.map((tid, index) => {
          const t = byId.get(tid) ?? known.get(tid);
          return { id: tid, title: t?.title, versionTitle: t?.versionTitle, status: t?.status, position: index + 1 };
        });
        client.setQueryData(keys.album(id), { ...before, tracks });
      }
      return { before };
    },
    onError: (_error, _ids, context) => {
      if (context?.before) client.setQueryData(keys.album(id), context.before);
    },
    onSuccess: saved,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/albums/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: keys.album(id) });
      void client.invalidateQueries({ queryKey: keys.albums });
      router.replace('/albums');
    },
  });

  if (album.isPending) return <Loading label="Loading the album…" />;
  if (album.error) {
    return (
      <div className="flex flex-col gap-4">
        <ProblemAlert error={album.error} />
        <Link href="/albums" className="font-medium text-brand-700 hover:underline dark:text-brand-100">
          Back to your albums
        </Link>
      </div>
    );
  }
  const a = album.data;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/albums" className="text-brand-700 hover:underline dark:text-brand-100">
          Albums
        </Link>
      </nav>
      <PageHeader
        title={a.title ?? 'Album'}
        description={`${a.type === 'EP' ? 'EP' : humanise(a.type)} · ${a.tracks?.length ?? 0} tracks`}
        actions={
          <ConfirmDialog
            trigger="Delete album"
            title="Delete this album?"
            description="The album, its running order and its artwork are removed. The tracks stay in your catalogue."
            confirm="Yes, delete the album"
            busy={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate()}
          />
        }
      />
      <div className="flex flex-col gap-6">
        <Readiness album={a} />
        <RunningOrder
          tracks={a.tracks ?? []}
          catalogue={catalogue.data?.items ?? []}
          onChange={(trackIds) => arrange.mutate(trackIds)}
          saving={arrange.isPending}
          error={arrange.error}
        />
        <ArtworkUpload album={a} onSaved={saved} />
        <AlbumForm key={a.id} album={a} onSaved={saved} />
      </div>
    </>
  );
}
