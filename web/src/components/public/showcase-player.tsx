'use client';

import { useRef } from 'react';
import type { ShowcasedTrack } from '@/lib/api/types';

/**
 * Tells analytics that a visitor played a track: once per track and page view, as a beacon so that it survives the
 * visitor leaving the page. Nothing about the visitor is sent; the platform keeps only a daily-salted hash.
 */
export function reportPlay(trackId: string): void {
  const body = JSON.stringify({ trackId });
  const sent =
    typeof navigator !== 'undefined' &&
    typeof navigator.sendBeacon === 'function' &&
    navigator.sendBeacon('/api/v1/analytics/plays', new Blob([body], { type: 'text/plain' }));
  if (!sent) {
    void fetch('/api/v1/analytics/plays', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      keepalive: true,
    }).catch(() => undefined);
  }
}

/** The artist's showcased tracks, each with the browser's own player: keyboard and screen-reader ready. */
export function ShowcasePlayer({ artistName, tracks }: { artistName: string; tracks: ShowcasedTrack[] }) {
  const reported = useRef(new Set<string>());
  const playable = tracks.filter((track) => track.id && track.stream);
  if (playable.length === 0) return null;

  function played(trackId: string, audio: HTMLAudioElement) {
    // One track at a time, as on any artist page.
    document.querySelectorAll<HTMLAudioElement>('audio[data-showcase]').forEach((other) => {
      if (other !== audio) other.pause();
    });
    if (reported.current.has(trackId)) return;
    reported.current.add(trackId);
    reportPlay(trackId);
  }

  return (
    <section aria-labelledby="showcase-heading" className="flex flex-col gap-3">
      <h2 id="showcase-heading" className="text-xl font-semibold">
        Listen to {artistName}
      </h2>
      <ol className="flex flex-col gap-3">
        {playable.map((track, index) => {
          const id = track.id ?? '';
          const title = track.versionTitle ? `${track.title} (${track.versionTitle})` : (track.title ?? 'Untitled');
          return (
            <li key={id} className="flex flex-col gap-2 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
              <p className="font-medium">
                <span className="mr-2 text-zinc-600 dark:text-zinc-400">{index + 1}.</span>
                {title}
                {track.explicit ? (
                  <span className="ml-2 rounded bg-zinc-200 px-1.5 py-0.5 text-xs font-semibold dark:bg-zinc-700" title="Explicit">
                    E
                  </span>
                ) : null}
              </p>
              <audio
                data-showcase
                controls
                preload="none"
                src={track.stream}
                aria-label={`Play ${title}`}
                className="w-full"
                onPlay={(event) => played(id, event.currentTarget)}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
