import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { contractKey, contractListKey } from './keys';
import type { ContractStatus, ContractView, Paginated } from './types';

export const CONTRACTS_PER_PAGE = 20;

/** GET /contracts: my organisation's contracts (staff: all). */
export function useContracts(status: ContractStatus | '', page: number) {
  return useQuery({
    queryKey: contractListKey(status, page),
    queryFn: ({ signal }) => api.get<Paginated<ContractView>>('/contracts', { status, page, per_page: CONTRACTS_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: contractKey(id ?? ''),
    queryFn: ({ signal }) => api.get<ContractView>(`/contracts/${id}`, undefined, signal),
    enabled: !!id,
  });
}
