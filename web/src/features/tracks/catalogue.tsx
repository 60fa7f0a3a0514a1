'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { PageHeader } from '@/components/ui/states';
import { keys } from '@/lib/queries/keys';
import { uploadStore, useUploads } from '@/lib/upload/upload-store';
import { TrackList } from './track-list';
import { UploadDropzone } from './upload-dropzone';
import { UploadQueue } from './upload-queue';

export function Catalogue() {
  const client = useQueryClient();
  const items = useUploads((s) => s.items);
  const add = useUploads((s) => s.add);
  const cancel = useUploads((s) => s.cancel);
  const retry = useUploads((s) => s.retry);
  const dismiss = useUploads((s) => s.dismiss);
  const clearFinished = useUploads((s) => s.clearFinished);

  // A finished upload is a new track: the list asks again, and then polls while it is processed.
  useEffect(
    () =>
      uploadStore.subscribe((state, previous) => {
        if (state.completed !== previous.completed) void client.invalidateQueries({ queryKey: keys.tracks });
      }),
    [client],
  );

  return (
    <>
      <PageHeader title="Tracks" description="Your catalogue: upload, check and describe your recordings." />
      <div className="flex flex-col gap-8">
        <UploadDropzone onFiles={add} />
        <UploadQueue items={items} actions={{ cancel, retry, dismiss, clearFinished }} />
        <TrackList />
      </div>
    </>
  );
}
