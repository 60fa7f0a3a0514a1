'use client';

import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import type { Track } from '@/lib/api/types';
import { useWaveform } from '@/lib/queries/tracks';
import { loadPeaks, Waveform } from './waveform';


/**
 * Playback of the streaming rendition with its waveform. The stream's address redirects to a signed URL
 * that lives a few minutes; when it has expired under a paused player, the player asks again and resumes
 * where it was.
 */
export function Player({ track }: { track: Track }) {
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const waveform = useWaveform(track);
  const lastReload = useRef(0);
  const [unplayable, setUnplayable] = useState(false);
  // peaks.js and Konva load while the waveform's data is on its way, not after it arrived.
  useEffect(() => {
    void loadPeaks();
  }, []);
  const streamUrl = track.links?.stream ?? `/api/v1/tracks/${track.id}/stream`;

  return (
    <section aria-labelledby="player-heading" className="flex flex-col gap-3">
      <h2 id="player-heading" className="text-lg font-semibold">
        Listen
      </h2>
      {waveform.error ? <ProblemAlert error={waveform.error} /> : null}
      {audio && waveform.data ? <Waveform waveform={waveform.data} audio={audio} /> : null}
      {!waveform.data && !waveform.error ? <Loading label="Loading the waveform…" /> : null}
      <audio
        ref={setAudio}
        controls
        preload="metadata"
        src={streamUrl}
        aria-label={`Play ${track.title ?? 'the track'}`}
        className="w-full"
        onLoadedMetadata={() => setUnplayable(false)}
        onError={(event) => {
          const element = event.currentTarget;
          const now = Date.now();
          if (now - lastReload.current < 10_000) {
            setUnplayable(true);
            return;
          }
          lastReload.current = now;
          const at = element.currentTime;
          element.load();
          element.addEventListener('loadedmetadata', () => (element.currentTime = at), { once: true });
        }}
      />
      {unplayable ? (
        <Alert tone="error">The recording cannot be played right now. Reload the page to try again.</Alert>
      ) : null}
    </section>
  );
}
