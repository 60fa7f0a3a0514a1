'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { User } from '@/lib/api/types';
import { keys } from './keys';

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: () => unwrap(api.GET('/api/v1/users/me')),
    staleTime: 60_000,
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: () => client.clear(),
  });
}

export function displayNameOf(user: User | undefined): string {
  return user?.displayName ?? user?.email ?? 'Artist';
}
