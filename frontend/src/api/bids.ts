import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { bidKey, bidsKey, contractsKey, myBidsKey, orderBidsKey, orderKey, ordersKey, searchKey } from './keys';
import type { BidInput, BidStatus, BidView } from './types';

export const MY_BIDS_PER_PAGE = 20;
/** The comparison view loads every bid of an order at once. */
export const ORDER_BIDS_PER_PAGE = 100;

/** GET /bids: the organisation's own bids (a company's: bids on its orders). */
export function useMyBids(status: BidStatus | '', page: number) {
  return useQuery({
    queryKey: myBidsKey(status, page),
    queryFn: ({ signal }) => ok(api.GET('/bids', { params: { query: { status: status || undefined, page, per_page: MY_BIDS_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useBid(id: string | undefined) {
  return useQuery({
    queryKey: bidKey(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/bids/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}

/** GET /orders/{id}/bids: the company's comparison of every bid on its order. */
export function useOrderBids(orderId: string, enabled = true) {
  return useQuery({
    queryKey: orderBidsKey(orderId),
    queryFn: ({ signal }) => ok(api.GET('/orders/{id}/bids', { params: { path: { id: orderId }, query: { page: 1, per_page: ORDER_BIDS_PER_PAGE } }, signal })),
    enabled: enabled && !!orderId,
  });
}

/** POST /orders/{id}/bids/preview: live figures for a possibly incomplete bid. */
export function previewBid(orderId: string, body: Partial<BidInput>, signal?: AbortSignal) {
  return ok(api.POST('/orders/{id}/bids/preview', { params: { path: { id: orderId } }, body, signal }));
}

/** Any bid change: the order (my_bid, remaining, open_bids), its bids and the lists. */
function useBidChanged() {
  const qc = useQueryClient();
  return (orderId: string) => {
    void qc.invalidateQueries({ queryKey: orderKey(orderId) });
    void qc.invalidateQueries({ queryKey: orderBidsKey(orderId) });
    void qc.invalidateQueries({ queryKey: bidsKey });
  };
}

export function useCreateBid(orderId: string) {
  const changed = useBidChanged();
  return useMutation({
    mutationFn: (body: BidInput) => ok(api.POST('/orders/{id}/bids', { params: { path: { id: orderId } }, body })),
    onSuccess: () => changed(orderId),
  });
}

export function useReviseBid(bidId: string, orderId: string) {
  const changed = useBidChanged();
  return useMutation({
    mutationFn: (body: Partial<BidInput>) => ok(api.PATCH('/bids/{id}', { params: { path: { id: bidId } }, body })),
    onSuccess: () => changed(orderId),
  });
}

export function useWithdrawBid() {
  const changed = useBidChanged();
  return useMutation({
    mutationFn: (bid: Pick<BidView, 'id' | 'order_id'>) => ok(api.POST('/bids/{id}/withdraw', { params: { path: { id: bid.id } } })),
    onSuccess: (b) => changed(b.order_id),
  });
}

export function useRejectBid() {
  const changed = useBidChanged();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => ok(api.POST('/bids/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: (b) => changed(b.order_id),
  });
}

/** Award: 201 with the new contract. The order's remaining quantity (and
 *  maybe its status and other bids) change, so everything order-related reloads. */
export function useAcceptBid() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, confirmBelowMinimumWage }: { id: string; confirmBelowMinimumWage: boolean }) =>
      ok(api.POST('/bids/{id}/accept', { params: { path: { id } }, body: { confirm_below_minimum_wage: confirmBelowMinimumWage } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ordersKey });
      void qc.invalidateQueries({ queryKey: bidsKey });
      void qc.invalidateQueries({ queryKey: contractsKey });
      void qc.invalidateQueries({ queryKey: searchKey });
    },
  });
}
