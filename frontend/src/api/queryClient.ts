import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';
import { meKey } from './keys';

/** One client per app (tests make their own). A 401 anywhere means the
 *  session ended: forget who we are so guards send the user to /login. */
export function makeQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (isApiError(err, 'unauthorized') && client.getQueryData(meKey) != null) {
      client.setQueryData(meKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !isApiError(err) || (err.code === 'network' && count < 2),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
