'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from '@/lib/api/client';
import type { notificationComponents } from '@/lib/api/generated';
import { ApiProblem, networkProblem, problemFromResponse } from '@/lib/api/problem';

type Schemas = notificationComponents['schemas'];

export type Notification = Schemas['NotificationResponse'];
export type NotificationCategory = NonNullable<Notification['category']>;
export type CategoryPreference = Schemas['CategoryPreference'];
export type Channels = Schemas['Channels'];
export type Channel = keyof Channels;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unread: boolean, page: number) => ['notifications', 'list', unread, page] as const,
  unread: ['notifications', 'unread-count'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** The categories in words, as the preferences and the inbox show them. */
export const CATEGORY_TITLES: Record<NotificationCategory, string> = {
  TRACK_PROCESSING: 'Track processing',
  RELEASE_STATUS: 'Releases',
  PAYOUT: 'Payouts',
  SPLIT_INVITATION: 'Split invitations',
  MILESTONE: 'Milestones',
  SPIKE: 'Spikes in streams',
  WEEKLY_DIGEST: 'Weekly digest',
  SECURITY: 'Account and security',
};

export function categoryTitle(category: string | undefined): string {
  return (category && CATEGORY_TITLES[category as NotificationCategory]) || category || 'Notification';
}

export function useNotifications(unread: boolean, page: number, size = 20) {
  return useQuery({
    queryKey: notificationKeys.list(unread, page),
    queryFn: () =>
      unwrap(api.GET('/api/v1/notifications', { params: { query: { unread: unread || undefined, page, size } } })),
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await unwrap(api.GET('/api/v1/notifications/unread-count'))).unread ?? 0,
    // The live stream keeps it current; this is the first answer, and the fallback while the stream is down.
    staleTime: 60_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => void client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSettled: () => void client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: async () => (await unwrap(api.GET('/api/v1/notifications/preferences'))).categories ?? {},
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (categories: Record<string, Channels>) =>
      (await unwrap(api.PUT('/api/v1/notifications/preferences', { body: categories }))).categories ?? {},
    onSuccess: (saved) => client.setQueryData(notificationKeys.preferences, saved),
  });
}

// ---------------------------------------------------------------------------------------------------------
// One-click unsubscribe and Web Push (RFC 8058; the browser's PushSubscription JSON). The unsubscribe calls are
// public and go without the session, so a plain fetch that never renews one; the answers' shapes are checked
// against the generated schemas below.

/** What an unsubscribe link turns off, and whether mail is still on for that category. */
export type UnsubscribeState = Required<Schemas['UnsubscribeResponse']>;

function unsubscribePath(token: string): string {
  return `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** Public and without a session: a plain fetch, so an answer never triggers a session refresh. */
async function publicCall(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', ...init });
  } catch {
    throw networkProblem();
  }
  if (!response.ok) throw await problemFromResponse(response);
  return response;
}

/** What the link would turn off. Changes nothing (mail scanners open links too). */
export async function readUnsubscribe(token: string): Promise<UnsubscribeState> {
  const response = await publicCall(unsubscribePath(token), { headers: { Accept: 'application/json' } });
  return (await response.json()) as UnsubscribeState;
}

/** Turns mail off for the link's category, with the one-click body of RFC 8058. Idempotent. */
export async function confirmUnsubscribe(token: string): Promise<UnsubscribeState> {
  const response = await publicCall(unsubscribePath(token), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  return (await response.json()) as UnsubscribeState;
}

/** The browser's `PushSubscription.toJSON()`. */
export interface PushSubscriptionBody {
  endpoint: string;
  expirationTime: number | null;
  keys: { p256dh: string; auth: string };
}

export async function fetchPushKey(): Promise<string> {
  const response = await rawFetch('/api/v1/notifications/push/key', { headers: { Accept: 'application/json' } });
  const body = (await response.json()) as { publicKey?: string };
  if (!body.publicKey) throw new ApiProblem(502, { code: 'push.key_missing' }, 'The platform sent no key for push notifications.');
  return body.publicKey;
}

export async function saveSubscription(subscription: PushSubscriptionBody): Promise<void> {
  await rawFetch('/api/v1/notifications/push/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(subscription),
  });
}

export async function deleteSubscription(endpoint: string): Promise<void> {
  await rawFetch('/api/v1/notifications/push/subscriptions', {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ endpoint }),
  });
}
