import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { searchKey } from './keys';
import type { SearchParams, SearchResponse } from './types';

export function useSearchOrders(params: SearchParams) {
  return useQuery({
    queryKey: searchKey(params),
    queryFn: ({ signal }) => api.get<SearchResponse>('/search/orders', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
