import 'server-only';
import { cache } from 'react';
import type { Showcase, ShowcasedTrack } from '@/lib/api/types';

function gateway(): string {
  return (process.env.NAL_GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

/**
 * The tracks an artist shows on their public page, read on the server with the page. A showcase that cannot be
 * read leaves the page without its player rather than without the artist: the profile still renders.
 */
export const findShowcase = cache(async (artistId: string): Promise<ShowcasedTrack[]> => {
  try {
    const response = await fetch(`${gateway()}/api/v1/showcase/${encodeURIComponent(artistId)}`, {
      cache: 'no-store',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return [];
    const showcase = (await response.json()) as Showcase;
    return showcase.tracks ?? [];
  } catch {
    return [];
  }
});
