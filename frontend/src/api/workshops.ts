import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { orderInvitationsKey, workshopSearchKey } from './keys';
import type { WorkshopSearchParams } from './types';

/** GET /search/workshops (public). */
export function useSearchWorkshops(params: WorkshopSearchParams, enabled = true) {
  return useQuery({
    enabled,
    queryKey: workshopSearchKey(params),
    queryFn: ({ signal }) => ok(api.GET('/search/workshops', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** GET /orders/{id}/invitations: who the company already invited. */
export function useOrderInvitations(orderId: string, enabled = true) {
  return useQuery({
    queryKey: orderInvitationsKey(orderId),
    queryFn: ({ signal }) => ok(api.GET('/orders/{id}/invitations', { params: { path: { id: orderId }, query: { page: 1, per_page: 100 } }, signal })),
    enabled: enabled && !!orderId,
  });
}

export function useInviteWorkshop(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { workshop_id: string; message: string }) => ok(api.POST('/orders/{id}/invitations', { params: { path: { id: orderId } }, body })),
    onSettled: () => void qc.invalidateQueries({ queryKey: orderInvitationsKey(orderId) }),
  });
}
