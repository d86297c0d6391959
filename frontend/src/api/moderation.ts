import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { moderationKey, reportsKey } from './keys';
import { useOrderSaved } from './orders';
import type { ModerationAction, OrderStatus, OrderView, Paginated, Report, ReportStatus } from './types';

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
      api.get<Paginated<Report>>('/moderation/reports', { status, page, per_page: QUEUE_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useResolveReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, note }: { id: string; status: 'dismissed' | 'upheld'; note: string }) =>
      api.post<Report>(`/moderation/reports/${id}/resolve`, { status, note }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reportsKey() });
      void qc.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}
