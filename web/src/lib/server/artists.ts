import 'server-only';
import { cache } from 'react';
import type { Artist } from '@/lib/api/types';

/** The platform's handle rule: anything else is not a handle, and no request for it leaves the app. */
const HANDLE = /^[a-z0-9][a-z0-9_-]{1,28}[a-z0-9]$/;

function gateway(): string {
  return (process.env.NAL_GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

/**
 * An artist's public profile, read on the server for the public page and its Open Graph tags. Read on
 * every request: an artist who just changed their bio sees it on their page at once.
 */
export const findArtist = cache(async (handle: string): Promise<Artist | null> => {
  if (!HANDLE.test(handle)) return null;
  const response = await fetch(`${gateway()}/api/v1/artists/${encodeURIComponent(handle)}`, {
    cache: 'no-store',
    headers: { Accept: 'application/json' },
  });
  if (response.status === 404) return null;
  if (!response.ok) {
    throw new Error(`The artist directory answered ${response.status}`);
  }
  return (await response.json()) as Artist;
});
