import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { moderationKey, reportsKey, staffCountsKey } from './keys';
import { useOrderSaved } from './orders';
import type { ModerationAction, OrderStatus, OrderView, Paginated, ReportGroup, ReportResolution, ReportStatus, StaffCounts } from './types';

export const QUEUE_PER_PAGE = 20;

export function useModerationQueue(status: OrderStatus, page: number) {
  return useQuery({
    queryKey: moderationKey(status, page),
    queryFn: ({ signal }) =>
      api.get<Paginated<OrderView>>('/moderation/orders', { status, page, per_page: QUEUE_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useModerate() {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: ModerationAction; reason: string }) =>
      api.post<OrderView>(`/moderation/orders/${id}/${action}`, { reason }),
    onSuccess: saved,
  });
}

export function useReports(status: ReportStatus, page: number) {
  return useQuery({
    queryKey: reportsKey(status, page),
    queryFn: ({ signal }) =>
      api.get<Paginated<ReportGroup>>('/moderation/reports', { status, page, per_page: QUEUE_PER_PAGE }, signal),
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
      api.post<ReportResolution>(`/moderation/orders/${orderId}/reports/resolve`, { status, note, suspend_order: suspendOrder }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reportsKey() });
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: staffCountsKey });
    },
  });
}

/** What waits in each staff queue; refreshed every minute for the navigation. */
export function useStaffCounts(enabled: boolean) {
  return useQuery({
    queryKey: staffCountsKey,
    queryFn: ({ signal }) => api.get<StaffCounts>('/moderation/counts', undefined, signal),
    enabled,
    refetchInterval: 60_000,
  });
}
