'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from '@/lib/api/client';
import type { distributionComponents } from '@/lib/api/generated';

type Schemas = distributionComponents['schemas'];
export type Platform = Schemas['PlatformResponse'];
export type Release = Schemas['ReleaseResponse'];
export type ReleaseRequest = Schemas['ReleaseRequest'];
export type PlatformReadiness = Schemas['PlatformReadiness'];
export type RuleResult = Schemas['RuleResult'];
export type PlatformDeliveries = Schemas['PlatformDeliveries'];
export type StatusEntry = Schemas['StatusEntry'];
export type DeliveryStatus = NonNullable<StatusEntry['status']>;

export const releaseKeys = {
  all: ['releases'] as const,
  platforms: ['platforms'] as const,
  list: (page: number, size: number) => ['releases', 'list', page, size] as const,
  one: (id: string) => ['releases', 'one', id] as const,
  deliveries: (id: string) => ['releases', 'deliveries', id] as const,
  ern: (id: string, platform: string) => ['releases', 'ern', id, platform] as const,
};

/**
 * A store's answer that nothing will move by itself: the store took it, refused it, put it live, or it was
 * taken down, or the delivery gave up. Anything else is still on its way and the timeline is asked again.
 */
const FINAL: ReadonlySet<string> = new Set(['ACCEPTED', 'REJECTED', 'LIVE', 'TAKEN_DOWN', 'FAILED']);

export function isFinal(status: string | null | undefined): boolean {
  return status !== null && status !== undefined && FINAL.has(status);
}

/**
 * How often a timeline still on its way is asked again: the reference stores answer within seconds to a
 * minute, and the service polls them every few seconds, so sooner would only load the gateway.
 */
export const DELIVERY_POLL_MS = 3_000;

export function usePlatforms() {
  return useQuery({
    queryKey: releaseKeys.platforms,
    queryFn: () => unwrap(api.GET('/api/v1/platforms')),
    staleTime: 5 * 60_000,
  });
}

export function useReleaseList(page: number, size: number) {
  return useQuery({
    queryKey: releaseKeys.list(page, size),
    queryFn: () => unwrap(api.GET('/api/v1/releases', { params: { query: { page, size } } })),
  });
}

export function useRelease(id: string) {
  return useQuery({
    queryKey: releaseKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/releases/{id}', { params: { path: { id } } })),
  });
}

/** The stores' timelines, asked again while any store's delivery is still under way. */
export function useDeliveries(id: string, enabled: boolean) {
  return useQuery({
    queryKey: releaseKeys.deliveries(id),
    queryFn: () => unwrap(api.GET('/api/v1/releases/{id}/deliveries', { params: { path: { id } } })),
    enabled,
    refetchInterval: (query) => {
      const items = query.state.data?.items ?? [];
      return items.some((item) => !isFinal(item.status)) ? DELIVERY_POLL_MS : false;
    },
  });
}

/** The exact ERN message sent to one store, as text: the API answers application/xml. */
export function useErn(id: string, platform: string, enabled: boolean) {
  return useQuery({
    queryKey: releaseKeys.ern(id, platform),
    queryFn: async () => {
      const response = await rawFetch(
        `/api/v1/releases/${encodeURIComponent(id)}/ddex?platform=${encodeURIComponent(platform)}`,
        { headers: { Accept: 'application/xml, application/problem+json' } },
      );
      return response.text();
    },
    enabled,
    staleTime: Infinity,
  });
}

export function useCreateRelease() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReleaseRequest) => unwrap(api.POST('/api/v1/releases', { body })),
    onSuccess: (release) => {
      void client.invalidateQueries({ queryKey: releaseKeys.all });
      if (release.id) client.setQueryData(releaseKeys.one(release.id), release);
    },
  });
}

type Action = 'submit' | 'takedown' | 'update';

const ACTION_PATHS = {
  submit: '/api/v1/releases/{id}/submit',
  takedown: '/api/v1/releases/{id}/takedown',
  update: '/api/v1/releases/{id}/update',
} as const;

/**
 * Submit, take down, or send the catalogue's new metadata: each answers with the release, whose timeline
 * then moves; a refusal (not ready, immutable field, wrong state) leaves everything as it was.
 */
export function useReleaseAction(id: string, action: Action) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST(ACTION_PATHS[action], { params: { path: { id } } })),
    onSuccess: (release) => {
      client.setQueryData(releaseKeys.one(id), release);
      void client.invalidateQueries({ queryKey: releaseKeys.deliveries(id) });
      void client.invalidateQueries({ queryKey: ['releases', 'ern', id] });
      void client.invalidateQueries({ queryKey: releaseKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
    onError: () => {
      // A refused submission carries the report as it is now; the release is read again to show it.
      void client.invalidateQueries({ queryKey: releaseKeys.one(id) });
    },
  });
}
