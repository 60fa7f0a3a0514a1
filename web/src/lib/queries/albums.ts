'use client';

import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { keys } from './keys';

export function useAlbumList(page: number, size: number) {
  return useQuery({
    queryKey: keys.albumList(page, size),
    queryFn: () => unwrap(api.GET('/api/v1/albums', { params: { query: { page, size } } })),
  });
}

export function useAlbum(id: string) {
  return useQuery({
    queryKey: keys.album(id),
    queryFn: () => unwrap(api.GET('/api/v1/albums/{id}', { params: { path: { id } } })),
  });
}
