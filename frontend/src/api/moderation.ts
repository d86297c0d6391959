import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { moderationKey, ordersKey, reportsKey, staffCountsKey } from './keys';
import { useOrderSaved } from './orderCache';
import type { ModerationAction, OrderStatus, ReportStatus } from './types';

export const QUEUE_PER_PAGE = 20;

export function useModerationQueue(status: OrderStatus, page: number) {
  return useQuery({
    queryKey: moderationKey(status, page),
    queryFn: ({ signal }) =>
      ok(api.GET('/moderation/orders', { params: { query: { status, page, per_page: QUEUE_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useModerate() {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: ModerationAction; reason: string }) =>
      ok(api.POST(`/moderation/orders/{id}/${action}`, { params: { path: { id } }, body: { reason } })),
    onSuccess: saved,
  });
}

export function useReports(status: ReportStatus, page: number) {
  return useQuery({
    queryKey: reportsKey(status, page),
    queryFn: ({ signal }) =>
      ok(api.GET('/moderation/reports', { params: { query: { status, page, per_page: QUEUE_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export interface ReportDecision {
  /** every open report on this order */
  orderId: string;
  status: 'dismissed' | 'upheld';
  note: string;
  suspendOrder: boolean;
}

/** Decides every open report on an order; dismissing needs a note (the reporters are told it). */
export function useResolveReports() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, status, note, suspendOrder }: ReportDecision) =>
      ok(api.POST('/moderation/orders/{id}/reports/resolve', { params: { path: { id: orderId } }, body: { status, note, suspend_order: suspendOrder } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reportsKey() });
      void qc.invalidateQueries({ queryKey: ordersKey });
      void qc.invalidateQueries({ queryKey: staffCountsKey });
    },
  });
}

/** What waits in each staff queue; refreshed every minute for the navigation. */
export function useStaffCounts(enabled: boolean) {
  return useQuery({
    queryKey: staffCountsKey,
    queryFn: ({ signal }) => ok(api.GET('/moderation/counts', { signal })),
    enabled,
    refetchInterval: 60_000,
  });
}
