'use client';

import type { PeaksInstance } from 'peaks.js';
import Peaks from 'peaks.js';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import type { WaveformResult } from '@/lib/queries/tracks';

/** The performance measure the journeys read: from the data's arrival to the waveform on screen. */
export const WAVEFORM_DRAW_MEASURE = 'nal:waveform-draw';

/**
 * peaks.js over the service's audiowaveform JSON, driving the page's <audio>. This module (with Konva) is
 * loaded only on the track page, so it costs the dashboard nothing.
 */
export default function Waveform({
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
    if (!zoomview.current || !overview.current) return;
    let cancelled = false;
    const spp = waveform.json.samples_per_pixel;
    Peaks.init(
      {
        zoomview: { container: zoomview.current, waveformColor: '#e11d48', playedWaveformColor: '#9f1239' },
        overview: { container: overview.current, waveformColor: '#a1a1aa', playedWaveformColor: '#e11d48' },
        mediaElement: audio,
        waveformData: { json: waveform.json },
        zoomLevels: [spp, spp * 2, spp * 4, spp * 8, spp * 16],
        keyboard: false,
        playheadColor: '#f43f5e',
        axisLabelColor: '#71717a',
        axisGridlineColor: '#a1a1aa',
      },
      (error, instance) => {
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
      },
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
