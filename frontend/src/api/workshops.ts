import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { orderInvitationsKey, workshopSearchKey } from './keys';
import type { BidInvitation, Paginated, WorkshopSearchParams, WorkshopSearchResponse } from './types';

/** GET /search/workshops (public). */
export function useSearchWorkshops(params: WorkshopSearchParams, enabled = true) {
  return useQuery({
    enabled,
    queryKey: workshopSearchKey(params),
    queryFn: ({ signal }) => api.get<WorkshopSearchResponse>('/search/workshops', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** GET /orders/{id}/invitations: who the company already invited. */
export function useOrderInvitations(orderId: string, enabled = true) {
  return useQuery({
    queryKey: orderInvitationsKey(orderId),
    queryFn: ({ signal }) => api.get<Paginated<BidInvitation>>(`/orders/${orderId}/invitations`, { page: 1, per_page: 100 }, signal),
    enabled: enabled && !!orderId,
  });
}

export function useInviteWorkshop(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { workshop_id: string; message: string }) => api.post<BidInvitation>(`/orders/${orderId}/invitations`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: orderInvitationsKey(orderId) }),
  });
}
