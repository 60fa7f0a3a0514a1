'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiProblem } from '@/lib/api/problem';
import { keys } from '@/lib/queries/keys';
import { useTheme } from '@/lib/theme/theme-store';

export function makeQueryClient(): QueryClient {
  // A 401 that survived the client's refresh, while someone was signed in, means the session is over
  // (ended elsewhere, or expired): asking again who is signed in lets the signed-in frame send the artist
  // to the sign-in page. A refused sign-in is a 401 too, but nobody was signed in then.
  const sessionEnded = (error: unknown) => {
    if (error instanceof ApiProblem && error.isUnauthorized && client.getQueryData(keys.me) !== undefined) {
      void client.invalidateQueries({ queryKey: keys.me, refetchType: 'all' });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => query.queryKey[0] !== keys.me[0] && sessionEnded(error) }),
    mutationCache: new MutationCache({ onError: sessionEnded }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A refusal (4xx) will be refused again; only a lost answer is worth another try.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(makeQueryClient);
  const hydrate = useTheme((s) => s.hydrate);
  useEffect(() => hydrate(), [hydrate]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
