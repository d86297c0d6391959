import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import { orderSearchKey } from './keys';
import type { SearchParams } from './types';

export function useSearchOrders(params: SearchParams) {
  return useQuery({
    queryKey: orderSearchKey(params),
    queryFn: ({ signal }) => ok(api.GET('/search/orders', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
