import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import { myOrdersKey, orderKey } from './keys';
import { useOrderSaved } from './orderCache';
import type { OrderInput, OrderStatus, ReportReason } from './types';

export const MY_ORDERS_PER_PAGE = 20;

export function useMyOrders(status: OrderStatus | '', page: number) {
  return useQuery({
    queryKey: myOrdersKey(status, page),
    queryFn: ({ signal }) =>
      ok(api.GET('/orders', { params: { query: { status: status || undefined, page, per_page: MY_ORDERS_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** An order's page data; main.tsx asks for it early on a first visit. */
export function orderQuery(id: string) {
  return {
    queryKey: orderKey(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => ok(api.GET('/orders/{id}', { params: { path: { id } }, signal })),
  };
}

export function useOrder(id: string | undefined) {
  return useQuery({ ...orderQuery(id ?? ''), enabled: !!id });
}

export function useCreateOrder() {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: (body: OrderInput) => ok(api.POST('/orders', { body })),
    onSuccess: saved,
  });
}

export function useUpdateOrder(id: string) {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: (patch: Partial<OrderInput>) => ok(api.PATCH('/orders/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: saved,
  });
}

export function useOrderTransition() {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'submit' | 'cancel'; reason?: string }) =>
      ok(api.POST(`/orders/{id}/${action}`, { params: { path: { id } }, body: reason ? { reason } : {} })),
    onSuccess: saved,
  });
}

/** POST /orders/preview: totals for possibly incomplete terms. */
export function previewOrder(body: Partial<OrderInput>, signal?: AbortSignal) {
  return ok(api.POST('/orders/preview', { body, signal }));
}

export function useReportOrder(id: string) {
  return useMutation({
    mutationFn: (body: { reason: ReportReason; detail: string }) => ok(api.POST('/orders/{id}/reports', { params: { path: { id } }, body })),
  });
}
