import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import { contractKey, contractListKey } from './keys';
import type { ContractStatus } from './types';

export const CONTRACTS_PER_PAGE = 20;

/** GET /contracts: my organisation's contracts (staff: all). */
export function useContracts(status: ContractStatus | '', page: number) {
  return useQuery({
    queryKey: contractListKey(status, page),
    queryFn: ({ signal }) => ok(api.GET('/contracts', { params: { query: { status: status || undefined, page, per_page: CONTRACTS_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: contractKey(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/contracts/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}
