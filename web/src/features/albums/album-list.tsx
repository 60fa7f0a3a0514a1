'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading, PageHeader } from '@/components/ui/states';
import { api, unwrap } from '@/lib/api/client';
import { ALBUM_TYPES, type AlbumType } from '@/lib/api/types';
import { humanise } from '@/lib/format';
import { useAlbumList } from '@/lib/queries/albums';
import { keys } from '@/lib/queries/keys';

export const TYPE_OPTIONS = ALBUM_TYPES.map((type) => ({ value: type, label: type === 'EP' ? 'EP' : humanise(type) }));

function NewAlbumForm() {
  const router = useRouter();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<AlbumType>('ALBUM');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/albums', { body: { title, type } })),
    onSuccess: (album) => {
      void client.invalidateQueries({ queryKey: keys.albums });
      if (album.id) {
        client.setQueryData(keys.album(album.id), album);
        router.push(`/albums/${album.id}`);
      }
    },
  });
  const errorFor = fieldErrorsOf(create.error);
  return (
    <Card aria-labelledby="new-album-heading">
      <h2 id="new-album-heading" className="mb-3 text-lg font-semibold">
        New album
      </h2>
      <form
        noValidate
        aria-labelledby="new-album-heading"
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <TextField label="Album title" className="flex-1" value={title} onChange={(e) => setTitle(e.target.value)} error={errorFor('title')} />
        <SelectField
          label="Type"
          value={type}
          options={TYPE_OPTIONS}
          onChange={(e) => setType(e.target.value as AlbumType)}
          error={errorFor('type')}
        />
        <Button type="submit" busy={create.isPending} className="sm:mt-7">
          Create album
        </Button>
      </form>
      <ProblemAlert error={create.error} fields={['title', 'type']} className="mt-3" />
    </Card>
  );
}

export function AlbumList() {
  const albums = useAlbumList(0, 100);
  const items = albums.data?.items ?? [];
  return (
    <>
      <PageHeader title="Albums" description="Singles, EPs and albums: running order, artwork and what the stores need." />
      <div className="flex flex-col gap-6">
        <NewAlbumForm />
        {albums.isPending ? <Loading label="Loading your albums…" /> : null}
        <ProblemAlert error={albums.error} />
        {albums.data && items.length === 0 ? (
          <EmptyState title="No albums yet">Create one above, then add your tracks to it in the order they play.</EmptyState>
        ) : null}
        {items.length > 0 ? (
          <ul aria-label="Your albums" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((album) => {
              const warnings = album.warnings?.length ?? 0;
              return (
                <li key={album.id} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                  <Link href={`/albums/${album.id}`} className="text-lg font-semibold text-brand-700 hover:underline dark:text-brand-100">
                    {album.title}
                  </Link>
                  <p className="text-sm text-zinc-600 dark:text-zinc-300">
                    {album.type === 'EP' ? 'EP' : humanise(album.type)} · {album.tracks?.length ?? 0} tracks
                  </p>
                  <p className="mt-1 text-sm">{warnings === 0 ? 'Ready for release' : `${warnings} thing${warnings === 1 ? '' : 's'} to do before release`}</p>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </>
  );
}
