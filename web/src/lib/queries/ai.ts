'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from '@/lib/api/client';
import type { aiComponents } from '@/lib/api/generated';
import { toProblem } from '@/lib/api/problem';

type Schemas = aiComponents['schemas'];
export type Fact = Schemas['FactResponse'];
export type FactSheet = Schemas['FactSheetResponse'];
export type Insights = Schemas['Insights'];
export type StoreGain = Schemas['StoreGain'];
export type InsightProblem = Schemas['Problem'];
export type Guidance = Schemas['Guidance'];
export type GuidancePoint = Schemas['Point'];
export type ContentRequest = Schemas['ContentRequest'];
export type ContentKind = ContentRequest['kind'];
export type Content = Schemas['ContentResponse'];
export type Thread = Schemas['ThreadResponse'];
export type ThreadMessage = Schemas['MessageResponse'];

export const aiKeys = {
  all: ['ai'] as const,
  facts: ['ai', 'facts'] as const,
  insights: (trackId: string) => ['ai', 'insights', trackId] as const,
  guidance: ['ai', 'guidance'] as const,
  threads: ['ai', 'threads'] as const,
  threadList: (page: number, size: number) => ['ai', 'threads', 'list', page, size] as const,
  thread: (id: string) => ['ai', 'threads', 'one', id] as const,
};

/**
 * What each kind of text may hold at most, as ai-service's ContentKind says: where the text goes sets it
 * (Spotify's pitch form takes 500 characters; 280 fits every social network).
 */
export const CONTENT_KINDS: ReadonlyArray<{ kind: ContentKind; label: string; maxChars: number; where: string }> = [
  { kind: 'short_bio', label: 'Short bio', maxChars: 300, where: 'a store profile' },
  { kind: 'long_bio', label: 'Long bio', maxChars: 1500, where: 'a press kit' },
  { kind: 'playlist_pitch', label: 'Playlist pitch', maxChars: 500, where: "Spotify's pitch form" },
  { kind: 'press_release', label: 'Press release', maxChars: 4000, where: 'the press' },
  { kind: 'social_post', label: 'Social post', maxChars: 280, where: 'every social network' },
];

/** The shortest limit the service accepts. */
export const MIN_CHARS = 20;

/**
 * A just-processed track's facts reach ai-service by event, a moment after the track page shows it as
 * ready: until then its insights are a 404, asked again this often, this many times.
 */
export const INSIGHTS_POLL_MS = 2_000;
export const INSIGHTS_POLL_ATTEMPTS = 15;

export function useFacts() {
  return useQuery({
    queryKey: aiKeys.facts,
    queryFn: () => unwrap(api.GET('/api/v1/ai/facts')),
  });
}

/** Every fact by id, the artist's and the platform's: what a cited id is resolved against. */
export function factIndex(sheet: FactSheet | undefined): ReadonlyMap<string, Fact> {
  const index = new Map<string, Fact>();
  for (const fact of [...(sheet?.facts ?? []), ...(sheet?.platformFacts ?? [])]) {
    if (fact.id) index.set(fact.id, fact);
  }
  return index;
}

function notAnalysedYet(insights: Insights | undefined): boolean {
  return insights?.problems?.some((p) => p.code === 'not_analysed') ?? false;
}

export function useTrackInsights(
  trackId: string,
  enabled: boolean,
  pollMs: number = INSIGHTS_POLL_MS,
  attempts: number = INSIGHTS_POLL_ATTEMPTS,
) {
  return useQuery({
    queryKey: aiKeys.insights(trackId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/ai/tracks/{trackId}/insights', { params: { path: { trackId } } })),
    enabled,
    retry: (failures, error) => toProblem(error).isNotFound && failures < attempts,
    retryDelay: pollMs,
    // The title may arrive before the analysis: asked again until the loudness is known, for as long.
    refetchInterval: (query) =>
      notAnalysedYet(query.state.data) && query.state.dataUpdateCount < attempts ? pollMs : false,
  });
}

export function useGuidance() {
  return useQuery({
    queryKey: aiKeys.guidance,
    // A POST because a write-up may be generated (and counted against the budget); nothing is stored.
    queryFn: () => unwrap(api.POST('/api/v1/ai/guidance')),
    // Asked again on a later visit (a track processed since changes it), not on every focus of the tab.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useWriteContent() {
  return useMutation({
    mutationFn: (request: ContentRequest) => unwrap(api.POST('/api/v1/ai/content', { body: request })),
  });
}

export function useThreadList(page: number, size: number) {
  return useQuery({
    queryKey: aiKeys.threadList(page, size),
    queryFn: () => unwrap(api.GET('/api/v1/ai/threads', { params: { query: { page, size } } })),
  });
}

export function useThread(id: string) {
  return useQuery({
    queryKey: aiKeys.thread(id),
    queryFn: () => unwrap(api.GET('/api/v1/ai/threads/{id}', { params: { path: { id } } })),
  });
}

export function useCreateThread() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (title: string) =>
      unwrap(api.POST('/api/v1/ai/threads', { body: title.trim() ? { title: title.trim() } : {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: aiKeys.threads }),
  });
}

/**
 * Asks a question with the answer streamed: a POST, so fetch and a ReadableStream rather than EventSource.
 * A refusal before the stream opens (no thread, no provider, no budget) is thrown as its problem.
 */
export async function askStreamed(threadId: string, content: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const response = await rawFetch(`/api/v1/ai/threads/${encodeURIComponent(threadId)}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ content }),
    signal,
  });
  if (response.body === null) throw toProblem(new TypeError('no body'));
  return response.body;
}
