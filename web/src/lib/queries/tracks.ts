'use client';

import { useQuery } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from '@/lib/api/client';
import type { Track } from '@/lib/api/types';
import { keys } from './keys';

/** While a track is processed its status is polled; the list stops asking once every track has settled. */
export const PROCESSING_POLL_MS = 2_000;

export function useTrackList(page: number, size: number) {
  return useQuery({
    queryKey: keys.trackList(page, size),
    queryFn: () => unwrap(api.GET('/api/v1/tracks', { params: { query: { page, size } } })),
    refetchInterval: (query) =>
      query.state.data?.items?.some((t) => t.status === 'PROCESSING') ? PROCESSING_POLL_MS : false,
  });
}

/** How many tracks are being processed now: one count from the platform, not a page to filter. */
export function useProcessingCount() {
  return useQuery({
    queryKey: [...keys.tracks, 'processing-count'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/tracks', { params: { query: { page: 0, size: 1, status: 'PROCESSING' } } })),
    select: (page) => page.totalItems ?? 0,
    refetchInterval: (query) => ((query.state.data?.totalItems ?? 0) > 0 ? PROCESSING_POLL_MS : false),
  });
}

export function useTrack(id: string) {
  return useQuery({
    queryKey: keys.track(id),
    queryFn: () => unwrap(api.GET('/api/v1/tracks/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'PROCESSING' ? PROCESSING_POLL_MS : false),
  });
}

export function useAnalysis(track: Track | undefined) {
  const id = track?.id ?? '';
  return useQuery({
    queryKey: keys.analysis(id),
    queryFn: () => unwrap(api.GET('/api/v1/tracks/{id}/analysis', { params: { path: { id } } })),
    enabled: track?.status === 'READY',
    staleTime: Infinity,
  });
}

/** audiowaveform's JSON, version 2: what peaks.js draws. */
export interface WaveformJson {
  version: number;
  channels: number;
  sample_rate: number;
  samples_per_pixel: number;
  bits: number;
  length: number;
  data: number[];
}

export interface WaveformResult {
  json: WaveformJson;
  receivedAt: number;
}

/**
 * The resolution asked of the service: fine enough to zoom into a few seconds, small enough that a
 * ten-minute track stays well under a megabyte of JSON.
 */
export const WAVEFORM_PIXELS_PER_SECOND = 50;

export function useWaveform(track: Track | undefined) {
  const id = track?.id ?? '';
  return useQuery({
    queryKey: keys.waveform(id),
    queryFn: async () => {
      const response = await rawFetch(
        `/api/v1/tracks/${encodeURIComponent(id)}/waveform?pixelsPerSecond=${WAVEFORM_PIXELS_PER_SECOND}`,
        { headers: { Accept: 'application/json' } },
      );
      const json = (await response.json()) as WaveformJson;
      // The moment the data is in hand: the waveform's draw time is measured from here.
      return { json, receivedAt: performance.now() } satisfies WaveformResult;
    },
    enabled: track?.status === 'READY',
    staleTime: Infinity,
  });
}
