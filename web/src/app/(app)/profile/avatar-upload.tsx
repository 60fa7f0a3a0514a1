'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card } from '@/components/ui/states';
import { rawFetch } from '@/lib/api/client';
import type { User } from '@/lib/api/types';
import { useMe } from '@/lib/queries/account';
import { keys } from '@/lib/queries/keys';

const ACCEPT = 'image/jpeg,image/png,image/webp';

/** user-service's nal.avatar.max-size: a larger file is refused here, before it is sent. */
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

/**
 * Why a chosen file will not do, told before it is uploaded; the platform checks it again by its content.
 */
export function avatarFileProblem(file: File): string | null {
  if (file.type !== '' && !ACCEPT.split(',').includes(file.type)) {
    return 'Choose a JPEG, PNG or WebP image.';
  }
  if (file.size > MAX_AVATAR_BYTES) {
    return 'The picture is larger than 5 MB. Choose a smaller one.';
  }
  return null;
}

/** The signed-in person's picture, once their account is loaded. */
export function AvatarUpload() {
  const me = useMe();
  return me.data ? <AvatarCard user={me.data} /> : null;
}

/**
 * The profile picture: the chosen image is shown before it is sent; the platform crops it to a square,
 * keeps none of its metadata (a phone photo's position), and says why when it refuses it.
 */
export function AvatarCard({ user }: { user: User }) {
  const client = useQueryClient();
  const inputId = useId();
  const [chosen, setChosen] = useState<{ file: File; preview: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const setFile = (next: File | null) => {
    if (chosen) URL.revokeObjectURL(chosen.preview);
    setChosen(next ? { file: next, preview: URL.createObjectURL(next) } : null);
  };

  // The preview's object URL is let go when the page is left with an image still chosen.
  const latest = useRef(chosen);
  useEffect(() => {
    latest.current = chosen;
  }, [chosen]);
  useEffect(
    () => () => {
      if (latest.current) URL.revokeObjectURL(latest.current.preview);
    },
    [],
  );

  const upload = useMutation({
    mutationFn: async (file: File) => {
      const response = await rawFetch('/api/v1/users/me/avatar', {
        method: 'PUT',
        headers: { 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json' },
        body: file,
      });
      return (await response.json()) as User;
    },
    onSuccess: (saved) => {
      setFile(null);
      client.setQueryData(keys.me, saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => rawFetch('/api/v1/users/me/avatar', { method: 'DELETE' }),
    onSuccess: () => client.setQueryData<User>(keys.me, (me) => (me ? { ...me, avatarUrl: undefined } : me)),
  });

  const preview = chosen?.preview ?? null;
  const current = user.avatarUrl ?? null;
  const busy = upload.isPending || remove.isPending;

  return (
    <Card aria-labelledby="avatar-heading" className="mb-6">
      <h2 id="avatar-heading" className="mb-3 text-lg font-semibold">
        Picture
      </h2>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <div className="flex size-32 shrink-0 items-center justify-center overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
          {preview ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local object URL; nothing to optimise
            <img src={preview} alt="Preview of your new picture" className="size-full object-cover" />
          ) : current ? (
            // eslint-disable-next-line @next/next/no-img-element -- already a 512 px JPEG sized by the platform
            <img src={current} alt="Your current picture" className="size-full object-cover" />
          ) : (
            <span className="px-4 text-center text-sm text-zinc-600 dark:text-zinc-300">No picture yet</span>
          )}
        </div>
        <div className="flex flex-col gap-3">
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            A JPEG, PNG or WebP image up to 5 MB; it is cropped to a square. Its metadata, such as where a photo
            was taken, is not kept.
          </p>
          <div>
            <label
              htmlFor={inputId}
              className="inline-flex cursor-pointer rounded-md border border-zinc-300 px-4 py-2 font-medium focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-500 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Choose a picture
              <input
                id={inputId}
                type="file"
                accept={ACCEPT}
                className="sr-only"
                disabled={busy}
                onChange={(event) => {
                  const file = event.target.files?.[0] ?? null;
                  event.target.value = '';
                  upload.reset();
                  remove.reset();
                  const problem = file ? avatarFileProblem(file) : null;
                  setRefusal(problem);
                  setFile(problem ? null : file);
                }}
              />
            </label>
          </div>
          {chosen ? (
            <div className="flex flex-wrap gap-2">
              <Button busy={upload.isPending} onClick={() => upload.mutate(chosen.file)}>
                Upload picture
              </Button>
              <Button variant="secondary" onClick={() => setFile(null)} disabled={upload.isPending}>
                Discard
              </Button>
            </div>
          ) : current ? (
            <div>
              <Button variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
                Remove picture
              </Button>
            </div>
          ) : null}
          {refusal ? <Alert tone="error">{refusal}</Alert> : null}
          <ProblemAlert error={upload.error ?? remove.error} />
        </div>
      </div>
    </Card>
  );
}
