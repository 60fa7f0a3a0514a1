'use client';

import type { PeaksInstance } from 'peaks.js';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import type { WaveformResult } from '@/lib/queries/tracks';
import { audioPlayerAdapter } from './audio-player-adapter';

/** The performance measure the journeys read: from the data's arrival to the waveform on screen. */
export const WAVEFORM_DRAW_MEASURE = 'nal:waveform-draw';

let peaksModule: Promise<typeof import('peaks.js')> | null = null;

/**
 * peaks.js and Konva, fetched once and only by the track page, so they cost the dashboard nothing. Loaded
 * imperatively rather than through React.lazy: a suspended component is revealed no sooner than 300 ms
 * after its fallback showed (React's throttle against flicker), which alone would exceed the waveform's
 * draw budget.
 */
export function loadPeaks() {
  peaksModule ??= import('peaks.js');
  return peaksModule;
}

/** peaks.js over the service's audiowaveform JSON, driving the page's <audio>. */
export function Waveform({
  waveform,
  audio,
}: {
  waveform: WaveformResult;
  audio: HTMLAudioElement;
}) {
  const zoomview = useRef<HTMLDivElement>(null);
  const overview = useRef<HTMLDivElement>(null);
  const peaks = useRef<PeaksInstance | null>(null);
  const [drawMs, setDrawMs] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const zoomContainer = zoomview.current;
    const overviewContainer = overview.current;
    if (!zoomContainer || !overviewContainer) return;
    let cancelled = false;
    const spp = waveform.json.samples_per_pixel;
    const drawn = (error: Error | null, instance?: PeaksInstance) => {
      if (cancelled) {
        instance?.destroy();
        return;
      }
      if (error || !instance) {
        setFailed('The waveform could not be drawn.');
        return;
      }
      peaks.current = instance;
      // Konva draws on the next frame; the measure ends once that frame is painted.
      requestAnimationFrame(() => {
        const now = performance.now();
        try {
          performance.measure(WAVEFORM_DRAW_MEASURE, { start: waveform.receivedAt, end: now });
        } catch {
          // Browsers without measure options still show the figure on the element.
        }
        setDrawMs(Math.round(now - waveform.receivedAt));
      });
    };
    loadPeaks().then(
      ({ default: Peaks }) => {
        if (cancelled) return;
        Peaks.init(
          {
            zoomview: { container: zoomContainer, waveformColor: '#e11d48', playedWaveformColor: '#9f1239' },
            overview: { container: overviewContainer, waveformColor: '#a1a1aa', playedWaveformColor: '#e11d48' },
            player: audioPlayerAdapter(audio, (waveform.json.length * spp) / waveform.json.sample_rate),
            waveformData: { json: waveform.json },
            zoomLevels: [spp, spp * 2, spp * 4, spp * 8, spp * 16],
            keyboard: false,
            playheadColor: '#f43f5e',
            axisLabelColor: '#71717a',
            axisGridlineColor: '#a1a1aa',
          },
          drawn,
        );
      },
      () => setFailed('The waveform could not be drawn.'),
    );
    return () => {
      cancelled = true;
      peaks.current?.destroy();
      peaks.current = null;
    };
  }, [waveform, audio]);

  if (failed) return <Alert tone="error">{failed}</Alert>;
  return (
    <figure
      aria-label="Waveform"
      data-testid="waveform"
      data-ready={drawMs !== null ? 'true' : 'false'}
      data-draw-ms={drawMs ?? undefined}
      className="flex flex-col gap-2"
    >
      <div ref={zoomview} className="h-32 w-full rounded-md bg-zinc-50 dark:bg-zinc-900" />
      <div ref={overview} className="h-14 w-full rounded-md bg-zinc-50 dark:bg-zinc-900" />
      <figcaption className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-300">
        <Button variant="secondary" size="sm" onClick={() => peaks.current?.zoom.zoomIn()}>
          Zoom in
        </Button>
        <Button variant="secondary" size="sm" onClick={() => peaks.current?.zoom.zoomOut()}>
          Zoom out
        </Button>
        <span className="ml-auto">Click the waveform to move the playhead.</span>
      </figcaption>
    </figure>
  );
}
