'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card } from '@/components/ui/states';
import { rawFetch } from '@/lib/api/client';
import type { Album } from '@/lib/api/types';

const ACCEPT = 'image/jpeg,image/png';

/**
 * The cover: the chosen image is shown before it is sent; the platform then checks it (JPEG or PNG,
 * square, 300 to 6000 pixels a side) and says why when it refuses.
 */
export function ArtworkUpload({ album, onSaved }: { album: Album; onSaved: (album: Album) => void }) {
  const inputId = useId();
  const [chosen, setChosen] = useState<{ file: File; preview: string } | null>(null);
  const file = chosen?.file ?? null;
  const preview = chosen?.preview ?? null;
  const id = album.id ?? '';
  const setFile = (next: File | null) => {
    if (chosen) URL.revokeObjectURL(chosen.preview);
    setChosen(next ? { file: next, preview: URL.createObjectURL(next) } : null);
  };

  // The preview's object URL is let go when the page is left with an image still chosen.
  const latest = useRef(chosen);
  useEffect(() => {
    latest.current = chosen;
  }, [chosen]);
  useEffect(() => () => {
    if (latest.current) URL.revokeObjectURL(latest.current.preview);
  }, []);

  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const response = await rawFetch(`/api/v1/albums/${encodeURIComponent(id)}/artwork`, {
        method: 'PUT',
        headers: { 'Content-Type': chosen.type || 'application/octet-stream', Accept: 'application/json' },
        body: chosen,
      });
      return (await response.json()) as Album;
    },
    onSuccess: (saved) => {
      setFile(null);
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => rawFetch(`/api/v1/albums/${encodeURIComponent(id)}/artwork`, { method: 'DELETE' }),
    onSuccess: () => onSaved({ ...album, artwork: undefined }),
  });

  const artwork = album.artwork;
  const current = artwork
    ? `${artwork.links?.['600'] ?? `/api/v1/albums/${id}/artwork?size=600`}&v=${encodeURIComponent(artwork.updatedAt ?? '')}`
    : null;

  return (
    <Card aria-labelledby="artwork-heading">
      <h2 id="artwork-heading" className="mb-3 text-lg font-semibold">
        Artwork
      </h2>
      <div className="flex flex-col gap-4 sm:flex-row">
        <div className="flex size-48 shrink-0 items-center justify-center overflow-hidden rounded-md bg-zinc-100 dark:bg-zinc-800">
          {preview ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local object URL; nothing to optimise
            <img src={preview} alt="Preview of the new artwork" className="size-full object-cover" />
          ) : current ? (
            // eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived storage URL behind a redirect
            <img src={current} alt={`Cover artwork of ${album.title}`} className="size-full object-cover" />
          ) : (
            <span className="px-4 text-center text-sm text-zinc-600 dark:text-zinc-300">No artwork yet</span>
          )}
        </div>
        <div className="flex flex-col gap-3">
          {artwork ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-300">
              {artwork.width} × {artwork.height} pixels, {artwork.mediaType === 'image/png' ? 'PNG' : 'JPEG'}.
            </p>
          ) : null}
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            A square JPEG or PNG; stores want 3000 × 3000 pixels or more.
          </p>
          <div>
            <label
              htmlFor={inputId}
              className="inline-flex cursor-pointer rounded-md border border-zinc-300 px-4 py-2 font-medium focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-500 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Choose artwork
              <input
                id={inputId}
                type="file"
                accept={ACCEPT}
                className="sr-only"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  upload.reset();
                  event.target.value = '';
                }}
              />
            </label>
          </div>
          {file ? (
            <div className="flex flex-wrap gap-2">
              <Button busy={upload.isPending} onClick={() => upload.mutate(file)}>
                Upload artwork
              </Button>
              <Button variant="secondary" onClick={() => setFile(null)} disabled={upload.isPending}>
                Discard
              </Button>
            </div>
          ) : artwork ? (
            <div>
              <Button variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
                Remove artwork
              </Button>
            </div>
          ) : null}
          <ProblemAlert error={upload.error ?? remove.error} />
        </div>
      </div>
    </Card>
  );
}
