import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import { myOrdersKey, orderKey, ordersKey } from './keys';
import type { OrderDetail, OrderInput, OrderStatus, OrdersPage, OrderView, PreviewResponse, ReportReason } from './types';

export const MY_ORDERS_PER_PAGE = 20;

export function useMyOrders(status: OrderStatus | '', page: number) {
  return useQuery({
    queryKey: myOrdersKey(status, page),
    queryFn: ({ signal }) =>
      api.get<OrdersPage>('/orders', { mine: 1, status, page, per_page: MY_ORDERS_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: orderKey(id ?? ''),
    queryFn: ({ signal }) => api.get<OrderDetail>(`/orders/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Any order change: refresh lists and the detail (history, status). */
export function useOrderSaved() {
  const qc = useQueryClient();
  return (o: OrderView) => {
    qc.setQueryData<OrderDetail>(orderKey(o.id), (old) => (old ? { ...old, ...o } : old));
    void qc.invalidateQueries({ queryKey: ordersKey });
    void qc.invalidateQueries({ queryKey: ['search'] });
  };
}

export function useCreateOrder() {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: (body: OrderInput) => api.post<OrderView>('/orders', body),
    onSuccess: saved,
  });
}

export function useUpdateOrder(id: string) {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: (patch: Partial<OrderInput>) => api.patch<OrderView>(`/orders/${id}`, patch),
    onSuccess: saved,
  });
}

export function useOrderTransition() {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'submit' | 'cancel'; reason?: string }) =>
      api.post<OrderView>(`/orders/${id}/${action}`, reason ? { reason } : {}),
    onSuccess: saved,
  });
}

/** POST /orders/preview: totals for possibly incomplete terms. */
export function previewOrder(body: Partial<OrderInput>, signal?: AbortSignal) {
  return request<PreviewResponse>('POST', '/orders/preview', body, signal);
}

export function useReportOrder(id: string) {
  return useMutation({
    mutationFn: (body: { reason: ReportReason; detail: string }) => api.post<unknown>(`/orders/${id}/reports`, body),
  });
}
