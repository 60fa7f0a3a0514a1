'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { api, unwrap } from '@/lib/api/client';
import { toProblem } from '@/lib/api/problem';
import { keys } from '@/lib/queries/keys';

/**
 * Whether this track is on the artist's public page. The showcase is one ordered list: showing a track adds it at
 * the end, hiding it takes it out, and the others keep their places.
 */
export function ShowcaseToggle({ trackId }: { trackId: string }) {
  const client = useQueryClient();
  const showcase = useQuery({
    queryKey: keys.showcase,
    queryFn: () => unwrap(api.GET('/api/v1/showcase')),
  });
  const listed = (showcase.data?.tracks ?? []).flatMap((track) => (track.id ? [track.id] : []));
  const shown = listed.includes(trackId);
  const change = useMutation({
    mutationFn: (show: boolean) =>
      unwrap(
        api.PUT('/api/v1/showcase', {
          body: { trackIds: show ? [...listed, trackId] : listed.filter((id) => id !== trackId) },
        }),
      ),
    onSuccess: (data) => client.setQueryData(keys.showcase, data),
  });

  if (showcase.error) return <ProblemAlert error={toProblem(showcase.error)} />;
  return (
    <section aria-labelledby="showcase-toggle" className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="showcase-toggle" className="text-lg font-semibold">
        Public page
      </h2>
      <label className="flex items-center gap-3">
        <input
          type="checkbox"
          className="size-4 accent-brand-700"
          checked={shown}
          disabled={showcase.isPending || change.isPending}
          onChange={(event) => change.mutate(event.currentTarget.checked)}
        />
        <span>Show this track on my public page, where anyone can play it</span>
      </label>
      {change.error ? <ProblemAlert error={toProblem(change.error)} /> : null}
    </section>
  );
}
